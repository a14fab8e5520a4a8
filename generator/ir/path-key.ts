/**
 * A path key with a query string (`/responses?beta=true`, a deviation published specs use to tell two variants of
 * one path apart): the path, and the query's entries. An entry whose value is a `{parameter}` (weatherbit's
 * `/current?lat={lat}&lon={lon}`) says where a parameter goes; the others are sent on every call.
 */
export function splitPathKey(key: string): {
  path: string;
  query: { name: string; value: string }[];
} {
  const at = key.indexOf('?');
  if (at === -1) return { path: key, query: [] };
  const query = [...new URLSearchParams(key.slice(at + 1))].map(([name, value]) => ({
    name,
    value,
  }));
  return { path: key.slice(0, at), query };
}

/** A path key's query value that names a parameter, `{lat}`. */
export function isQueryTemplate(value: string): boolean {
  return /^\{[^{}]+\}$/.test(value);
}
