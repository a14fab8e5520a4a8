/**
 * The subset parser (generator/print/layout/parse-subset.ts) stands in for TypeScript's parser in print: every tree it
 * builds must be TypeScript's, node by node, for the properties the layout reads, and anything it does not read must
 * be left to the compiler. The facade (syntax.ts) must hold ts-morph's values and TypeScript's comment scanning.
 */
import { ts } from 'ts-morph';
import { compileText, parseWithCompiler } from '../../../generator/print/layout/layout-file';
import { parseSubset } from '../../../generator/print/layout/parse-subset';
import { NotInSubset, scanSubset } from '../../../generator/print/layout/scan-subset';
import * as syntax from '../../../generator/print/layout/syntax';
import fc from 'fast-check';
import { documentArb } from '../../fuzz/arbitraries/document';
import {
  goldenSpecs,
  realSpecs,
  unformattedFiles,
  unformattedFilesOf,
  type UnformattedFile,
} from '../layout-corpus';

const compile = (text: string): ts.SourceFile => compileText(ts, text);

/** The parser's own bookkeeping, not TypeScript properties. */
const INTERNAL = new Set(['kind', 'pos', 'end', 'flags', 'start', 'text']);

type Tree = Record<string, unknown> & { kind: number; pos: number; end: number; flags: number };

const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && 'kind' in value;

/**
 * Compares a subset tree with TypeScript's: kind, pos, end, getStart, the namespace flag, a name's or string's text,
 * every property the subset node has, and as many children as TypeScript's node has. Records each difference in
 * `problems` (plain comparisons: the corpus has ~400,000 nodes); returns the nodes compared.
 */
function compareTrees(
  ours: Tree,
  theirs: ts.Node,
  file: ts.SourceFile,
  where: string,
  problems: string[],
): number {
  const name = (kind: number): string => ts.SyntaxKind[kind] ?? String(kind);
  const at = `${where} (${name(theirs.kind)} ${theirs.pos}-${theirs.end})`;
  const differ = (what: string, a: unknown, b: unknown) => {
    if (a !== b) problems.push(`${at}: ${what} ${String(a)}, TypeScript's ${String(b)}`);
    return a !== b;
  };
  if (differ('kind', name(ours.kind), name(theirs.kind))) return 1;
  differ('pos', ours.pos, theirs.pos);
  differ('end', ours.end, theirs.end);
  differ('start', (ours.getStart as () => number)(), theirs.getStart(file));
  differ(
    'namespace flag',
    ours.flags & ts.NodeFlags.Namespace,
    theirs.flags & ts.NodeFlags.Namespace,
  );
  const theirsProps = theirs as unknown as Record<string, unknown>;
  if (ts.isIdentifier(theirs) || ts.isStringLiteral(theirs)) differ('text', ours.text, theirs.text);
  let nodes = 1;
  let children = 0;
  for (const [key, value] of Object.entries(ours)) {
    if (INTERNAL.has(key)) continue;
    const other = theirsProps[key];
    if (value === undefined) differ(key, value, other);
    else if (Array.isArray(value)) {
      const list = other as ts.Node[] | undefined;
      if (differ(`${key}.length`, value.length, list?.length)) continue;
      value.forEach((child, i) => {
        if (!isTree(child)) return void problems.push(`${at}.${key}[${i}]: not a node`);
        nodes += compareTrees(child, list![i]!, file, `${at}.${key}[${i}]`, problems);
      });
      children += value.length;
    } else if (isTree(value)) {
      if (!isTree(other)) problems.push(`${at}.${key}: TypeScript has no node`);
      else
        nodes += compareTrees(value, other as unknown as ts.Node, file, `${at}.${key}`, problems);
      children++;
    } else differ(key, value, other);
  }
  // No child of TypeScript's node is missing from the subset node.
  let theirChildren = 0;
  ts.forEachChild(
    theirs,
    () => void theirChildren++,
    (list) => void (theirChildren += list.length),
  );
  differ('children', children, theirChildren);
  return nodes;
}

