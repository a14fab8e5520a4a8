/**
 * `union` (generator/ir/build-schema.ts) flattens nested unions and keeps the first of members that are the same
 * primitive, literal (by `===`) or ref; any other member stays. It is held to that rule written as the pairwise
 * comparison it replaced, on random member lists.
 */
import fc from 'fast-check';
import { union } from '../../generator/ir/build-schema';
import type { IrType } from '../../generator/ir/types';

/** The rule, pairwise: each member is compared with every one kept before it. */
function reference(members: IrType[]): IrType {
  const same = (a: IrType, b: IrType): boolean =>
    (a.kind === 'primitive' && b.kind === 'primitive' && a.name === b.name) ||
    (a.kind === 'literal' && b.kind === 'literal' && a.value === b.value) ||
    (a.kind === 'ref' && b.kind === 'ref' && a.target === b.target);
  const flat: IrType[] = [];
  for (const m of members)
    for (const inner of m.kind === 'union' && !m.discriminator ? m.members : [m])
      if (!flat.some((f) => same(f, inner))) flat.push(inner);
  const t = flat.findIndex((m) => m.kind === 'literal' && m.value === true);
  const f = flat.findIndex((m) => m.kind === 'literal' && m.value === false);
  if (t !== -1 && f !== -1) {
    flat.splice(Math.min(t, f), 1, { kind: 'primitive', name: 'boolean' });
    flat.splice(Math.max(t, f), 1);
  }
  if (!flat.length) return { kind: 'primitive', name: 'never' };
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

const simple: fc.Arbitrary<IrType> = fc.oneof(
  fc
    .constantFrom('string', 'number', 'boolean', 'null', 'unknown')
    .map((name): IrType => ({ kind: 'primitive', name })),
  // Values that look alike across types ('1' and 1, 'true' and true), -0 and 0, NaN.
  fc
    .constantFrom<string | number | boolean>(
      '1',
      1,
      'true',
      true,
      false,
      0,
      -0,
      NaN,
      'a',
      'ref:a',
      '',
    )
    .map((value): IrType => ({ kind: 'literal', value })),
  fc.constantFrom('a', 'b', 'string:1').map((target): IrType => ({ kind: 'ref', target })),
  fc.constant<IrType>({ kind: 'array', items: { kind: 'primitive', name: 'string' } }),
);
const member: fc.Arbitrary<IrType> = fc.oneof(
  simple,
  fc.array(simple, { maxLength: 4 }).map((members): IrType => ({ kind: 'union', members })),
  fc.array(simple, { maxLength: 3 }).map((members): IrType => ({
    kind: 'union',
    members,
    discriminator: { property: 'type', mapping: [], inferred: false },
  })),
);

it('keeps the first of equal primitives, literals and refs, in order, as the pairwise rule does', () => {
  fc.assert(
    fc.property(fc.array(member, { maxLength: 12 }), (members) => {
      expect(union(members)).toEqual(reference(members));
    }),
    { seed: 3, numRuns: 2000 },
  );
});

it('tells literals of different types apart, and merges 0 with -0', () => {
  const literal = (value: string | number | boolean): IrType => ({ kind: 'literal', value });
  expect(union([literal('1'), literal(1), literal(-0), literal(0)])).toEqual({
    kind: 'union',
    members: [literal('1'), literal(1), literal(-0)],
  });
});
