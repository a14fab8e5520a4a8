/**
 * Request body encoding by the media type the spec declares (docs/media-types-and-files.md): JSON and
 * `+json` types as JSON text, `text/*` as the string, other types as bytes, multipart parts written out;
 * values fetch already knows how to send (form data, URL-encoded params, blobs, bytes, streams) as they are.
 */

import { encodeMultipart, MultipartBody } from './multipart';
import { isJSONContentType } from './parse';
import { isBlob, isFsReadStream, isReadableStream, isResponse, iterableToStream } from './uploads';

/**
 * What fetch accepts as a body. It is read from `RequestInit` rather than named `BodyInit`, which only
 * the DOM lib declares: projects with Node's types and no DOM lib compile this code too.
 */
export type FetchBody = NonNullable<RequestInit['body']>;

/** A body ready for fetch, with the content type to send (undefined lets fetch choose). */
export type EncodedBody = {
  body: FetchBody | undefined;
  contentType: string | undefined;
  /** Streaming uploads need `duplex: 'half'` in Node's fetch, and cannot be retried. */
  isStream: boolean;
};

/** Encodes a request body for fetch; `declared` is the spec's media type (default `application/json`). */
export async function encodeBody(body: unknown, declared?: string): Promise<EncodedBody> {
  if (body === undefined) return { body: undefined, contentType: undefined, isStream: false };
  if (body instanceof MultipartBody) {
    const { body: blob, contentType } = await encodeMultipart(body);
    return { body: blob as FetchBody, contentType, isStream: false };
  }
  const type = declared === undefined || declared.includes('*') ? undefined : declared;
  const json = declared === undefined || isJSONContentType(declared);
  // fetch sets the multipart boundary / form encoding itself.
  if (isInstance(body, 'FormData') || isInstance(body, 'URLSearchParams')) {
    return { body: body as FetchBody, contentType: undefined, isStream: false };
  }
  // A Blob keeps its own type unless the spec names one (a range such as `image/*` names none).
  if (isBlob(body)) {
    return { body: body as FetchBody, contentType: json ? undefined : type, isStream: false };
  }
  const bytesType = json ? 'application/octet-stream' : (type ?? 'application/octet-stream');
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return { body: body as FetchBody, contentType: bytesType, isStream: false };
  }
  if (isResponse(body)) {
    // Read whole, so that the request can be retried; a stream is the way to upload without buffering.
    return { body: (await body.blob()) as FetchBody, contentType: bytesType, isStream: false };
  }
  if (isReadableStream(body)) {
    return { body: body as FetchBody, contentType: bytesType, isStream: true };
  }
  if (isFsReadStream(body)) {
    return { body: iterableToStream(body) as FetchBody, contentType: bytesType, isStream: true };
  }
  if (!json && typeof body === 'string') return { body, contentType: type, isStream: false };
  if (!json && declared?.startsWith('text/') && isScalar(body))
    return { body: String(body), contentType: type, isStream: false };
  return {
    body: JSON.stringify(body),
    contentType: json ? (type ?? 'application/json') : type,
    isStream: false,
  };
}

function isScalar(value: unknown): value is number | boolean | bigint {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/** `instanceof` against a global that may not exist in every runtime. */
function isInstance(value: unknown, globalName: 'FormData' | 'URLSearchParams'): boolean {
  const ctor = (globalThis as Record<string, unknown>)[globalName];
  return typeof ctor === 'function' && value instanceof ctor;
}
