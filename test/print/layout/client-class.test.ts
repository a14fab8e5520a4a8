/**
 * The layout of `client.ts` against prettier: the client class (statics, the constructor with its hugged object
 * pattern, the credential checks, the `super({ … })` call, `override` methods) and its `declare namespace` of
 * `export { type A }` specifiers, at and just over the 100-column limit.
 */
import * as path from 'node:path';
import { unformattedFiles } from '../layout-corpus';
import { expectPrettierLayout, filler, laidOutAndPrettier } from './expect-layout';

/** A client class with the given constructor parameter and body. */
const client = (parameter: string, body: string) => `export class OpenAI extends BaseClient {
  /** The class itself. */
  static readonly OpenAI: typeof OpenAI = this;
  static readonly DEFAULT_TIMEOUT: number = 600000;
  static readonly OpenAIError = ClientGenError;
  public readonly chat: Chat = new Chat(this);

  constructor(${parameter}) {
    ${body}
  }

  /** A new client. */
  override withOptions(options: Partial<ClientOptions>): this {
    return super.withOptions(options);
  }
}`;

const superCall = `super({ timeout: 600000, maxRetries: 2, ...options, apiKey: apiKey ?? null, baseURL: baseURL ?? "https://api.example.com" });`;
const apiKeyCheck = (name: string) =>
  `if (${name} === undefined || ${name} === null || ${name} === '') {\n      throw new ClientGenError("Missing API key: pass { ${name} }.");\n    }\n\n    ${superCall}`;
const someCheck = (names: string[]) =>
  `if (![${names.join(', ')}].some((value) => value !== undefined && value !== null && value !== '')) {\n      throw new ClientGenError("Missing credentials: pass ${filler(30)}.");\n    }\n    ${superCall}`;

/** `  constructor({ a…a, baseURL, ...options }: ClientOptions = {}) {`: 62 columns besides the `a`s. */
const bindings = (width: number) => `{ ${filler(width - 62)}, baseURL, ...options }`;

describe('layout of the client class', () => {
  it.each([
    [
      'a constructor with names only',
      client('{ apiKey, baseURL, ...options }: ClientOptions = {}', superCall),
    ],
    [
      'defaults read from the environment, broken one per line',
      client(
        `{ apiKey = readEnv("OPENAI_API_KEY"), baseURL = readEnv("OPENAI_BASE_URL"), ...options }: ClientOptions = {}`,
        superCall,
      ),
    ],
    [
      'a constructor line exactly 100 columns wide',
      client(`${bindings(100)}: ClientOptions = {}`, superCall),
    ],
    [
      'a constructor line 101 columns wide',
      client(`${bindings(101)}: ClientOptions = {}`, superCall),
    ],
    [
      'an API key check that fits',
      client('{ apiKey, baseURL, ...options }: ClientOptions = {}', apiKeyCheck('apiKey')),
    ],
    // `    if (X === undefined || X === null || X === '') {`: 49 columns besides the three names.
    [
      'an API key check exactly 100 columns wide',
      client('{ apiKey, baseURL, ...options }: ClientOptions = {}', apiKeyCheck(filler(17))),
    ],
    [
      'an API key check that breaks (103 columns)',
      client('{ apiKey, baseURL, ...options }: ClientOptions = {}', apiKeyCheck(filler(18))),
    ],
    [
      'a check of several credentials',
      client('{ a, b, baseURL, ...options }: ClientOptions = {}', someCheck(['a', 'b'])),
    ],
    [
      'a check of several credentials whose array breaks',
      client(
        '{ a, b, baseURL, ...options }: ClientOptions = {}',
        someCheck([filler(40), filler(41), 'b']),
      ),
    ],
    [
      'a super call with nested security objects',
      client(
        '{ bearerToken, baseURL, ...options }: ClientOptions = {}',
        `super({ timeout: 60000, maxRetries: 2, ...options, credentials: { bearerToken, tenantApiKey }, baseURL: baseURL ?? '', security: { schemes: { "k'; x": { type: 'apiKey', in: 'header', name: "X-'", key: { option: "tenantApiKey", env: "REPORTS_TENANT_API_KEY_${filler(20)}" } } }, requirements: [{ bot: [] }, { queryKey: ["a:b"] }] }, logEnv: "OPENAI_LOG" });`,
      ),
    ],
    [
      'long static names',
      `export class ${filler(40)} extends BaseClient {\n  static readonly ${filler(40)}: typeof ${filler(40)} = this;\n  static readonly ${filler(45)}Error = ClientGenError;\n  static readonly DEFAULT_TIMEOUT_${filler(70)}: number = 600000;\n}`,
    ],
  ])('%s', async (_name, text) => {
    await expectPrettierLayout(text);
  });

  it.each([
    [
      'a parameter without a rest element',
      client('{ apiKey, baseURL }: ClientOptions = {}', superCall),
    ],
    [
      'an if with an else',
      client('{ a, ...options }: O = {}', 'if (a === b) {\n  f();\n} else {\n  g();\n}'),
    ],
    [
      'a comparison outside a logical chain',
      client('{ a, ...options }: O = {}', 'if (a === b) {\n  f();\n}'),
    ],
    ['a static initialized with a call', 'export class A {\n  static readonly B = f();\n}'],
    ['a chain from super', 'export class A {\n  m(): void {\n    return super.a.b();\n  }\n}'],
  ])('falls back on %s', async (_name, text) => {
    const { laid } = await laidOutAndPrettier(text);
    expect(laid.pieces.map((p) => p.formatted)).toEqual([false]);
  });
});

describe('layout of the client namespace', () => {
  const names = (n: number, width: number) =>
    Array.from({ length: n }, (_, i) => `type ${filler(width)}${i}`).join(', ');
  it.each([
    ['one specifier', 'export declare namespace OpenAI {\n  export { type RequestOptions };\n}'],
    ['specifiers that fit', `export declare namespace OpenAI {\n  export { ${names(3, 20)} };\n}`],
    // `  export { ` (11 columns), two names of 36, `, ` twice, `type ` and ` };`: 95 columns besides the last `a`s.
    [
      'specifiers exactly 100 columns wide',
      `export declare namespace A {\n  export { ${names(2, 30)}, type ${filler(5)} };\n}`,
    ],
    [
      'specifiers 101 columns wide',
      `export declare namespace A {\n  export { ${names(2, 30)}, type ${filler(6)} };\n}`,
    ],
    [
      'a declared namespace, not exported',
      'declare namespace A {\n  export { type B, C as D };\n}',
    ],
  ])('%s', async (_name, text) => {
    await expectPrettierLayout(text);
  });
});

describe('client.ts of real clients', () => {
  const ROOT = path.join(__dirname, '..', '..', '..');
  // The chat client and the golden cases with every kind of credential check and security config (quoted names too).
  it.each([
    'spec/chat-completions.yaml',
    ...[
      'auth-api-key',
      'auth-http',
      'auth-oauth2-open-id-connect',
      'auth-per-operation',
      'injection',
    ].map((c) => `test/golden/cases/${c}/spec.yaml`),
  ])(
    'is laid out whole, with nothing left to prettier: %s',
    async (spec) => {
      const client = (await unformattedFiles(path.join(ROOT, spec))).find(
        (f) => f.path === 'client.ts',
      )!;
      const { laid, actual, expected } = await laidOutAndPrettier(client.text);
      expect(laid.statements).toEqual({
        laidOut: laid.statements.laidOut,
        fallBack: 0,
        failed: [],
      });
      expect(laid.statements.laidOut).toBeGreaterThan(4);
      expect(actual).toBe(expected);
    },
    60_000,
  );
});
