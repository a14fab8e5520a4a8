/**
 * Request body encoding by the media type the spec declares (docs/media-types-and-files.md): JSON and
 * `+json` types as JSON text, `text/*` as the string, other types as bytes, multipart parts written out;
 * values fetch already knows how to send (form data, URL-encoded params, blobs, bytes, streams) as they are.
 */

import { ClientGenError } from './errors';
import type { FormEncoding } from './form-body';
import { isJSONContentType } from './json';

/**
 * A multipart body's fields, kept as given until the request is sent (and encoded by `encodeMultipart`). Its fields
 * are declared, not parameter properties: the runtime is TypeScript that only needs its types erased (Node's type
 * stripping runs it as it is).
 */
export class MultipartBody {
  readonly fields: Readonly<Record<string, unknown>>;
  /** The spec's `encoding` map: a part's content type per property. */
  readonly partContentTypes: Readonly<Record<string, string>>;
  /** The `encoding` map's entries that give a `style`/`explode`: such fields are written as form fields are. */
  readonly fieldStyles: Readonly<FormEncoding>;

  constructor(
    fields: Readonly<Record<string, unknown>>,
    partContentTypes: Readonly<Record<string, string>> = {},
    fieldStyles: Readonly<FormEncoding> = {},
  ) {
    this.fields = fields;
    this.partContentTypes = partContentTypes;
    this.fieldStyles = fieldStyles;
  }
}

/** Writes a multipart body out (`encodeMultipart`, core/multipart.ts): the Blob and its `Content-Type`. */
export type MultipartEncoder = (
  body: MultipartBody,
) => Promise<{ body: Blob; contentType: string }>;

/**
 * Reads a body that may be or hold files (`encodeFiles`, core/uploads.ts): a Blob, a `Response`, a stream, or a JSON
 * body with files inside. Undefined for a body it leaves to `encodeBody`.
 */
export type FileEncoder = (
  body: unknown,
  json: boolean,
  type: string | undefined,
) => Promise<EncodedBody | undefined>;

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
 * what writes a multipart body out and `files` what reads files (the methods whose bodies may hold them pass these).
 */
export async function encodeBody(
  body: unknown,
  declared?: string,
  multipart?: MultipartEncoder,
  files?: FileEncoder,
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
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return { body: body as FetchBody, contentType: bytesType(json, type), isStream: false };
  }
  if (files) {
    const encoded = await files(body, json, type);
    if (encoded) return encoded;
  } else if (
    isInstance(body, 'Blob') ||
    isInstance(body, 'ReadableStream') ||
    isInstance(body, 'Response') ||
    isAsyncIterable(body)
  ) {
    // Rather than send `{}`: only a method whose body may be a file passes the reader.
    throw new ClientGenError('a file body needs a fileEncoder to be sent');
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

/** The `Content-Type` of bytes (files too): the declared type, else `application/octet-stream`. */
export function bytesType(json: boolean, type: string | undefined): string {
  return (json ? undefined : type) ?? 'application/octet-stream';
}

function isScalar(value: unknown): value is number | boolean | bigint {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/** An async iterable (Node's `fs.ReadStream`): JSON cannot write it either. */
function isAsyncIterable(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  );
}

/** `instanceof` against a global that may not exist in every runtime. */
function isInstance(
  value: unknown,
  globalName: 'FormData' | 'URLSearchParams' | 'Blob' | 'ReadableStream' | 'Response',
): boolean {
  const ctor = (globalThis as Record<string, unknown>)[globalName];
  return typeof ctor === 'function' && value instanceof ctor;
}
