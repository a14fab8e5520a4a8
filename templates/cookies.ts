/**
 * The `Cookie` request header: cookie parameters in OpenAPI's `form` style, and `appendCookie`, which adds
 * one cookie to whatever a request already carries (the caller's own `Cookie` header, a credential sent
 * as a cookie), since a request has a single `Cookie` header with `; ` between its pairs (RFC 6265 §5.4).
 */

import {
  contentText,
  encodeRFC3986,
  flatEntries,
  isAbsent,
  isPlainObject,
  presentEntries,
  scalarText,
  type ParamStyle,
} from './style';

/** Adds `name=value` to the `Cookie` header of `headers`, after the cookies it already has. The value is sent as given. */
export function appendCookie(headers: Headers, name: string, value: string): void {
  const pair = `${name}=${value}`;
  const existing = headers.get('cookie');
  headers.set('cookie', existing ? `${existing}; ${pair}` : pair);
}

/**
 * The `[name, value]` pairs of one cookie parameter, values percent-encoded (RFC 3986). `form` style:
 * explode (the default) sends each array item and each object property as a cookie of its own
 * (`id=3; id=4`, `R=100; G=200`); without it, `id=3,4` and `color=R,100,G,200`.
 */
export function cookiePairs(
  name: string,
  value: unknown,
  style: ParamStyle = {},
): Array<[string, string]> {
  if (isAbsent(value)) return [];
  const pair = (key: string, text: string): [string, string] => [key, encodeRFC3986(text)];
  if (style.contentType !== undefined) return [pair(name, contentText(value, style.contentType))];
  const explode = style.explode ?? true;
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isAbsent(v)).map((v) => encodeRFC3986(scalarText(v)));
    if (items.length === 0) return [];
    return explode ? items.map((t) => [name, t]) : [[name, items.join(',')]];
  }
  if (!isPlainObject(value)) return [pair(name, scalarText(value))];
  if (explode) return presentEntries(value).map(([k, v]) => pair(encodeRFC3986(k), scalarText(v)));
  const parts = flatEntries(value).map(encodeRFC3986);
  return parts.length ? [[name, parts.join(',')]] : [];
}
