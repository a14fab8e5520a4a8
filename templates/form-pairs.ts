/**
 * The `name=value` pairs of one query parameter or form-body field, before percent-encoding, for the
 * styles that write pairs: form, spaceDelimited, pipeDelimited and deepObject (OpenAPI 3.1 §4.8.12.4).
 * Shapes OpenAPI leaves undefined (docs/serialization.md): nested objects and arrays are written with
 * brackets; arrays with indices (`items[0][price]=p`, `expand[0]=x`) as `qs` and stripe-node do, except
 * arrays of scalars in a query, which get empty brackets (`expand[]=x`), as Stripe's documentation writes
 * them and Steady, the validating mock, accepts them (it refuses `expand[0]` in a query).
 */

import {
  flatEntries,
  isAbsent,
  isPlainObject,
  itemTexts,
  presentEntries,
  scalarText,
  contentText,
  type ArrayFormat,
  type ParamStyle,
} from './style';

/** One pair before encoding; a value of several parts is joined with `delimiter` (which is itself encoded). */
export type RawPair = { key: string; parts: string[]; delimiter: ',' | ' ' | '|' };

/** How nested arrays are keyed when the spec does not say: arrays of scalars, and arrays of objects or arrays. */
export type ArrayFormats = { scalars: ArrayFormat; objects: ArrayFormat };

/** The default of form bodies: indices throughout (`expand[0]=x`, `items[0][price]=p`), as stripe-node sends them. */
export const INDICES: ArrayFormats = { scalars: 'indices', objects: 'indices' };

/**
 * The pairs of one parameter. With no `style` (a query the caller wrote by hand, a form field the spec
 * gives no encoding), scalars and arrays of scalars are written as `form` and objects as `deepObject`.
 */
export function stylePairs(
  name: string,
  value: unknown,
  style: ParamStyle = {},
  defaults: ArrayFormats = INDICES,
): RawPair[] {
  if (isAbsent(value)) return [];
  if (style.contentType !== undefined) return [one(name, contentText(value, style.contentType))];
  const format: ArrayFormats = style.arrayFormat
    ? { scalars: style.arrayFormat, objects: style.arrayFormat }
    : defaults;
  const kind = style.style;
  if (kind === 'deepObject') {
    return isPlainObject(value) || Array.isArray(value)
      ? deepPairs(name, value, format)
      : [one(name, scalarText(value))];
  }
  // OpenAPI: `explode` defaults to true for form only.
  const explode = style.explode ?? (kind === undefined || kind === 'form');
  const delimiter = kind === 'spaceDelimited' ? ' ' : kind === 'pipeDelimited' ? '|' : ',';
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isAbsent(v));
    // Arrays of objects or arrays have no OpenAPI serialization: indexed keys (`a[0][b]=1`), as qs writes them.
    if (items.some((v) => isPlainObject(v) || Array.isArray(v)))
      return deepPairs(name, items, format);
    if (items.length === 0) return [];
    if (explode) return items.map((v) => one(name, scalarText(v)));
    return [{ key: name, parts: itemTexts(items), delimiter }];
  }
  if (!isPlainObject(value)) return [one(name, scalarText(value))];
  if (kind === undefined) return deepPairs(name, value, format);
  if (explode) {
    // Each property becomes a parameter of its own; what is nested in one keeps its name in brackets.
    return presentEntries(value).flatMap(([k, v]) => stylePairs(k, v, {}, format));
  }
  const parts = flatEntries(value);
  return parts.length ? [{ key: name, parts, delimiter }] : [];
}

/** Nested values as `prefix[key][sub]=value`; array items keyed as `format` says for their kind. */
export function deepPairs(
  prefix: string,
  value: Record<string, unknown> | unknown[],
  format: ArrayFormats,
): RawPair[] {
  const pairs: RawPair[] = [];
  let entries: Array<readonly [string, unknown]>;
  if (Array.isArray(value)) {
    const nested = value.some((v) => isPlainObject(v) || Array.isArray(v));
    const kind = nested ? format.objects : format.scalars;
    entries = value.map((v, i) => [
      kind === 'indices' ? `[${i}]` : kind === 'brackets' ? '[]' : '',
      v,
    ]);
  } else {
    entries = Object.entries(value).map(([k, v]) => [`[${k}]`, v]);
  }
  for (const [suffix, v] of entries) {
    if (isAbsent(v)) continue;
    const key = `${prefix}${suffix}`;
    if (isPlainObject(v) || Array.isArray(v)) pairs.push(...deepPairs(key, v, format));
    else pairs.push(one(key, scalarText(v)));
  }
  return pairs;
}

/** A pair with a single value. */
function one(key: string, text: string): RawPair {
  return { key, parts: [text], delimiter: ',' };
}
