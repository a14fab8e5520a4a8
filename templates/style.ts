/**
 * What every parameter serializer shares: the style descriptor the generator writes into each method's
 * layout (OpenAPI `style`, `explode`, `allowReserved`, a `content` media type), the text of a scalar, and
 * percent-encoding. The rules per location live in query.ts, path.ts, headers-style.ts and cookies.ts.
 */

import { isJSONContentType } from './json';

/** How arrays inside deepObject keys are written: `a[0]=x`, `a[]=x`, or `a=x` (defaults: docs/serialization.md). */
export type ArrayFormat = 'indices' | 'brackets' | 'repeat';

/** How one parameter or form field is serialized, as the spec declares it (only what differs from the defaults). */
export type ParamStyle = {
  style?:
    'simple' | 'label' | 'matrix' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
  /** Reserved characters (`:/?#[]@!$&'()*+,;=`) are sent as they are instead of percent-encoded. */
  allowReserved?: boolean;
  /** How arrays inside deepObject keys are written (`x-clientgen-array-format`); defaults in form-pairs.ts. */
  arrayFormat?: ArrayFormat;
  /** A parameter declared with `content` (or a field with an encoding `contentType`): sent as that media type's text. */
  contentType?: string;
};

/** True for undefined and null: such values are left out of the request. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** An object literal's kind of object (its prototype `Object.prototype` or none): not a file, a class instance or an array. */
export function isRecordLiteral(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain object (not an array, not a Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** An object's entries without undefined and null values, in insertion order. */
export function presentEntries(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).filter(([, v]) => !isAbsent(v));
}

/** Text form of a scalar: dates as ISO 8601, objects and arrays nested where the style has no place for them as JSON, the rest through String. */
export function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** The text of a value sent as a media type: JSON text for JSON types (`+json`, `text/json`), else the scalar text. */
export function contentText(value: unknown, contentType: string): string {
  return isJSONContentType(contentType) ? JSON.stringify(value) : scalarText(value);
}

/** The text of an array's items (absent items left out). */
export function itemTexts(items: readonly unknown[]): string[] {
  return items.filter((v) => !isAbsent(v)).map(scalarText);
}

/** An object's keys and values, alternating (`['R', '100', 'G', '200']`), as non-exploded styles list them. */
export function flatEntries(value: Record<string, unknown>): string[] {
  return presentEntries(value).flatMap(([k, v]) => [k, scalarText(v)]);
}

/** Percent-encodes everything except RFC 3986 unreserved characters (also `!'()*`, unlike encodeURIComponent). */
export function encodeRFC3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Percent-encodes what is neither unreserved nor reserved (RFC 6570 reserved expansion, OpenAPI's
 * `allowReserved`); `keep` narrows the reserved characters let through. With `keepEscapes`, percent-encoded
 * triplets already in the text (`%20`) are kept as RFC 6570 says; elsewhere `%` is always encoded.
 */
export function encodeReserved(
  text: string,
  keep = ":/?#[]@!$&'()*+,;=",
  keepEscapes = false,
): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const escape = keepEscapes ? /^%[0-9A-Fa-f]{2}/.exec(text.slice(i)) : null;
    if (escape) {
      out += escape[0];
      i += 3;
      continue;
    }
    // Whole code points, so that characters outside the BMP are encoded as one UTF-8 sequence.
    const char = String.fromCodePoint(text.codePointAt(i)!);
    out += /[A-Za-z0-9\-._~]/.test(char) || keep.includes(char) ? char : encodeRFC3986(char);
    i += char.length;
  }
  return out;
}
