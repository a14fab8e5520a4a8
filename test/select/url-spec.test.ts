/**
 * `clientgen generate <url>`: a spec served over http by a loopback `node:http` server (127.0.0.1, port 0).
 * Success in YAML and JSON, a multi-file spec, and every way a fetch can fail, each a diagnostic naming the
 * URL, exit 2 and nothing written.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { runCli } from '../helpers/run-cli';

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Remote', version: '1.0.0' },
  servers: [{ url: 'https://api.example.com' }],
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        responses: {
          '200': {
            description: 'Pets',
            content: {
              'application/json': {
                schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};
const withPetRef = (ref: string) => ({ ...SPEC, components: { schemas: { Pet: { $ref: ref } } } });
const PET_FILE = {
  Pet: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, tag: { type: 'string' } },
  },
};

let server: Server;
let base: string;
/** The same server under another origin: `localhost` instead of `127.0.0.1`. */
let otherOrigin: string;
let closedPort: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, type: string, body: string) =>
      res.writeHead(status, { 'content-type': type }).end(body);
    if (req.url === '/private/spec.yaml') {
      const expected = `Basic ${Buffer.from('me:secret').toString('base64')}`;
      return req.headers.authorization === expected
        ? send(200, 'application/yaml', stringify(SPEC))
        : send(401, 'text/plain', 'who are you?');
    }
    switch (req.url) {
      case '/spec.yaml':
        return send(200, 'application/yaml', stringify(SPEC));
      case '/v1/spec.json':
        return send(200, 'application/json', JSON.stringify(SPEC));
      case '/multi/spec.yaml':
        return send(200, 'text/plain', stringify(withPetRef('./schemas/pet.yaml#/Pet')));
      case '/multi/schemas/pet.yaml':
        return send(200, 'text/yaml', stringify(PET_FILE));
      case '/cross/spec.yaml':
        return send(
          200,
          'application/yaml',
          stringify(withPetRef(`${otherOrigin}/multi/schemas/pet.yaml#/Pet`)),
        );
      case '/redirected-ref/spec.yaml':
        return send(200, 'application/yaml', stringify(withPetRef('./moved.yaml#/Pet')));
      case '/redirected-ref/moved.yaml':
        return res.writeHead(302, { location: `${otherOrigin}/multi/schemas/pet.yaml` }).end();
      case '/moved/spec.yaml':
        return res.writeHead(301, { location: `${otherOrigin}/spec.yaml` }).end();
      case '/missing-ref/spec.yaml':
        return send(200, 'application/yaml', stringify(withPetRef('./nope.yaml#/Pet')));
      case '/page':
        return send(
          200,
          'text/html; charset=utf-8',
          '<!doctype html>\n<html><body>Sign in</body></html>\n',
        );
      case '/not-openapi.json':
        return send(200, 'application/json', '{ "hello": "world" }\n');
      case '/slow.yaml':
        return; // never answers
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  otherOrigin = `http://localhost:${port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-url-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(dir, ...args);
const outExists = () =>
  readdir(path.join(dir, 'out')).then(
    () => true,
    () => false,
  );
const read = (rel: string) => readFile(path.join(dir, 'out', rel), 'utf8');

describe('a spec from a URL', () => {
  it.each(['/spec.yaml', '/v1/spec.json'])(
    '%s generates a client whose banner names the URL as given',
    async (rel) => {
      const { code, stderr } = await run('generate', `${base}${rel}`, '--out', 'out');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(await read('models/pet.ts')).toMatch(
        new RegExp(
          `^// Code generated by clientgen from ${base}${rel.replace('.', '\\.')}\\. DO NOT EDIT\\.\n`,
        ),
      );
      expect(await read('resources/pets.ts')).toContain('list(');
    },
  );

  it('follows relative $refs of a remote spec on the same origin', async () => {
    const { code, stderr } = await run('generate', `${base}/multi/spec.yaml`, '--out', 'out');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await read('models/pet.ts')).toContain('tag?: string;');
  });

  it('refuses a $ref to another origin without --allow-remote-refs, and follows it with', async () => {
    const refused = await run('generate', `${base}/cross/spec.yaml`, '--out', 'out');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${base}/cross/spec.yaml:`);
    expect(refused.stderr).toContain(
      `error ref-remote: remote $ref '${otherOrigin}/multi/schemas/pet.yaml#/Pet' is refused (it is not on ${base}, the spec's origin); pass --allow-remote-refs to follow it`,
    );
    expect(await outExists()).toBe(false);
    const allowed = await run(
      'generate',
      `${base}/cross/spec.yaml`,
      '--out',
      'out',
      '--allow-remote-refs',
    );
    expect(allowed.code).toBe(0);
    expect(await read('models/pet.ts')).toContain('tag?: string;');
  });

  it('follows a redirect of the spec itself, even to another origin', async () => {
    const { code, stderr } = await run('generate', `${base}/moved/spec.yaml`, '--out', 'out');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await read('client.ts')).toContain(`from ${base}/moved/spec.yaml.`);
  });

  it('takes the URL from the config file', async () => {
    await writeFile(
      path.join(dir, 'clientgen.config.json'),
      JSON.stringify({ spec: `${base}/spec.yaml`, out: 'out' }),
    );
    const { code, stderr } = await run('generate');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await read('client.ts')).toContain(`from ${base}/spec.yaml.`);
  });

  it('refuses a same-origin $ref that redirects to another origin', async () => {
    const { code, stderr } = await run(
      'generate',
      `${base}/redirected-ref/spec.yaml`,
      '--out',
      'out',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `cannot read '${base}/redirected-ref/moved.yaml': redirected to ${otherOrigin}, another origin; pass --allow-remote-refs to follow it`,
    );
    expect(await outExists()).toBe(false);
  });
});

