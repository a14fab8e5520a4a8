/**
 * Options accepted by every API method (the last argument of each generated method), and the full
 * description of a request that the client sends.
 */

import type { SecurityRequirement } from './auth';
import type { FileEncoder, MultipartEncoder } from './body';
import type { HeadersInput } from './headers';
import type { QueryStyles } from './query';

/**
 * Extra `fetch` options: RequestInit without what the client sets itself (method, headers, body,
 * signal), plus the runtime-specific ones people pass, such as Node's `dispatcher` for a proxy.
 */
export type FetchOptions = Omit<RequestInit, 'method' | 'headers' | 'body' | 'signal'> & {
  dispatcher?: unknown;
  agent?: unknown;
  client?: unknown;
  proxy?: unknown;
};

/**
 * Per-call options: they override the client's settings for this call only. Optional fields also take
 * `undefined` (as openai-node's do), so that code compiled with `exactOptionalPropertyTypes` can pass
 * values that may be missing.
 */
export type RequestOptions = {
  /** Milliseconds before one attempt is abandoned (retries get a fresh timeout). */
  timeout?: number | undefined;
  /** How many times a failed request is retried. */
  maxRetries?: number | undefined;
  /** Extra headers (a record, a `Headers` or a list of pairs); `null` removes a header the client would otherwise send. */
  headers?: HeadersInput;
  /** Cancels the request (and the retries and the stream) when aborted. */
  signal?: AbortSignal | null | undefined;
  /** Extra query parameters. */
  query?: object | null | undefined;
  /** Sent as `Idempotency-Key`, the same on every retry, so the server can de-duplicate. */
  idempotencyKey?: string | undefined;
  /** Extra `fetch` options for this call, merged over the client's `fetchOptions`. */
  fetchOptions?: FetchOptions | undefined;
  /**
   * Sends the call to this path instead of the operation's: relative to the base URL (`/v2/things`), or
   * an absolute URL. The path is used as given (no parameter is filled in).
   */
  path?: string | undefined;
};

/** What reads a server-sent events response into the value a streaming call resolves to. */
export type StreamClass = {
  fromSSEResponse(response: Response, controller: AbortController): unknown;
};

/** The HTTP methods the generated code uses. */
export type HTTPMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

/** What a generated method passes to `client.get/post/…`. */
export type MethodRequestOptions = RequestOptions & {
  /** The request body: JSON-encoded unless it is FormData, URLSearchParams, bytes, or (with `fileEncoder`) a file. */
  body?: unknown;
  /** Parse the response as server-sent events and resolve to a `Stream`. */
  stream?: boolean;
  /** How a streamed response is read (`Stream`, core/streaming.ts): passed by the methods that can stream. */
  streamClass?: StreamClass;
  /** How a multipart body is written out (`encodeMultipart`, core/multipart.ts): passed by the methods with one. */
  multipartEncoder?: MultipartEncoder;
  /**
   * How a body that is or holds files is read (`encodeFiles`, core/uploads.ts): passed by the methods whose bodies
   * may; without it a Blob, stream or `Response` body is refused.
   */
  fileEncoder?: FileEncoder;
  /** Resolve to the raw `Response` (for binary downloads) instead of parsing the body. */
  binaryResponse?: boolean;
  /**
   * The body's media type as the spec declares it (default `application/json`): `+json` types are sent
   * as JSON text, `text/*` as the string, anything else as bytes; sent as the `Content-Type`.
   */
  contentType?: string;
  /** The `Accept` header when it is not `application/json` (the success response's media type). */
  accept?: string;
  /** `style`/`explode` per query parameter, from the spec. */
  queryStyles?: QueryStyles;
  /** Cookie parameters as `[name, encoded value]`, added to the `Cookie` header after the other sources' cookies. */
  cookies?: ReadonlyArray<readonly [string, string]>;
  /** `false` for operations the spec marks as needing no credentials (`security: []`): none are sent. */
  authenticated?: boolean;
  /** The operation's own security requirements (an OR of ANDs), when they are not the document's. */
  security?: readonly SecurityRequirement[];
};

/** A complete request: method and path plus the per-call options. */
export type FinalRequestOptions = MethodRequestOptions & {
  method: HTTPMethod;
  /** A path relative to the base URL, or an absolute URL (used for next-page links). */
  path: string;
};
