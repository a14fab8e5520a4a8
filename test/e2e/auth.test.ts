/**
 * Authentication on the wire: the runtime's `BaseClient`, configured with the security config a generated
 * client passes it, against a node:http server on 127.0.0.1 with the real global fetch. Headers are read
 * from `rawHeaders` and the query from the raw request line, so the assertions are on the exact bytes sent.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BaseClient,
  ClientGenError,
  InternalServerError,
  MissingCredentialsError,
  TokenCache,
  type ClientOptions,
  type Logger,
  type SecurityConfig,
  type SecurityRequirement,
} from '../../templates/index';

type Recorded = { method: string; url: string; raw: [string, string][]; body: string };
type Handler = (req: Recorded, res: ServerResponse) => void | Promise<void>;

let server: Server;
let origin: string;
let handler: Handler;
let requests: Recorded[];

/** The values of a header as sent, by case-insensitive name. */
function header(req: Recorded | undefined, name: string): string[] {
  return (req?.raw ?? []).filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const raw: [string, string][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        raw.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        raw,
        body: Buffer.concat(parts).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests = [];
  handler = (_req, res) => send(res, 200, { ok: true });
});

/** Every kind of scheme, as a generated client describes them. */
const SECURITY: SecurityConfig = {
  schemes: {
    discord: { type: 'apiKey', in: 'header', name: 'Authorization', key: { option: 'botKey' } },
    header: {
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
      key: { option: 'apiKey', env: 'T_API_KEY' },
    },
    query: { type: 'apiKey', in: 'query', name: 'api key', key: { option: 'queryKey' } },
    cookie: { type: 'apiKey', in: 'cookie', name: 'sid', key: { option: 'sessionKey' } },
    bearer: { type: 'http', scheme: 'bearer', token: { option: 'bearerToken' } },
    basic: {
      type: 'basic',
      username: { option: 'username', env: 'T_USERNAME' },
      password: { option: 'password', env: 'T_PASSWORD' },
    },
    other: { type: 'http', scheme: 'Bot', token: { option: 'botToken' } },
    oauth: {
      type: 'oauth2',
      token: { option: 'accessToken' },
      clientCredentials: {
        tokenUrl: '/oauth/token',
        clientId: { option: 'clientId' },
        clientSecret: { option: 'clientSecret' },
      },
    },
    oidc: { type: 'openIdConnect', token: { option: 'oidcToken' } },
  },
  requirements: [{ header: [] }],
};

function client(
  credentials: Record<string, string>,
  options: Partial<ClientOptions> = {},
): BaseClient {
  return new BaseClient({
    baseURL: `${origin}/v1`,
    maxRetries: 0,
    credentials,
    security: SECURITY,
    // As a generated client whose API has a client-credentials flow passes it.
    tokenCache: TokenCache,
    ...options,
  });
}

describe('each kind of scheme', () => {
  test('an apiKey header is sent exactly as given, whatever its name (Authorization: no Bearer prefix)', async () => {
    await client({ botKey: 'Bot MTk4.secret' }).get('/me', { security: [{ discord: [] }] });
    expect(header(requests[0], 'authorization')).toEqual(['Bot MTk4.secret']);
    await client({ apiKey: 'k-123' }).get('/me');
    expect(header(requests[1], 'x-api-key')).toEqual(['k-123']);
    expect(header(requests[1], 'authorization')).toEqual([]);
  });

  test('an apiKey query parameter is percent-encoded after the path, beside the call’s own query', async () => {
    await client({ queryKey: 'k&1 2' }).get('/things', {
      query: { limit: 3 },
      security: [{ query: [] }],
    });
    expect(requests[0]?.url).toBe('/v1/things?api%20key=k%261%202&limit=3');
  });

  test('an apiKey cookie joins the Cookie header the caller set', async () => {
    await client({ sessionKey: 's3cr3t' }).get('/c', {
      security: [{ cookie: [] }],
      headers: { cookie: 'theme=dark' },
    });
    expect(header(requests[0], 'cookie')).toEqual(['theme=dark; sid=s3cr3t']);
    await client({ sessionKey: 'a b;c' }).get('/c', { security: [{ cookie: [] }] });
    expect(header(requests[1], 'cookie')).toEqual(['sid=a%20b%3Bc']);
  });

  test('HTTP bearer, another HTTP scheme, oauth2 and openIdConnect tokens', async () => {
    const c = client({ bearerToken: 'b1', botToken: 'o2', accessToken: 'a3', oidcToken: 'i4' });
    await c.get('/x', { security: [{ bearer: [] }] });
    await c.get('/x', { security: [{ other: [] }] });
    await c.get('/x', { security: [{ oauth: ['read'] }] });
    await c.get('/x', { security: [{ oidc: [] }] });
    expect(requests.map((r) => header(r, 'authorization'))).toEqual([
      ['Bearer b1'],
      ['Bot o2'],
      ['Bearer a3'],
      ['Bearer i4'],
    ]);
  });

  test('HTTP basic is base64 over the UTF-8 bytes of username:password', async () => {
    await client({ username: 'zoë', password: 'pä:ss€' }).get('/x', {
      security: [{ basic: [] }],
    });
    const expected = Buffer.from('zoë:pä:ss€', 'utf8').toString('base64');
    expect(header(requests[0], 'authorization')).toEqual([`Basic ${expected}`]);
  });
});

