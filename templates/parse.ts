/**
 * Turns a successful response into the value an API method resolves to: a Stream for `stream: true`,
 * the raw Response for binary downloads, undefined for 204, parsed JSON, or else the text.
 */

import type { APIResponseProps } from './api-promise';
import { APIUserAbortError, ClientGenError, isAbortError } from './errors';
import { isJSONContentType, safeJSON } from './json';

/** Parses a successful response according to the request options and the content type. */
export async function defaultParseResponse<T>({
  response,
  options,
  controller,
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
  const text = await response.text().catch((err: unknown) => {
    // The caller's signal aborted the request while the body was arriving.
    throw options.signal?.aborted && isAbortError(err) ? new APIUserAbortError() : err;
  });
  if (isJSONContentType(response.headers.get('content-type'))) {
    if (text.trim() === '') return undefined as T;
    return JSON.parse(text) as T;
  }
  return text as T;
}

/** Reads an error response's body: parsed JSON when possible, else the text (undefined when empty). */
export async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text.trim() === '') return undefined;
  return safeJSON(text) ?? text;
}
