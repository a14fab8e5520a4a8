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
