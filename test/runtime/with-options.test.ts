import { BaseClient, NotFoundError, type ClientOptions } from '../../templates/index';
import { json, makeClient, sequenceFetch } from './helpers';

describe('withOptions', () => {
  it('changes the given options and keeps the others, leaving the original as it was', async () => {
    const { fetch, calls } = sequenceFetch(() => json({ ok: true }));
    const original = makeClient(fetch, {
      timeout: 5_000,
      defaultHeaders: { 'x-team': 'core' },
      defaultQuery: { region: 'eu' },
      logLevel: 'error',
    });
    const derived = original.withOptions({ timeout: 1_000, maxRetries: 3 });
    expect(derived).not.toBe(original);
    expect([derived.timeout, derived.maxRetries, derived.baseURL, derived.apiKey]).toEqual([
      1_000,
      3,
      original.baseURL,
      original.apiKey,
    ]);
    expect(derived.logLevel).toBe('error');
    expect([original.timeout, original.maxRetries]).toEqual([5_000, 0]);

    await derived.get('/things');
    await original.get('/things');
    for (const call of calls) {
      expect(call.url).toBe('https://api.example.test/v1/things?region=eu');
      expect(call.headers.get('x-team')).toBe('core');
      expect(call.headers.get('authorization')).toBe('Bearer sk-test-secret-key');
    }
  });

  it('shares no headers or query with the original: changing them on one leaves the other', async () => {
    const { fetch, calls } = sequenceFetch(() => json({ ok: true }));
    const headers: Record<string, string> = { 'x-team': 'core' };
    const original = makeClient(fetch, { defaultHeaders: headers });
    const derived = original.withOptions({ defaultHeaders: { 'x-team': 'billing' } });
    headers['x-team'] = 'mutated after construction';
    await original.get('/a');
    await derived.get('/b');
    await original.withOptions({}).get('/c');
    expect(calls.map((c) => c.headers.get('x-team'))).toEqual(['core', 'billing', 'core']);
  });

  it('returns an instance of the same subclass, built through its constructor', () => {
    const built: ClientOptions[] = [];
    class Sub extends BaseClient {
      readonly things = { owner: this };
      constructor(options: ClientOptions) {
        super(options);
        built.push(options);
      }
    }
    const { fetch } = sequenceFetch(() => json({}));
    const sub = new Sub({ baseURL: 'https://a.test', apiKey: 'k', fetch });
    const derived = sub.withOptions({ baseURL: 'https://b.test' });
    expect(derived).toBeInstanceOf(Sub);
    expect(derived.baseURL).toBe('https://b.test');
    // Resources are made anew and point at the new client.
    expect(derived.things).not.toBe(sub.things);
    expect(derived.things.owner).toBe(derived);
    expect(built).toHaveLength(2);
  });
});

describe('client statics', () => {
  it('carry the error classes, as openai-node does', async () => {
    const { fetch } = sequenceFetch(() => json({ error: { message: 'nope', code: 'gone' } }, 404));
    const error: unknown = await makeClient(fetch)
      .get('/x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseClient.NotFoundError);
    expect(error).toBeInstanceOf(BaseClient.APIError);
    expect(BaseClient.NotFoundError).toBe(NotFoundError);
    expect((error as NotFoundError).code).toBe('gone');
  });
});

describe('a client whose spec says x-clientgen.browser: opt-in', () => {
  const { fetch } = sequenceFetch();
  /** As the generated client passes it: `browserOptIn` after the caller's options. */
  class Guarded extends BaseClient {
    constructor(options: Partial<ClientOptions> = {}) {
      super({ baseURL: 'https://api.example.test/v1', fetch, ...options, browserOptIn: true });
    }
  }
  /** Runs `made` as if in a page: the runtime tells a browser by its `document`. */
  function inPage<T>(made: () => T): T {
    const host = globalThis as { document?: unknown };
    host.document = {};
    try {
      return made();
    } finally {
      delete host.document;
    }
  }

  it('refuses to be made in a browser, as openai-node does, unless dangerouslyAllowBrowser', () => {
    expect(() => inPage(() => new Guarded())).toThrow(
      /does not run in a browser by default: its credentials would be readable by anyone .* \{ dangerouslyAllowBrowser: true \}/,
    );
    const allowed = inPage(() => new Guarded({ dangerouslyAllowBrowser: true }));
    // withOptions makes the client again through its constructor: the permission goes with it.
    expect(inPage(() => allowed.withOptions({ timeout: 1 })).timeout).toBe(1);
  });

  it('is made anywhere else, and a client without it is made in a browser', () => {
    expect(new Guarded().baseURL).toBe('https://api.example.test/v1');
    expect(inPage(() => makeClient(fetch)).baseURL).toBe('https://api.example.test/v1');
  });
});
