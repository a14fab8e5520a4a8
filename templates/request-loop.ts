/**
 * The retry loop: one attempt after another until a response can be returned or thrown, with the
 * backoff between them and the log lines that follow a request (see docs/runtime.md).
 */

import type { APIResponseProps } from './api-promise';
import { fetchAttempt } from './attempt';
import { encodeBody } from './body';
import type { Fetch } from './client-options';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  castToError,
} from './errors';
import { redactHeaders, scrubber, type Logger } from './log';
import { readErrorBody } from './parse';
import { redactSecret } from './redact';
import type { FetchOptions, FinalRequestOptions } from './request-options';
import { retryDelay, shouldRetry, sleep } from './retry';

/** What the loop needs from the client. */
export type SendContext = {
  fetch: Fetch;
  fetchOptions: FetchOptions | undefined;
  /** The client's defaults, which the request's own options override. */
  timeout: number;
  maxRetries: number;
  /** The level-filtered logger. */
  log: Logger;
  /** Credentials, masked wherever they would appear in a log or an error. */
  secrets: readonly string[];
  /** Headers masked in logs besides the usual credential headers. */
  sensitiveHeaders: readonly string[];
  /** The request headers of one attempt (`x-retry-count` changes between attempts). */
  buildHeaders: (attempt: number, contentType: string | undefined) => Headers;
  /** What an error response's message says when its body says nothing (the token request names its endpoint). */
  failure?: string;
};

/** Sends a request, retrying as allowed; resolves once a successful response's headers have arrived. */
export async function sendWithRetries(
  ctx: SendContext,
  url: string,
  options: FinalRequestOptions,
): Promise<APIResponseProps> {
  const { body, contentType, isStream } = await encodeBody(
    options.body,
    options.contentType,
    options.multipartEncoder,
    options.fileEncoder,
  );
  const timeout = options.timeout ?? ctx.timeout;
  // A streamed upload cannot be replayed, so it is never retried.
  const maxRetries = isStream ? 0 : (options.maxRetries ?? ctx.maxRetries);
  const signal = options.signal ?? undefined;
  const method = options.method.toUpperCase();
  const log = ctx.log;
  const scrub = scrubber(ctx.secrets);
  const logURL = scrub(url);
  const logID = `log_${Math.random().toString(16).slice(2, 8).padEnd(6, '0')}`;

  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new APIUserAbortError();
    const tag = attempt ? `[${logID}, retry ${attempt}]` : `[${logID}]`;
    const left = (): string =>
      attempt < maxRetries
        ? `retrying, ${maxRetries - attempt} attempts remaining`
        : 'error; no more retries left';
    const headers = ctx.buildHeaders(attempt, contentType);
    const init: RequestInit & { duplex?: 'half' } = {
      ...ctx.fetchOptions,
      ...options.fetchOptions,
      method,
      headers,
      body: body ?? null,
    };
    if (isStream) init.duplex = 'half';
    log.debug(`${tag} sending request`, {
      method,
      url: logURL,
      headers: redactHeaders(headers, scrub, ctx.sensitiveHeaders),
      timeout,
    });

    const start = Date.now();
    const attemptResult = await fetchAttempt(ctx.fetch, url, init, timeout, signal);
    const durationMs = Date.now() - start;
    if ('error' in attemptResult) {
      if (signal?.aborted) throw new APIUserAbortError();
      const what = attemptResult.timedOut ? 'timed out' : 'failed';
      log.info(`${tag} ${method} ${logURL} connection ${what} in ${durationMs}ms - ${left()}`);
      log.debug(`${tag} connection ${what}`, {
        durationMs,
        error: scrub(String(castToError(attemptResult.error).message)),
      });
      if (attempt < maxRetries) {
        await sleepBeforeRetry(log, tag, attempt, maxRetries, null, signal);
        continue;
      }
      if (attemptResult.timedOut) throw new APIConnectionTimeoutError();
      throw redactSecret(
        new APIConnectionError({ cause: castToError(attemptResult.error) }),
        ctx.secrets,
      );
    }

    const { response, controller, onUserAbort } = attemptResult;
    const outcome = response.ok ? 'succeeded' : 'failed';
    const summary = `${tag} ${method} ${logURL} ${outcome} with status ${response.status} in ${durationMs}ms`;
    log.debug(`${tag} response start`, {
      status: response.status,
      headers: redactHeaders(response.headers, scrub),
      durationMs,
    });
    if (response.ok) {
      log.info(summary);
      return { response, options, controller, url, timeout };
    }

    if (attempt < maxRetries && shouldRetry(response)) {
      log.info(`${summary} - ${left()}`);
      signal?.removeEventListener('abort', onUserAbort);
      // Discard the body so the connection can be reused.
      await response.body?.cancel().catch(() => undefined);
      await sleepBeforeRetry(log, tag, attempt, maxRetries, response.headers, signal);
      continue;
    }
    log.info(`${summary} - error; no more retries left`);
    const errorBody = await readErrorBody(response, controller, timeout);
    signal?.removeEventListener('abort', onUserAbort);
    throw redactSecret(
      APIError.generate(response.status, errorBody, ctx.failure, response.headers),
      ctx.secrets,
    );
  }
}

/** Waits out the backoff before a retry, logging the delay. */
async function sleepBeforeRetry(
  log: Logger,
  tag: string,
  attempt: number,
  maxRetries: number,
  headers: Headers | null,
  signal: AbortSignal | undefined,
): Promise<void> {
  const delay = retryDelay(attempt, maxRetries, headers);
  log.debug(`${tag} waiting ${Math.round(delay)}ms before retry ${attempt + 1}`);
  await sleep(delay, signal);
}
