import type { SourceFileStructure } from 'ts-morph';
import { StructureKind } from '../structure-kind';
import { schemeCredentialGroups } from '../../ir/security-credentials';
import type { IrSecurityScheme } from '../../ir/types';
import type { Plan } from '../../plan/types';
import { streams } from '../emit-files';
import { tsPropertyName } from '../render-type';
import { tsString } from '../../text/string-literal';
import { withBlankLines } from './blank-lines';

/** The environment variable naming the mock server the generated tests call. */
export const BASE_URL_ENV = 'TEST_API_BASE_URL';
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';

/**
 * The client options holding credentials, each with a dummy value, so that every operation's requirements can be
 * met. An OAuth 2 scheme gets its token directly: its client id and secret would send the tests to the provider's
 * real `tokenUrl`. A spec with no schemes keeps the client's one `apiKey` option.
 */
export function credentialOptions(plan: Plan): { name: string; value: string }[] {
  const { schemes } = plan.ir.client.security;
  if (!schemes.length) return [{ name: 'apiKey', value: 'test-api-key' }];
  // The direct way to meet each scheme (never OAuth 2's client credentials), a dummy value per option.
  const options = schemes.flatMap((s) =>
    (schemeCredentialGroups(s)[0] ?? []).map((c, i) => ({
      name: c.option,
      value: dummyValues(s.kind)[i] ?? 'test',
    })),
  );
  // Two schemes may share an option (a token used two ways): one value each.
  return [...new Map(options.map((o) => [o.name, o])).values()];
}

/** Recognisable dummies for the credentials of each kind of scheme, in the order the scheme takes them. */
function dummyValues(kind: IrSecurityScheme['kind']): string[] {
  if (kind === 'apiKey') return ['test-api-key'];
  if (kind === 'basic') return ['test-user', 'test-password'];
  return ['test-token'];
}

/**
 * `setup.ts` of the tests folder: the client every test calls (the mock's URL from `TEST_API_BASE_URL`, dummy
 * credentials, no retries) and `expectAccepted`, which awaits a call, reads a stream or binary body to the end, and
 * fails when the mock refused or flagged the request.
 */
export function emitTestSetup(plan: Plan, clientModule: string): SourceFileStructure {
  const C = plan.clientClass;
  const options = [
    ...credentialOptions(plan).map((o) => `${tsPropertyName(o.name)}: ${tsString(o.value)}`),
    'baseURL',
    // A refused call fails at once: a retry would only hide it.
    'maxRetries: 0',
    // A redirect is the mock's answer, not followed: it points where the spec's example says (GitHub's archive
    // downloads: codeload.github.com), outside the mock.
    "fetch: (input, init) => fetch(input, { ...init, redirect: 'manual' })",
  ];
  return {
    kind: StructureKind.SourceFile,
    statements: withBlankLines([
      // A named import: a default one needs esModuleInterop under `module: commonjs`.
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: 'node:assert',
        namedImports: [{ name: 'strict', alias: 'assert' }],
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: clientModule,
        // `Stream` only where some call streams: the client exports it only then.
        namedImports: ['APIError', C, ...(streams(plan) ? ['Stream'] : [])],
      },
      `/** The mock server the tests call: \`${BASE_URL_ENV}\`, else a local mock on its usual port. */
      export const baseURL = process.env[${tsString(BASE_URL_ENV)}] ?? ${tsString(DEFAULT_BASE_URL)};`,
      `/** A client for the mock, with a dummy value for every credential option. */
      export function createClient(): ${C} { return new ${C}({ ${options.join(', ')} }); }
      export const client = createClient();`,
      `/**
        * What a validating mock found wrong with a request: Steady names each problem in \`x-steady-error-<n>-*\`
        * headers, also on answers it gives anyway (a 200 with an unknown property). Other mocks send none.
        */
      export function mockProblems(headers: Headers | undefined): string[] {
        const count = Number(headers?.get('x-steady-error-count') ?? 0);
        return Array.from({ length: count }, (_, i) => {
          const at = (field: string): string => headers?.get(\`x-steady-error-\${i + 1}-\${field}\`) ?? '';
          return \`\${at('code')} \${at('path')}: \${at('message')}\`.trim();
        });
      }`,
      `/** Awaits a call and reads what it gives to the end; fails when the mock refused the request or flagged it. */
      export async function expectAccepted(
        call: PromiseLike<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> },
      ): Promise<void> {
        let result: { data: unknown; response: Response };
        try {
          result = await call.withResponse();
        } catch (error) {
          // A connection error says why in its cause.
          const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
          if (cause instanceof Error) assert.fail(\`\${String(error)} (\${String(cause)})\`);
          // A redirect (3xx) answers a request the mock accepted, unless it flagged a problem. So does an error status
          // Steady says the request was valid for: an operation that declares only errors, or an error before its
          // \`default\` success (it answers with the first status declared).
          const redirected = error instanceof APIError && error.status !== undefined && error.status >= 300 && error.status < 400;
          const valid = error instanceof APIError && error.headers?.get('x-steady-request-valid') === 'true';
          if ((redirected || valid) && error instanceof APIError && !mockProblems(error.headers).length) return;
          if (error instanceof APIError)
            assert.fail([error.message, ...mockProblems(error.headers)].join('\\n  '));
          throw error;
        }
        const problems = mockProblems(result.response.headers);
        if (problems.length) assert.fail(['the mock flagged the request', ...problems].join('\\n  '));
        const { data } = result;
        if (data instanceof Response) await data.arrayBuffer();${
          streams(plan)
            ? `
        if (data instanceof Stream) {
          const events: unknown[] = [];
          for await (const event of data) events.push(event);
        }`
            : ''
        }
      }`,
    ]),
  };
}
