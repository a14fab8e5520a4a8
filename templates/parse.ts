/**
 * Turns a successful response into the value an API method resolves to: a Stream for `stream: true`,
 * the raw Response for binary downloads, undefined for 204, parsed JSON, or else the text.
 */

import type { APIResponseProps } from './api-promise';
import { startTimer } from './attempt';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  ClientGenError,
  isAbortError,
} from './errors';
import { isJSONContentType, safeJSON } from './json';

/** Parses a successful response according to the request options and the content type. */
export async function defaultParseResponse<T>({
  response,
  options,
  controller,
  timeout,
}: APIResponseProps): Promise<T> {
  if (options.stream) {
    // The methods that can stream pass the runtime's `Stream`; only those clients ship it (core/streaming.ts).
    if (!options.streamClass)
      throw new ClientGenError('stream: true needs a streamClass to read the events');
    return options.streamClass.fromSSEResponse(response, controller) as T;
  }
  if (options.binaryResponse) return response as T;
  if (response.status === 204 || response.status === 205) return undefined as T;
  // Read the body once as text: `response.json()` would throw on an empty body that claims to be JSON.
  const text = await readBody(response, controller, timeout).catch((err: unknown) => {
    // The caller's signal aborted the request while the body was arriving.
    throw options.signal?.aborted && isAbortError(err) ? new APIUserAbortError() : err;
  });
  if (isJSONContentType(response.headers.get('content-type'))) {
    if (text.trim() === '') return undefined as T;
    return JSON.parse(text) as T;
  }
  return text as T;
}

/**
 * A body as text, its wait bounded by `timeout` (ms) as the wait for the headers was, from when it is read (a promise
 * awaited late starts no clock early): a body that stalls aborts the request and rejects with
 * APIConnectionTimeoutError. Streams and raw responses are the caller's to read, with no such bound.
 */
export async function readBody(
  response: Response,
  controller: AbortController,
  timeout: number | undefined,
): Promise<string> {
  let timedOut = false;
  const timer =
    timeout === undefined
      ? undefined
      : startTimer(timeout, () => {
          timedOut = true;
          controller.abort();
        });
  try {
    return await response.text();
  } catch (err) {
    throw timedOut ? new APIConnectionTimeoutError() : err;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads an error response's body: parsed JSON when possible, else the text (undefined when empty, or when it did not
 * arrive within `timeout`: the error is still the status's).
 */
export async function readErrorBody(
  response: Response,
  controller?: AbortController,
  timeout?: number,
): Promise<unknown> {
  const text = await (controller ? readBody(response, controller, timeout) : response.text()).catch(
    () => '',
  );
  if (text.trim() === '') return undefined;
  return safeJSON(text) ?? text;
}
