/** Enum-like types (literal sets, open enums) and unions, compared value by value and member by member. */
import type { IrType, IrUnion } from '../../ir/types';
import { describeType, isPrimitive } from './describe-type';
import { record, type CompareContext, type CompareTypes } from '../record';
import { assignable, flattenMembers } from './resolve-types';

const SWITCH = 'an exhaustive `switch` over it no longer compiles';
const COMPARE = 'code comparing with it no longer compiles';

export type Literals = {
  values: (string | number | boolean)[];
  open: boolean;
  base: 'string' | 'number' | 'boolean';
};

export function compareLiterals(
  a: Literals,
  b: Literals,
  location: string,
  ctx: CompareContext,
): void {
  const [only] = a.values;
  if (
    a.values.length === 1 &&
    b.values.length === 1 &&
    !a.open &&
    !b.open &&
    only !== b.values[0]
  ) {
    // A constant (`object: 'chat.completion'`): one value for another.
    const message = `value changed from ${JSON.stringify(only)} to ${JSON.stringify(b.values[0])}`;
    return record(ctx, 'type-changed', 'value-changed', location, message);
  }
  const what =
    a.values.length > 1 || b.values.length > 1 || a.open || b.open ? 'enum value' : 'value';
  for (const value of b.values) {
    if (a.values.includes(value)) continue;
    if (b.open)
      record(
        ctx,
        'enum-value-added',
        'open-enum-value-added',
        location,
        `${what} ${JSON.stringify(value)} added (open enum)`,
      );
    else
      record(
        ctx,
        'enum-value-added',
        'enum-value-added',
        location,
        `${what} ${JSON.stringify(value)} added`,
        SWITCH,
      );
  }
  for (const value of a.values) {
    if (b.values.includes(value)) continue;
    if (a.open && b.open)
      record(
        ctx,
        'enum-value-removed',
        'open-enum-value-removed',
        location,
        `${what} ${JSON.stringify(value)} removed (open enum)`,
      );
    else
      record(
        ctx,
        'enum-value-removed',
        'enum-value-removed',
        location,
        `${what} ${JSON.stringify(value)} removed`,
        COMPARE,
      );
  }
  if (a.open && !b.open)
    record(
      ctx,
      'type-changed',
      'type-narrowed',
      location,
      `no longer an open enum: only the listed values`,
    );
  if (!a.open && b.open)
    record(ctx, 'type-changed', 'type-widened', location, `now an open enum: any ${b.base}`);
}

/**
 * Union members are paired by discriminator value when both sides have one on the same property, else by their
 * description (`Pet`, `string`, `"auto"`), inline objects in order. Paired members are compared in turn, with
 * `compareTypes` (passed in, so that this module does not import the one that calls it).
 */
