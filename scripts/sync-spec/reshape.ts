/**
 * Reshaping the extracted document into ours: component renames (official name → the pages' name) and
 * hoists (an inline schema the pages name becomes a component of that name, replaced by a `$ref`).
 */
import { childPointer, isObject, resolvePointer, type Json, type JsonObject } from './schema-view';

/** Renames component schemas all at once (so two names can swap) and rewrites every `$ref`. */
export function renameSchemas(doc: JsonObject, renames: Record<string, string>): void {
  const components = doc['components'];
  const schemas =
    isObject(components) && isObject(components['schemas']) ? components['schemas'] : undefined;
  if (!schemas) return;
  for (const from of Object.keys(renames))
    if (!(from in schemas))
      throw new Error(`rename: the official description has no schema ${from} (any more?)`);
  const targets = Object.values(renames);
  const clash = Object.keys(schemas).find((name) => !(name in renames) && targets.includes(name));
  if (clash) throw new Error(`rename: ${clash} is also an official schema name; rename it too`);
  const renamed: JsonObject = {};
  for (const [name, schema] of Object.entries(schemas)) renamed[renames[name] ?? name] = schema;
  (components as JsonObject)['schemas'] = renamed;
  const rewrite = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(rewrite);
    if (!isObject(node)) return;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const m = /^#\/components\/schemas\/([^/]+)(.*)$/.exec(ref);
      const target = m?.[1] === undefined ? undefined : renames[m[1]];
      if (target !== undefined) node['$ref'] = `#/components/schemas/${target}${m?.[2] ?? ''}`;
    }
    Object.values(node).forEach(rewrite);
  };
  rewrite(doc);
}

/** Splits a JSON pointer into its keys. */
export function pointerKeys(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Moves the inline schema at `pointer` to `components.schemas[name]` and leaves a `$ref` in its place. */
export function hoistSchema(doc: JsonObject, pointer: string, name: string): void {
  const keys = pointerKeys(pointer);
  const last = keys.pop();
  const parent = resolvePointer(
    doc,
    `#${keys.map((k) => '/' + k.replace(/~/g, '~0').replace(/\//g, '~1')).join('')}`,
  );
  const node =
    last === undefined
      ? undefined
      : Array.isArray(parent)
        ? parent[Number(last)]
        : isObject(parent)
          ? parent[last]
          : undefined;
  if (!isObject(node) || last === undefined)
    throw new Error(`hoist ${name}: nothing at ${pointer} in the official description (moved?)`);
  if (typeof node['$ref'] === 'string')
    throw new Error(`hoist ${name}: ${pointer} is already a $ref`);
  const components = doc['components'] as JsonObject;
  const schemas = components['schemas'] as JsonObject;
  if (name in schemas) throw new Error(`hoist ${name}: a schema of that name exists`);
  schemas[name] = node;
  const ref: JsonObject = { $ref: `#/components/schemas/${name}` };
  if (Array.isArray(parent)) parent[Number(last)] = ref;
  else (parent as JsonObject)[last] = ref;
}

/** Sorts `components.schemas` as `order` lists them, the rest after them alphabetically (a stable layout). */
export function orderSchemas(doc: JsonObject, order: string[]): void {
  const components = doc['components'] as JsonObject;
  const schemas = components['schemas'] as JsonObject;
  const names = Object.keys(schemas);
  const sorted = [
    ...order.filter((n) => n in schemas),
    ...names.filter((n) => !order.includes(n)).sort(),
  ];
  const out: JsonObject = {};
  for (const n of sorted) out[n] = schemas[n] as Json;
  components['schemas'] = out;
}

export { childPointer };

/**
 * Writes out the mapping of a `discriminator` that has none. Without one, OpenAPI says the property holds
 * the schema's name; the official description means the members' single `enum` value (`role: user`), so
 * the mapping is built from those values. Left alone when a member is inline or has no single value.
 */
export function completeDiscriminators(doc: JsonObject): void {
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const d = node['discriminator'];
    const members = node['oneOf'] ?? node['anyOf'];
    if (
      isObject(d) &&
      typeof d['propertyName'] === 'string' &&
      d['mapping'] === undefined &&
      Array.isArray(members)
    ) {
      const mapping: JsonObject = {};
      const ok = members.every((m) => {
        const ref = isObject(m) ? m['$ref'] : undefined;
        const target = typeof ref === 'string' ? resolvePointer(doc, ref) : undefined;
        const props = isObject(target) ? target['properties'] : undefined;
        const prop = isObject(props) ? props[d['propertyName'] as string] : undefined;
        const values = isObject(prop)
          ? Array.isArray(prop['enum'])
            ? prop['enum']
            : 'const' in prop
              ? [prop['const'] ?? null]
              : []
          : [];
        if (
          values.length !== 1 ||
          typeof values[0] !== 'string' ||
          typeof ref !== 'string' ||
          values[0] in mapping
        )
          return false;
        mapping[values[0]] = ref;
        return true;
      });
      if (ok) d['mapping'] = mapping;
    }
    Object.values(node).forEach(visit);
  };
  visit(doc);
}