describe('choosing an alternative', () => {
  const requirements: SecurityRequirement[] = [{ header: [], query: [] }, { bearer: [] }, {}];

  test('the first alternative whose credentials were all given, every scheme of it', async () => {
    await client({ apiKey: 'k', queryKey: 'q', bearerToken: 'b' }).get('/x', {
      security: requirements,
    });
    expect(header(requests[0], 'x-api-key')).toEqual(['k']);
    expect(requests[0]?.url).toBe('/v1/x?api%20key=q');
    expect(header(requests[0], 'authorization')).toEqual([]);
  });

  test('an alternative with one credential missing is skipped for the next', async () => {
    await client({ apiKey: 'k', bearerToken: 'b' }).get('/x', { security: requirements });
    expect(header(requests[0], 'authorization')).toEqual(['Bearer b']);
    expect(header(requests[0], 'x-api-key')).toEqual([]);
    expect(requests[0]?.url).toBe('/v1/x');
  });

  test('an empty alternative sends nothing when nothing was given, and is not preferred when something was', async () => {
    await client({}).get('/x', { security: [{}, { bearer: [] }] });
    expect(header(requests[0], 'authorization')).toEqual([]);
    await client({ bearerToken: 'b' }).get('/x', { security: [{}, { bearer: [] }] });
    expect(header(requests[1], 'authorization')).toEqual(['Bearer b']);
  });

  test('security: [] (authenticated: false) sends nothing, even with credentials given', async () => {
    await client({ apiKey: 'k', bearerToken: 'b' }).get('/health', { authenticated: false });
    expect(header(requests[0], 'x-api-key')).toEqual([]);
    expect(header(requests[0], 'authorization')).toEqual([]);
  });

  test('an operation without its own requirements uses the document’s', async () => {
    await client({ apiKey: 'doc', bearerToken: 'b' }).get('/x');
    expect(header(requests[0], 'x-api-key')).toEqual(['doc']);
  });

  test('withOptions keeps the credentials and the schemes', async () => {
    await client({ username: 'u', password: 'p' })
      .withOptions({ timeout: 5_000 })
      .get('/x', { security: [{ basic: [] }] });
    expect(header(requests[0], 'authorization')).toEqual([
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    ]);
  });
});

describe('missing credentials', () => {
  test('fail before sending, naming each scheme, option and variable', async () => {
    const err = await client({ username: 'u' })
      .get('/reports', { security: [{ basic: [] }, { header: [], bearer: [] }] })
      .catch((e: unknown) => e);
    expect(requests).toHaveLength(0);
    expect(err).toBeInstanceOf(MissingCredentialsError);
    expect(err).toBeInstanceOf(ClientGenError);
    expect((err as Error).message).toBe(
      'GET /reports needs credentials that were not given: set `username` and `password` ' +
        '(security scheme "basic", or the T_USERNAME and T_PASSWORD environment variables); or set ' +
        '`apiKey` (security scheme "header", or the T_API_KEY environment variable) plus `bearerToken` ' +
        '(security scheme "bearer").',
    );
  });
});

