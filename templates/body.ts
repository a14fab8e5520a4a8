/**
 * Request body encoding by the media type the spec declares (docs/media-types-and-files.md): JSON and
 * `+json` types as JSON text, `text/*` as the string, other types as bytes, multipart parts written out;
 * values fetch already knows how to send (form data, URL-encoded params, blobs, bytes, streams) as they are.
 */

import { ClientGenError } from './errors';
import type { FormEncoding } from './form-body';
import { isJSONContentType } from './json';
import { isRecordLiteral } from './style';
import {
  isBlob,
  isFsReadStream,
  isReadableStream,
  isResponse,
  isUploadable,
  iterableToStream,
  toFile,
} from './uploads';

/** A multipart body's fields, kept as given until the request is sent (and encoded by `encodeMultipart`). */
export class MultipartBody {
  constructor(
    readonly fields: Readonly<Record<string, unknown>>,
    /** The spec's `encoding` map: a part's content type per property. */
    readonly partContentTypes: Readonly<Record<string, string>> = {},
    /** The `encoding` map's entries that give a `style`/`explode`: such fields are written as form fields are. */
    readonly fieldStyles: Readonly<FormEncoding> = {},
  ) {}
}

/** Writes a multipart body out (`encodeMultipart`, core/multipart.ts): the Blob and its `Content-Type`. */
export type MultipartEncoder = (
  body: MultipartBody,
) => Promise<{ body: Blob; contentType: string }>;

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

/**
 * Encodes a request body for fetch; `declared` is the spec's media type (default `application/json`), `multipart`
 * what writes a multipart body out (a method with one passes it).
 */
export async function encodeBody(
  body: unknown,
  declared?: string,
  multipart?: MultipartEncoder,
): Promise<EncodedBody> {
  if (body === undefined) return { body: undefined, contentType: undefined, isStream: false };
  if (body instanceof MultipartBody) {
    if (!multipart)
      throw new ClientGenError('a multipart body needs a multipartEncoder to be sent');
    const { body: blob, contentType } = await multipart(body);
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
    body: JSON.stringify(json ? await filesAsBase64(body) : body),
    contentType: json ? (type ?? 'application/json') : type,
    isStream: false,
  };
}

/**
 * JSON cannot carry bytes: a file inside a JSON body (a `format: binary` property) is sent as its base64 text, the
 * encoding OpenAPI names for binary data in JSON, where `JSON.stringify` would write a Blob as `{}`. Plain objects and
 * arrays are walked; anything else is left to `JSON.stringify`.
 */
async function filesAsBase64(value: unknown): Promise<unknown> {
  if (isUploadable(value)) {
    const bytes = new Uint8Array(await (await toFile(value)).arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }
  if (Array.isArray(value)) return Promise.all(value.map(filesAsBase64));
  if (!isRecordLiteral(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = await filesAsBase64(field);
  return out;
}

function isScalar(value: unknown): value is number | boolean | bigint {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/** `instanceof` against a global that may not exist in every runtime. */
function isInstance(value: unknown, globalName: 'FormData' | 'URLSearchParams'): boolean {
  const ctor = (globalThis as Record<string, unknown>)[globalName];
  return typeof ctor === 'function' && value instanceof ctor;
}
