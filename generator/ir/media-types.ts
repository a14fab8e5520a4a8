import type { IrBody } from './types';

/**
 * Media types as the spec declares them: which one of several a request body is sent as, how a body of that
 * type is encoded, and which response type the client asks for (docs/media-types-and-files.md).
 */

/** `application/json` or a structured `+json` type (`application/json-patch+json`, `application/vnd.api+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  const type = essence(mediaType);
  return type === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(type);
}

/** How a body of this media type is encoded. */
export function bodyEncoding(mediaType: string): IrBody['encoding'] {
  const type = essence(mediaType);
  if (isJsonMediaType(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'multipart/form-data' || type.startsWith('multipart/')) return 'multipart';
  if (type.startsWith('text/')) return 'text';
  return 'binary';
}

const PREFERENCE: IrBody['encoding'][] = ['json', 'form', 'multipart', 'text', 'binary'];

/**
 * The one body media type an operation sends when it declares several: JSON first (`application/json`
 * itself before a `+json` type), then form, multipart, text and binary; within a kind, the first declared.
 */
export function pickBodyMediaType(declared: string[]): string | undefined {
  let best: { key: string; rank: number } | undefined;
  for (const key of declared) {
    const rank =
      PREFERENCE.indexOf(bodyEncoding(key)) * 2 + (essence(key) === 'application/json' ? 0 : 1);
    if (!best || rank < best.rank) best = { key, rank };
  }
  return best?.key;
}

/**
 * The `Content-Type` a declared media type is sent with: as written, but a range (`image/*`, `*\/*`) cannot
 * be a content type, so a range leaves it to the body (a Blob's own type) or `application/octet-stream`.
 */
export function sentContentType(mediaType: string): string | undefined {
  return mediaType.includes('*') ? undefined : mediaType;
}

/** The media type without parameters, lower-cased: `Text/Plain; charset=utf-8` → `text/plain`. */
function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}
