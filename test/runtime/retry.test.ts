import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
  retryDelay,
  shouldRetry,
} from '../../templates/index';
import { fakeFetch, json, makeClient, sequenceFetch } from './helpers';

const NOW = Date.parse('2025-01-01T00:00:00Z');

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
  jest.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

/** Lets the client run until it is waiting on a timer. */
async function settle(): Promise<void> {
  await jest.advanceTimersByTimeAsync(0);
}

/** Observes a promise's outcome without an unhandled rejection. */
function track<T>(promise: Promise<T>): {
  state: () => 'pending' | 'resolved' | 'rejected';
  promise: Promise<T>;
} {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  return { state: () => state, promise };
}

describe('retries', () => {
  it('retries a 429 after the backoff, then succeeds', async () => {
    const { fetch, calls } = sequenceFetch(
      () => json({ error: { message: 'slow down' } }, 429),
      () => json({ ok: true }),
    );
    const result = track(makeClient(fetch, { maxRetries: 2 }).get<{ ok: boolean }>('/things'));
    await settle();
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await expect(result.promise).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.headers.get('x-retry-count'))).toEqual(['0', '1']);
  });

  it.each([
    ['retry-after-ms', { 'retry-after-ms': '1500' }, 1500],
    ['retry-after in seconds', { 'retry-after': '2' }, 2000],
    ['retry-after as an HTTP date', { 'retry-after': new Date(NOW + 3000).toUTCString() }, 3000],
  ])('waits as long as %s says', async (_name, headers: Record<string, string>, wait) => {
    const { fetch, calls } = sequenceFetch(
      () => json({}, 503, headers),
      () => json({ ok: true }),
    );
    const result = track(makeClient(fetch, { maxRetries: 1 }).get('/things'));
    await settle();
    await jest.advanceTimersByTimeAsync(wait - 1);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await expect(result.promise).resolves.toEqual({ ok: true });
  });

  it('ignores a server delay of a minute or more and uses the backoff', () => {
    expect(retryDelay(0, 2, new Headers({ 'retry-after': '60' }))).toBe(500);
    expect(retryDelay(0, 2, new Headers({ 'retry-after': '0' }))).toBe(500);
    expect(retryDelay(0, 2, new Headers({ 'retry-after': 'soon' }))).toBe(500);
  });

  it('stops when the server says x-should-retry: false', async () => {
    const { fetch, calls } = sequenceFetch(() =>
      json({ error: { message: 'down' } }, 503, { 'x-should-retry': 'false' }),
    );
    await expect(makeClient(fetch, { maxRetries: 3 }).get('/things')).rejects.toThrow(
      InternalServerError,
    );
    expect(calls).toHaveLength(1);
  });

  it('retries a status it would not retry when the server says x-should-retry: true', () => {
    expect(
      shouldRetry(new Response(null, { status: 400, headers: { 'x-should-retry': 'true' } })),
    ).toBe(true);
    expect(shouldRetry(new Response(null, { status: 400 }))).toBe(false);
    for (const status of [408, 409, 429, 500, 502, 503])
      expect(shouldRetry(new Response(null, { status }))).toBe(true);
  });

  it('does not retry with maxRetries 0', async () => {
    const { fetch, calls } = sequenceFetch(() => json({ error: { message: 'slow down' } }, 429));
    await expect(makeClient(fetch, { maxRetries: 0 }).get('/things')).rejects.toThrow(
      RateLimitError,
    );
    expect(calls).toHaveLength(1);
  });

  it('lets a per-call maxRetries override the client', async () => {
    const { fetch, calls } = sequenceFetch(() => json({}, 500));
    const result = track(makeClient(fetch, { maxRetries: 0 }).get('/things', { maxRetries: 1 }));
    await jest.advanceTimersByTimeAsync(500);
    await expect(result.promise).rejects.toThrow(InternalServerError);
    expect(calls).toHaveLength(2);
  });

  it('retries a connection error, then surfaces it as APIConnectionError', async () => {
    const cause = new TypeError('fetch failed');
    const { fetch, calls } = fakeFetch(() => Promise.reject(cause));
    const result = track(makeClient(fetch, { maxRetries: 2 }).get('/things'));
    await jest.advanceTimersByTimeAsync(500 + 1000);
    expect(result.state()).toBe('rejected');
    const err: unknown = await result.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionError);
    expect((err as APIConnectionError).cause).toBe(cause);
    expect(calls).toHaveLength(3);
  });

  it('backs off 0.5, 1, 2, 4, 8, 8 seconds (without jitter)', async () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => retryDelay(attempt, 6))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);

    const times: number[] = [];
    const { fetch } = fakeFetch(() => {
      times.push(Date.now());
      return json({}, 500);
    });
    const result = track(makeClient(fetch, { maxRetries: 6 }).get('/things'));
    await jest.advanceTimersByTimeAsync(30_000);
    await expect(result.promise).rejects.toThrow(InternalServerError);
    expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
  });

  it('applies up to 25% jitter', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(retryDelay(0, 2)).toBeCloseTo(375, 0);
    expect(retryDelay(4, 6)).toBeCloseTo(6000, 0);
  });
});

describe('timeouts and aborts', () => {
  /** A fetch that only settles when its signal aborts, like a server that never answers. */
  const hangingFetch = () =>
    fakeFetch(
      (call) =>
        new Promise<Response>((_resolve, reject) => {
          call.signal?.addEventListener('abort', () =>
            reject(new DOMException('This operation was aborted', 'AbortError')),
          );
        }),
    );

  it('throws APIConnectionTimeoutError after `timeout` ms', async () => {
    const { fetch } = hangingFetch();
    const result = track(makeClient(fetch, { timeout: 1000 }).get('/slow'));
    await jest.advanceTimersByTimeAsync(999);
    expect(result.state()).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    await expect(result.promise).rejects.toThrow(APIConnectionTimeoutError);
  });

  it('gives each retry a fresh timeout, with a per-call override', async () => {
    const { fetch, calls } = hangingFetch();
    const result = track(
      makeClient(fetch, { timeout: 60_000, maxRetries: 1 }).get('/slow', { timeout: 100 }),
    );
    await jest.advanceTimersByTimeAsync(100 + 500 + 100);
    await expect(result.promise).rejects.toThrow(APIConnectionTimeoutError);
    expect(calls).toHaveLength(2);
  });

  it('throws APIUserAbortError when the caller aborts, and does not retry', async () => {
    const { fetch, calls } = hangingFetch();
    const user = new AbortController();
    const result = track(
      makeClient(fetch, { maxRetries: 3 }).get('/slow', { signal: user.signal }),
    );
    await settle();
    user.abort();
    await expect(result.promise).rejects.toThrow(APIUserAbortError);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it('stops waiting between retries when the caller aborts', async () => {
    const { fetch, calls } = sequenceFetch(() => json({}, 500));
    const user = new AbortController();
    const result = track(
      makeClient(fetch, { maxRetries: 3 }).get('/things', { signal: user.signal }),
    );
    await jest.advanceTimersByTimeAsync(100);
    user.abort();
    await expect(result.promise).rejects.toThrow(APIUserAbortError);
    expect(calls).toHaveLength(1);
  });

  it('does not call fetch when the signal is already aborted', async () => {
    const { fetch, calls } = sequenceFetch(() => json({}));
    await expect(makeClient(fetch).get('/things', { signal: AbortSignal.abort() })).rejects.toThrow(
      APIUserAbortError,
    );
    expect(calls).toHaveLength(0);
  });
});
