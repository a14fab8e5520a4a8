/** JSON pointers (RFC 6901) in the `#/a/b` form used by OpenAPI `$ref`s. */

/**
 * Splits '#/components/schemas/a~1b' into ['components', 'schemas', 'a/b']. Pointers here are never
 * URL-encoded: a `$ref`'s fragment is decoded once, when the ref is read (see `splitRef`).
 */
export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return body === '/' ? [''] : [];
  return body
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A segment with '~' and '/' escaped (most have neither: built millions of times on large specs, no regex then). */
function escapeSegment(segment: string | number): string {
  const s = String(segment);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Joins segments into '#/a/b', escaping '~' and '/'. */
export function formatPointer(segments: readonly (string | number)[]): string {
  let pointer = '#';
  for (const s of segments) pointer += '/' + escapeSegment(s);
  return pointer;
}

/** Appends segments to a pointer. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  let child = pointer;
  for (const s of segments) child += '/' + escapeSegment(s);
  return child;
}

/** Looks a pointer up in a plain JS value; undefined when any segment is missing. */
export function findByPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node !== null && typeof node === 'object') {
      node = Object.prototype.hasOwnProperty.call(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
    } else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}
