import { APIPromise, type APIResponseProps } from '../../templates/index';
import { fakeFetch, json, makeClient } from './helpers';

describe('APIPromise', () => {
  it('resolves to the parsed JSON body', async () => {
    const { fetch } = fakeFetch(() => json({ id: 'x' }));
    const promise = makeClient(fetch).get<{ id: string }>('/things/x');
    expect(promise).toBeInstanceOf(Promise);
    expect(await promise).toEqual({ id: 'x' });
    await expect(promise.then((v) => v.id)).resolves.toBe('x');
    await expect(promise.finally(() => undefined)).resolves.toEqual({ id: 'x' });
  });

  it('.asResponse() gives the raw response with its body unread', async () => {
    const { fetch } = fakeFetch(() => json({ id: 'x' }, 200, { 'x-request-id': 'req_1' }));
    const response = await makeClient(fetch).get('/things/x').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(await response.json()).toEqual({ id: 'x' });
  });

  it('.withResponse() gives the data and the response', async () => {
    const { fetch } = fakeFetch(() => json({ id: 'x' }, 201));
    const { data, response } = await makeClient(fetch)
      .post<{ id: string }>('/things', { body: {} })
      .withResponse();
    expect(data).toEqual({ id: 'x' });
    expect(response.status).toBe(201);
  });

  it('reads the body at most once, however many times it is awaited', async () => {
    const response = json({ id: 'x' });
    const text = jest.spyOn(response, 'text');
    const json_ = jest.spyOn(response, 'json');
    const { fetch } = fakeFetch(() => response);
    const promise = makeClient(fetch).get<{ id: string }>('/things/x');
    const results = await Promise.all([
      promise,
      promise,
      promise.withResponse(),
      promise.then((v) => v),
    ]);
    expect(await promise).toEqual({ id: 'x' });
    expect(results[2].data).toBe(results[0]);
    expect(text.mock.calls.length + json_.mock.calls.length).toBe(1);
  });

  it('sends the request once, even before it is awaited', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    const promise = makeClient(fetch).delete('/things/x');
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    await promise;
    await promise;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('DELETE');
  });

  it('resolves to undefined for 204, to text for non-JSON, and to a Response for binary', async () => {
    const { fetch } = fakeFetch((call) => {
      if (call.url.endsWith('/empty')) return new Response(null, { status: 204 });
      if (call.url.endsWith('/text'))
        return new Response('plain', { headers: { 'content-type': 'text/plain' } });
      if (call.url.endsWith('/problem'))
        return new Response('{"a":1}', {
          headers: { 'content-type': 'application/problem+json; charset=utf-8' },
        });
      if (call.url.endsWith('/text-json'))
        return new Response('{"b":2}', { headers: { 'content-type': 'text/json' } });
      return new Response(new Uint8Array([1, 2, 3]), {
        headers: { 'content-type': 'application/octet-stream' },
      });
    });
    const client = makeClient(fetch);
    expect(await client.delete('/empty')).toBeUndefined();
    expect(await client.get('/text')).toBe('plain');
    expect(await client.get('/problem')).toEqual({ a: 1 });
    expect(await client.get('/text-json')).toEqual({ b: 2 });
    const binary = await client.get<Response>('/file', { binaryResponse: true });
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('_thenUnwrap transforms the data but keeps the response', async () => {
    const { fetch } = fakeFetch(() => json({ wrapped: { id: 'x' } }));
    const promise = makeClient(fetch)
      .get<{ wrapped: { id: string } }>('/things/x')
      ._thenUnwrap((body) => body.wrapped);
    const { data, response } = await promise.withResponse();
    expect(data).toEqual({ id: 'x' });
    expect(response.status).toBe(200);
  });

  it('does not report an unhandled rejection when awaited late', async () => {
    const failing = Promise.reject<APIResponseProps>(new Error('boom'));
    const promise = new APIPromise<unknown>(failing, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(promise).rejects.toThrow('boom');
  });
});
