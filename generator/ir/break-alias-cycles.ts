import { fileNamed, report, type IrContext } from './context';
import type { IrModel, IrType } from './types';

const UNKNOWN: IrType = { kind: 'primitive', name: 'unknown' };

/**
 * A model that is a union or intersection with itself among its members (`A: {anyOf: [A, string]}`,
 * `A: {allOf: [A, {...}]}`, 3.0's `{allOf: [A], nullable: true}` inside A, or the same through other
 * models) says nothing more than its other members, but `type A = A | string` does not compile (TS2456).
 * Recursion through an object property or an array is fine and left alone.
 *
 * A member that is the model itself is dropped: the schema means exactly its other members. A member that
 * closes a longer loop (`A: anyOf [B, x]`, `B: anyOf [A, y]`) becomes `unknown`, with a warning: wider than
 * the schema, never narrower.
 */
export function breakAliasCycles(ctx: IrContext, models: IrModel[]): void {
  const byId = new Map(models.map((m) => [m.id, m]));
  const stack: IrModel[] = [];
  // Returns the type with self-members dropped (undefined when nothing is left).
  const visit = (type: IrType): IrType | undefined => {
    const owner = stack[stack.length - 1]!;
    if (type.kind === 'ref') {
      if (type.target === owner.id) return undefined;
      const target = byId.get(type.target);
      if (!target) return type;
      if (stack.includes(target)) {
        report(
          ctx,
          { file: fileNamed(ctx, owner.file), pointer: owner.pointer },
          'unsupported-keyword',
          `'${owner.name}' is a union or intersection that contains itself through '${target.name}': that member is typed unknown`,
          'warning',
        );
        return UNKNOWN;
      }
      stack.push(target);
      target.type = visit(target.type) ?? UNKNOWN;
      stack.pop();
      return type;
    }
    if (type.kind !== 'union' && type.kind !== 'intersection') return type;
    const kept = type.members.map(visit);
    if (kept.every((m, i) => m === type.members[i])) return type;
    const members = kept.filter((m): m is IrType => m !== undefined);
    if (!members.length) return undefined;
    if (type.kind === 'intersection')
      return members.length === 1 ? members[0] : { kind: 'intersection', members };
    // A discriminator maps values to member positions, which move when a member is dropped.
    const position = kept.map((m, i) => kept.slice(0, i).filter((k) => k !== undefined).length);
    const discriminator = type.discriminator && {
      ...type.discriminator,
      mapping: type.discriminator.mapping
        .filter((e) => kept[e.member])
        .map((e) => ({ ...e, member: position[e.member]! })),
    };
    return members.length === 1 && !discriminator
      ? members[0]
      : { kind: 'union', members, ...(discriminator ? { discriminator } : {}) };
  };
  for (const model of models) {
    stack.push(model);
    model.type = visit(model.type) ?? UNKNOWN;
    stack.pop();
  }
}
