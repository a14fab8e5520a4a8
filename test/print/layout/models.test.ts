/**
 * The layout of model statements against prettier, shape by shape. Widths are chosen so that a line is exactly 100
 * columns (stays) or 101 (breaks): the doc printer's fits test is what decides, and these pin both sides of it.
 */
import { expectPrettierLayout, filler, laidOutAndPrettier } from './expect-layout';

describe('layout of model statements', () => {
  it.each([
    ['an import list that fits', "import type { A, B } from './a';"],
    [
      'an import list that breaks one per line with a trailing comma',
      `import type { ${[1, 2, 3, 4, 5, 6, 7].map((i) => `Name${i}${filler(8)}`).join(', ')} } from './models';`,
    ],
    ['a single import, never broken', `import { ${filler(120)} } from "./x";`],
    ['a default import', "import OpenAI from './client';"],
    [
      'exports with and without a source',
      "export { A, B as C } from './a';\nexport type { D } from './d';\nexport { E };",
    ],
    ['an empty interface', 'export interface Empty {}'],
    [
      'interface members with JSDoc, quoted names, readonly, optional',
      `export interface Pet {
  /** The id. */
  readonly id: number;
  /**
     * Multi-line
        * docs, re-indented.
   */
  "first-name"?: string;
  "lastName": string;
  'it\\'s': "a";
  [key: string]: unknown;
}`,
    ],
    [
      'blank lines between members kept as one, none at the ends',
      `export interface A {

  a: string;


  b: number;

}`,
    ],
    ['extends', 'export interface A extends B, C<D> { a: 1 }'],
    ['a type alias of a reference', 'export type A = B<C, D>;'],
    ['a union of literals that fits', "export type Status = 'open' | 'closed' | null;"],
    ['a union exactly 100 columns wide', `export type S = '${filler(40)}' | '${filler(39)}';`],
    [
      'a union 101 columns wide breaks with leading bars',
      `export type S = '${filler(40)}' | '${filler(40)}';`,
    ],
    ['a string literal alias exactly 100 columns', `export type S = '${filler(81)}';`],
    ['a string literal alias 101 columns breaks after =', `export type S = '${filler(82)}';`],
    [
      'a property union at 100 columns',
      `interface A {\n  status: '${filler(40)}' | '${filler(46)}';\n}`,
    ],
    [
      'a property union at 101 columns',
      `interface A {\n  status: '${filler(40)}' | '${filler(47)}';\n}`,
    ],
    [
      'a hugged union of an object and null',
      `export type A = { a: string; b: '${filler(90)}' } | null;`,
    ],
    ['an object type kept expanded by its source newline', 'export type A = {\n  a: 1 };'],
    ['an object type that fits on a line', 'export type A = { a: 1; b?: 2 };'],
    [
      'arrays',
      'type A = { a: string[]; b: (A | B)[]; c: readonly (X | Y)[]; d: Array<A | B>; e: Array<A[]> };',
    ],
    [
      'an array of a long union',
      `type A = (${[1, 2, 3, 4, 5, 6].map((i) => `'${filler(12)}${i}'`).join(' | ')})[];`,
    ],
    [
      'type arguments that break',
      `type A = Record<string, ${[1, 2, 3, 4, 5].map((i) => `'${filler(15)}${i}'`).join(' | ')}>;`,
    ],
    ['intersections', 'type A = B & C & { d: 1 }; type E = F & { g: 1 };'],
    ['an intersection in a union is parenthesized', "type A = (string & {}) | 'a' | B & C;"],
    // `export type R = (A | B) & R.Variant;`: 34 columns besides the two names (OpenAI's stream events).
    [
      'a union in parentheses in an intersection, exactly 100 columns wide',
      `export type R = (${filler(33)} | ${filler(33)}) & R.Variant;`,
    ],
    [
      'a union in parentheses in an intersection, 101 columns wide',
      `export type R = (${filler(33)} | ${filler(34)}) & R.Variant;`,
    ],
    [
      'a union in parentheses in an intersection in a union or an annotation',
      `type V = X | ((A | B) & C);\ninterface I {\n  ${filler(60)}: (${filler(30)} | B) & C;\n}`,
    ],
    ['typeof, keyof, indexed access', 'type A = keyof typeof x; type B = C["d"];'],
    [
      'numbers and keywords',
      'type A = -1 | 1.5 | true | false | undefined | never | object | bigint | unknown;',
    ],
    ['quotes: the one needing fewer escapes', `type A = "it's" | 'say "hi"' | "\\u00e9" | 'a\\d';`],
    [
      'a namespace with blank lines and comments',
      `export namespace A {
  /** B */
  export interface B { c: string }


  export type D = 'x';
}`,
    ],
    ['an empty namespace', 'export namespace A {}'],
    [
      'comments before statements, blank line after a comment kept',
      `/** A */

export type A = 1;
// line comment
export type B = 2;`,
    ],
  ])('%s', async (_name, text) => {
    await expectPrettierLayout(text);
  });

  it('keeps a blank line between statements where the source has one or more', async () => {
    await expectPrettierLayout('type A = 1;\n\n\n\ntype B = 2;\ntype C = 3;');
  });

  it('leaves a statement it does not handle to prettier instead of guessing', async () => {
    const text =
      'export type A = 1;\nenum E { A = 1 }\nexport type B = 2;\n\nfunction f<T>(x: T) { return x }\n';
    const { laid } = await laidOutAndPrettier(text);
    expect(laid.pieces.map((p) => p.formatted)).toEqual([true, false, true, false]);
    expect(laid.pieces[1]!.text).toBe('enum E { A = 1 }');
    expect(laid.statements).toEqual({ laidOut: 2, fallBack: 2, failed: [] });
  });

  it.each([
    ['a trailing comment after a member', 'interface A {\n  a: string; // note\n}'],
    [
      'a trailing comment after a member, in a file the compiler parses (an enum)',
      "enum E { A = 'a' }\ninterface A {\n  a: string; // note\n}",
    ],
    ['a comment inside a type', 'type A = /* x */ string;'],
    ['a comment after the last statement', 'type A = 1;\n// end\n'],
    ['a non-ASCII quoted name (prettier unquotes by its own table)', "interface A { 'é': 1 }"],
    ['a number prettier would rewrite', 'type A = 1.50;'],
    ['a hugged union in parentheses in an intersection', 'type A = (B | null) & C;'],
  ])('falls back on %s', async (_name, text) => {
    const { laid } = await laidOutAndPrettier(text);
    expect(laid.pieces.every((p) => !p.formatted)).toBe(true);
  });
});
