/**
 * What a raw schema says once its composition is read: the properties and `required` names it gets from `allOf`
 * members (also through `$ref`), and a nullable wrapper read as the schema it wraps. The same request body written
 * as one object or as `allOf: [Shared, {own fields}]`, and the same number as `type: [number, 'null']` or as
 * `anyOf: [number, null]`, then compare equal.
 */
import type { LoadedSpec } from '../../load/load-spec';
import { deref, isRecord, type RawNode } from './raw-spec';

/** A schema of the walk, with the spec it belongs to. */
interface Walk {
  spec: LoadedSpec;
  /** Model ids met so far, so recursive `allOf`s end. */
  seen: ReadonlySet<string>;
}

/** Every `allOf` member of a node, `$ref`s followed, nested `allOf`s flattened; with the model id it came from. */
function allOfMembers(node: RawNode, walk: Walk): (RawNode & { model?: string })[] {
  const list = Array.isArray(node.value.allOf) ? node.value.allOf : [];
  return list.flatMap((m) => {
    const member = deref(walk.spec, m, node.file);
    if (!member || (member.id && walk.seen.has(member.id))) return [];
    const seen = member.id ? new Set([...walk.seen, member.id]) : walk.seen;
    const self = {
      value: member.value,
      file: member.file,
      ...(member.id ? { model: member.id } : {}),
    };
    return [self, ...allOfMembers(member, { ...walk, seen })];
  });
}

/** Properties of a node and of its `allOf` members, by name (the node's own win), each with its file. */
export function effectiveProperties(
  node: RawNode,
  spec: LoadedSpec,
): Map<string, RawNode & { raw: unknown }> {
  const found = new Map<string, RawNode & { raw: unknown }>();
  for (const n of [node, ...allOfMembers(node, { spec, seen: new Set() })]) {
    const props = isRecord(n.value.properties) ? n.value.properties : {};
    for (const [name, p] of Object.entries(props))
      if (!found.has(name) && isRecord(p)) found.set(name, { value: p, file: n.file, raw: p });
  }
  return found;
}

/**
 * `required` names of a node and of its `allOf` members (`throughAllOf`: those only); `byModel` keeps the names
 * each `$ref`'d member model lists (a change inside a model is reported under the model).
 */
export function effectiveRequired(
  node: RawNode,
  spec: LoadedSpec,
): { names: Set<string>; throughAllOf: Set<string>; byModel: Map<string, Set<string>> } {
  const names = new Set<string>();
  const throughAllOf = new Set<string>();
  const byModel = new Map<string, Set<string>>();
  const add = (value: Record<string, unknown>, ...into: Set<string>[]) => {
    if (Array.isArray(value.required))
      for (const r of value.required) if (typeof r === 'string') into.forEach((s) => s.add(r));
  };
  add(node.value, names);
  for (const m of allOfMembers(node, { spec, seen: new Set() })) {
    add(m.value, names, throughAllOf);
    if (m.model) {
      const own = byModel.get(m.model) ?? new Set<string>();
      byModel.set(m.model, own);
      add(m.value, own);
    }
  }
  return { names, throughAllOf, byModel };
}

/** Keys that describe a wrapper without constraining values: kept when it is read as its one member. */
const WRAPPER_KEYS = new Set([
  'allOf',
  'anyOf',
  'oneOf',
  'description',
  'title',
  'default',
  'deprecated',
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'nullable',
  'externalDocs',
  '$comment',
]);

/**
 * A wrapper read as the schema it wraps: `anyOf: [{type: number, maximum: 2}, {type: 'null'}]` says what
 * `type: [number, 'null'], maximum: 2` does, and a one-member `oneOf: [X]` or `allOf: [X]` is X. Nullability itself
 * is compared on the types (compare-types.ts), and where no type is built on the schema's `nullable: true`, which a
 * dropped `{type: 'null'}` member sets (3.0's word, read with 3.1's type lists: compareStructure); the wrapper's own
 * `default` and `description` win over the member's.
 * `ids` gains the models passed through, so a model met on both sides is still compared once, under its name.
 */
export function unwrapNullable(
  node: RawNode & { ids: string[] },
  spec: LoadedSpec,
): RawNode & { ids: string[] } {
  let current = node;
  for (let depth = 0; depth < 8; depth++) {
    const value = current.value;
    if (!Object.keys(value).every((k) => WRAPPER_KEYS.has(k) || k.startsWith('x-'))) break;
    const list = (['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) =>
      Array.isArray(value[k]) ? (value[k] as unknown[]) : [],
    );
    const members = list
      .map((m) => deref(spec, m, current.file))
      .filter((m): m is NonNullable<typeof m> => !!m && m.value.type !== 'null');
    // An `allOf` member that is `{type: 'null'}` is no wrapper: only anyOf/oneOf alternatives may be dropped.
    const nullInAllOf = Array.isArray(value.allOf) && members.length !== value.allOf.length;
    if (list.length === 0 || members.length !== 1 || nullInAllOf) break;
    const [member] = members;
    const own = Object.fromEntries(
      Object.entries(value).filter(([k]) => k !== 'allOf' && k !== 'anyOf' && k !== 'oneOf'),
    );
    const droppedNull = list.length > members.length;
    current = {
      ...current,
      value: { ...member!.value, ...own, ...(droppedNull && { nullable: true }) },
      file: member!.file,
      ids: [...current.ids, ...member!.ids],
    };
  }
  return current;
}