describe('a URL that gives no spec: a diagnostic naming the URL, exit 2, nothing written', () => {
  it.each([
    [
      '404',
      () => `${base}/nowhere.yaml`,
      () => `error file-unreadable: cannot read '${base}/nowhere.yaml': HTTP 404 Not Found`,
    ],
    [
      'closed port',
      () => `${closedPort}/spec.yaml`,
      () => `error file-unreadable: cannot read '${closedPort}/spec.yaml': connection refused`,
    ],
    [
      'HTML page',
      () => `${base}/page`,
      () =>
        `error not-openapi: cannot read '${base}/page': the server answered with an HTML page (text/html), not an OpenAPI document in YAML or JSON`,
    ],
    [
      'JSON that is not OpenAPI',
      () => `${base}/not-openapi.json`,
      () =>
        `${base}/not-openapi.json:1:1 error not-openapi: expected an OpenAPI 3.0 or 3.1 document (openapi: 3.x.y), found no openapi field`,
    ],
    [
      'missing $ref file',
      () => `${base}/missing-ref/spec.yaml`,
      () =>
        `error file-unreadable: cannot read '${base}/missing-ref/nope.yaml': HTTP 404 Not Found`,
    ],
  ])('%s', async (_name, url, message) => {
    const { code, stderr } = await run('generate', url(), '--out', 'out');
    expect(stderr).toContain(message());
    expect(stderr).toContain(`; nothing was written to out/`);
    expect(code).toBe(2);
    expect(await outExists()).toBe(false);
  });

  it('timeout (--timeout)', async () => {
    const { code, stderr } = await run(
      'generate',
      `${base}/slow.yaml`,
      '--out',
      'out',
      '--timeout',
      '0.3',
    );
    expect(stderr).toContain(
      `error file-unreadable: cannot read '${base}/slow.yaml': no complete answer within 0.3 s (see --timeout)`,
    );
    expect(code).toBe(2);
    expect(await outExists()).toBe(false);
  });

  it('a bad --timeout is a usage error', async () => {
    const { code, stderr } = await run(
      'generate',
      `${base}/spec.yaml`,
      '--out',
      'out',
      '--timeout',
      'soon',
    );
    expect(stderr).toContain('expected a number of seconds above 0');
    expect(code).toBe(2);
  });
});

it('a user name and password in the URL are sent as basic auth, and left out of the banner and messages', async () => {
  const withAuth = base.replace('http://', 'http://me:secret@');
  const { code, stderr } = await run('generate', `${withAuth}/private/spec.yaml`, '--out', 'out');
  expect(stderr).toBe('');
  expect(code).toBe(0);
  const text = await read('client.ts');
  expect(text).toContain(`from ${base}/private/spec.yaml.`);
  expect(text).not.toContain('secret');
  const wrong = await run(
    'generate',
    `${base.replace('http://', 'http://me:wrong@')}/private/spec.yaml`,
    '--out',
    'out2',
  );
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain(`cannot read '${base}/private/spec.yaml': HTTP 401 Unauthorized`);
  expect(wrong.stderr).not.toContain('wrong');
});

describe('diff of a spec from a URL', () => {
  /** The served spec as it was before: `Pet.tag` there, and `name` not yet required. */
  const OLD = {
    ...SPEC,
    components: {
      schemas: {
        Pet: { type: 'object', properties: { name: { type: 'string' }, tag: { type: 'string' } } },
      },
    },
  };
  const diff = (...args: string[]) => run('diff', ...args, '--date', '2026-12-05');

  it('compares a file with the spec a URL serves, and the report names both as given', async () => {
    await writeFile(path.join(dir, 'old.yaml'), stringify(OLD));
    const withAuth = base.replace('http://', 'http://me:secret@');
    const md = await diff('old.yaml', `${withAuth}/private/spec.yaml`);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`API changes: old.yaml → ${base}/private/spec.yaml`);
    expect(md.stdout).not.toContain('secret');
    const json = await diff('old.yaml', `${base}/spec.yaml`, '--format', 'json');
    const changes = (JSON.parse(json.stdout) as { changes: { rule: string; location: string }[] })
      .changes;
    expect(changes.map((c) => `${c.rule} ${c.location}`)).toEqual([
      'response-property-removed-optional Pet.tag',
      'response-property-became-required Pet.name',
    ]);
  });

  it('finds no change between a URL and the same spec as a file', async () => {
    await writeFile(path.join(dir, 'same.json'), JSON.stringify(SPEC));
    const { code, stdout } = await diff(`${base}/spec.yaml`, 'same.json', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(expect.objectContaining({ changes: [] }));
  });

  it('refuses a $ref to another origin without --allow-remote-refs, and follows it with', async () => {
    await writeFile(path.join(dir, 'old.yaml'), stringify(OLD));
    const refused = await diff('old.yaml', `${base}/cross/spec.yaml`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error ref-remote:');
    expect(refused.stderr).toContain('nothing was compared');
    const allowed = await diff('old.yaml', `${base}/cross/spec.yaml`, '--allow-remote-refs');
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
  });

  it.each([
    ['a 404', '/nope.yaml', [], 'HTTP 404'],
    ['a server that does not answer', '/slow.yaml', ['--timeout', '0.3'], 'within 0.3 s'],
  ])('%s: exit 2, the URL named, nothing compared', async (_name, rel, flags, reason) => {
    await writeFile(path.join(dir, 'old.yaml'), stringify(OLD));
    const { code, stderr, stdout } = await diff('old.yaml', `${base}${rel}`, ...flags);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot read '${base}${rel}'`);
    expect(stderr).toContain(reason);
    expect(stdout).toBe('');
  });
});
