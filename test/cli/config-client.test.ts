/**
 * The config's `client` block (ir/client-settings.ts): what `x-clientgen` says of the client as a whole (environment
 * variables, default timeout and retries, browser mode) given beside a spec its user cannot edit. Each key wins over
 * the spec's alone; a bad value is refused before anything is read; a change of it is a change of the output (the
 * run cache misses) and not of the API (`diff` compares both specs under it).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';

/** A spec that sets every setting the block can, and takes a key and a username with a password. */
const spec = (ext: string) => `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
security: [{ key: [] }, { basic: [] }]
paths:
  /ping:
    get:
      operationId: ping
      parameters: [{ name: limit, in: query, schema: { type: integer } }]
      responses:
        '200':
          description: OK
          content: { application/json: { schema: { type: object, properties: { ok: { type: boolean } } } } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Api-Key }
    basic: { type: http, scheme: basic }
x-clientgen:
${ext}`;

const SPEC = spec(`  env: { apiKey: SHOP_API_KEY, baseURL: SHOP_BASE_URL }
  timeout: 1000
  maxRetries: 4
  browser: allow
`);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-config-client-test-'));
  await mkdir(path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'spec.yaml'), SPEC);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const config = (client: unknown) =>
  writeFile(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'spec.yaml', out: 'out', client }),
  );

async function generate(...flags: string[]): Promise<{ client: string; stderr: string }> {
  const { code, stderr } = await runCli(dir, 'generate', '--verbose', ...flags);
  expect(code).toBe(0);
  return { client: await readFile(path.join(dir, 'out/client.ts'), 'utf8'), stderr };
}

it('gives every setting over the spec, and the credentials take the prefix of the API key it names', async () => {
  await config({
    env: { apiKey: 'ACME_API_KEY', log: 'ACME_DEBUG' },
    timeout: 5000,
    maxRetries: 0,
    browser: 'opt-in',
  });
  const { client } = await generate();
  expect(client).toContain("readEnv('ACME_API_KEY')");
  expect(client).toContain("logEnv: 'ACME_DEBUG'");
  expect(client).toContain('timeout: 5000,');
  expect(client).toContain('maxRetries: 0,');
  expect(client).toContain('browserOptIn: true');
  expect(client).toContain('dangerouslyAllowBrowser?: boolean');
  // Not named by the config: the spec's base URL variable, and the other credentials under the new prefix.
  expect(client).toContain("readEnv('SHOP_BASE_URL')");
  expect(client).toContain("env: 'ACME_USERNAME'");
  expect(client).toContain("env: 'ACME_PASSWORD'");
  expect(client).not.toMatch(/SHOP_API_KEY|SHOP_USERNAME|timeout: 1000,|maxRetries: 4,/);
});

it('leaves the spec its settings where the block says nothing of them', async () => {
  await config({ timeout: 5000 });
  const { client } = await generate();
  expect(client).toContain("readEnv('SHOP_API_KEY')");
  expect(client).toContain('timeout: 5000,');
  expect(client).toContain('maxRetries: 4,');
  expect(client).not.toContain('browserOptIn');
});

it('takes the name --client-name or clientName gives as the credentials’ prefix where no env names them', async () => {
  await writeFile(path.join(dir, 'spec.yaml'), spec('  timeout: 1000\n'));
  const flag = await runCli(dir, 'generate', 'spec.yaml', '--out', 'flag', '--client-name', 'Acme');
  expect(flag.code).toBe(0);
  await writeFile(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'spec.yaml', out: 'out', clientName: 'AcmeClient' }),
  );
  const { client } = await generate();
  for (const text of [await readFile(path.join(dir, 'flag/client.ts'), 'utf8'), client]) {
    expect(text).toContain("readEnv('ACME_API_KEY')");
    expect(text).toContain("env: 'ACME_USERNAME'");
    expect(text).not.toContain('SHOP_');
  }
  expect(client).toContain('export class AcmeClient');
});