/** Parses `text` with both parsers; returns the nodes compared, or undefined when it is outside the subset. */
function compareFile(text: string, label: string, problems: string[]): number | undefined {
  const parsed = parseSubset(text);
  if (!parsed) return undefined;
  const file = compile(text);
  const ours = parsed.sourceFile as unknown as Tree;
  if ((ours.endOfFileToken as Tree).pos !== file.endOfFileToken.pos)
    problems.push(`${label}: end of file token`);
  const statements = ours.statements as Tree[];
  if (statements.length !== file.statements.length) {
    problems.push(
      `${label}: ${statements.length} statements, TypeScript's ${file.statements.length}`,
    );
    return 0;
  }
  let nodes = 0;
  statements.forEach(
    (s, i) => (nodes += compareTrees(s, file.statements[i]!, file, `${label}#${i}`, problems)),
  );
  // The comments, every one of them, in order.
  const comments: Array<readonly [number, number]> = [];
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    text,
  );
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan())
    if (t === ts.SyntaxKind.SingleLineCommentTrivia || t === ts.SyntaxKind.MultiLineCommentTrivia)
      comments.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
  if (JSON.stringify(parsed.comments) !== JSON.stringify(comments))
    problems.push(`${label}: comments differ`);
  return nodes;
}

describe('on the layout corpus', () => {
  const corpus: Array<[string, () => Promise<UnformattedFile[]>]> = [
    ...goldenSpecs.map((s): [string, () => Promise<UnformattedFile[]>] => [
      s.split('/').slice(-2).join('/'),
      () => unformattedFiles(s),
    ]),
    ...realSpecs.map(([label, s]): [string, () => Promise<UnformattedFile[]>] => [
      label,
      () => unformattedFiles(s),
    ]),
    [
      "the fuzzer's valid documents (fixed seed)",
      async () =>
        (
          await Promise.all(
            fc.sample(documentArb, { seed: 20261202, numRuns: 40 }).map(unformattedFilesOf),
          )
        ).flat(),
    ],
  ];

  it.each(corpus)(
    "builds TypeScript's trees for every client file of %s",
    async (label, files) => {
      let outside: string[] = [];
      const problems: string[] = [];
      let nodes = 0;
      for (const file of await files()) {
        const compared = compareFile(file.text, `${label}: ${file.path}`, problems);
        if (compared === undefined) outside.push(file.path);
        else nodes += compared;
      }
      // Only the generated tests' setup (loops, try/catch, templates) is left to the compiler.
      outside = outside.filter((p) => !p.endsWith('setup.ts'));
      expect(outside).toEqual([]);
      expect(problems.slice(0, 20)).toEqual([]);
      expect(nodes).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('the subset', () => {
  it.each([
    ['an enum', 'export enum Kind { A = "a" }\n'],
    ['a template literal', 'export const a = `x${b}`;\n'],
    ['a regular expression', "export class A { m(): void { return /'/.test(x); } }\n"],
    ['a conditional type', 'export type A = B extends C ? D : E;\n'],
    ['a function type', 'export type F = (a: string) => void;\n'],
    ['a tuple', 'export type T = [string, number];\n'],
    ['generics', 'export interface Page<T> { data: T[] }\n'],
    ['a mapped type', 'export type M = { [K in Keys]: string };\n'],
    ['an optional chain', 'export class A { m(): void { return a?.b; } }\n'],
    ['a variable', 'const a = 1;\n'],
    ['a function', 'function f() {}\n'],
    ['a non-ASCII name', 'export interface Café { a: string }\n'],
    ['an octal escape', "export type A = '\\1';\n"],
    ['an unterminated comment', 'export type A = string; /* open\n'],
  ])('leaves %s to the compiler', (_what, text) => {
    // Undefined, not an exception: only NotInSubset stops the parser, and parseSubset catches it.
    expect(parseSubset(text)).toBeUndefined();
  });

  it('agrees with TypeScript on what it reads of the trickier shapes', () => {
    const cases = [
      "import type { A, B as C, type D } from './a';\nimport X from 'x';\nexport { A as default, type B } from './b';\nexport type { C };\n",
      "export type U =\n  | 'a'\n  | 'b';\nexport type I = A & (B | C)[] & { x: -1; 'y-z'?: null };\nexport type Q = typeof A.b;\nexport type K = keyof T['a']['b'];\nexport type R = readonly string[];\n",
      '/** Doc. */\nexport declare namespace N {\n  // a comment\n  export interface I extends A.B<C>, D {\n    readonly [key: string]: unknown;\n    m(a?: string): void,\n    readonly: boolean;\n  }\n}\n',
      "export class C extends B<T> {\n  static readonly X: number = 1;\n  public readonly r: R = new R(this._client);\n  constructor({ a = f('A'), b, ...rest }: O = {}) {\n    if (![a, b].some((v) => v !== undefined && v !== null || v === '')) {\n      throw new E('x' + 'y');\n    }\n    super({ a, ...rest, b: b ?? 'https://x' });\n  }\n  override m(o: Partial<O>): this {\n    return super.m(o);\n  }\n  async g(): Promise<void> {\n    return this._client.get<A | B>('/p', { q: ['a'], n: 1.5, t: true, u: null } as X);\n  }\n}\n",
      "test('a \\'quoted\\' name', async () => {\n  await client.a.b({ x: \"\\u0041\\n\" });\n});\n",
    ];
    const problems: string[] = [];
    for (const text of cases) {
      expect(compareFile(text, text.slice(0, 30), problems)).toBeGreaterThan(10);
      // The comments the compiler's path finds from its tree are the ones the subset parser scanned.
      expect(parseWithCompiler(ts, text).comments).toEqual(parseSubset(text)?.comments);
    }
    expect(problems).toEqual([]);
  });
});

describe('the syntax facade', () => {
  it("holds ts-morph's values", () => {
    for (const [name, value] of Object.entries(syntax.SyntaxKind))
      expect([name, value]).toEqual([name, ts.SyntaxKind[name as keyof typeof ts.SyntaxKind]]);
    expect(syntax.NodeFlags.Namespace).toBe(ts.NodeFlags.Namespace);
    for (const kind of [
      ts.SyntaxKind.PublicKeyword,
      ts.SyntaxKind.ReadonlyKeyword,
      ts.SyntaxKind.OverrideKeyword,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ])
      expect(syntax.tokenToString(kind)).toBe(ts.tokenToString(kind));
    expect(syntax.kindName(ts.SyntaxKind.UnionType)).toBe('UnionType');
  });

  it.each([
    'a; // one\n// two\n/* three */ b;\n',
    '// first\n\n/** doc\n * more\n */\nexport type A = string; /* after */\r\n// crlf\r\nx',
    '#!/usr/bin/env node\n// after the shebang\nx',
    'x /* a */ /* b */\n  // c\u00a0\n\u2028// d\ny',
    '/* unterminated',
  ])("finds TypeScript's comment ranges at every offset of %j", (text) => {
    for (let pos = 0; pos <= text.length; pos++) {
      expect([pos, syntax.getLeadingCommentRanges(text, pos)]).toEqual([
        pos,
        ts.getLeadingCommentRanges(text, pos),
      ]);
      expect([pos, syntax.getTrailingCommentRanges(text, pos)]).toEqual([
        pos,
        ts.getTrailingCommentRanges(text, pos),
      ]);
    }
  });

  it('tells a subset miss from a bug', () => {
    expect(() => scanSubset('a ~ b')).toThrow(NotInSubset);
  });
});

describe('on text it was not written for', () => {
  // Corpus files cut, spliced and sprinkled with tokens: whatever the subset parser accepts, TypeScript must parse
  // without a syntax error, into the same tree; anything else must come back undefined, never as an exception.
  const seeds = [
    "import type { A, B } from './a';\nexport { C as D } from './c';\n",
    "/** Doc. */\nexport interface I extends A<B> {\n  /** x */\n  readonly 'a-b'?: string | null;\n  c: Array<{ d: 1 | -2 }>;\n  [key: string]: unknown;\n}\n",
    'export declare namespace N {\n  export type U =\n    | A\n    | (B & C)[];\n}\n',
    "export class R extends APIResource {\n  public readonly s: S = new S(this._client);\n  list(params?: P, options?: RequestOptions): APIPromise<L> {\n    return this._client.get<L>('/x', requestOptions(params, { query: ['a'], body: 'none' }, options));\n  }\n}\n",
    "test('t', async () => {\n  await client.a.b({ c: true, ...d, e: f ?? 'g' });\n});\n",
  ];
  const pieces = [
    '{',
    '}',
    '(',
    ')',
    '<',
    '>',
    ';',
    ',',
    ':',
    '?',
    '|',
    '&',
    '=>',
    '=',
    '.',
    "'",
    '"',
    '/*',
    '*/',
    '//',
    '\n',
    ' ',
    'export',
    'readonly',
    'async',
    'type',
    'as',
    '!',
    '-',
    '1',
    '`',
    '[',
    ']',
  ];
  const mutated = fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ...pieces)), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([seed, edits]) =>
      edits.reduce((text, [at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      }, seed),
    );

  it('accepts only what TypeScript parses without errors, into the same tree', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        const parsed = parseSubset(text);
        if (!parsed) return;
        accepted++;
        const file = compile(text) as ts.SourceFile & { parseDiagnostics: unknown[] };
        expect([text, file.parseDiagnostics.length]).toEqual([text, 0]);
        const problems: string[] = [];
        compareFile(text, 'mutated', problems);
        expect([text, problems]).toEqual([text, []]);
      }),
      { seed: 20261202, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
