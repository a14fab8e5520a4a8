import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ClientGenError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../templates/index';
import { fakeFetch, json, makeClient } from './helpers';

const KEY = 'sk-test-secret-key';

describe('API errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
  ])(
    'maps status %i to %p with status, headers, body and request id',
    async (status, ErrorClass) => {
      const body = {
        error: { message: `failure ${status}`, type: 'invalid_request_error', code: null },
      };
      const { fetch } = fakeFetch(() => json(body, status, { 'x-request-id': 'req_123' }));
      const err: unknown = await makeClient(fetch)
        .get('/things')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ErrorClass);
      expect(err).toBeInstanceOf(APIError);
      expect(err).toBeInstanceOf(ClientGenError);
      const apiError = err as APIError;
      expect(apiError.name).toBe(ErrorClass.name);
      expect(apiError.status).toBe(status);
      expect(apiError.headers?.get('x-request-id')).toBe('req_123');
      expect(apiError.requestID).toBe('req_123');
      expect(apiError.error).toEqual(body);
      expect(apiError.message).toBe(`${status} failure ${status}`);
    },
  );

  it('builds the message from `message`, from the JSON, from text, or from the status alone', () => {
    const headers = new Headers();
    expect(APIError.generate(400, { message: 'top-level' }, undefined, headers).message).toBe(
      '400 top-level',
    );
    expect(APIError.generate(400, { detail: 'x' }, undefined, headers).message).toBe(
      '400 {"detail":"x"}',
    );
    expect(APIError.generate(502, 'Bad gateway', undefined, headers).message).toBe(
      '502 Bad gateway',
    );
    expect(APIError.generate(500, undefined, undefined, headers).message).toBe(
      '500 status code (no body)',
    );
    expect(
      APIError.generate(400, { error: { message: { nested: 1 } } }, undefined, headers).message,
    ).toBe('400 {"nested":1}');
    expect(APIError.generate(400, {}, undefined, headers).requestID).toBeNull();
  });

  it('keeps a non-JSON error body as text', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('upstream timed out', {
          status: 504,
          headers: { 'content-type': 'text/plain' },
        }),
    );
    const err = (await makeClient(fetch)
      .get('/x')
      .catch((e: unknown) => e)) as APIError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.error).toBe('upstream timed out');
    expect(err.message).toBe('504 upstream timed out');
  });

  it('treats a missing status as a connection error', () => {
    expect(APIError.generate(undefined, undefined, 'socket hang up', undefined)).toBeInstanceOf(
      APIConnectionError,
    );
  });

  it('gives connection, timeout and abort errors clear defaults and no status', () => {
    expect(new APIConnectionError().message).toBe('Connection error.');
    expect(new APIConnectionTimeoutError()).toBeInstanceOf(APIConnectionError);
    expect(new APIConnectionTimeoutError().message).toBe('Request timed out.');
    expect(new APIUserAbortError().message).toBe('Request was aborted.');
    expect(new APIUserAbortError().status).toBeUndefined();
  });
});

describe('the API key never appears in an error message', () => {
  it.each([400, 401, 403, 404, 409, 422, 429, 500])(
    'even when a %i body echoes it',
    async (status) => {
      const { fetch } = fakeFetch((call) =>
        json(
          {
            error: {
              message: `Incorrect API key provided: ${KEY} (${call.headers.get('authorization') ?? 'no authorization header'})`,
            },
          },
          status,
        ),
      );
      const err = (await makeClient(fetch)
        .get('/things')
        .catch((e: unknown) => e)) as APIError;
      expect(err).toBeInstanceOf(APIError);
      expect(err.message).not.toContain(KEY);
      expect(err.message).toContain('[REDACTED]');
      expect(String(err.stack)).not.toContain(KEY);
    },
  );

  it('when the fetch error quotes a URL carrying the key as a query parameter', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      Promise.reject(new TypeError(`error sending request for url (${call.url})`)),
    );
    const client = makeClient(fetch, {
      auth: { type: 'query', name: 'api_key' },
      apiKey: 'k/ey+with=chars',
    });
    const err = (await client.get('/things').catch((e: unknown) => e)) as APIConnectionError;
    expect(calls[0]?.url).toContain('api_key=k%2Fey%2Bwith%3Dchars');
    expect(calls[0]?.headers.has('authorization')).toBe(false);
    expect(err).toBeInstanceOf(APIConnectionError);
    for (const text of [
      err.message,
      String(err.stack),
      String((err.cause as Error).message),
      String((err.cause as Error).stack),
    ]) {
      expect(text).not.toContain('k/ey+with=chars');
      expect(text).not.toContain('k%2Fey%2Bwith%3Dchars');
    }
  });

  it('and the client does not show it when logged or serialized', () => {
    const client = makeClient(fakeFetch(() => json({})).fetch);
    expect(client.apiKey).toBe(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
    expect(Object.values(client).map(String).join(' ')).not.toContain(KEY);
  });
});
