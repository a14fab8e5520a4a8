import type { IrBody } from './types';

/**
 * Media types as the spec declares them: which one of several a request body is sent as, how a body of that
 * type is encoded, and which response type the client asks for (docs/media-types-and-files.md).
 */

/** `application/json` or a structured `+json` type (`application/json-patch+json`, `application/vnd.api+json`). */
export function isJsonMediaType(mediaType: string): boolean {
  const type = essence(mediaType);
  return (
    type === 'application/json' ||
    // An older name that servers still read as JSON (rumble's `text/json` bodies).
    type === 'text/json' ||
    /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(type)
  );
}

/** A media range (a `*` for the type or the subtype): it names no format, and cannot be a `Content-Type`. */
export function isMediaRange(mediaType: string): boolean {
  return essence(mediaType).includes('*');
}

/** JSON, XML and `text/*` media types: a string with such a `contentMediaType` is text, not a file. */
export function isTextMediaType(mediaType: string): boolean {
  return /^text\/|[/+](json|xml)\b/i.test(mediaType);
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

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const PARAMETER = new RegExp(`^${TOKEN}=(${TOKEN}|"([^"\\\\]|\\\\.)*")$`);

/**
 * The media type as a header can carry it: a parameter that is not `name=value` (RFC 9110 §5.6.6; anchore's
 * `text/plain; utf-8`) is left out, and named in `dropped`. Everything else is kept as the spec wrote it.
 */
export function headerMediaType(mediaType: string): { value: string; dropped: string[] } {
  // Split at the `;`s outside quoted strings.
  const parts = mediaType.match(/(?:[^;"]|"(?:[^"\\]|\\.)*"?)+/g) ?? [];
  const [type = '', ...parameters] = parts.map((part) => part.trim());
  const dropped = parameters.filter((p) => !PARAMETER.test(p));
  if (!dropped.length) return { value: mediaType, dropped };
  const kept = parameters.filter((p) => PARAMETER.test(p));
  return { value: [type, ...kept].join('; '), dropped };
}

/** The media type without parameters, lower-cased: `Text/Plain; charset=utf-8` → `text/plain`. */
function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}
