/**
 * A name-independent view of an OpenAPI schema: `$ref` chains followed, the three spellings of "may be
 * null" (3.0 `nullable: true`, 3.1 type arrays, `anyOf: [X, {type: 'null'}]`) folded into one flag,
 * `allOf` merged. Two schemas that say the same thing in different words give equal views.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A schema seen through refs and nullable wrappers. */
export interface SchemaView {
  /** The innermost node (after refs and wrappers); identity is used to stop recursion. */
  node: JsonObject;
  /** JSON pointer of `node` in its document. */
  pointer: string;
  types: string[];
  nullable: boolean;
  enum?: string[];
  deprecated: boolean;
  description?: string;
  properties: Map<string, { schema: Json; pointer: string }>;
  required: string[];
  items?: { schema: Json; pointer: string };
  additional?: { schema: Json; pointer: string } | boolean;
  /** Non-null `oneOf`/`anyOf` members. */
  members: { schema: Json; pointer: string }[];
}

/** Resolves a local JSON pointer (`#/components/schemas/X`) in a document. */
export function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let cur: Json | undefined = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (isObject(cur)) cur = cur[key];
    else if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
    else return undefined;
  }
  return cur;
}

/** Appends one key to a JSON pointer. */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isNullSchema(node: Json): boolean {
  return (
    isObject(node) &&
    (node['type'] === 'null' ||
      (Array.isArray(node['enum']) && node['enum'].length === 1 && node['enum'][0] === null))
  );
}

