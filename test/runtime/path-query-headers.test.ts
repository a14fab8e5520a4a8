import {
  buildPath,
  ClientGenError,
  mergeHeaders,
  readEnv,
  requestOptions,
  stringifyQuery,
  type Fetch,
} from '../../templates/index';
import { fakeFetch, json, makeClient } from './helpers';

describe('buildPath', () => {
  it('encodes each value as exactly one segment', () => {
    expect(buildPath('/files/{file_id}/content', { file_id: '../x?y' })).toBe(
      '/files/..%2Fx%3Fy/content',
    );
    expect(buildPath('/a/{b}/{c}', { b: 'with space#hash', c: 42 })).toBe(
      '/a/with%20space%23hash/42',
    );
    expect(buildPath('/u/{name}', { name: 'é/🙂' })).toBe('/u/%C3%A9%2F%F0%9F%99%82');
  });

  it.each(['', '.', '..'])('rejects the value %j', (value) => {
    expect(() => buildPath('/things/{id}', { id: value })).toThrow(ClientGenError);
    expect(() => buildPath('/things/{id}', { id: value })).toThrow(
      /Path parameter "id" must not be/,
    );
  });

  it('throws when a placeholder has no value', () => {
    expect(() => buildPath('/things/{id}/parts/{part}', { id: 'x' })).toThrow(
      'Missing value for path parameter "part"',
    );
  });

  it('rejects non-finite numbers', () => {
    expect(() => buildPath('/things/{id}', { id: Number.NaN })).toThrow(/finite/);
  });

  it('keeps a traversal attempt inside its segment in the final URL', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch);
    await client.get(client.buildPath('/things/{id}', { id: '../admin?x=1#y' }));
    expect(calls[0]?.url).toBe('https://api.example.test/v1/things/..%2Fadmin%3Fx%3D1%23y');
  });
});

describe('stringifyQuery', () => {
  it('drops undefined and null, writes booleans, numbers and dates as text, keeps insertion order', () => {
    const when = new Date('2025-01-02T03:04:05.000Z');
    expect(
      stringifyQuery({ z: 1, a: undefined, b: null, c: true, d: 1.5, e: when, f: 'x y' }),
    ).toBe('z=1&c=true&d=1.5&e=2025-01-02T03%3A04%3A05.000Z&f=x%20y');
  });

  it('writes nested objects as deepObject keys', () => {
    const query = {
      metadata: { key: 'value', 'other key': 'a&b', skip: null, deep: { x: 1 } },
      limit: 10,
    };
    expect(stringifyQuery(query)).toBe(
      'metadata%5Bkey%5D=value&metadata%5Bother%20key%5D=a%26b&metadata%5Bdeep%5D%5Bx%5D=1&limit=10',
    );
    expect(decodeURIComponent(stringifyQuery({ metadata: { key: 'value' } }))).toBe(
      'metadata[key]=value',
    );
  });

  it('writes arrays per style', () => {
    const tags = ['a', 'b c', null, 'd,e'];
    expect(stringifyQuery({ tags })).toBe('tags=a&tags=b%20c&tags=d%2Ce');
    expect(stringifyQuery({ tags }, { tags: { style: 'form', explode: true } })).toBe(
      'tags=a&tags=b%20c&tags=d%2Ce',
    );
    expect(stringifyQuery({ tags }, { tags: { style: 'form', explode: false } })).toBe(
      'tags=a,b%20c,d%2Ce',
    );
    expect(stringifyQuery({ tags }, { tags: { style: 'spaceDelimited' } })).toBe(
      'tags=a%20b%20c%20d%2Ce',
    );
    expect(stringifyQuery({ tags }, { tags: { style: 'pipeDelimited' } })).toBe(
      'tags=a%7Cb%20c%7Cd%2Ce',
    );
    expect(stringifyQuery({ tags: [] })).toBe('');
  });

  it('writes objects in form style when asked', () => {
    const color = { R: 100, G: 200 };
    expect(stringifyQuery({ color }, { color: { style: 'form' } })).toBe('R=100&G=200');
    expect(stringifyQuery({ color }, { color: { style: 'form', explode: false } })).toBe(
      'color=R,100,G,200',
    );
  });

  it('encodes per RFC 3986, including the characters encodeURIComponent leaves', () => {
    expect(stringifyQuery({ "q!'()*": "it's (ok)*!" })).toBe(
      'q%21%27%28%29%2A=it%27s%20%28ok%29%2A%21',
    );
    expect(stringifyQuery({ q: 'café 🙂 ~-._' })).toBe('q=caf%C3%A9%20%F0%9F%99%82%20~-._');
  });

  it('is what the client sends, after the default and auth parameters', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch, { defaultQuery: { version: '2', drop: undefined } });
    await client.get('/things', {
      query: { metadata: { team: 'a' }, ids: [1, 2] },
      queryStyles: { ids: { explode: false } },
    });
    expect(calls[0]?.url).toBe(
      'https://api.example.test/v1/things?version=2&metadata%5Bteam%5D=a&ids=1,2',
    );
  });
});

