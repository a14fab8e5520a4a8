/**
 * The structure printer (generator/print/structure/) against ts-morph's `printStructure`, the printer it replaces: on
 * every structure emit builds for the golden cases, the chat spec, the shared real-world specs and the fuzzer's valid
 * documents, the two texts must be equal line for line up to leading whitespace (this printer keeps a multi-line
 * text's later lines as written, where code-block-writer re-indents them). Running it on the corpus also checks that
 * every property emit sets is one the printer prints: an unknown one throws. Then the printer's own rules on small
 * structures: JSDoc, blank lines, quoting, and the loud failures.
 */
import fc from 'fast-check';
import {
  printStructure,
  Scope,
  StructureKind,
  type SourceFileStructure,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import { GeneratorBug } from '../../../generator/errors';
import { printSourceFile } from '../../../generator/print/structure/print-structure';
import { documentArb } from '../../fuzz/arbitraries/document';
import {
  goldenSpecs,
  realSpecs,
  structureFiles,
  structureFilesOf,
  type StructureFile,
} from '../layout-corpus';

const reference = (structure: SourceFileStructure) =>
  printStructure(structure, { indentNumberOfSpaces: 2, useSingleQuote: true });
const unindented = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trimStart())
    .join('\n');

/** Mismatches as messages (the first differing line of each), and how many files were equal byte for byte. */
function compare(files: StructureFile[]): { problems: string[]; exact: number } {
  const problems: string[] = [];
  let exact = 0;
  for (const file of files) {
    const expected = reference(file.structure);
    const actual = printSourceFile(file.structure);
    if (actual === expected) {
      exact++;
      continue;
    }
    const a = unindented(actual).split('\n');
    const e = unindented(expected).split('\n');
    const at = a.findIndex((line, i) => line !== e[i]);
    if (at !== -1 || a.length !== e.length)
      problems.push(
        `${file.path}: line ${at + 1}: ${JSON.stringify(a[at])} ≠ ${JSON.stringify(e[at])}`,
      );
  }
  return { problems, exact };
}

describe('printSourceFile prints what printStructure prints (up to indentation)', () => {
  const check = (files: StructureFile[]) => {
    expect(files.length).toBeGreaterThan(0);
    const { problems, exact } = compare(files);
    expect(problems.slice(0, 5).join('\n')).toBe('');
    // Nearly every file has no multi-line text, so most must be equal byte for byte.
    expect(exact).toBeGreaterThan(files.length / 2);
  };

  it('on every golden case', async () => {
    check((await Promise.all(goldenSpecs.map(structureFiles))).flat());
  }, 300_000);

  it.each([...realSpecs])(
    'on %s',
    async (_label, spec) => check(await structureFiles(spec)),
    300_000,
  );

  it('on the fuzzer’s valid documents (fixed seed)', async () => {
    const documents = fc.sample(documentArb, { seed: 20261203, numRuns: 40 });
    check((await Promise.all(documents.map(structureFilesOf))).flat());
  }, 300_000);
});

const file = (...statements: (StatementStructures | string | WriterFunction)[]) =>
  ({ kind: StructureKind.SourceFile, statements }) as SourceFileStructure;

