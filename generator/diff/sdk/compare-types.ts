/** Compares two IR types (the generated surface) and records each difference with its rule. */
import type { IrType } from '../../ir/types';
import { compareLiterals, literals } from './compare-enums';
import { compareUnions } from './compare-unions';
import { compareObjects } from './compare-objects';
import { asUnion, describeType, isPrimitive, withoutNull } from './describe-type';
import { assignable, nullableThrough, shapeOf } from './resolve-types';
import { record, type CompareContext, type Usage } from '../record';

export type { CompareContext, Direction, Emitted, Usage, Verdict } from '../record';
export { severity, worse, record } from '../record';
export { describeType, wasDeprecated } from './describe-type';

/** Compares two types as used: for 'both', once as a request and once as a response. */
export function compareIn(
  usage: Usage,
  a: IrType,
  b: IrType,
  location: string,
  ctx: Omit<CompareContext, 'direction'>,
): void {
  for (const direction of usage === 'both' ? (['request', 'response'] as const) : [usage])
    compareTypes(a, b, location, { ...ctx, direction });
}

/**
 * Records every user-visible difference between two types at `location`. Models referenced on both sides are not
 * entered (their own changes are reported once, under the model); a model on one side only is compared by shape.
 */
export function compareTypes(a: IrType, b: IrType, location: string, ctx: CompareContext): void {
  // Nullability a `$ref` brings (`$ref: ServiceTier`, itself `anyOf: [..., {type: 'null'}]`) is the property's own.
  const aNull = nullableThrough(a, ctx.oldModels);
  const bNull = nullableThrough(b, ctx.newModels);
  if (aNull !== bNull) {
    record(
      ctx,
      'nullable-changed',
      bNull ? 'nullable-added' : 'nullable-removed',
      location,
      bNull ? 'may now be null' : 'can no longer be null',
    );
  }
  const x = withoutNull(a);
  const y = withoutNull(b);
  const xl = literals(x);
  const yl = literals(y);
  if (xl && yl && xl.base === yl.base) return compareLiterals(xl, yl, location, ctx);
  // An open enum (`anyOf: [string, enum]`) has the values of its primitive: `string` ↔ open enum changes nothing.
  if ((xl?.open && isPrimitive(y, xl.base)) || (yl?.open && isPrimitive(x, yl.base))) return;
  if ((xl && isPrimitive(y, xl.base)) || (yl && isPrimitive(x, yl.base))) {
    if (xl)
      record(
        ctx,
        'type-changed',
        'type-widened',
        location,
        `now any ${xl.base} (was ${describeType(x, ctx.oldName)})`,
      );
    else
      record(
        ctx,
        'type-changed',
        'type-narrowed',
        location,
        `now limited to ${describeType(y, ctx.newName)} (was any ${yl!.base})`,
      );
    return;
  }
  // Any value (`{}`) on one side: a request that accepted anything now wants a type, or a response that was a type
  // may now be anything. Widening and narrowing, not a changed type.
  if (isPrimitive(y, 'unknown') !== isPrimitive(x, 'unknown')) {
    const [rule, message] = isPrimitive(y, 'unknown')
      ? ['type-widened', `now any value (was ${describeType(x, ctx.oldName)})`]
      : ['type-narrowed', `now limited to ${describeType(y, ctx.newName)} (was any value)`];
    return record(ctx, 'type-changed', rule, location, message);
  }
  if (x.kind === 'ref' && y.kind === 'ref') {
    if (ctx.sameModel(x.target, y.target)) return;
    // Another model: what changes for the user is its shape (types are structural), and the name they see.
    const rx = shapeOf(x, ctx.oldModels);
    const ry = shapeOf(y, ctx.newModels);
    const pair = `${x.target}\0${y.target}`;
    if (!rx || !ry || rx.kind !== ry.kind || ctx.visiting?.has(pair))
      return typeChanged(x, y, location, ctx);
    record(
      ctx,
      'type-changed',
      'type-renamed',
      location,
      `now of type ${describeType(y, ctx.newName)} (was ${describeType(x, ctx.oldName)})`,
    );
    return compareTypes(rx, ry, location, {
      ...ctx,
      visiting: new Set([...(ctx.visiting ?? []), pair]),
    });
  }
  // A model on one side, an inline schema on the other (a schema extracted into a model, or inlined, or a named
  // alias such as `ModelIdsShared = string | 'gpt-5'`): compare shapes.
  if ((x.kind === 'ref') !== (y.kind === 'ref')) {
    const rx = x.kind === 'ref' ? shapeOf(x, ctx.oldModels) : x;
    const ry = y.kind === 'ref' ? shapeOf(y, ctx.newModels) : y;
    const pair = `${x.kind === 'ref' ? x.target : ''}\0${y.kind === 'ref' ? y.target : ''}`;
    // Shapes of one kind, or a union on either side (an alias's members), compare; else the names say it best.
    const comparable =
      rx && ry && (rx.kind === ry.kind || rx.kind === 'union' || ry.kind === 'union');
    if (comparable && !ctx.visiting?.has(pair))
      return compareTypes(rx, ry, location, {
        ...ctx,
        visiting: new Set([...(ctx.visiting ?? []), pair]),
      });
  }
  if (x.kind === 'object' && y.kind === 'object')
    return compareObjects(x, y, location, ctx, compareTypes);
  if (x.kind === 'array' && y.kind === 'array')
    return compareTypes(x.items, y.items, `${location}[]`, ctx);
  if (x.kind === 'union' || y.kind === 'union')
    return compareUnions(asUnion(x), asUnion(y), location, ctx, compareTypes);
  if (
    x.kind === 'intersection' &&
    y.kind === 'intersection' &&
    x.members.length === y.members.length
  ) {
    x.members.forEach((m, i) => compareTypes(m, y.members[i]!, location, ctx));
    return;
  }
  if (describeType(x, ctx.oldName) !== describeType(y, ctx.newName))
    typeChanged(x, y, location, ctx);
}

/**
 * A type replaced by another: a widening when every old value is a new one (in a request, code passing the old type
 * still compiles and the server still accepts it), a narrowing when every new value is an old one (in a response,
 * code reading the old type still does); else a changed type.
 */
function typeChanged(x: IrType, y: IrType, location: string, ctx: CompareContext): void {
  const was = `(was ${describeType(x, ctx.oldName)})`;
  const now = describeType(y, ctx.newName);
  const widens = assignable(x, y, ctx.oldModels, ctx.newModels, (a, b) => ctx.sameModel(a, b));
  const narrows = assignable(y, x, ctx.newModels, ctx.oldModels, (a, b) => ctx.sameModel(b, a));
  // The same values under another name (an alias `oneOf: [Text]` for `Text`).
  if (widens && narrows)
    return record(ctx, 'type-changed', 'type-renamed', location, `now of type ${now} ${was}`);
  // The rules give each its verdict by direction (a widening breaks no request, a narrowing no response).
  if (widens) return record(ctx, 'type-changed', 'type-widened', location, `now ${now} ${was}`);
  if (narrows) return record(ctx, 'type-changed', 'type-narrowed', location, `now ${now} ${was}`);
  record(
    ctx,
    'type-changed',
    'type-changed',
    location,
    `type changed from ${describeType(x, ctx.oldName)} to ${describeType(y, ctx.newName)}`,
  );
}