export function compareUnions(
  a: IrUnion,
  b: IrUnion,
  location: string,
  ctx: CompareContext,
  compareTypes: CompareTypes,
): void {
  const da = a.discriminator;
  const db = b.discriminator;
  let restA = a.members.map((_, i) => i);
  let restB = b.members.map((_, i) => i);
  if (da && db && da.property === db.property) {
    const memberOf = (u: IrUnion, value: string) =>
      u.discriminator!.mapping.find((m) => m.value === value)?.member;
    for (const { value, member } of db.mapping) {
      const old = memberOf(a, value);
      const where = `${location}(${da.property}: ${JSON.stringify(value)})`;
      if (old === undefined)
        record(
          ctx,
          'union-member-added',
          'variant-added',
          location,
          `variant ${JSON.stringify(value)} (${describeType(b.members[member]!, ctx.newName)}) added`,
          SWITCH,
        );
      else compareTypes(a.members[old]!, b.members[member]!, where, ctx);
    }
    for (const { value, member } of da.mapping) {
      if (memberOf(b, value) === undefined)
        record(
          ctx,
          'union-member-removed',
          'variant-removed',
          location,
          `variant ${JSON.stringify(value)} (${describeType(a.members[member]!, ctx.oldName)}) removed`,
          COMPARE,
        );
    }
    restA = restA.filter((i) => !da.mapping.some((m) => m.member === i));
    restB = restB.filter((i) => !db.mapping.some((m) => m.member === i));
  }
  // A member naming a union model (`VoiceIdsShared`) stands for its members, unless both sides name that model.
  const refsA = a.members.flatMap((m) => (m.kind === 'ref' ? [m.target] : []));
  const refsB = b.members.flatMap((m) => (m.kind === 'ref' ? [m.target] : []));
  const flatA = flattenMembers(
    restA.map((i) => a.members[i]!),
    ctx.oldModels,
    (id) => refsB.some((t) => ctx.sameModel(id, t)),
  );
  const flatB = flattenMembers(
    restB.map((i) => b.members[i]!),
    ctx.newModels,
    (id) => refsA.some((t) => ctx.sameModel(t, id)),
  );
  const keyed = (members: IrType[], name: (id: string) => string) => {
    let objects = 0;
    return members.map((t) => ({
      t,
      key: t.kind === 'object' ? `object#${objects++}` : describeType(t, name),
    }));
  };
  const ma = keyed(flatA, ctx.oldName);
  const mb = keyed(flatB, ctx.newName);
  // Members without a namesake: one whose values the other side's member all accepts is that member, renamed or
  // widened (`(Text | Refusal)[]` → `AssistantContentPart[]`), in a request; narrowed, in a response.
  const paired = new Map<(typeof ma)[number], (typeof mb)[number]>();
  for (const m of ma) {
    if (mb.some((n) => n.key === m.key) || m.t.kind === 'literal') continue;
    const n = mb.find(
      (n) =>
        !ma.some((o) => o.key === n.key) &&
        ![...paired.values()].includes(n) &&
        (ctx.direction === 'request'
          ? assignable(m.t, n.t, ctx.oldModels, ctx.newModels, (a, b) => ctx.sameModel(a, b))
          : assignable(n.t, m.t, ctx.newModels, ctx.oldModels, (x, y) => ctx.sameModel(y, x))),
    );
    if (n) paired.set(m, n);
  }
  for (const [m, n] of paired) compareTypes(m.t, n.t, location, ctx);
  const open = (base: string) =>
    ma.some((m) => isPrimitive(m.t, base)) && mb.some((m) => isPrimitive(m.t, base));
  for (const m of mb) {
    const old = ma.find((n) => n.key === m.key);
    if (old) compareTypes(old.t, m.t, location, ctx);
    else if ([...paired.values()].includes(m)) continue;
    else if (m.t.kind === 'literal') {
      if (open(typeof m.t.value))
        record(
          ctx,
          'enum-value-added',
          'open-enum-value-added',
          location,
          `value ${m.key} added (open enum)`,
        );
      else
        record(
          ctx,
          'enum-value-added',
          'enum-value-added',
          location,
          `value ${m.key} added`,
          SWITCH,
        );
    } else
      record(
        ctx,
        'union-member-added',
        'union-member-added',
        location,
        `union member ${m.key.replace(/#\d+$/, '')} added`,
      );
  }
  for (const m of ma) {
    if (mb.some((n) => n.key === m.key) || paired.has(m)) continue;
    if (m.t.kind === 'literal') {
      if (open(typeof m.t.value))
        record(
          ctx,
          'enum-value-removed',
          'open-enum-value-removed',
          location,
          `value ${m.key} removed (open enum)`,
        );
      else
        record(
          ctx,
          'enum-value-removed',
          'enum-value-removed',
          location,
          `value ${m.key} removed`,
          COMPARE,
        );
    } else
      record(
        ctx,
        'union-member-removed',
        'union-member-removed',
        location,
        `union member ${m.key.replace(/#\d+$/, '')} removed`,
      );
  }
}

/** The literal values of an enum-like type, and whether it is open (also admits any value of its primitive). */
export function literals(t: IrType): Literals | undefined {
  if (t.kind === 'literal') return { values: [t.value], open: false, base: baseOf(t.value) };
  if (t.kind !== 'union') return undefined;
  const values: (string | number | boolean)[] = [];
  const primitives: string[] = [];
  for (const m of t.members) {
    if (m.kind === 'literal') values.push(m.value);
    else if (m.kind === 'primitive') primitives.push(m.name);
    else return undefined;
  }
  const base = values[0] === undefined ? undefined : baseOf(values[0]);
  if (!base || values.some((v) => baseOf(v) !== base) || primitives.some((p) => p !== base))
    return undefined;
  return { values, open: primitives.length > 0, base };
}

function baseOf(value: string | number | boolean): Literals['base'] {
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
}
