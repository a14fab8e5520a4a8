/**
 * `breakLine` (generator/print/break-lines.ts) breaks a long declaration line as prettier does, or declines. On
 * seeded random lines of each shape it knows (unions after `=` and `:`, aliases of one name and of generics, imports
 * and exports of several names) and of shapes it must decline, every line it breaks is prettier's output, and each
 * shape is broken often enough for a wrong rule to show. The layout's oracle holds the same on every real file.
 */
import fc from 'fast-check';
import { breakLine } from '../../generator/print/break-lines';
import { tsString } from '../../generator/text/string-literal';
import { prettierOf } from './layout/expect-layout';

const SEED = 20261205;

const name = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom('A', 'Chat', 'Stripe', 'X', 'Realtime'), fc.integer({ min, max }))
    .map(([head, n]) => `${head}${'abcdefghij'.repeat(6).slice(0, n)}`);

/** A union member, a type alias's right side or a member's type. */
const member: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: name(0, 40) },
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 50 }).map(tsString) },
  { weight: 2, arbitrary: fc.constantFrom('null', 'undefined', 'void', 'string', 'number') },
  { weight: 2, arbitrary: fc.tuple(name(0, 20), name(0, 20)).map(([a, b]) => `${a}.${b}`) },
  { weight: 1, arbitrary: name(0, 30).map((n) => `${n}[]`) },
  { weight: 1, arbitrary: name(0, 30).map((n) => `${n}['data'][number]`) },
  { weight: 1, arbitrary: fc.tuple(name(0, 20), name(0, 20)).map(([a, b]) => `${a}<${b}>`) },
  { weight: 1, arbitrary: name(0, 30).map((n) => `{ [key: string]: ${n} }`) },
  { weight: 1, arbitrary: fc.tuple(name(0, 20), name(0, 20)).map(([a, b]) => `(${a} | ${b})[]`) },
  { weight: 1, arbitrary: name(0, 20).map((n) => `{ a: ${n}; b?: string }`) },
);

