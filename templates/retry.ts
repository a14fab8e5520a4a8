/**
 * Retry policy, the same as openai-node: the server may force a decision with `x-should-retry`;
 * otherwise timeouts, conflicts, rate limits and server errors are retried with exponential backoff.
 */

import { APIUserAbortError } from './errors';

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** Server-requested delays at or above this are ignored in favour of the backoff (to avoid hanging for minutes). */
const MAX_SERVER_DELAY_MS = 60_000;

/** Whether a failed response should be retried (the retry budget is checked by the caller). */
export function shouldRetry(response: Pick<Response, 'status' | 'headers'>): boolean {
  const explicit = response.headers.get('x-should-retry');
  if (explicit === 'true') return true;
  if (explicit === 'false') return false;
  const { status } = response;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before retry number `attempt` (0 for the first retry): the server's
 * `retry-after-ms` / `retry-after` when it is under a minute, else backoff 0.5 s, 1 s, 2 s, … capped at 8 s.
 */
export function retryDelay(attempt: number, maxRetries: number, headers?: Headers | null): number {
  const requested = headers ? serverDelay(headers) : undefined;
  if (requested !== undefined && requested > 0 && requested < MAX_SERVER_DELAY_MS) return requested;
  const exponent = Math.max(0, Math.min(attempt, maxRetries, 1000));
  const delay = Math.min(INITIAL_DELAY_MS * 2 ** exponent, MAX_DELAY_MS);
  // Jitter of up to -25% spreads out clients that failed at the same moment.
  return delay * (1 - Math.random() * 0.25);
}

/** Reads `retry-after-ms` (milliseconds), then `retry-after` (seconds or an HTTP date). */
function serverDelay(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value)) return value;
  }
  const after = headers.get('retry-after');
  if (after === null || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

/** Waits `ms` milliseconds; rejects with APIUserAbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new APIUserAbortError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
