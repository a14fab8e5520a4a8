/**
 * Serializes query parameters following OpenAPI's `style`/`explode`/`allowReserved` rules, with RFC 3986
 * encoding. Parameters the spec gives no style (and queries written by hand): arrays repeat the key
 * (`a=1&a=2`), objects use deepObject (`metadata[key]=value`). See docs/serialization.md.
 */

import { stylePairs, type ArrayFormats, type RawPair } from './form-pairs';
import { encodeRFC3986, encodeReserved, type ParamStyle } from './style';

export { encodeRFC3986 } from './style';

/** How one query parameter is serialized (OpenAPI `style`, `explode`, `allowReserved`, `content`). */
export type QueryStyle = ParamStyle;

/** Serialization rules per top-level query parameter name. */
export type QueryStyles = Record<string, QueryStyle>;

/**
 * Arrays nested in a query parameter, when the spec does not say: `expand[]=a` for scalars (Stripe's
 * documented form, and the one Steady accepts), `items[0][price]=p` for objects (unambiguous).
 */
const QUERY_ARRAYS: ArrayFormats = { scalars: 'brackets', objects: 'indices' };

/** The encoded separator between the values of a non-exploded parameter. */
const DELIMITERS: Record<RawPair['delimiter'], string> = { ',': ',', ' ': '%20', '|': '%7C' };

/** Builds a query string (without the leading `?`); undefined and null values are left out. */
export function stringifyQuery(query: Record<string, unknown>, styles: QueryStyles = {}): string {
  const pairs: string[] = [];
  // Object.entries keeps insertion order, so the output is stable for a given call site.
  for (const [key, value] of Object.entries(query)) {
    const style = styles[key] ?? {};
    for (const pair of stylePairs(key, value, style, QUERY_ARRAYS)) {
      pairs.push(encodePair(pair, style.allowReserved === true));
    }
  }
  return pairs.join('&');
}

/**
 * One encoded `key=value`. Keys are always encoded (brackets too, as qs does); with `allowReserved`
 * values keep reserved characters and percent-encoded triplets, except `#`, which would end the query.
 */
function encodePair({ key, parts, delimiter }: RawPair, allowReserved: boolean): string {
  const encode = allowReserved
    ? (text: string) => encodeReserved(text, ":/?[]@!$&'()*+,;=", true)
    : encodeRFC3986;
  return `${encodeRFC3986(key)}=${parts.map(encode).join(DELIMITERS[delimiter])}`;
}
