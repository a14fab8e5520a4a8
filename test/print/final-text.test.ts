/**
 * `finalAsPrinted` (generator/print/final-text.ts): print takes a file as final, neither parsed nor laid out, only
 * when its printed structure is prettier's output. Each file it refuses here is one prettier changes, so each rule,
 * dropped, lets through a file that is not final; each it takes is prettier's output as it is. The oracle test
 * (layout-oracle.test.ts) holds every file of the corpus that it takes to prettier.
 */
import {
  StructureKind,
  type SourceFileStructure,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import { finalAsPrinted } from '../../generator/print/final-text';
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

/** The text, whether it is taken as final, and whether prettier leaves it as it is. */
async function judge(structure: SourceFileStructure) {
  const text = printSourceFile(structure);
  return {
    text,
    final: finalAsPrinted(structure, text),
    prettier: (await prettierOf(text)) === text,
  };
}

describe('finalAsPrinted takes', () => {
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
});

describe('finalAsPrinted refuses what prettier changes', () => {
  it.each([
    [
      'a line over the print width',
      file(alias('Kind', `'${'a'.repeat(50)}' | '${'b'.repeat(50)}'`)),
    ],
    [
      'a line that fits in characters but not in prettier’s width (wide characters count twice)',
      file(alias('Kind', `'${'日'.repeat(30)}' | '${'本'.repeat(30)}'`)),
    ],
    ['an empty body written open', file(iface('Empty', []))],
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

  it('refuses what it does not know as final (code as text, a class, a JSDoc line ending in spaces), whatever prettier does', async () => {
    expect((await judge(file('export const a = 1;'))).final).toBe(false);
    expect(
      (await judge(file(iface('Pet', [{ name: 'id', type: 'number', docs: ['First  \nsecond'] }]))))
        .final,
    ).toBe(false);
    expect(
      (await judge(file({ kind: StructureKind.Class, name: 'A', isExported: true }))).final,
    ).toBe(false);
  });
});