/** Whitespace-insensitive text of a description (YAML folding differs between files). */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Builds the view of `schema` (found at `pointer`) in `doc`. */
export function viewSchema(doc: Json, schema: Json, pointer: string, depth = 0): SchemaView {
  let description: string | undefined;
  let deprecated = false;
  let nullable = false;
  let cur: Json = schema;
  let at = pointer;
  // Follow refs and single-member nullable wrappers; the outermost description wins (the site's own words).
  for (let hops = 0; hops < 64; hops++) {
    if (!isObject(cur)) break;
    if (description === undefined && typeof cur['description'] === 'string')
      description = normalizeText(cur['description']);
    if (cur['deprecated'] === true) deprecated = true;
    if (cur['nullable'] === true) nullable = true;
    const ref = cur['$ref'];
    if (typeof ref === 'string') {
      const target = resolvePointer(doc, ref);
      if (target === undefined) throw new Error(`unresolved $ref ${ref} at ${at}`);
      cur = target;
      at = ref.slice(1);
      continue;
    }
    const key = ['anyOf', 'oneOf'].find((k) => Array.isArray(cur && (cur as JsonObject)[k]));
    const list = key ? (cur[key] as Json[]) : [];
    // A nullable wrapper, or a union of one member, says no more than its single member.
    if (key && (list.some(isNullSchema) || list.length === 1)) {
      if (list.some(isNullSchema)) nullable = true;
      const rest = list.map((m, i) => ({ m, i })).filter(({ m }) => !isNullSchema(m));
      if (rest.length === 1 && rest[0]) {
        at = childPointer(childPointer(at, key), rest[0].i);
        cur = rest[0].m;
        continue;
      }
    }
    const allOf = cur['allOf'];
    if (
      Array.isArray(allOf) &&
      allOf.length === 1 &&
      allOf[0] !== undefined &&
      !isObject(cur['properties'])
    ) {
      at = childPointer(childPointer(at, 'allOf'), 0);
      cur = allOf[0];
      continue;
    }
    break;
  }
  const node: JsonObject = isObject(cur) ? cur : {};
  const view: SchemaView = {
    node,
    pointer: at,
    types: [],
    nullable,
    deprecated,
    properties: new Map(),
    required: [],
    members: [],
  };
  if (description !== undefined) view.description = description;
  const type = node['type'];
  const types =
    typeof type === 'string'
      ? [type]
      : Array.isArray(type)
        ? type.filter((t): t is string => typeof t === 'string')
        : [];
  if (types.includes('null')) view.nullable = true;
  view.types = types.filter((t) => t !== 'null');
  const values = Array.isArray(node['enum'])
    ? node['enum']
    : 'const' in node
      ? [node['const'] ?? null]
      : undefined;
  if (values) {
    if (values.includes(null)) view.nullable = true;
    view.enum = values
      .filter((v) => v !== null)
      .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
      .sort();
  }
  const required = new Set<string>();
  const addObject = (obj: JsonObject, objPointer: string): void => {
    const props = obj['properties'];
    if (isObject(props)) {
      for (const [name, sub] of Object.entries(props)) {
        if (!view.properties.has(name))
          view.properties.set(name, {
            schema: sub,
            pointer: childPointer(childPointer(objPointer, 'properties'), name),
          });
      }
    }
    if (Array.isArray(obj['required']))
      for (const r of obj['required']) if (typeof r === 'string') required.add(r);
    if (obj['additionalProperties'] !== undefined && view.additional === undefined) {
      const ap = obj['additionalProperties'];
      view.additional =
        typeof ap === 'boolean'
          ? ap
          : { schema: ap, pointer: childPointer(objPointer, 'additionalProperties') };
    }
  };
  addObject(node, at);
  if (Array.isArray(node['allOf']) && depth < 16) {
    node['allOf'].forEach((part, i) => {
      const sub = viewSchema(doc, part, childPointer(childPointer(at, 'allOf'), i), depth + 1);
      if (sub.deprecated) view.deprecated = true;
      addObject(sub.node, sub.pointer);
      for (const [k, v] of sub.properties) if (!view.properties.has(k)) view.properties.set(k, v);
      for (const r of sub.required) required.add(r);
      for (const t of sub.types) if (!view.types.includes(t)) view.types.push(t);
      if (view.description === undefined && sub.description !== undefined)
        view.description = sub.description;
    });
  }
  if (view.properties.size > 0 && !view.types.includes('object')) view.types.push('object');
  view.types.sort();
  view.required = [...required].sort();
  if (node['items'] !== undefined)
    view.items = { schema: node['items'], pointer: childPointer(at, 'items') };
  // Members of a union that is itself a member (a named union inside a union) count as members here.
  const addMembers = (holder: JsonObject, holderPointer: string, level: number): void => {
    for (const key of ['oneOf', 'anyOf'] as const) {
      const list = holder[key];
      if (!Array.isArray(list)) continue;
      list.forEach((m, i) => {
        if (isNullSchema(m)) return;
        const mp = childPointer(childPointer(holderPointer, key), i);
        const mv = level < 8 ? viewSchema(doc, m, mp, depth + 1) : undefined;
        if (
          mv &&
          mv.members.length > 0 &&
          mv.types.length === 0 &&
          mv.properties.size === 0 &&
          !mv.enum
        ) {
          if (mv.nullable) view.nullable = true;
          addMembers(mv.node, mv.pointer, level + 1);
        } else view.members.push({ schema: m, pointer: mp });
      });
    }
  };
  addMembers(node, at, 0);
  return view;
}

/**
 * A name-free key for a union member, used to pair the members of two unions: the single value of its
 * `type`, `role` or `object` property (`type=function`), else its enum, else its JSON types.
 */
export function memberKey(doc: Json, member: Json, pointer: string): string {
  const v = viewSchema(doc, member, pointer);
  for (const prop of ['type', 'role', 'object']) {
    const p = v.properties.get(prop);
    if (!p) continue;
    const pv = viewSchema(doc, p.schema, p.pointer);
    const [only, ...more] = pv.enum ?? [];
    if (only !== undefined && !more.length) return `${prop}=${only}`;
  }
  if (v.enum)
    return v.enum.length > 6
      ? `enum(${v.enum.slice(0, 3).join(',')},… ${v.enum.length} values)`
      : `enum(${v.enum.join(',')})`;
  if (v.types.includes('array') && v.items)
    return `array<${memberKey(doc, v.items.schema, v.items.pointer)}>`;
  return v.types.join('|') || (v.members.length ? 'union' : 'any');
}
