import { requestOptions, type Fetch } from '../../templates/index';
import { json, makeClient, sequenceFetch } from './helpers';

describe('per-call options in the forms openai-node accepts', () => {
  it('takes headers as a Headers object or a list of pairs, with params headers under them', async () => {
    const layout = { headers: ['x-param'], body: 'none' } as const;
    for (const headers of [new Headers({ 'x-call': 'c' }), [['x-call', 'c']] as const]) {
      const options = requestOptions({ 'x-param': 'p' }, layout, { headers });
      const { fetch, calls } = sequenceFetch(() => json({}));
      await makeClient(fetch).get('/t', options);
      expect([calls[0]?.headers.get('x-param'), calls[0]?.headers.get('x-call')]).toEqual([
        'p',
        'c',
      ]);
    }
  });

  it('takes a null signal and any object as the query', async () => {
    const { fetch, calls } = sequenceFetch(() => json({}));
    class Query {
      readonly page = 2;
    }
    await makeClient(fetch).get('/t', { signal: null, query: new Query() });
    expect(calls[0]?.url).toBe('https://api.example.test/v1/t?page=2');
  });

  it('merges fetchOptions (client, then call) under the method, headers, body and signal it sets', async () => {
    const inits: RequestInit[] = [];
    const fetch: Fetch = (_url, init) => {
      inits.push(init ?? {});
      return Promise.resolve(json({}));
    };
    const client = makeClient(fetch, { fetchOptions: { cache: 'no-store', keepalive: true } });
    // The type leaves `method` out; a value from untyped code that has one still cannot change it.
    const fromUntypedCode = { keepalive: false, method: 'DELETE', referrer: 'about:client' };
    await client.post('/t', { body: { a: 1 }, fetchOptions: fromUntypedCode });
    expect(inits[0]).toMatchObject({
      cache: 'no-store',
      keepalive: false,
      referrer: 'about:client',
      method: 'POST',
      body: '{"a":1}',
    });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
  });
});
