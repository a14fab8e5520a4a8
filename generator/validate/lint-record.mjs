// The lint record: what Redocly found in the last lint of a spec, kept so that a spec that changed in a few schemas
// is linted in those schemas only (redocly-worker.mjs; docs/performance.md, "The lint record").
//
// A spec is cut into units: each path item, each component (`#/components/<kind>/<name>`) and each other top-level
// key. A finding belongs to the unit that holds the node it is reported on. Units whose value is unchanged keep
// their findings when every way the changed ones could reach them is ruled out:
// - only schema components changed, and no unit was added, removed or moved (a `$ref` that did not resolve may
//   resolve now);
// - every `$ref` into or out of a changed schema, before and after the change, sits where a schema is expected and
//   points at a schema component itself (not into it, not through another `$ref`), so every node is walked as the
//   same type as before, and a `$ref` elsewhere resolves as before;
// - the changed schemas' new findings come from a lint of a document that holds them, `openapi` and `info`, and
//   every other schema as `{}`: the `$ref`s between schemas resolve as in the spec, and the walk stops at them;
// - and what makes a finding depend on more than its unit is absent: a YAML alias, an `$anchor`, a change of the
//   shape around the units, a schema component Redocly stopped on (each function below says why).
// Anything else (a multi-file spec, another kind of change, no record) is a full lint, which writes a new record.
// test/validate/lint-record.test.ts holds the findings to a full lint's.
// Plain JavaScript, like the worker that imports it.
import { createHash } from 'node:crypto';

const VERSION = 2;

/**
 * The units of a document's root value, in document order: `[pointer, value, name]`, `name` being a schema
 * component's. `escape` is Redocly's `escapePointerFragment`, so that pointers are written as Redocly writes its
 * locations.
 */
export function unitsOf(root, escape) {
  const units = [];
  for (const [key, value] of Object.entries(root)) {
    const at = `#/${escape(key)}`;
    if (key === 'paths' && isPlainObject(value)) {
      for (const [p, item] of Object.entries(value)) units.push([`${at}/${escape(p)}`, item]);
    } else if (key === 'components' && isPlainObject(value)) {
      for (const [kind, map] of Object.entries(value)) {
        if (!isPlainObject(map)) units.push([`${at}/${escape(kind)}`, map]);
        else
          for (const [name, v] of Object.entries(map))
            units.push([
              `${at}/${escape(kind)}/${escape(name)}`,
              v,
              kind === 'schemas' ? name : undefined,
            ]);
      }
    } else units.push([at, value]);
  }
  return units;
}

/**
 * A hash of the spec's shape around its units: the root's keys, and the keys of `paths`, of `components` and of each
 * of its maps. Units do not show an empty map, nor a map that came or went empty, and a finding at the root reads
 * them ("Must contain at least one of the following fields: paths, components, webhooks").
 */
export function skeletonOf(root) {
  const shape = (value) => (isPlainObject(value) ? Object.keys(value) : typeof value);
  const components = isPlainObject(root.components)
    ? Object.entries(root.components).map(([kind, map]) => [kind, shape(map)])
    : typeof root.components;
  const text = JSON.stringify([Object.keys(root), shape(root.paths), components]);
  return createHash('sha1').update(text).digest('base64');
}

/**
 * Whether the root is a tree of JSON values: no object reached twice (a YAML alias: Redocly walks such a node once,
 * where it meets it first, so its findings could move between units), and nothing JSON would not write as it is (a
 * Date, -0, Infinity, undefined), so that a unit's JSON text tells its value.
 */
export function isPlainTree(root) {
  const seen = new Set();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node) || Object.is(node, -0)) return false;
      continue;
    }
    if (typeof node !== 'object' || seen.has(node)) return false;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++)
        if (i in node) stack.push(node[i]);
        else return false;
    } else if (
      Object.getPrototypeOf(node) === Object.prototype ||
      Object.getPrototypeOf(node) === null
    ) {
      for (const key in node) stack.push(node[key]);
    } else return false;
  }
  return true;
}

/**
 * Whether Redocly's `struct` rule stopped the other rules' visitors on a schema component itself: a value of the
 * wrong type in it ("Expected type ...", reported at the schema or at the keyword). What the nested visitor of
 * `spec-components-invalid-map-name` then finds depends on the way the walk came to the schema: walked from
 * `components/schemas` first, its property names are reported as component names; reached first through a `$ref`,
 * they are not. (Deeper in a schema, a stopped node changes nothing: that visitor looks at components only.) A spec
 * with such a problem, before or after a change, is linted whole.
 */
export function stopsSchemaComponent(problems) {
  return problems.some((p) => {
    if (p.ruleId !== 'struct' || !p.message.startsWith('Expected type `')) return false;
    const parts = (p.locations[0]?.pointer ?? '').split('/');
    return (
      parts[1] === 'components' &&
      parts[2] === 'schemas' &&
      (parts.length === 4 || parts.length === 5)
    );
  });
}

/**
 * Finds the unit holding `pointer` among `pointers` (a Set): the pointer itself or its nearest ancestor in the set.
 */
