/**
 * Options accepted by every API method (the last argument of each generated method), and the full
 * description of a request that the client sends.
 */

import type { HeadersInput } from './headers';
import type { QueryStyles } from './query';

/** Per-call options: they override the client's settings for this call only. */
export type RequestOptions = {
  /** Milliseconds before one attempt is abandoned (retries get a fresh timeout). */
  timeout?: number;
  /** How many times a failed request is retried. */
  maxRetries?: number;
  /** Extra headers; `null` removes a header the client would otherwise send. */
  headers?: Record<string, string | null | undefined>;
  /** Cancels the request (and the retries and the stream) when aborted. */
  signal?: AbortSignal;
  /** Extra query parameters. */
  query?: Record<string, unknown>;
  /** Sent as `Idempotency-Key`, the same on every retry, so the server can de-duplicate. */
  idempotencyKey?: string;
};

/** The HTTP methods the generated code uses. */
export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a generated method passes to `client.get/post/…`. */
export type MethodRequestOptions = Omit<RequestOptions, 'headers'> & {
  /** Headers in any form; `null` values remove a header. */
  headers?: HeadersInput;
  /** The request body: JSON-encoded unless it is FormData, URLSearchParams, a Blob, bytes or a stream. */
  body?: unknown;
  /** Parse the response as server-sent events and resolve to a `Stream`. */
  stream?: boolean;
  /** Resolve to the raw `Response` (for binary downloads) instead of parsing the body. */
  binaryResponse?: boolean;
  /** `style`/`explode` per query parameter, from the spec. */
  queryStyles?: QueryStyles;
  /** `false` for operations the spec marks as needing no credentials (`security: []`): no API key is sent. */
  authenticated?: boolean;
};

/** A complete request: method and path plus the per-call options. */
export type FinalRequestOptions = MethodRequestOptions & {
  method: HTTPMethod;
  /** A path relative to the base URL, or an absolute URL (used for next-page links). */
  path: string;
};