describe('masking', () => {
  const secrets = ['pw-Secret-1', 'k-Secret-2', 'q-Secret-3', 'cs-Secret-4'] as const;

  test('no credential appears in an error message or a debug log, however the server echoes it', async () => {
    handler = (req, res) =>
      send(res, 400, { error: { message: `bad: ${req.url} ${JSON.stringify(req.raw)}` } });
    const lines: string[] = [];
    const logger: Logger = {
      error: (...a: unknown[]) => lines.push(JSON.stringify(a)),
      warn: (...a: unknown[]) => lines.push(JSON.stringify(a)),
      info: (...a: unknown[]) => lines.push(JSON.stringify(a)),
      debug: (...a: unknown[]) => lines.push(JSON.stringify(a)),
    };
    const c = client(
      { username: 'user', password: secrets[0], apiKey: secrets[1], queryKey: secrets[2] },
      { logLevel: 'debug', logger },
    );
    const err = await c
      .get('/x', { security: [{ basic: [], header: [], query: [] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    const basic = Buffer.from(`user:${secrets[0]}`).toString('base64');
    const text = `${(err as Error).message}\n${lines.join('\n')}`;
    expect(text).toContain('bad: '); // the echo came back, masked
    for (const s of [secrets[0], secrets[1], secrets[2], basic]) expect(text).not.toContain(s);
    expect(lines.join('\n')).toContain('***');
  });

  test('a failed token request does not leak the client secret', async () => {
    handler = (req, res) =>
      send(res, 401, { error: { message: `denied ${JSON.stringify(req.raw)}` } });
    const err = await client({ clientId: 'id', clientSecret: secrets[3] })
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    const basic = Buffer.from(`id:${secrets[3]}`).toString('base64');
    expect((err as Error).message).not.toContain(secrets[3]);
    expect((err as Error).message).not.toContain(basic);
  });
});

describe('oauth2 client credentials', () => {
  let issued: number;
  let rejected: Set<string>;
  let tokenDelay: number;
  let expiresIn: number | undefined;

  beforeEach(() => {
    issued = 0;
    rejected = new Set();
    tokenDelay = 0;
    expiresIn = 3600;
    handler = async (req, res) => {
      if (req.url === '/oauth/token') {
        await sleep(tokenDelay);
        issued++;
        send(res, 200, {
          access_token: `tok-${issued}`,
          token_type: 'bearer',
          ...(expiresIn === undefined ? {} : { expires_in: expiresIn }),
        });
        return;
      }
      const auth = header(req, 'authorization')[0] ?? '';
      if (rejected.has(auth)) send(res, 401, { error: { message: 'expired' } });
      else send(res, 200, { ok: true });
    };
  });

  const api = (r: Recorded): boolean => r.url !== '/oauth/token';
  const cc = (): BaseClient => client({ clientId: 'my id', clientSecret: 's3cret' });

  test('a client made without a token cache says so rather than send no token', async () => {
    const bare = client({ clientId: 'my id', clientSecret: 's3cret' }, { tokenCache: undefined });
    await expect(bare.get('/x', { security: [{ oauth: ['read'] }] })).rejects.toThrow(
      'no token cache for oauth: pass tokenCache to the client',
    );
    expect(requests).toEqual([]);
  });

  test('withOptions keeps the token cache (a copy fetches its own tokens)', async () => {
    const copy = cc().withOptions({ maxRetries: 0 });
    await copy.get('/x', { security: [{ oauth: [] }] });
    expect(requests.map((r) => r.url)).toEqual(['/oauth/token', '/v1/x']);
    expect(header(requests[1], 'authorization')).toEqual(['Bearer tok-1']);
  });

  test('the token request: form-encoded grant and scopes, client id and secret by basic auth', async () => {
    await cc().get('/x', { security: [{ oauth: ['read', 'write:all'] }] });
    const token = requests[0];
    expect(token?.method).toBe('POST');
    expect(token?.url).toBe('/oauth/token');
    expect(header(token, 'content-type')).toEqual(['application/x-www-form-urlencoded']);
    expect(header(token, 'authorization')).toEqual([
      `Basic ${Buffer.from('my+id:s3cret').toString('base64')}`,
    ]);
    expect(token?.body).toBe('grant_type=client_credentials&scope=read+write%3Aall');
    expect(header(requests[1], 'authorization')).toEqual(['Bearer tok-1']);
  });

  test('the token is cached, and one fetch serves concurrent requests', async () => {
    tokenDelay = 100;
    const c = cc();
    await Promise.all([1, 2, 3, 4].map(() => c.get('/x', { security: [{ oauth: [] }] })));
    await c.get('/x', { security: [{ oauth: [] }] });
    expect(issued).toBe(1);
    expect(requests.filter(api).map((r) => header(r, 'authorization')[0])).toEqual(
      Array(5).fill('Bearer tok-1'),
    );
  });

  test('a 401 drops the token and the request is sent once more with a new one', async () => {
    const c = cc();
    await c.get('/x', { security: [{ oauth: [] }] });
    rejected.add('Bearer tok-1');
    await expect(c.get('/x', { security: [{ oauth: [] }] })).resolves.toEqual({ ok: true });
    expect(issued).toBe(2);
    expect(requests.filter(api).map((r) => header(r, 'authorization')[0])).toEqual([
      'Bearer tok-1',
      'Bearer tok-1',
      'Bearer tok-2',
    ]);
  });

  test('only once: a second 401 is the caller’s AuthenticationError', async () => {
    rejected.add('Bearer tok-1').add('Bearer tok-2').add('Bearer tok-3');
    const err = await cc()
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(issued).toBe(2);
    expect(requests.filter(api)).toHaveLength(2);
  });

  test('a token given directly is never refreshed', async () => {
    rejected.add('Bearer direct');
    const err = await client({ accessToken: 'direct', clientId: 'i', clientSecret: 's' })
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(issued).toBe(0);
  });

  test("a token endpoint that does not answer fails within the client's timeout", async () => {
    // The token endpoint never answers; it lets go when the client gives up (the aborted connection closes).
    handler = (_req, res) => new Promise<void>((resolve) => res.on('close', resolve));
    const err = await client({ clientId: 'i', clientSecret: 's' }, { timeout: 100 })
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(requests.filter(api)).toHaveLength(0);
  });

  test("a caller's signal abandons its own wait for a token, not the fetch other requests share", async () => {
    tokenDelay = 200;
    const c = cc();
    const controller = new AbortController();
    const aborted = c
      .get('/x', { security: [{ oauth: [] }], signal: controller.signal })
      .catch((e: unknown) => e);
    const other = c.get('/x', { security: [{ oauth: [] }] });
    setTimeout(() => controller.abort(), 50);
    expect(await aborted).toBeInstanceOf(APIUserAbortError);
    await expect(other).resolves.toEqual({ ok: true });
    expect(issued).toBe(1);
    expect(requests.filter(api).map((r) => header(r, 'authorization')[0])).toEqual([
      'Bearer tok-1',
    ]);
  });

  /** A token endpoint that answers each request with the next of `answers` (then tokens), as `send` does. */
  const tokenAnswers = (answers: Array<(res: ServerResponse) => void>): void => {
    const api = handler;
    handler = (req, res) => {
      const answer = req.url === '/oauth/token' ? answers.shift() : undefined;
      return answer ? answer(res) : api(req, res);
    };
  };
  const busy =
    (status: number) =>
    (res: ServerResponse): void => {
      res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '5' });
      res.end(JSON.stringify({ error: { message: 'busy' } }));
    };

  test("the token request is retried as the API's requests are: a 503 and a 429, then a token", async () => {
    tokenAnswers([busy(503), busy(429)]);
    const c = client({ clientId: 'i', clientSecret: 's' }, { maxRetries: 2 });
    await expect(c.get('/x', { security: [{ oauth: [] }] })).resolves.toEqual({ ok: true });
    expect(requests.map((r) => r.url)).toEqual([
      '/oauth/token',
      '/oauth/token',
      '/oauth/token',
      '/v1/x',
    ]);
    expect(header(requests[3], 'authorization')).toEqual(['Bearer tok-1']);
  });

  test('a token endpoint that does not answer in time is asked again', async () => {
    // The first request hangs until the client gives up on it; the second gets a token.
    tokenAnswers([(res) => void new Promise<void>((resolve) => res.on('close', resolve))]);
    const c = client({ clientId: 'i', clientSecret: 's' }, { maxRetries: 1, timeout: 200 });
    await expect(c.get('/x', { security: [{ oauth: [] }] })).resolves.toEqual({ ok: true });
    expect(requests.map((r) => r.url)).toEqual(['/oauth/token', '/oauth/token', '/v1/x']);
  });

  test("a token whose body stalls after the headers fails within the client's timeout", async () => {
    tokenAnswers([
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        res.write('{"access_token": "tok'); // and the rest never comes
      },
    ]);
    // The headers arrived (fetch resolved): the timeout that fired is the body's.
    let answered = 0;
    const fetch = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const response = await globalThis.fetch(url, init);
      answered++;
      return response;
    };
    const err = await client({ clientId: 'i', clientSecret: 'a-secret' }, { timeout: 300, fetch })
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    expect(answered).toBe(1);
    expect(requests.filter(api)).toHaveLength(0);
  });

  test("without retries left, the token endpoint's error is the caller's; a 401 is never retried", async () => {
    tokenAnswers([busy(503), busy(503)]);
    const once = await client({ clientId: 'i', clientSecret: 'a-secret' }, { maxRetries: 1 })
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(once).toBeInstanceOf(InternalServerError);
    expect((once as Error).message).toBe('503 busy');
    expect(requests.map((r) => r.url)).toEqual(['/oauth/token', '/oauth/token']);

    requests = [];
    tokenAnswers([busy(401)]);
    const denied = await client({ clientId: 'i', clientSecret: 's' }, { maxRetries: 2 })
      .get('/x', { security: [{ oauth: [] }] })
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect(requests.map((r) => r.url)).toEqual(['/oauth/token']);
  });

  test('an expired token is fetched again (expires_in, less a margin of half a short lifetime)', async () => {
    expiresIn = 1;
    const c = cc();
    await c.get('/x', { security: [{ oauth: [] }] });
    await c.get('/x', { security: [{ oauth: [] }] });
    expect(issued).toBe(1);
    await sleep(600);
    await c.get('/x', { security: [{ oauth: [] }] });
    expect(issued).toBe(2);
  });
});
