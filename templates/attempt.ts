/**
 * One HTTP attempt: fetch with its own AbortController, aborted by the per-attempt timeout or by the
 * caller's signal. The outcome is returned, not thrown, so that the retry loop can decide what to do.
 */

import type { Fetch } from './client-options';

/** The greatest delay setTimeout supports; larger timeouts would fire at once, so they mean "no timeout". */
const MAX_TIMER_MS = 2_147_483_647;

/** A response (with the controller that can still abort its body), or the error fetch rejected with. */
export type AttemptResult =
  | { response: Response; controller: AbortController; onUserAbort: () => void }
  | { error: unknown; timedOut: boolean };

/** Calls `onTimeout` after `timeout` ms; no timer for a negative timeout or one too large for setTimeout. */
export function startTimer(
  timeout: number,
  onTimeout: () => void,
): ReturnType<typeof setTimeout> | undefined {
  return timeout >= 0 && timeout <= MAX_TIMER_MS ? setTimeout(onTimeout, timeout) : undefined;
}

/**
 * Runs one fetch; `timeout` (ms) covers the wait for the response headers. The body's wait has a timer of its own
 * (parse.ts's `readBody`), started when it is read.
 */
export async function fetchAttempt(
  fetch: Fetch,
  url: string,
  init: RequestInit,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<AttemptResult> {
  const controller = new AbortController();
  // The caller's signal aborts this attempt, and also the body read or stream that follows a success.
  const onUserAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onUserAbort, { once: true });
  let timedOut = false;
  const onTimeout = (): void => {
    timedOut = true;
    controller.abort();
  };
  const timer = startTimer(timeout, onTimeout);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    return { response, controller, onUserAbort };
  } catch (error) {
    signal?.removeEventListener('abort', onUserAbort);
    return { error, timedOut };
  } finally {
    clearTimeout(timer);
  }
}
