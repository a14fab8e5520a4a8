/** Unions compared member by member: which member is which (pair-members.ts), then each pair in turn. */
import type { IrType, IrUnion } from '../../ir/types';
import { record, type CompareContext, type CompareTypes } from '../record';
import { COMPARE, SWITCH } from './compare-enums';
import { describeType, isPrimitive } from './describe-type';
import { pairMembers } from './pair-members';
import { assignable, flattenMembers } from './resolve-types';

/**
 * A discriminator value that names one member on each side pairs those two (the value is what a client switches
 * on); a value only one side has is a variant added or removed. Members sharing a value with siblings, and members
 * of untagged unions, are paired by what they are (pair-members.ts). Paired members are compared with
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
    const byValue = (u: IrUnion) => {
      const found = new Map<string, number[]>();
      for (const { value, member } of u.discriminator!.mapping)
        found.set(value, [...(found.get(value) ?? []), member]);
      return found;
    };
    const va = byValue(a);
    const vb = byValue(b);
    const doneA = new Set<number>();
    const doneB = new Set<number>();
    for (const [value, members] of vb) {
      const old = va.get(value);
      const where = `${location}(${da.property}: ${JSON.stringify(value)})`;
      if (old === undefined) {
        for (const member of members) {
          record(
            ctx,
            'union-member-added',
            'variant-added',
            location,
            `variant ${JSON.stringify(value)} (${describeType(b.members[member]!, ctx.newName)}) added`,
            SWITCH,
          );
          doneB.add(member);
        }
      } else if (old.length === 1 && members.length === 1) {
        compareTypes(a.members[old[0]!]!, b.members[members[0]!]!, where, ctx);
        doneA.add(old[0]!);
        doneB.add(members[0]!);
      }
    }
    for (const [value, members] of va) {
      if (vb.has(value)) continue;
      for (const member of members) {
        record(
          ctx,
          'union-member-removed',
          'variant-removed',
          location,
          `variant ${JSON.stringify(value)} (${describeType(a.members[member]!, ctx.oldName)}) removed`,
          COMPARE,
        );
        doneA.add(member);
      }
    }
    restA = restA.filter((i) => !doneA.has(i));
    restB = restB.filter((i) => !doneB.has(i));
  }
  compareUntagged(
    restA.map((i) => a.members[i]!),
    restB.map((i) => b.members[i]!),
    location,
    ctx,
    compareTypes,
  );
}

/** Members without a discriminator value of their own, paired by what they are. */
function compareUntagged(
  membersA: IrType[],
  membersB: IrType[],
  location: string,
  ctx: CompareContext,
  compareTypes: CompareTypes,
): void {
  // A member naming a union model (`VoiceIdsShared`) stands for its members, unless both sides name that model.
  const refsA = membersA.flatMap((m) => (m.kind === 'ref' ? [m.target] : []));
  const refsB = membersB.flatMap((m) => (m.kind === 'ref' ? [m.target] : []));
  const flatA = flattenMembers(membersA, ctx.oldModels, (id) =>
    refsB.some((t) => ctx.sameModel(id, t)),
  );
  const flatB = flattenMembers(membersB, ctx.newModels, (id) =>
    refsA.some((t) => ctx.sameModel(t, id)),
  );
  const { pairs, onlyOld, onlyNew } = pairMembers(flatA, flatB, ctx);
  for (const [i, j] of pairs) compareTypes(flatA[i]!, flatB[j]!, location, ctx);
  // Members without a counterpart: one whose values the other side's member all accepts is that member, renamed or
  // widened (`(Text | Refusal)[]` → `AssistantContentPart[]`), in a request; narrowed, in a response.
  const added = new Set(onlyNew);
  const removed: number[] = [];
  for (const i of onlyOld) {
    const m = flatA[i]!;
    const j =
      m.kind === 'literal'
        ? undefined
        : [...added].find((k) =>
            ctx.direction === 'request'
              ? assignable(m, flatB[k]!, ctx.oldModels, ctx.newModels, (x, y) =>
                  ctx.sameModel(x, y),
                )
              : assignable(flatB[k]!, m, ctx.newModels, ctx.oldModels, (x, y) =>
                  ctx.sameModel(y, x),
                ),
          );
    if (j === undefined) removed.push(i);
    else {
      added.delete(j);
      compareTypes(m, flatB[j]!, location, ctx);
    }
  }
  const open = (base: string) =>
    flatA.some((m) => isPrimitive(m, base)) && flatB.some((m) => isPrimitive(m, base));
  for (const j of onlyNew) {
    if (!added.has(j)) continue;
    const m = flatB[j]!;
    const what = describeType(m, ctx.newName);
    if (m.kind !== 'literal')
      record(
        ctx,
        'union-member-added',
        'union-member-added',
        location,
        `union member ${what} added`,
      );
    else if (open(typeof m.value))
      record(
        ctx,
        'enum-value-added',
        'open-enum-value-added',
        location,
        `value ${what} added (open enum)`,
      );
    else
      record(ctx, 'enum-value-added', 'enum-value-added', location, `value ${what} added`, SWITCH);
  }
  for (const i of removed) {
    const m = flatA[i]!;
    const what = describeType(m, ctx.oldName);
    if (m.kind !== 'literal')
      record(
        ctx,
        'union-member-removed',
        'union-member-removed',
        location,
        `union member ${what} removed`,
      );
    else if (open(typeof m.value))
      record(
        ctx,
        'enum-value-removed',
        'open-enum-value-removed',
        location,
        `value ${what} removed (open enum)`,
      );
    else
      record(
        ctx,
        'enum-value-removed',
        'enum-value-removed',
        location,
        `value ${what} removed`,
        COMPARE,
      );
  }
}