export function unitOf(pointers, pointer) {
  if (typeof pointer !== 'string') return undefined;
  const parts = pointer.split('/');
  for (let n = Math.min(parts.length, 4); n >= 2; n--) {
    const candidate = parts.slice(0, n).join('/');
    if (pointers.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Each unit's hash, of its JSON text (keys in order: for a plain tree, `isPlainTree`, it tells the value), and
 * whether any text names an `$anchor` or a `$ref`. SHA-1: a change detector for the user's own spec, not a defence
 * against collisions made on purpose. The texts are not kept (5 MB for Stripe's spec).
 *
 * `anchors`: Redocly resolves `$ref: '#name'` to the node with `$anchor: name` wherever it is, so a schema that
 * gains, loses or moves one changes what `$ref`s elsewhere reach. Such a spec is always linted whole. (A false
 * alarm, the word in a description, only costs a full lint.)
 */
export function hashUnits(units) {
  let anchors = false;
  let refs = false;
  const hashes = units.map(([, value]) => {
    const text = JSON.stringify(value) ?? '';
    anchors ||= text.includes('"$anchor"');
    refs ||= text.includes('"$ref"');
    return createHash('sha1').update(text).digest('base64');
  });
  return { hashes, anchors, refs };
}

/**
 * The units' pointers, and those of the schema components: what `unitOf` and the `$ref` checks look up.
 * A `$ref` the walk met (the ref-slots rule in redocly-worker.mjs) is `{ file, from, type, ref, toFile, to }`: the
 * file and pointer of the `$ref`, the name of the type expected there, its text, and the file and pointer it
 * resolved to (undefined when it did not resolve).
 */
export function indexUnits(units) {
  return {
    pointers: new Set(units.map(([p]) => p)),
    schemas: new Set(units.filter(([, , name]) => name !== undefined).map(([p]) => p)),
  };
}

/**
 * Whether a `$ref` lets the units at its two ends change alone: it sits where a schema is expected, is written as
 * the pointer of a schema component in its own file, and resolves to it.
 */
function isSchemaRef(ref, entry, index) {
  return (
    ref.type === 'Schema' &&
    ref.file === entry &&
    ref.toFile === entry &&
    ref.ref === ref.to &&
    index.schemas.has(ref.to)
  );
}

/**
 * Which units may change alone: schema components that are not a `$ref` and that only schema `$ref`s touch. None
 * when some other `$ref` sits or leads where no unit holds it (the root, a whole map of components): what it
 * reaches cannot be told.
 */
export function eligibleUnits(units, index, refs, entry) {
  const eligible = new Set(
    units.filter(([, v, name]) => name !== undefined && !isRefObject(v)).map(([p]) => p),
  );
  for (const ref of refs) {
    if (isSchemaRef(ref, entry, index)) continue;
    const from = ref.file === entry ? unitOf(index.pointers, ref.from) : undefined;
    const to = ref.toFile === entry ? unitOf(index.pointers, ref.to) : undefined;
    if ((ref.file === entry && !from) || (ref.toFile === entry && !to)) return new Set();
    if (from) eligible.delete(from);
    if (to) eligible.delete(to);
  }
  return eligible;
}

/**
 * The changed units of `units` (indexes) against the record, when the record allows linting them alone (see the
 * top of this file); undefined when it does not and a full lint is needed. An empty list: nothing changed.
 */
export function changedUnits(record, skeleton, units, hashes) {
  if (record.skeleton !== skeleton || record.pointers.length !== units.length) return undefined;
  const changed = [];
  for (let i = 0; i < units.length; i++) {
    const [pointer, value, name] = units[i];
    if (record.pointers[i] !== pointer) return undefined;
    if (record.hashes[i] === hashes[i]) continue;
    if (!record.eligible[i] || isRefObject(value) || name === undefined) return undefined;
    changed.push(i);
  }
  return changed;
}

/**
 * The document a partial lint reads: the root's `openapi`, `info` and `jsonSchemaDialect`, no paths, and every
 * schema component, the changed ones as they are and the others as `{}`.
 */
export function partialDocument(root, units, changed) {
  const changedNames = new Set(changed.map((i) => units[i][2]));
  const schemas = {};
  for (const [name, value] of Object.entries(root.components.schemas))
    schemas[name] = changedNames.has(name) ? value : {};
  const document = { openapi: root.openapi };
  if ('info' in root) document.info = root.info;
  if ('jsonSchemaDialect' in root) document.jsonSchemaDialect = root.jsonSchemaDialect;
  document.paths = {};
  document.components = { schemas };
  return document;
}

/**
 * Whether the `$ref`s a partial lint met keep the changed units (a Set of their pointers) linted alone: every `$ref`
 * out of a changed unit is a schema `$ref` (the record vouched for those into them).
 */
export function partialRefsAllowed(refs, entry, index, changed) {
  for (const ref of refs) {
    const from = ref.file === entry ? unitOf(index.pointers, ref.from) : undefined;
    if (from !== undefined && changed.has(from) && !isSchemaRef(ref, entry, index)) return false;
  }
  return true;
}

/** The unit of a problem: that of its first location, in the entry file. */
export function problemUnit(problem, entry, pointers) {
  const where = problem.locations[0];
  return where && where.file === entry ? unitOf(pointers, where.pointer) : undefined;
}

/**
 * The record of the last lint, when it is one for this code, these rules and this entry file; else undefined.
 * `previous` is whatever the cache held (parsed JSON, or anything).
 */
export function usableRecord(previous, key, rules, entry) {
  const record = previous;
  if (
    typeof record !== 'object' ||
    record === null ||
    record.version !== VERSION ||
    record.key !== key ||
    record.rules !== rules ||
    record.entry !== entry ||
    typeof record.skeleton !== 'string' ||
    !Array.isArray(record.pointers) ||
    !Array.isArray(record.hashes) ||
    !Array.isArray(record.eligible) ||
    !Array.isArray(record.problems) ||
    record.hashes.length !== record.pointers.length ||
    record.eligible.length !== record.pointers.length
  )
    return undefined;
  return record;
}

/** A record of this lint, for the next. */
export function makeRecord(fields) {
  return { version: VERSION, ...fields };
}

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRefObject(value) {
  return isPlainObject(value) && typeof value.$ref === 'string';
}
