/** Security schemes and requirements in the IR: kinds, option names, variables, per-operation requirements, warnings. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { buildIr } from '../../generator/ir/build-ir';
import type { IrSecurityScheme } from '../../generator/ir/types';
import { loadSpec } from '../../generator/load/load-spec';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'clientgen-security-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function irOf(
  schemes: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  paths: Record<string, unknown> = {},
) {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  const root = {
    openapi: '3.1.0',
    info: { title: 'Acme API', version: '1' },
    paths,
    components: { securitySchemes: schemes },
    ...extra,
  };
  writeFileSync(file, stringify(root));
  const { spec } = await loadSpec(file);
  const { ir, diagnostics } = buildIr(spec!, 'spec.yaml');
  return {
    ir: ir!,
    warnings: diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`),
  };
}

/** scheme name → its options, as `option=ENV`. */
function options(schemes: IrSecurityScheme[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of schemes) {
    const creds =
      s.kind === 'apiKey'
        ? [s.key]
        : s.kind === 'basic'
          ? [s.username, s.password]
          : s.kind === 'oauth2' && s.clientCredentials
            ? [s.token, s.clientCredentials.clientId, s.clientCredentials.clientSecret]
            : [s.token];
    out[s.name] = creds.map((c) => `${c.option}=${c.env}`);
  }
  return out;
}

describe('security schemes', () => {
  it('reads every kind, with the options a user knows and variables prefixed by the client name', async () => {
    const { ir, warnings } = await irOf({
      key: { type: 'apiKey', in: 'cookie', name: 'sid' },
      basic: { type: 'http', scheme: 'Basic' },
      token: { type: 'http', scheme: 'bearer' },
      bot: { type: 'http', scheme: 'Bot' },
      oauth: {
        type: 'oauth2',
        flows: {
          clientCredentials: { tokenUrl: '/oauth/token', scopes: { read: 'r', write: 'w' } },
        },
      },
    });
    expect(warnings).toEqual([]);
    expect(options(ir.client.security.schemes)).toEqual({
      basic: ['username=ACME_USERNAME', 'password=ACME_PASSWORD'],
      bot: ['botToken=ACME_BOT_TOKEN'],
      key: ['apiKey=ACME_API_KEY'],
      oauth: [
        'accessToken=ACME_ACCESS_TOKEN',
        'clientId=ACME_CLIENT_ID',
        'clientSecret=ACME_CLIENT_SECRET',
      ],
      token: ['bearerToken=ACME_BEARER_TOKEN'],
    });
    const oauth = ir.client.security.schemes.find((s) => s.name === 'oauth');
    expect(oauth).toMatchObject({
      kind: 'oauth2',
      flows: ['clientCredentials'],
      clientCredentials: { tokenUrl: '/oauth/token', scopes: ['read', 'write'] },
    });
    expect(ir.client.security.schemes.find((s) => s.name === 'basic')?.kind).toBe('basic');
    expect(ir.client.security.schemes.find((s) => s.name === 'bot')).toMatchObject({
      kind: 'http',
      scheme: 'Bot',
    });
  });

  it('names a bearer scheme `apiKey` when the spec calls it an API key or names its variable env.apiKey', async () => {
    const { ir } = await irOf(
      { ApiKeyAuth: { type: 'http', scheme: 'bearer' } },
      { 'x-clientgen': { env: { apiKey: 'OPENAI_API_KEY' } } },
    );
    expect(options(ir.client.security.schemes)).toEqual({
      ApiKeyAuth: ['apiKey=OPENAI_API_KEY'],
    });
    const named = await irOf(
      { bearerAuth: { type: 'http', scheme: 'bearer' } },
      { 'x-clientgen': { env: { apiKey: 'ACME_KEY' } } },
    );
    expect(options(named.ir.client.security.schemes)).toEqual({
      bearerAuth: ['apiKey=ACME_KEY'],
    });
    const described = await irOf({
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'Authorization: Bearer <api_key>',
      },
    });
    expect(options(described.ir.client.security.schemes)).toEqual({
      bearerAuth: ['apiKey=ACME_API_KEY'],
    });
  });

  it('names several schemes of one kind after the schemes, the same whatever their order in the file', async () => {
    const a = {
      AdminApiKeyAuth: { type: 'http', scheme: 'bearer' },
      ApiKeyAuth: { type: 'http', scheme: 'bearer' },
      partner: { type: 'apiKey', in: 'header', name: 'X-Partner' },
      basicAuth: { type: 'http', scheme: 'basic' },
    };
    const b = Object.fromEntries(Object.entries(a).reverse());
    const expected = {
      AdminApiKeyAuth: ['adminApiKey=ACME_ADMIN_API_KEY'],
      ApiKeyAuth: ['apiKey=ACME_API_KEY'],
      basicAuth: ['username=ACME_USERNAME', 'password=ACME_PASSWORD'],
      partner: ['partnerApiKey=ACME_PARTNER_API_KEY'],
    };
    expect(options((await irOf(a)).ir.client.security.schemes)).toEqual(expected);
    expect(options((await irOf(b)).ir.client.security.schemes)).toEqual(expected);
  });

  it('takes a variable for any credential option from x-clientgen.env, and reports a bad one', async () => {
    const { ir, warnings } = await irOf(
      { t: { type: 'http', scheme: 'bearer' }, b: { type: 'http', scheme: 'basic' } },
      { 'x-clientgen': { env: { bearerToken: 'MY_TOKEN', password: 'not a name' } } },
    );
    expect(options(ir.client.security.schemes)).toEqual({
      b: ['username=ACME_USERNAME', 'password=ACME_PASSWORD'],
      t: ['bearerToken=MY_TOKEN'],
    });
    expect(warnings).toEqual(['error invalid-extension #/x-clientgen/env/password']);
  });

  it.each([
    ['an apiKey without a name', { type: 'apiKey', in: 'header' }],
    ['an apiKey in a bad place', { type: 'apiKey', in: 'body', name: 'k' }],
    [
      'an apiKey header whose name is not a header name',
      { type: 'apiKey', in: 'header', name: 'X Key' },
    ],
    ['an HTTP scheme that is not a token', { type: 'http', scheme: 'Bearer token' }],
    ['mutualTLS', { type: 'mutualTLS' }],
    ['an unknown type', { type: 'magic' }],
  ])('warns about %s and leaves it out', async (_what, scheme) => {
    const { ir, warnings } = await irOf({ broken: scheme });
    expect(ir.client.security.schemes).toEqual([]);
    expect(warnings).toEqual(['warning spec-structure #/components/securitySchemes/broken']);
  });

  it('warns about a client-credentials flow without a tokenUrl and keeps the access token', async () => {
    const { ir, warnings } = await irOf({
      o: { type: 'oauth2', flows: { clientCredentials: { scopes: {} } } },
    });
    expect(options(ir.client.security.schemes)).toEqual({ o: ['accessToken=ACME_ACCESS_TOKEN'] });
    expect(warnings).toEqual([
      'warning spec-structure #/components/securitySchemes/o/flows/clientCredentials',
    ]);
  });
});