it('names the types of a resource with the prefix its resources entry gives, over the spec’s', async () => {
  const types = async () => {
    const { code } = await runCli(dir, 'generate');
    expect(code).toBe(0);
    // `GET /ping` is `client.api.ping()`: the root's action.
    const resource = await readFile(path.join(dir, 'out/resources/api.ts'), 'utf8');
    return [...resource.matchAll(/export interface (\w+Params)\b/g)].map((m) => m[1]);
  };
  await config({});
  expect(await types()).toEqual(['ApiPingParams']);
  await writeFile(
    path.join(dir, 'spec.yaml'),
    SPEC.replace(
      '  browser: allow\n',
      '  browser: allow\n  resources: { api: { typePrefix: Spec } }\n',
    ),
  );
  expect(await types()).toEqual(['SpecPingParams']);
  await config({ resources: { api: { typePrefix: 'Probe' } } });
  expect(await types()).toEqual(['ProbePingParams']);
});

it('warns about a resources entry for a resource the client does not have, with the one it likely meant', async () => {
  await writeFile(
    path.join(dir, 'spec.yaml'),
    SPEC.replace(
      '  browser: allow\n',
      '  browser: allow\n  resources: { api: { typePrefix: Spec }, Ap_i: { typePrefix: Case }, pings: { typePrefix: P } }\n',
    ),
  );
  await config({
    resources: {
      apj: { typePrefix: 'Typo' },
      'other.ping': { typePrefix: 'Far' },
      'v1.apis': { typePrefix: 'Ending' },
      // Over the spec's entry: the config's, said as the config's.
      pings: { typePrefix: 'Over' },
    },
  });
  // --verbose: every warning, not the first three of a code.
  const { code, stderr } = await runCli(dir, 'generate', '--verbose');
  expect(code).toBe(0);
  const warnings = stderr.split('\n').filter((line) => line.includes('warning resource-unused'));
  expect(warnings).toEqual([
    // Each entry where it is written: the config's in the config file, the spec's in the spec.
    expect.stringMatching(
      /^clientgen\.config\.json:1:\d+ warning resource-unused: the config's client\.resources gives "apj" a type prefix, but the client has no resource apj \(did you mean "api"\?\): the prefix is not used$/,
    ),
    expect.stringMatching(
      /^clientgen\.config\.json:1:\d+ .*the config's client\.resources gives "other\.ping" a type prefix, but the client has no resource other\.ping: the prefix is not used$/,
    ),
    expect.stringMatching(
      /^clientgen\.config\.json:1:\d+ .*the config's client\.resources gives "v1\.apis" a type prefix, but the client has no resource v1\.apis \(did you mean "api"\?\)/,
    ),
    expect.stringMatching(
      /^clientgen\.config\.json:1:\d+ .*the config's client\.resources gives "pings" a type prefix, but the client has no resource pings: the prefix is not used$/,
    ),
    expect.stringMatching(
      /^spec\.yaml:23:49 .*x-clientgen\.resources gives "Ap_i" a type prefix, but the client has no resource Ap_i \(did you mean "api"\?\)/,
    ),
  ]);
  expect(stderr).toContain('  at #/client/resources/other.ping');
  expect(stderr).toMatch(/^0 errors, 5 warnings in spec\.yaml and clientgen\.config\.json$/m);
  // The entry that names the resource is used, without a word.
  expect(stderr).not.toMatch(/resources gives "api"/);
  const resource = await readFile(path.join(dir, 'out/resources/api.ts'), 'utf8');
  expect(resource).toContain('export interface SpecPingParams');
  // The run cache replays it as it was said; the config's text is one of the run's sources, so the same settings
  // written over several lines miss it, and the warning moves with its entry.
  const again = await runCli(dir, 'generate', '--verbose');
  expect(again.stderr).toMatch(/^cache hit\s/m);
  expect(again.stderr).toContain(warnings[0]);
  const written = JSON.parse(
    await readFile(path.join(dir, 'clientgen.config.json'), 'utf8'),
  ) as unknown;
  await writeFile(path.join(dir, 'clientgen.config.json'), JSON.stringify(written, null, 2));
  const moved = await runCli(dir, 'generate', '--verbose');
  expect(moved.stderr).not.toMatch(/^cache hit\s/m);
  expect(moved.stderr).toMatch(/^clientgen\.config\.json:6:14 warning resource-unused: .*"apj"/m);
  // A gate for spec authors refuses it.
  expect((await runCli(dir, 'generate', '--strict')).code).toBe(2);
});

