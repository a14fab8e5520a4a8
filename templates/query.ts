/**
 * Serializes query parameters following OpenAPI's `style`/`explode` rules, with RFC 3986 encoding.
 * Defaults: arrays repeat the key (`a=1&a=2`), objects use deepObject (`metadata[key]=value`).
 */

/** How one query parameter is serialized (OpenAPI `style` and `explode`). */
export type QueryStyle = {
  style?: 'form' | 'deepObject' | 'spaceDelimited' | 'pipeDelimited';
  explode?: boolean;
};

/** Serialization rules per top-level query parameter name. */
export type QueryStyles = Record<string, QueryStyle>;

/** Builds a query string (without the leading `?`); undefined and null values are left out. */
export function stringifyQuery(query: Record<string, unknown>, styles: QueryStyles = {}): string {
  const pairs: string[] = [];
  // Object.entries keeps insertion order, so the output is stable for a given call site.
  for (const [key, value] of Object.entries(query)) {
    pairs.push(...encodeParam(key, value, styles[key] ?? {}));
  }
  return pairs.join('&');
}

/** Percent-encodes everything except RFC 3986 unreserved characters (also `!'()*`, unlike encodeURIComponent). */
export function encodeRFC3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Serializes one top-level parameter into `name=value` pairs. */
function encodeParam(key: string, value: unknown, { style, explode }: QueryStyle): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return encodeArray(key, value, style, explode);
  if (!isPlainObject(value)) return [pair(key, value)];
  if (style === undefined || style === 'deepObject') return deepObject(key, value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  // OpenAPI: `explode` defaults to true for form only.
  if (explode ?? style === 'form') return entries.flatMap(([k, v]) => encodeParam(k, v, {}));
  const flat = entries.flatMap(([k, v]) => [encodeRFC3986(k), encodeRFC3986(text(v))]);
  return flat.length ? [`${encodeRFC3986(key)}=${flat.join(delimiter(style))}`] : [];
}

/** Serializes an array: repeated keys when exploded, else one key with delimited values. */
function encodeArray(
  key: string,
  items: unknown[],
  style: QueryStyle['style'],
  explode: boolean | undefined,
): string[] {
  const present = items.filter((v) => v !== undefined && v !== null);
  // Arrays of objects have no OpenAPI serialization; use indexed deepObject keys (`a[0][b]=1`), as qs does.
  if (present.some((v) => isPlainObject(v) || Array.isArray(v))) return deepObject(key, present);
  if (present.length === 0) return [];
  if (style === 'deepObject' || (explode ?? (style === undefined || style === 'form'))) {
    return present.map((v) => pair(key, v));
  }
  return [
    `${encodeRFC3986(key)}=${present.map((v) => encodeRFC3986(text(v))).join(delimiter(style))}`,
  ];
}

/** Serializes nested values as `key[sub][subsub]=value`; arrays of primitives repeat the key. */
function deepObject(prefix: string, value: Record<string, unknown> | unknown[]): string[] {
  const pairs: string[] = [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value);
  for (const [k, v] of entries) {
    if (v === undefined || v === null) continue;
    const key = `${prefix}[${k}]`;
    if (isPlainObject(v)) pairs.push(...deepObject(key, v));
    else if (Array.isArray(v)) pairs.push(...encodeArray(key, v, 'deepObject', true));
    else pairs.push(pair(key, v));
  }
  return pairs;
}

/** The separator between values of a non-exploded parameter, already percent-encoded. */
function delimiter(style: QueryStyle['style']): string {
  if (style === 'spaceDelimited') return '%20';
  if (style === 'pipeDelimited') return '%7C';
  return ',';
}

/** One encoded `key=value` pair. */
function pair(key: string, value: unknown): string {
  return `${encodeRFC3986(key)}=${encodeRFC3986(text(value))}`;
}

/** Text form of a scalar: dates as ISO 8601, everything else through String (so `true`, `1.5`). */
function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A plain object (not an array, not a Date). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
