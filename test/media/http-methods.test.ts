/**
 * Every HTTP method, and `RequestOptions.path`, on the wire: the client generated from the `http-methods`
 * golden case against a loopback server.
 */

import type { Fetch, RequestOptions } from '../../templates/index';
import { loadGoldenClient, startLoopback } from '../helpers/loopback';

type Call<A extends unknown[], R = unknown> = (...args: [...A, RequestOptions?]) => Promise<R>;
interface MethodsClient {
  things: { options: Call<[]>; head: Call<[]>; trace: Call<[], Response> };
  widgets: {
    retrieve: Call<[string], { id?: string }>;
    head: Call<[string]>;
    options: Call<[string, { verbose?: boolean }?], { methods?: string[] }>;
  };
}
type Module = {
  default: new (options: { baseURL: string; maxRetries: number; fetch?: Fetch }) => MethodsClient;
};

let server: Awaited<ReturnType<typeof startLoopback>>;
let client: MethodsClient;
let Client: Module['default'];

beforeAll(async () => {
  server = await startLoopback();
  ({ default: Client } = await loadGoldenClient<Module>('http-methods'));
  client = new Client({ baseURL: `${server.baseURL}/v1`, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
  server.setReply((req, res) => {
    if ((req.method === 'OPTIONS' && req.url !== '/v1/things') || req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json', allow: 'GET, HEAD, OPTIONS' });
      res.end(req.method === 'OPTIONS' ? '{"methods":["GET"]}' : '{"id":"w1"}');
    } else {
      res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'content-length': '0' });
      res.end();
    }
  });
});

const last = () => server.received[server.received.length - 1]!;

it('sends OPTIONS with its query parameters and parses its JSON answer', async () => {
  await expect(client.widgets.options('w 1', { verbose: true })).resolves.toEqual({
    methods: ['GET'],
  });
  expect([last().method, last().url, last().headers.accept]).toEqual([
    'OPTIONS',
    '/v1/widgets/w%201?verbose=true',
    'application/json',
  ]);
  await expect(client.things.options()).resolves.toBeUndefined();
  expect([last().method, last().url]).toEqual(['OPTIONS', '/v1/things']);
});

it('sends HEAD and resolves to nothing', async () => {
  await expect(client.widgets.head('w1')).resolves.toBeFalsy();
  expect([last().method, last().url, last().body.length]).toEqual(['HEAD', '/v1/widgets/w1', 0]);
  await client.things.head();
  expect([last().method, last().url]).toEqual(['HEAD', '/v1/things']);
});

it('sends TRACE through a fetch that can (the Fetch standard forbids it), with no body, asking for message/http', async () => {
  const seen: { method: string | undefined; url: string; accept: string | null; body: unknown }[] =
    [];
  const traceClient = new Client({
    baseURL: 'https://api.example.test',
    maxRetries: 0,
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      seen.push({
        method: init?.method,
        url: url instanceof Request ? url.url : url.toString(),
        accept: headers.get('accept'),
        body: init?.body,
      });
      return Promise.resolve(
        new Response('TRACE /things HTTP/1.1', { headers: { 'content-type': 'message/http' } }),
      );
    },
  });
  const response = await traceClient.things.trace();
  expect(seen).toEqual([
    { method: 'TRACE', url: 'https://api.example.test/things', accept: 'message/http', body: null },
  ]);
  expect(await response.text()).toBe('TRACE /things HTTP/1.1');
});

it('fails TRACE with the platform fetch, as a connection error whose cause says why', async () => {
  const error = await client.things.trace().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(String((error as Error).cause)).toMatch(/TRACE/);
});

describe('RequestOptions.path', () => {
  it('replaces the operation path, relative to the base URL, keeping the query', async () => {
    await client.widgets.options('w1', { verbose: false }, { path: '/v2/widgets/w1' });
    expect([last().method, last().url]).toEqual(['OPTIONS', '/v1/v2/widgets/w1?verbose=false']);
    await client.widgets.retrieve('w1', { path: '/widgets/other' });
    expect([last().method, last().url]).toEqual(['GET', '/v1/widgets/other']);
  });

  it('takes an absolute URL', async () => {
    await client.widgets.retrieve('w1', { path: `${server.baseURL}/elsewhere/w1?x=1` });
    expect(last().url).toBe('/elsewhere/w1?x=1');
  });

  it('is ignored when undefined (exactOptionalPropertyTypes callers may pass it)', async () => {
    await client.widgets.retrieve('w1', { path: undefined });
    expect(last().url).toBe('/v1/widgets/w1');
  });
});
