/**
 * Generated clients (not only the runtime) authenticate as their spec says: the auth golden specs are
 * generated, written to a temporary folder with their `core/`, loaded, and called against a node:http
 * server on 127.0.0.1. What is checked: the options and environment variables the generator emits, the
 * per-operation requirements it passes, `security: []`, and when construction refuses a client.
 */

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { generateTree, writeTempTree } from '../helpers/generate';

type Recorded = { url: string; headers: Record<string, string | string[] | undefined> };
type Call = (options?: unknown) => Promise<unknown>;
type Client = Record<string, Record<string, Call>>;
type ClientClass = new (options?: Record<string, unknown>) => Client;

const CASES = path.resolve(__dirname, '../golden/cases');
const dirs: string[] = [];
let server: Server;
let origin: string;
let requests: Recorded[];

/** Generates a golden case's spec and loads its client class (ts-jest transpiles the written files). */
async function load(name: string, className: string): Promise<ClientClass> {
  const { tree, diagnostics } = await generateTree(path.join(CASES, name, 'spec.yaml'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const dir = writeTempTree(tree, `clientgen-auth-${name}-`);
  dirs.push(dir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(dir, 'index.ts')) as Record<string, ClientClass>;
  const Class = mod[className];
  if (!Class) throw new Error(`${className} is not exported`);
  return Class;
}

beforeAll(async () => {
  server = createServer((req, res: ServerResponse) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => {
      if (req.url === '/exports' || req.url === '/reports') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('[]');
      } else {
        res.writeHead(204);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  requests = [];
});

/** Runs `fn` with the given environment variables set (and every REPORTS_/MESSAGING_ one cleared). */
async function withEnv(vars: Record<string, string>, fn: () => Promise<void>): Promise<void> {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env))
    if (/^(REPORTS|MESSAGING)_/.test(key)) delete process.env[key];
  Object.assign(process.env, vars);
  try {
    await fn();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('auth-per-operation (bearer for the document, its own requirements per operation)', () => {
  let Reports: ClientClass;
  beforeAll(async () => {
    Reports = await load('auth-per-operation', 'ReportsClient');
  });

  test('a client with no credentials is built (some operations need none) and fails per operation before sending', async () => {
    await withEnv({}, async () => {
      const client = new Reports({ baseURL: origin, maxRetries: 0 });
      await client.health!.retrieve!();
      await client.status!.retrieve!();
      const err = await client.reports!.list!().catch((e: unknown) => e);
      expect((err as Error).name).toBe('MissingCredentialsError');
      expect((err as Error).message).toContain('`bearerToken` (security scheme "bearerAuth"');
      expect((err as Error).message).toContain('REPORTS_BEARER_TOKEN');
      expect(requests.map((r) => [r.url, r.headers.authorization])).toEqual([
        ['/health', undefined],
        ['/status', undefined],
      ]);
    });
  });

  test('each operation sends what its requirements ask for; security: [] sends nothing', async () => {
    await withEnv({ REPORTS_BEARER_TOKEN: 'env-token' }, async () => {
      const client = new Reports({ baseURL: origin, apiKey: 'k1', tenantApiKey: 't1' });
      await client.reports!.list!();
      await client.exports!.list!();
      await client.audit!.list!();
      await client.status!.retrieve!();
      await client.health!.retrieve!();
    });
    const sent = requests.map((r) => [
      r.url,
      r.headers.authorization,
      r.headers['x-api-key'],
      r.headers['x-tenant'],
    ]);
    expect(sent).toEqual([
      ['/reports', 'Bearer env-token', undefined, undefined],
      ['/exports', undefined, 'k1', undefined],
      ['/audit', undefined, 'k1', 't1'],
      ['/status', 'Bearer env-token', undefined, undefined],
      ['/health', undefined, undefined, undefined],
    ]);
  });

  test('an OR of ANDs: without the tenant key, /audit falls back to the bearer token', async () => {
    await withEnv({}, async () => {
      const client = new Reports({ baseURL: origin, apiKey: 'k1', bearerToken: 'b' });
      await client.audit!.list!();
    });
    expect(requests[0]?.headers.authorization).toBe('Bearer b');
    expect(requests[0]?.headers['x-api-key']).toBeUndefined();
  });
});

describe('auth-http (every operation needs credentials)', () => {
  test('a client given none is refused at construction, naming every option and variable', async () => {
    const Messaging = await load('auth-http', 'MessagingClient');
    await withEnv({}, () => {
      expect(() => new Messaging({ baseURL: origin })).toThrow(
        'Missing credentials: pass { username, password } or { bearerToken } or { botToken }, or set MESSAGING_USERNAME, MESSAGING_PASSWORD, MESSAGING_BEARER_TOKEN, MESSAGING_BOT_TOKEN.',
      );
      return Promise.resolve();
    });
    await withEnv({ MESSAGING_BOT_TOKEN: 'abc' }, async () => {
      await new Messaging({ baseURL: origin }).me!.retrieve!();
    });
    expect(requests[0]?.headers.authorization).toBe('Bot abc');
  });
});