it('is part of the run cache key: a changed block regenerates', async () => {
  await config({ timeout: 5000 });
  await generate();
  expect((await generate()).stderr).toMatch(/^cache hit\s/m);
  await config({ timeout: 7000 });
  const again = await generate();
  expect(again.stderr).not.toMatch(/^cache hit\s/m);
  expect(again.client).toContain('timeout: 7000,');
});

it.each([
  ['not an object', 'soon', /"client" must be an object of client settings/],
  ['a timeout that is no number', { timeout: '5s' }, /"client.timeout" must be .*, got "5s"/],
  ['negative retries', { maxRetries: -1 }, /"client.maxRetries" must be .*>= 0, got -1/],
  [
    'a browser mode it does not know',
    { browser: 'deny' },
    /"client.browser" must be "allow" or "opt-in", got "deny"/,
  ],
  [
    'an environment variable that is no name',
    { env: { apiKey: 'MY-KEY; rm -rf /' } },
    /"client.env.apiKey" must be an environment variable name .*, got "MY-KEY; rm -rf \/"/,
  ],
  ['env not an object', { env: 'ACME' }, /"client.env" must be an object/],
  [
    'a misspelt key',
    { retries: 3 },
    /unknown key "client.retries" \(allowed: "env", "timeout", "maxRetries", "browser", "resources"\)/,
  ],
  [
    'a type prefix that is no identifier',
    { resources: { ping: { typePrefix: 'Ping Pong' } } },
    /"client.resources.ping.typePrefix" must be an identifier .*, got "Ping Pong"/,
  ],
])('refuses %s: exit 2, nothing written', async (_name, client, message) => {
  await config(client);
  const { code, stderr } = await runCli(dir, 'generate');
  expect(code).toBe(2);
  expect(stderr).toContain('clientgen.config.json');
  expect(stderr).toMatch(message);
  await expect(readFile(path.join(dir, 'out/client.ts'))).rejects.toThrow();
});

describe('diff', () => {
  beforeEach(() =>
    writeFile(
      path.join(dir, 'new.yaml'),
      spec(`  env: { apiKey: STORE_API_KEY, baseURL: SHOP_BASE_URL }
  timeout: 2000
  maxRetries: 4
  browser: opt-in
`),
    ),
  );
  const diff = async () => {
    const { code, stdout } = await runCli(dir, 'diff', 'spec.yaml', 'new.yaml', '--format', 'json');
    expect(code).toBe(0);
    return (JSON.parse(stdout) as { changes: { rule: string; location: string }[] }).changes;
  };

  it('reports the specs’ client changes without a block', async () => {
    const rules = (await diff()).map((c) => `${c.rule} ${c.location}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'client-browser-opt-in browser',
        'client-timeout-changed timeout',
        'client-env-changed env.apiKey',
        'client-env-changed env.username',
        'client-env-changed env.password',
      ]),
    );
  });

  it('reports no rename of a client whose config names it', async () => {
    await writeFile(path.join(dir, 'spec.yaml'), spec('  client: Shop\n'));
    await writeFile(path.join(dir, 'new.yaml'), spec('  client: Store\n'));
    // The class, and the three variables its name gave (`apiKey`, `username`, `password`).
    expect((await diff()).map((c) => `${c.rule} ${c.location}`)).toEqual([
      'client-renamed Shop',
      'client-env-changed env.apiKey',
      'client-env-changed env.password',
      'client-env-changed env.username',
    ]);
    await writeFile(
      path.join(dir, 'clientgen.config.json'),
      JSON.stringify({ spec: 'spec.yaml', out: 'out', clientName: 'Shop' }),
    );
    expect(await diff()).toEqual([]);
  });

  it('reports none of what the block fixes for both', async () => {
    await config({ env: { apiKey: 'ACME_API_KEY' }, timeout: 5000, browser: 'opt-in' });
    expect(await diff()).toEqual([]);
  });
});