describe("fixed query parameters (a query string in the spec's path key)", () => {
  it('are sent on every call, before the params and the per-call query', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch);
    const layout = { query: ['include'], fixedQuery: { beta: 'true' }, body: 'none' } as const;
    await client.get('/responses', requestOptions(undefined, layout));
    await client.get(
      '/responses',
      requestOptions({ include: 'x' }, layout, { query: { extra: 1 } }),
    );
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.example.test/v1/responses?beta=true',
      'https://api.example.test/v1/responses?beta=true&include=x&extra=1',
    ]);
  });

  it('can be overridden per call, like any query parameter', () => {
    const options = requestOptions(
      undefined,
      { fixedQuery: { beta: 'true' }, body: 'none' },
      { query: { beta: 'false' } },
    );
    expect(options.query).toEqual({ beta: 'false' });
  });
});

describe('fixed header parameters (a required header of one value)', () => {
  it('are sent on every call unless the params give them', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch);
    const layout = {
      headers: ['X-Amz-Target'],
      fixedHeaders: { 'X-Amz-Target': 'CodeStar_20170419.ListProjects' },
      body: 'none',
    } as const;
    await client.post('/', requestOptions(undefined, layout));
    await client.post('/', requestOptions({ 'X-Amz-Target': 'Other.Target' }, layout));
    expect(calls.map((c) => c.headers.get('x-amz-target'))).toEqual([
      'CodeStar_20170419.ListProjects',
      'Other.Target',
    ]);
  });
});

describe('headers sent without a body (a Content-Type the API requires on every call)', () => {
  it("go out when the call sends no body, and give way to a body's media type", async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch);
    const layout = {
      query: ['page'],
      bodylessHeaders: { 'Content-Type': 'application/vnd.example' },
      body: 'optional',
    } as const;
    await client.post('/', requestOptions({ page: 1 }, layout));
    await client.post('/', requestOptions({ page: 1, name: 'n' }, layout));
    expect(calls.map((c) => [c.headers.get('content-type'), c.body])).toEqual([
      ['application/vnd.example', undefined],
      ['application/json', '{"name":"n"}'],
    ]);
    // A caller's own header still wins.
    const options = requestOptions({ page: 1 }, layout, { headers: { 'content-type': 'x/y' } });
    expect(options.headers).toEqual({
      'Content-Type': 'application/vnd.example',
      'content-type': 'x/y',
    });
  });
});

describe('mergeHeaders', () => {
  it('merges case-insensitively, later sources winning, null removing', () => {
    const headers = mergeHeaders(
      { Accept: 'application/json', 'X-Default': 'd', 'X-Drop': 'x' },
      new Headers({ accept: 'text/plain' }),
      { 'x-drop': null, 'x-keep': undefined },
      [
        ['X-Multi', '1'],
        ['x-multi', '2'],
      ],
    );
    expect(Object.fromEntries(headers)).toEqual({
      accept: 'text/plain',
      'x-default': 'd',
      'x-multi': '1, 2',
    });
  });

  it('lets per-call headers override and remove what the client sends', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch, {
      defaultHeaders: { 'X-Team': 'core', 'x-retry-count': null },
    });
    await client.post('/things', {
      body: { a: 1 },
      headers: { authorization: null, 'x-team': 'other' },
      idempotencyKey: 'idem-1',
    });
    const sent = calls[0]?.headers;
    expect(sent?.get('authorization')).toBeNull();
    expect(sent?.get('x-team')).toBe('other');
    expect(sent?.has('x-retry-count')).toBe(false);
    expect(sent?.get('idempotency-key')).toBe('idem-1');
    expect(sent?.get('content-type')).toBe('application/json');
    expect(calls[0]?.body).toBe('{"a":1}');
  });

  it.each([
    ['a page', 'document', {}],
    ['a worker', 'importScripts', () => undefined],
  ])('sends no x-retry-count in %s, where CORS applies', async (_where, name, value) => {
    const host = globalThis as Record<string, unknown>;
    host[name] = value;
    try {
      const { fetch, calls } = fakeFetch(() => json({}));
      await makeClient(fetch).post('/things', { body: { a: 1 } });
      expect([...(calls[0]?.headers.keys() ?? [])]).toEqual([
        'accept',
        'authorization',
        'content-type',
      ]);
    } finally {
      delete host[name];
    }
  });

  it('sends the key as a bearer token, a named header, or a query parameter', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    await makeClient(fetch).get('/a');
    await makeClient(fetch, { auth: { type: 'header', name: 'X-Api-Key' } }).get('/b');
    await makeClient(fetch, { apiKey: null }).get('/c');
    expect(calls.map((c) => [c.headers.get('authorization'), c.headers.get('x-api-key')])).toEqual([
      ['Bearer sk-test-secret-key', null],
      [null, 'sk-test-secret-key'],
      [null, null],
    ]);
    expect(calls[0]?.headers.get('accept')).toBe('application/json');
    expect(calls[0]?.headers.has('user-agent')).toBe(false);
  });

  it('sends no key, in a header or the query, for an operation that needs none (security: [])', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    await makeClient(fetch).get('/health', { authenticated: false });
    await makeClient(fetch, { auth: { type: 'query', name: 'key' } }).get('/health', {
      authenticated: false,
    });
    await makeClient(fetch, { auth: { type: 'query', name: 'key' } }).get('/private');
    expect(
      calls.map((c) => [c.headers.get('authorization'), new URL(c.url).searchParams.get('key')]),
    ).toEqual([
      [null, null],
      [null, null],
      [null, 'sk-test-secret-key'],
    ]);
  });
});