/** A union's member: an intersection is in parentheses there, as emit writes it. */
const unionMember = fc.oneof(
  { weight: 12, arbitrary: member },
  { weight: 1, arbitrary: fc.tuple(name(0, 20), name(0, 20)).map(([a, b]) => `(${a} & ${b})`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(name(0, 30), fc.string({ maxLength: 20 }).map(tsString))
      .map(([a, t]) => `(${a} & { type: ${t} })`),
  },
  { weight: 1, arbitrary: fc.constant('(string & {})') },
);
const union = fc.array(unionMember, { minLength: 2, maxLength: 12 }).map((ms) => ms.join(' | '));
const generic = fc
  .tuple(name(0, 20), fc.array(member, { minLength: 1, maxLength: 4 }))
  .map(([g, args]) => `${g}<${args.join(', ')}>`);
/** A long reference alone or with `null`: what prettier keeps on a member's line. */
const longReference = fc
  .tuple(name(30, 60), name(20, 50), fc.constantFrom('', ' | null', ' | undefined', ' | void'))
  .map(([a, b, tail]) => `${a}.${b}${tail}`);
/** An array of a union, alone or beside `null` (prettier breaks inside its angle brackets). */
const arrayOf = fc
  .tuple(union, fc.constantFrom('', ' | null', " | ''"))
  .map(([u, tail]) => `Array<${u}>${tail}`);
/** A name and an inline object, as emit writes a params type's streaming variant. */
const withObject = fc
  .tuple(
    name(0, 40),
    fc.array(
      fc.tuple(name(0, 25), fc.boolean(), union).map(([n, q, t]) => `${n}${q ? '?' : ''}: ${t}`),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([n, members]) => `${n} & { ${members.join('; ')} }`);
const type = fc.oneof(union, union, member, generic, longReference, arrayOf, withObject);
const indent = fc.constantFrom('', '  ', '    ');

const aliasLine = fc
  .tuple(indent, name(0, 60), type)
  .map(([i, n, t]) => `${i}export type ${n} = ${t};`);
const memberLine = fc
  .tuple(
    indent,
    fc.oneof(
      name(0, 40),
      name(0, 30).map((n) => `readonly ${n}?`),
      name(0, 30).map((n) => `'${n}-x'?`),
      fc.constant('[key: string]'),
    ),
    type,
  )
  .map(([i, key, t]) => `${i}  ${key}: ${t};`);
const namedLine = fc
  .tuple(
    fc.constantFrom('import', 'import type', 'export', 'export type'),
    fc.array(
      fc.oneof(
        name(0, 25),
        fc.tuple(name(0, 10), name(0, 10)).map(([a, b]) => `${a} as ${b}`),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    name(0, 40),
  )
  .map(([keyword, names, from]) => `${keyword} { ${names.join(', ')} } from './${from}';`);

/**
 * Prettier's lines for `line` in its context: a member inside an interface (and the namespaces its indentation
 * implies), a declaration inside namespaces for its indentation.
 */
async function prettierLines(line: string, isMember: boolean): Promise<string[]> {
  const depth = /^ */.exec(line)![0].length / 2 - (isMember ? 1 : 0);
  const open = Array.from({ length: depth }, (_, d) => `${'  '.repeat(d)}export namespace N${d} {`);
  const close = Array.from({ length: depth }, (_, d) => `${'  '.repeat(depth - 1 - d)}}`);
  const body = isMember
    ? [`${'  '.repeat(depth)}export interface W {`, line, `${'  '.repeat(depth)}}`]
    : [line];
  const out = (await prettierOf([...open, ...body, ...close].join('\n') + '\n')).split('\n');
  return out.slice(depth + (isMember ? 1 : 0), out.length - 1 - depth - (isMember ? 1 : 0));
}

/** How `breakLine` answered: kept the line whole, moved it to the next line, or broke it in more lines. */
type Shape = 'kept' | 'next line' | 'more lines';

async function check(lines: string[], isMember: boolean): Promise<Record<Shape, number>> {
  const shapes: Record<Shape, number> = { kept: 0, 'next line': 0, 'more lines': 0 };
  const wrong: string[] = [];
  for (const line of lines) {
    if (line.length <= 100) continue;
    const actual = breakLine(line);
    if (!actual) continue;
    shapes[actual.length === 1 ? 'kept' : actual.length === 2 ? 'next line' : 'more lines']++;
    const expected = await prettierLines(line, isMember);
    if (actual.join('\n') !== expected.join('\n'))
      wrong.push(
        `${line}\n--- breakLine\n${actual.join('\n')}\n--- prettier\n${expected.join('\n')}`,
      );
  }
  expect(wrong.slice(0, 3).join('\n\n')).toBe('');
  return shapes;
}

describe('breakLine breaks as prettier does', () => {
  it('type aliases', async () => {
    const lines = fc.sample(aliasLine, { seed: SEED, numRuns: 1500 });
    const shapes = await check(lines, false);
    // Each way of breaking is taken often enough for a wrong rule to show (an alias is never kept whole).
    expect(shapes['next line']).toBeGreaterThan(200);
    expect(shapes['more lines']).toBeGreaterThan(200);
  }, 120_000);

  it('interface members', async () => {
    const lines = fc.sample(memberLine, { seed: SEED + 1, numRuns: 2000 });
    const shapes = await check(lines, true);
    expect(shapes.kept).toBeGreaterThan(100);
    expect(shapes['next line']).toBeGreaterThan(25);
    expect(shapes['more lines']).toBeGreaterThan(150);
  }, 120_000);

  it('imports and exports of several names', async () => {
    const lines = fc.sample(namedLine, { seed: SEED + 2, numRuns: 400 });
    expect((await check(lines, false))['more lines']).toBeGreaterThan(200);
  }, 120_000);

  it.each([
    [
      'a member typed by one reference and null, which prettier hugs',
      `  turn_detection?: ${'Realtime'.repeat(9)}.TurnDetection | null;`,
      [`  turn_detection?: ${'Realtime'.repeat(9)}.TurnDetection | null;`],
    ],
    [
      'an alias of one reference and null, moved whole after the `=`',
      `export type ${'A'.repeat(60)} = ${'B'.repeat(30)} | null;`,
      [`export type ${'A'.repeat(60)} =`, `  ${'B'.repeat(30)} | null;`],
    ],
    [
      'a union that fits the next line',
      `  kind?: '${'a'.repeat(40)}' | '${'b'.repeat(40)}' | 'c';`,
      ['  kind?:', `    '${'a'.repeat(40)}' | '${'b'.repeat(40)}' | 'c';`],
    ],
    [
      'an alias of a generic of two arguments',
      `export type ${'P'.repeat(40)} = PageWithBody<${'I'.repeat(30)}, ${'R'.repeat(30)}>;`,
      [
        `export type ${'P'.repeat(40)} = PageWithBody<`,
        `  ${'I'.repeat(30)},`,
        `  ${'R'.repeat(30)}`,
        '>;',
      ],
    ],
    [
      'an array of a union that fits the next line, beside null',
      `  kinds?: Array<'${'a'.repeat(40)}' | '${'b'.repeat(40)}' | 'c'> | null;`,
      ['  kinds?: Array<', `    '${'a'.repeat(40)}' | '${'b'.repeat(40)}' | 'c'`, '  > | null;'],
    ],
    [
      'an alias of an array of a long union',
      `export type Kinds = Array<'${'a'.repeat(50)}' | '${'b'.repeat(50)}'>;`,
      ['export type Kinds = Array<', `  | '${'a'.repeat(50)}'`, `  | '${'b'.repeat(50)}'`, '>;'],
    ],
    [
      'an alias of a name and an object, its members one a line when the line fits up to `{`',
      'export type ChatCompletionCreateParamsNonStreaming = ChatCompletionCreateParams & { stream?: false | null };',
      [
        'export type ChatCompletionCreateParamsNonStreaming = ChatCompletionCreateParams & {',
        '  stream?: false | null;',
        '};',
      ],
    ],
    [
      'an alias of a name and an object, on the next line when the line does not fit up to `{`',
      `export type ${'P'.repeat(60)} = ChatCompletionCreateParams & { stream?: false | null };`,
      [
        `export type ${'P'.repeat(60)} =`,
        '  ChatCompletionCreateParams & { stream?: false | null };',
      ],
    ],
  ])('%s', async (_label, line, expected) => {
    expect(breakLine(line)).toEqual(expected);
    expect(await prettierLines(line, line.startsWith('  '))).toEqual(expected);
  });

  it.each([
    ['a hugged union around a generic', `  a?: Map<${'K'.repeat(50)}, ${'V'.repeat(50)}> | null;`],
    ['a union member that would break inside', `  a?: Record<string, ${'V'.repeat(100)}> | B;`],
    ['an intersection', `export type A = ${'B'.repeat(60)} & ${'C'.repeat(60)};`],
    ['an alias of a generic of one argument', `export type A = Page<${'B'.repeat(100)}>;`],
    ['a template literal type', `export type A = \`${'a'.repeat(100)}\` | B;`],
    ['an arrow at the top level', `export type A = (a: string) => ${'B'.repeat(100)};`],
  ])('declines %s', (_label, line) => {
    expect(breakLine(line)).toBeUndefined();
  });
});
