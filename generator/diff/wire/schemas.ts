/**
 * The wire comparison of two raw schemas: what the generated types do not carry (value bounds, patterns, formats,
 * JSON Schema 2019+ keywords, `x-extensible-enum`, defaults, `required` through `allOf`/`anyOf`, overlapping
 * `oneOf` members). Structure (properties, types, enums) is compared on the IR by compare-types.ts; this walk
 * follows the same structure to reach the constraints, and stops at models, which are compared under their name.
 */
import { compareBounds, compareExtensibleEnum } from './constraints';
import { compareKeywords } from './keywords';
import { compareOneOf, compareRequired, compareStructure } from './composition';
import { effectiveProperties, unwrapNullable } from './effective';
import { pairRawMembers } from './pair-members';
import type { LoadedSpec } from '../../load/load-spec';
import {
  deref,
  describe,
  isRecord,
  join,
  note,
  sameJson,
  type RawNode,
  type WireContext,
} from './raw-spec';

/** Compares two schemas (either may be a `$ref`) at `location`, recursing like the IR comparison does. */
export function compareSchemas(
  oldValue: unknown,
  newValue: unknown,
  oldFile: RawNode['file'],
  newFile: RawNode['file'],
  location: string,
  ctx: WireContext,
): void {
  const da = deref(ctx.oldSpec, oldValue, oldFile);
  const db = deref(ctx.newSpec, newValue, newFile);
  if (!da || !db) return;
  const a = unwrapNullable(da, ctx.oldSpec);
  const b = unwrapNullable(db, ctx.newSpec);
  const oldModels = a.ids.filter((id) => ctx.isOldModel(id));
  const newModels = b.ids.filter((id) => ctx.isNewModel(id));
  // Both the same model (also behind a wrapper): compared once, under the model's name.
  if (oldModels.some((o) => newModels.some((n) => ctx.sameModel(o, n)))) return;
  const pair = `${identity(a, ctx.oldSpec) ?? location}\0${identity(b, ctx.newSpec) ?? location}`;
  if (ctx.visiting?.has(pair)) return;
  const inner: WireContext = { ...ctx, visiting: new Set([...(ctx.visiting ?? []), pair]) };
  compareNode(a, b, location, inner);
}

/**
 * What a schema is met as again down a walk: the schema a `$ref` reached, or an `allOf` of schemas `$ref`s reached
 * (`next: { allOf: [A, B] }` inside `A`): without it the walk of a recursive schema never ended.
 */
function identity(node: RawNode, spec: LoadedSpec): string | undefined {
  if (node.id) return node.id;
  const allOf = Array.isArray(node.value.allOf) ? node.value.allOf : [];
  const ids = allOf.map((m) => deref(spec, m, node.file)?.id).filter((id) => id !== undefined);
  return ids.length ? `allOf(${ids.join(' ')})` : undefined;
}

function compareNode(a: RawNode, b: RawNode, location: string, ctx: WireContext): void {
  const x = a.value;
  const y = b.value;
  compareBounds(x, y, location, ctx);
  // Inside a subschema (`contains`, `propertyNames`...) no type is generated: structure is compared there too.
  compareKeywords(x, y, location, ctx, (p, q, where, inverted) =>
    compareSchemas(p, q, a.file, b.file, where, {
      ...ctx,
      structural: true,
      ...(inverted ? { direction: ctx.direction === 'request' ? 'response' : 'request' } : {}),
    }),
  );
  compareExtensibleEnum(x, y, location, ctx);
  // `default: null` on an optional nullable value says what leaving it out does.
  const dx = x.default ?? undefined;
  const dy = y.default ?? undefined;
  if (ctx.direction === 'request' && !sameJson(dx, dy))
    note(
      ctx,
      ctx.parameterAt === location ? 'parameter-default-changed' : 'default-changed',
      location,
      `default ${describe(dx)} → ${describe(dy)}`,
      'parameter-changed',
    );
  compareRequired(a, b, location, ctx);
  compareOneOf(x, y, location, ctx);
  if (ctx.structural) compareStructure(x, y, location, ctx);
  // The generated types say `number` for both: an integer that may now have decimals widens.
  const integer = (t: unknown) =>
    t === 'integer' || (Array.isArray(t) && t.includes('integer') && !t.includes('number'));
  const number = (t: unknown) => t === 'number' || (Array.isArray(t) && t.includes('number'));
  if (integer(x.type) && number(y.type))
    note(ctx, 'type-widened', location, 'now any number (was integer)', 'type-changed');
  else if (number(x.type) && integer(y.type))
    note(ctx, 'type-narrowed', location, 'now an integer (was any number)', 'type-changed');

  // The same structure the IR compares: properties by name, items, extra keys, composition members paired by
  // what they are (pair-members.ts).
  const visible = (p: unknown) =>
    !(isRecord(p) && p[ctx.direction === 'request' ? 'readOnly' : 'writeOnly'] === true);
  // Properties through `allOf` too: one object on one side may be `allOf: [Shared, {...}]` on the other.
  const px = effectiveProperties(a, ctx.oldSpec);
  const py = effectiveProperties(b, ctx.newSpec);
  for (const [name, p] of px) {
    const q = py.get(name);
    if (!q || !visible(p.raw) || !visible(q.raw)) continue;
    compareSchemas(p.raw, q.raw, p.file, q.file, join(location, name), ctx);
  }
  if (x.items !== undefined && y.items !== undefined && !Array.isArray(x.items))
    compareSchemas(x.items, y.items, a.file, b.file, `${location}[]`, ctx);
  if (isRecord(x.additionalProperties) && isRecord(y.additionalProperties))
    compareSchemas(
      x.additionalProperties,
      y.additionalProperties,
      a.file,
      b.file,
      `${location}[key]`,
      ctx,
    );
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const mx = x[keyword];
    const my = y[keyword];
    if (!Array.isArray(mx) || !Array.isArray(my)) continue;
    for (const [i, j] of pairRawMembers(mx, my, a.file, b.file, ctx))
      compareSchemas(mx[i], my[j], a.file, b.file, location, ctx);
  }
}