describe('request bodies', () => {
  it('sends FormData, URLSearchParams and bytes as they are, letting fetch set the type', async () => {
    const seen: Array<[BodyInit | null | undefined, string | null]> = [];
    const fetch: Fetch = (_url, init) => {
      seen.push([init?.body, new Headers(init?.headers).get('content-type')]);
      return Promise.resolve(json({}));
    };
    const client = makeClient(fetch);
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    const params = new URLSearchParams({ a: '1' });
    const bytes = new Uint8Array([1, 2]);
    await client.post('/upload', { body: form });
    await client.post('/form', { body: params });
    await client.post('/bytes', { body: bytes });
    await client.post('/json', { body: 'just a string' });
    expect(seen).toEqual([
      [form, null],
      [params, null],
      [bytes, 'application/octet-stream'],
      ['"just a string"', 'application/json'],
    ]);
  });
});

describe('readEnv', () => {
  const host = globalThis as { Deno?: unknown };

  afterEach(() => {
    delete process.env['CLIENTGEN_TEST_VAR'];
    delete host.Deno;
  });

  it('reads and trims process.env, treating empty as unset', () => {
    process.env['CLIENTGEN_TEST_VAR'] = '  value \n';
    expect(readEnv('CLIENTGEN_TEST_VAR')).toBe('value');
    process.env['CLIENTGEN_TEST_VAR'] = '   ';
    expect(readEnv('CLIENTGEN_TEST_VAR')).toBeUndefined();
    expect(readEnv('CLIENTGEN_SURELY_UNSET')).toBeUndefined();
  });

  it('falls back to Deno.env.get, and to undefined when Deno denies access', () => {
    const savedProcess = globalThis.process;
    try {
      Object.defineProperty(globalThis, 'process', {
        value: undefined,
        configurable: true,
        writable: true,
      });
      host.Deno = { env: { get: (name: string) => (name === 'A' ? 'from-deno' : undefined) } };
      expect(readEnv('A')).toBe('from-deno');
      host.Deno = {
        env: {
          get: () => {
            throw new Error('PermissionDenied');
          },
        },
      };
      expect(readEnv('A')).toBeUndefined();
      delete host.Deno;
      expect(readEnv('A')).toBeUndefined();
      // Deno 2's `process.env` throws without --allow-env.
      const env = new Proxy(
        {},
        {
          get: () => {
            throw new Error('NotCapable');
          },
        },
      );
      Object.defineProperty(globalThis, 'process', {
        value: { env },
        configurable: true,
        writable: true,
      });
      expect(readEnv('A')).toBeUndefined();
    } finally {
      Object.defineProperty(globalThis, 'process', {
        value: savedProcess,
        configurable: true,
        writable: true,
      });
    }
  });
});

describe('an optional body beside other parameters', () => {
  it('is sent only when the params give one of its fields; a required one always', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const client = makeClient(fetch);
    const optional = { headers: ['apikey'], body: 'optional' } as const;
    await client.post('/encoded', requestOptions({ apikey: 'k' }, optional));
    await client.post('/encoded', requestOptions({ apikey: 'k', image: undefined }, optional));
    await client.post('/encoded', requestOptions({ apikey: 'k', image: 'aGk=' }, optional));
    await client.post('/encoded', requestOptions({ apikey: 'k' }, { ...optional, body: 'rest' }));
    expect(calls.map((c) => c.body ?? null)).toEqual([null, null, '{"image":"aGk="}', '{}']);
  });
});
