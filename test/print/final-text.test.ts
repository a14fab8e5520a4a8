/**
 * `statementRuns` (generator/print/final-text.ts): print takes a statement as final, neither parsed nor laid out, only
 * when its printed text is prettier's output or breaks to it (break-lines.ts). Each file it refuses here is one
 * prettier changes, so each rule, dropped, lets through a file that is not final; each it takes is prettier's output.
 * The oracle test (layout-oracle.test.ts) holds every file of the corpus to prettier's output as print prints it.
 */
import {
  StructureKind,
  type SourceFileStructure,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import { finalFileText, statementRuns } from '../../generator/print/final-text';
import { printSourceFile } from '../../generator/print/structure/print-structure';
import { prettierOf } from './layout/expect-layout';

const file = (...statements: (StatementStructures | WriterFunction | string)[]) =>
  ({ kind: StructureKind.SourceFile, statements }) as SourceFileStructure;

const iface = (
  name: string,
  properties: { name: string; type: string; docs?: string[] }[],
): StatementStructures => ({
  kind: StructureKind.Interface,
  name,
  isExported: true,
  properties: properties.map((p) => ({ kind: StructureKind.PropertySignature, ...p })),
});

const alias = (name: string, type: string): StatementStructures => ({
  kind: StructureKind.TypeAlias,
  name,
  isExported: true,
  type,
});

const imported = (name: string, from: string): StatementStructures => ({
  kind: StructureKind.ImportDeclaration,
  isTypeOnly: true,
  namedImports: [{ kind: StructureKind.ImportSpecifier, name }],
  moduleSpecifier: from,
});

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/**
 * The text, whether the file is taken as final, whether prettier leaves the printed text as it is, and whether the
 * final text is prettier's output.
 */
async function judge(structure: SourceFileStructure) {
  const starts: number[] = [];
  const text = printSourceFile(structure, starts);
  const final = finalFileText(statementRuns(structure, text, starts));
  const expected = await prettierOf(text);
  return {
    text,
    final: final !== undefined,
    prettier: expected === text,
    asPrettier: final === expected,
  };
}

describe('statementRuns takes as final', () => {
  it.each([
    [
      'interfaces, type aliases and imports that fit their lines',
      file(
        imported('Owner', './owner'),
        blankLine,
        iface('Pet', [
          { name: 'id', type: 'number', docs: ['The id.'] },
          { name: 'owner', type: "Owner | null | 'none'", docs: ['Who.\n\nMore about who.'] },
          { name: 'tags', type: "Array<'a' | 'b'>" },
        ]),
        blankLine,
        alias('Kind', "'cat' | 'dog'"),
      ),
    ],
    [
      'an import of one name, however long (prettier never breaks it)',
      file(imported(`A${'b'.repeat(60)}`, `./a-${'b'.repeat(60)}`)),
    ],
    [
      'a one-line JSDoc comment longer than the line (prettier never breaks a comment)',
      file(iface('Pet', [{ name: 'id', type: 'number', docs: ['x'.repeat(120)] }])),
    ],
  ])('%s', async (_label, structure) => {
    expect(await judge(structure)).toMatchObject({ final: true, prettier: true });
  });

  it.each([
    [
      'a long union, broken as prettier breaks it',
      file(alias('Kind', `'${'a'.repeat(50)}' | '${'b'.repeat(50)}'`)),
    ],
    [
      'a long member union and an import of several names',
      file(
        {
          kind: StructureKind.ImportDeclaration,
          isTypeOnly: true,
          namedImports: ['A', 'B', 'C'].map((n) => ({
            kind: StructureKind.ImportSpecifier,
            name: `${n}${'x'.repeat(40)}`,
          })),
          moduleSpecifier: './abc',
        },
        blankLine,
        iface('Pet', [{ name: 'kind', type: `'${'a'.repeat(50)}' | '${'b'.repeat(50)}' | null` }]),
      ),
    ],
    ['an empty body, closed on its line', file(iface('Empty', []))],
  ])('%s', async (_label, structure) => {
    expect(await judge(structure)).toMatchObject({
      final: true,
      prettier: false,
      asPrettier: true,
    });
  });
});

describe('statementRuns refuses what prettier changes', () => {
  it.each([
    [
      'a line over the print width of a shape break-lines.ts does not know',
      file(alias('Kind', `${'A'.repeat(50)} & ${'B'.repeat(50)}`)),
    ],
    [
      'a line that fits in characters but not in prettier’s width (wide characters count twice)',
      file(alias('Kind', `'${'日'.repeat(30)}' | '${'本'.repeat(30)}'`)),
    ],
    [
      'a type written over several lines (its later lines as emit wrote them)',
      file(iface('Pet', [{ name: 'a', type: "{\n/** The b. */\nb: 'x';\n}" }])),
    ],
    [
      'a JSDoc line ending in a no-break space (prettier trims Unicode spaces)',
      file(iface('Pet', [{ name: 'id', type: 'number', docs: ['First\u00a0\nsecond'] }])),
    ],
    [
      'a carriage return (prettier reads a line break)',
      file(iface('Pet', [{ name: 'id', type: 'number', docs: ['First\rsecond\nthird'] }])),
    ],
    ['a number in exponent form', file(alias('Big', '1e+21'))],
    ['a module path holding a quote', file(imported('Owner', "./it's"))],
    [
      'a blank line opening a block',
      file({
        kind: StructureKind.Module,
        name: 'Pet',
        isExported: true,
        statements: [blankLine, iface('Owner', [{ name: 'id', type: 'number' }])],
      }),
    ],
  ])('%s', async (_label, structure) => {
    expect(await judge(structure)).toMatchObject({ final: false, prettier: false });
  });

  it('refuses what it does not know as final (code as text, a class with a constructor, a JSDoc line ending in spaces), whatever prettier does', async () => {
    expect((await judge(file('export const a = 1;'))).final).toBe(false);
    expect(
      (await judge(file(iface('Pet', [{ name: 'id', type: 'number', docs: ['First  \nsecond'] }]))))
        .final,
    ).toBe(false);
    expect(
      (
        await judge(
          file({
            kind: StructureKind.Class,
            name: 'A',
            isExported: true,
            ctors: [{ kind: StructureKind.Constructor, statements: ['this.a = 1;'] }],
          }),
        )
      ).final,
    ).toBe(false);
  });
});

describe('statementRuns', () => {
  it('splits a file into runs of final statements and others, with the blank lines between them', async () => {
    const structure = file(
      imported('Owner', './owner'),
      blankLine,
      {
        kind: StructureKind.Class,
        name: 'Pets',
        isExported: true,
        ctors: [{ kind: StructureKind.Constructor, statements: ['this.a = 1;'] }],
      },
      iface('Pet', [{ name: 'id', type: 'number' }]),
      alias('Kind', `'${'a'.repeat(50)}' | '${'b'.repeat(50)}'`),
      'export const pets = new Pets();',
    );
    const starts: number[] = [];
    const text = printSourceFile(structure, starts);
    const runs = statementRuns(structure, text, starts);
    expect(runs.map((r) => [r.final, r.statements, r.blankLineBefore])).toEqual([
      [true, 1, false],
      [false, 1, true],
      [true, 2, true],
      [false, 1, false],
    ]);
    // Each final run is prettier's text of its statements, and the others are the printed text as it is.
    const expected = await prettierOf(text);
    expect(expected).toContain(runs[2]!.text);
    expect(runs[3]!.text).toBe('export const pets = new Pets();\n');
    expect(finalFileText(runs)).toBeUndefined();
  });
});

describe('a resource class', () => {
  const resource = (extra: object = {}): StatementStructures =>
    ({
      kind: StructureKind.Class,
      name: 'Completions',
      isExported: true,
      extends: 'APIResource',
      properties: [
        {
          kind: StructureKind.Property,
          name: 'messagesWithALongName',
          scope: 'public',
          isReadonly: true,
          type: 'CompletionsMessagesWithALongName',
          initializer: 'new CompletionsMessagesWithALongName(this._client)',
        },
      ],
      methods: [
        {
          kind: StructureKind.Method,
          name: 'create',
          docs: ['Creates a completion.'],
          parameters: [
            { name: 'params', type: 'CompletionCreateParams' },
            { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
          ],
          returnType: 'APIPromise<CompletionWithAVeryLongNameIndeed>',
          statements: [
            "return this._client.post<CompletionWithAVeryLongNameIndeed>('/chat/completions', requestOptions(params, { body: 'rest', query: ['model', 'metadata'] }, options));",
          ],
        },
      ],
      ...extra,
    }) as StatementStructures;

  it('is final, its long lines broken as prettier breaks them', async () => {
    expect(await judge(file(resource()))).toMatchObject({
      final: true,
      prettier: false,
      asPrettier: true,
    });
  });

  it('is the layout’s with a constructor, or code over several lines', async () => {
    expect(
      (
        await judge(
          file(
            resource({ ctors: [{ kind: StructureKind.Constructor, statements: ['super();'] }] }),
          ),
        )
      ).final,
    ).toBe(false);
    const twoLines = resource();
    (twoLines as { methods: { statements: string[] }[] }).methods[0]!.statements = ['a();\nb();'];
    expect((await judge(file(twoLines))).final).toBe(false);
  });
});
