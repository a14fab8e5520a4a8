/**
 * flat.ts stands in for prettier's printer where a group fits its line: its text must be what printDocToString
 * prints for the same Doc, and it must give up on whatever could print otherwise.
 */
import fc from 'fast-check';
import { builders, printer } from 'prettier/doc';
import { fitsFlat, flatText } from '../../../generator/print/layout/flat';
import type { Doc } from '../../../generator/print/layout/doc';

const { group, indent, align, line, softline, hardline, ifBreak, indentIfBreak, conditionalGroup } =
  builders;

const print = (doc: Doc, width: number): string =>
  printer.printDocToString(doc, { printWidth: width, tabWidth: 2, useTabs: false }).formatted;

/** Docs of the kinds the layout builds, without hard lines. */
const docArb: fc.Arbitrary<Doc> = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'bb', 'ccc ', 'readonly', '|', ': ', "'x-y'"),
    fc.constantFrom(line, softline),
    fc.array(tie('doc'), { maxLength: 4 }),
    tie('doc').map((d) => group(d)),
    tie('doc').map((d) => indent(d)),
    tie('doc').map((d) => align(2, d)),
    fc.tuple(tie('doc'), tie('doc')).map(([a, b]) => ifBreak(a, b)),
    fc.tuple(tie('doc'), tie('doc')).map(([a, b]) => conditionalGroup([a, b])),
  ),
})).doc;

it("prints a group that fits as prettier's printer prints it", () => {
  let compared = 0;
  fc.assert(
    fc.property(docArb, fc.integer({ min: 0, max: 40 }), (doc, width) => {
      const flat = fitsFlat(group(doc), width);
      if (flat === undefined) return;
      compared++;
      // What follows the group on its line (`;`), then a line break: prettier's fits() stops there.
      expect(`${flat};\nnext`).toBe(print([group(doc), ';', hardline, 'next'], width + 1));
    }),
    { seed: 20261202, numRuns: 2000 },
  );
  expect(compared).toBeGreaterThan(500);
});

it('gives up on what could print otherwise', () => {
  const id = Symbol('outside');
  expect(flatText(['a', hardline, 'b'])).toBeUndefined();
  expect(flatText(group('a', { shouldBreak: true }))).toBeUndefined();
  expect(flatText(ifBreak('x', 'y', { groupId: id }))).toBeUndefined();
  expect(flatText(indentIfBreak('x', { groupId: id }))).toBeUndefined();
  expect(flatText(builders.fill(['a', line, 'b']))).toBeUndefined();
  expect(flatText(builders.lineSuffix(' // c'))).toBeUndefined();
  // An if-break on a group inside the Doc, printed flat: its flat contents.
  const inner = Symbol('inner');
  expect(flatText([group('a', { id: inner }), ifBreak(',', '!', { groupId: inner })])).toBe('a!');
  // Wider than the line, or outside printable ASCII: left to prettier.
  expect(fitsFlat(group(['abc', line, 'def']), 6)).toBeUndefined();
  expect(fitsFlat(group(['abc', line, 'def']), 7)).toBe('abc def');
  expect(fitsFlat(group('名前'), 10)).toBeUndefined();
});