describe('requirements', () => {
  const schemes = {
    key: { type: 'apiKey', in: 'header', name: 'X-Key' },
    basic: { type: 'http', scheme: 'basic' },
    oauth: { type: 'oauth2', flows: {} },
  };
  const op = (security?: unknown) => ({
    get: {
      ...(security === undefined ? {} : { security }),
      responses: { '204': { description: 'ok' } },
    },
  });

  it('reads the document’s as an OR of ANDs, and an operation’s own only when it differs', async () => {
    const { ir } = await irOf(
      schemes,
      { security: [{ key: [], basic: [] }, { oauth: ['read'] }] },
      {
        '/inherits': op(),
        '/same': op([{ key: [], basic: [] }, { oauth: ['read'] }]),
        '/own': op([{ oauth: ['write'] }, {}]),
        '/none': op([]),
      },
    );
    expect(ir.client.security.requirements).toEqual([
      [
        { scheme: 'key', scopes: [] },
        { scheme: 'basic', scopes: [] },
      ],
      [{ scheme: 'oauth', scopes: ['read'] }],
    ]);
    const byPath = Object.fromEntries(
      ir.operations.map((o) => [o.path, { authenticated: o.authenticated, security: o.security }]),
    );
    expect(byPath).toEqual({
      '/inherits': { authenticated: true, security: undefined },
      '/same': { authenticated: true, security: undefined },
      '/own': { authenticated: true, security: [[{ scheme: 'oauth', scopes: ['write'] }], []] },
      '/none': { authenticated: false, security: [[]] },
    });
  });

  it('drops an alternative naming an undefined scheme, with a warning', async () => {
    const { ir, warnings } = await irOf(schemes, { security: [{ nope: [] }, { key: [] }] });
    expect(ir.client.security.requirements).toEqual([[{ scheme: 'key', scopes: [] }]]);
    expect(warnings).toEqual(['warning spec-structure #/security/0/nope']);
  });

  it('without any `security`, sends whichever scheme was given and needs none', async () => {
    const { ir } = await irOf(schemes, {}, { '/x': op() });
    expect(ir.client.security.requirements).toEqual([
      [{ scheme: 'basic', scopes: [] }],
      [{ scheme: 'key', scopes: [] }],
      [{ scheme: 'oauth', scopes: [] }],
      [],
    ]);
  });

  it('without the document’s, takes the one most operations declare as the client’s (the same requests)', async () => {
    const key = [{ key: [] }];
    const { ir } = await irOf(
      schemes,
      {},
      { '/a': op(key), '/b': op(key), '/c': op([{ basic: [] }]), '/d': op(), '/e': op(key) },
    );
    expect(ir.client.security.requirements).toEqual([[{ scheme: 'key', scopes: [] }]]);
    const byPath = Object.fromEntries(
      ir.operations.map((o) => [o.path, { authenticated: o.authenticated, security: o.security }]),
    );
    expect(byPath).toEqual({
      '/a': { authenticated: true, security: undefined },
      '/b': { authenticated: true, security: undefined },
      '/c': { authenticated: true, security: [[{ scheme: 'basic', scopes: [] }]] },
      // It declared none, so it needs none: now said, since the client's default asks for a key.
      '/d': { authenticated: false, security: [[]] },
      '/e': { authenticated: true, security: undefined },
    });
  });

  it('with `security` only on some operations, the others need none (as OpenAPI says)', async () => {
    const { ir } = await irOf(schemes, {}, { '/x': op(), '/y': op([{ key: [] }]) });
    expect(ir.client.security.requirements).toEqual([[]]);
    expect(ir.operations.map((o) => o.authenticated)).toEqual([false, true]);
  });
});
