/**
 * Source marks. Every operation, parameter, response, component schema and property that the reference
 * pages do not show gets `x-source: official` (it comes from the official description only); what the
 * overlay adds that neither shows carries `x-source: inferred`, set by the overlay itself. Unmarked
 * means the pages show it (and the official description agrees). A mark covers what is inside the
 * marked node, so only the outermost one is written.
 */
import { childPointer, isObject, type Json, type JsonObject } from './schema-view';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
export const SOURCE_KEY = 'x-source';
/** Keys whose values are data (examples, defaults), not schemas. */
const VALUE_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/** Marks, in place, every markable node whose JSON pointer is not in `pages`. */
export function markSources(doc: JsonObject, pages: Set<string>): void {
  const mark = (node: JsonObject, pointer: string, inherited: boolean): boolean => {
    if (node[SOURCE_KEY] !== undefined) return true;
    if (inherited || pages.has(pointer)) return inherited;
    node[SOURCE_KEY] = 'official';
    return true;
  };
  const schema = (node: Json, pointer: string, inherited: boolean): void => {
    if (Array.isArray(node))
      return node.forEach((n, i) => schema(n, childPointer(pointer, i), inherited));
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && isObject(v)) {
        for (const [name, prop] of Object.entries(v)) {
          if (!isObject(prop)) continue;
          const at = childPointer(childPointer(pointer, 'properties'), name);
          schema(prop, at, mark(prop, at, inherited));
        }
      } else if (!VALUE_KEYS.has(k) && (isObject(v) || Array.isArray(v)))
        schema(v, childPointer(pointer, k), inherited);
    }
  };
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemas = isObject(components['schemas']) ? components['schemas'] : {};
  for (const [name, node] of Object.entries(schemas)) {
    if (!isObject(node)) continue;
    const at = childPointer('/components/schemas', name);
    schema(node, at, mark(node, at, false));
  }
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const at = childPointer(childPointer('/paths', path), method);
      const inherited = mark(op, at, false);
      const params = op['parameters'];
      if (Array.isArray(params)) {
        params.forEach((p, i) => {
          if (!isObject(p) || typeof p['$ref'] === 'string') return;
          const pat = childPointer(childPointer(at, 'parameters'), i);
          schema(p['schema'] ?? null, childPointer(pat, 'schema'), mark(p, pat, inherited));
        });
      }
      if (isObject(op['requestBody']))
        schema(op['requestBody'], childPointer(at, 'requestBody'), inherited);
      const responses = op['responses'];
      if (isObject(responses)) {
        for (const [status, r] of Object.entries(responses)) {
          if (!isObject(r) || typeof r['$ref'] === 'string') continue;
          const rat = childPointer(childPointer(at, 'responses'), status);
          schema(r, rat, mark(r, rat, inherited));
        }
      }
    }
  }
}

/** Removes every source mark (so a run starts from the official text, whatever the previous output had). */
export function stripSources(node: Json): void {
  if (Array.isArray(node)) return node.forEach(stripSources);
  if (!isObject(node)) return;
  delete node[SOURCE_KEY];
  Object.values(node).forEach(stripSources);
}
