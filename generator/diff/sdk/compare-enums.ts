/** Enum-like types (literal sets, open enums), compared value by value; unions are compare-unions.ts. */
import type { IrType } from '../../ir/types';
import { record, type CompareContext } from '../record';

export const SWITCH = 'an exhaustive `switch` over it no longer compiles';
export const COMPARE = 'code comparing with it no longer compiles';

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