describe('printSourceFile', () => {
  it('writes JSDoc as ts-morph does: one line, several lines, blank lines, a trailing space', () => {
    const structure = file(
      { kind: StructureKind.TypeAlias, name: 'A', type: 'string', docs: ['One line.'] },
      { kind: StructureKind.TypeAlias, name: 'B', type: 'string', docs: ['Title\n\nBody.'] },
      { kind: StructureKind.TypeAlias, name: 'C', type: 'string', docs: ['Ends with a space '] },
      {
        kind: StructureKind.TypeAlias,
        name: 'D',
        type: 'string',
        docs: ['\nStarts on a new line'],
      },
    );
    const text = printSourceFile(structure);
    expect(text).toBe(
      [
        '/** One line. */',
        'type A = string;',
        '/**',
        ' * Title',
        ' *',
        ' * Body.',
        ' */',
        'type B = string;',
        '/** Ends with a space */',
        'type C = string;',
        '/**',
        ' * Starts on a new line',
        ' */',
        'type D = string;',
        '',
      ].join('\n'),
    );
    expect(text).toBe(reference(structure));
  });

  it('separates declarations and blocks with blank lines as ts-morph does, and runs WriterFunctions', () => {
    const structure = file(
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './a', namedImports: ['A'] },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "./it's",
        namedImports: [{ name: 'B', alias: 'C' }],
        isTypeOnly: true,
      },
      (writer) => writer.blankLineIfLastNot(),
      {
        kind: StructureKind.Class,
        name: 'K',
        isExported: true,
        extends: 'Base',
        properties: [
          { name: 'a', isReadonly: true, scope: Scope.Public, type: 'A', initializer: 'new A()' },
          { name: 'B', isStatic: true, initializer: '1', docs: ['Doc.'] },
        ],
        ctors: [
          {
            parameters: [{ name: 'x', type: 'X', initializer: '{}' }],
            statements: ['if (x) {', '}', 'go();'],
          },
        ],
        methods: [
          {
            name: 'm',
            hasOverrideKeyword: true,
            overloads: [{ parameters: [{ name: 'p', type: 'P' }], returnType: 'R', docs: ['O.'] }],
            parameters: [
              { name: 'p', type: 'P' },
              { name: 'q', hasQuestionToken: true },
            ],
            returnType: 'R',
            statements: ['return p;'],
          },
          { name: 'n', statements: [] },
        ],
      },
      {
        kind: StructureKind.Interface,
        name: 'I',
        indexSignatures: [{ keyName: 'k', keyType: 'string', returnType: 'unknown' }],
        properties: [{ name: 'p', type: 'P', hasQuestionToken: true, isReadonly: true }],
      },
      {
        kind: StructureKind.Module,
        name: 'I',
        isExported: true,
        hasDeclareKeyword: true,
        statements: [{ kind: StructureKind.Interface, name: 'J' }, 'export { type A };'],
      },
      { kind: StructureKind.ExportDeclaration, namedExports: [{ name: 'A', alias: 'B' }] },
      {
        kind: StructureKind.ExportDeclaration,
        moduleSpecifier: './x',
        namedExports: ['C'],
        isTypeOnly: true,
        leadingTrivia: '// Why.\n',
      },
    );
    const text = printSourceFile(structure);
    expect(text).toContain(
      "import type { B as C } from './it\\'s';\n\nexport class K extends Base {",
    );
    expect(text).toContain('  m(p: P): R;\n  override m(p: P, q?: any): R {');
    expect(text).toContain('    if (x) {\n    }\n\n    go();');
    expect(text).toBe(reference(structure));
  });

  it('fails on a property it does not print, naming it, but passes one set to undefined', () => {
    const withExtends = file({ kind: StructureKind.Interface, name: 'I', extends: ['J'] });
    expect(() => printSourceFile(withExtends)).toThrow(GeneratorBug);
    expect(() => printSourceFile(withExtends)).toThrow(/'extends' of interface I/);
    const decorated = file({
      kind: StructureKind.Class,
      name: 'K',
      properties: [{ name: 'p', decorators: [{ name: 'd' }] }],
    });
    expect(() => printSourceFile(decorated)).toThrow(/'decorators' of property p of class K/);
    const undefinedExtends = file({ kind: StructureKind.Interface, name: 'I', extends: undefined });
    expect(printSourceFile(undefinedExtends)).toBe('interface I {\n}\n');
  });

  it('fails on a statement kind it does not print', () => {
    const structure = file({ kind: StructureKind.Enum, name: 'E', members: [] });
    expect(() => printSourceFile(structure)).toThrow(/does not print Enum statements/);
  });

  it('fails on a WriterFunction call it does not provide, naming it', () => {
    const structure = file((writer) => writer.writeLine('x'));
    expect(() => printSourceFile(structure)).toThrow(GeneratorBug);
    expect(() => printSourceFile(structure)).toThrow(/writer\.writeLine/);
    const chained = file('a;', (writer) => writer.blankLineIfLastNot().write('b;'));
    expect(() => printSourceFile(chained)).toThrow(/writer\.write,/);
    expect(printSourceFile(file('a;', (writer) => writer.blankLineIfLastNot(), 'b;'))).toBe(
      'a;\n\nb;\n',
    );
  });

  it('fails on code given as a WriterFunction inside a structure', () => {
    const structure = file({
      kind: StructureKind.TypeAlias,
      name: 'A',
      type: (writer) => writer.write('string'),
    });
    expect(() => printSourceFile(structure)).toThrow(/a type alias given as text only/);
  });
});
