/**
 * Extraction: the chosen operations of the official description with every component they reach, as a
 * self-contained document; and normalization to clean OpenAPI 3.1 (3.0's `nullable: true` becomes a type
 * array or an `anyOf` with `{type: 'null'}`, the official file's own `x-` extensions are dropped).
 */
import { isObject, type Json, type JsonObject } from './schema-view';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Deep copy of a JSON value. */
export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

/** Copies the operations whose `operationId` is listed, and everything they `$ref`, into a new document. */
export function extractOperations(official: JsonObject, operationIds: string[]): JsonObject {
  const paths: JsonObject = {};
  const found = new Set<string>();
  const officialPaths = isObject(official['paths']) ? official['paths'] : {};
  for (const [path, item] of Object.entries(officialPaths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (
        !isObject(op) ||
        typeof op['operationId'] !== 'string' ||
        !operationIds.includes(op['operationId'])
      )
        continue;
      found.add(op['operationId']);
      const target = (paths[path] ??= {}) as JsonObject;
      if (Array.isArray(item['parameters']) && !target['parameters'])
        target['parameters'] = clone(item['parameters']);
      target[method] = clone(op);
    }
  }
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length)
    throw new Error(`the official description has no operation ${missing.join(', ')}`);

  // Collect every component reached from the operations, transitively.
  const components: JsonObject = {};
  const officialComponents = isObject(official['components']) ? official['components'] : {};
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(value);
        if (!m || m[1] === undefined || m[2] === undefined)
          throw new Error(`unsupported $ref ${value}`);
        const [, kind, name] = m;
        const group = (components[kind] ??= {}) as JsonObject;
        if (name in group) continue;
        const source = officialComponents[kind];
        const found = isObject(source) ? source[name] : undefined;
        if (found === undefined)
          throw new Error(`dangling $ref ${value} in the official description`);
        const copy = clone(found);
        group[name] = copy;
        visit(copy);
      } else visit(value);
    }
  };
  visit(paths);
  // Security schemes named by the document's security requirement.
  const schemes = isObject(officialComponents['securitySchemes'])
    ? officialComponents['securitySchemes']
    : {};
  const security = Array.isArray(official['security']) ? official['security'] : [];
  for (const req of security) {
    if (!isObject(req)) continue;
    for (const name of Object.keys(req)) {
      const scheme = schemes[name];
      if (scheme !== undefined)
        ((components['securitySchemes'] ??= {}) as JsonObject)[name] = clone(scheme);
    }
  }
  const doc: JsonObject = { openapi: '3.1.0', info: {}, paths, components };
  if (official['servers'] !== undefined) doc['servers'] = clone(official['servers']);
  if (official['security'] !== undefined) doc['security'] = clone(official['security']);
  return doc;
}

const SCHEMA_KEYS = new Set([
  'type',
  'properties',
  'items',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'additionalProperties',
]);

/** Rewrites 3.0 spellings as 3.1 and drops the official file's own `x-` extensions, in place. */
export function normalizeTo31(node: Json, key = ''): Json {
  if (Array.isArray(node)) return node.map((n) => normalizeTo31(n));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    // Official extensions describe their docs site and SDK generator, not the API; ours come from the overlay.
    // Keys of `properties` are property names, not keywords, and are kept whatever they look like.
    if (k.startsWith('x-') && key !== 'properties') continue;
    out[k] = normalizeTo31(v, k);
  }
  if (key === 'properties' || out['nullable'] !== true) {
    if (out['nullable'] === false) delete out['nullable'];
    return out;
  }
  delete out['nullable'];
  const type = out['type'];
  const simple =
    typeof type === 'string' && type !== 'object' && !('enum' in out) && !('const' in out);
  if (simple) {
    out['type'] = [type, 'null'];
    return out;
  }
  if (!Object.keys(out).some((k) => SCHEMA_KEYS.has(k))) return out;
  // Objects, enums and compositions: the schema itself stays as it is, the null goes beside it.
  const wrapper: JsonObject = {};
  for (const k of ['description', 'deprecated', 'default', 'title'] as const) {
    if (k in out && k !== 'title') {
      wrapper[k] = out[k] as Json;
      delete out[k];
    }
  }
  wrapper['anyOf'] = [out, { type: 'null' }];
  return wrapper;
}
