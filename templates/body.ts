/**
 * Request body encoding: plain values are sent as JSON; values fetch already knows how to send
 * (form data, URL-encoded params, blobs, bytes, streams) are passed through untouched.
 */

/**
 * What fetch accepts as a body. It is read from `RequestInit` rather than named `BodyInit`, which only
 * the DOM lib declares: projects with Node's types and no DOM lib compile this code too.
 */
export type FetchBody = NonNullable<RequestInit['body']>;

/** A body ready for fetch, with the content type to send (undefined lets fetch choose). */
export type EncodedBody = {
  body: FetchBody | undefined;
  contentType: string | undefined;
  /** Streaming uploads need `duplex: 'half'` in Node's fetch. */
  isStream: boolean;
};

/** Encodes a request body for fetch. */
export function encodeBody(body: unknown): EncodedBody {
  if (body === undefined) return { body: undefined, contentType: undefined, isStream: false };
  // fetch sets the multipart boundary / form encoding / blob type itself.
  if (
    isInstance(body, 'FormData') ||
    isInstance(body, 'URLSearchParams') ||
    isInstance(body, 'Blob')
  ) {
    return { body: body as FetchBody, contentType: undefined, isStream: false };
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return { body: body as FetchBody, contentType: 'application/octet-stream', isStream: false };
  }
  if (isInstance(body, 'ReadableStream')) {
    return { body: body as FetchBody, contentType: 'application/octet-stream', isStream: true };
  }
  return { body: JSON.stringify(body), contentType: 'application/json', isStream: false };
}

/** `instanceof` against a global that may not exist in every runtime. */
function isInstance(
  value: unknown,
  globalName: 'FormData' | 'URLSearchParams' | 'Blob' | 'ReadableStream',
): boolean {
  const ctor = (globalThis as Record<string, unknown>)[globalName];
  return typeof ctor === 'function' && value instanceof ctor;
}
