/**
 * printFiles with the layout: the same files as with prettier alone (CLIENTGEN_LAYOUT=0), prettier started only when
 * some statement needs it, the counts reported in `stats`, and whole files taken from the format cache.
 */
import { StructureKind } from 'ts-morph';
import type { EmittedFile } from '../../generator/emit/emitted-file';
import * as formatPool from '../../generator/print/format-pool';
import { emittedTexts } from '../../generator/print/emitted-text';
import { formatKey } from '../../generator/print/format-key';
import * as parseSubset from '../../generator/print/layout/parse-subset';
import { newPrintStats, printFiles, type PrintStats } from '../../generator/print/print-files';

const file = (path: string, statements: string[]): EmittedFile => ({
  path,
  structure: { kind: StructureKind.SourceFile, statements },
});
const laidOut = file('models/pet.ts', [
  "import type { Owner } from './owner';",
  '/** A pet. */\nexport interface Pet { id: number; owner?: Owner | null; tags: Array<"a" | "b"> }',
  `export type PetStatus = ${[
    'available',
    'pending',
    'sold',
    'adopted',
    'lost',
    'found',
    'unknown',
    'x',
  ]
    .map((s) => `"${s}-status"`)
    .join(' | ')};`,
]);
const withFallback = file('models/kind.ts', [
  'export enum Kind { A = "a" }',
  'export type K = Kind;',
]);
const emptyStats = (): PrintStats => newPrintStats();

afterEach(() => {
  delete process.env.CLIENTGEN_LAYOUT;
  jest.restoreAllMocks();
});

async function withPrettierOnly(files: EmittedFile[]) {
  process.env.CLIENTGEN_LAYOUT = '0';
  try {
    return await printFiles(files, 'spec.yaml');
  } finally {
    delete process.env.CLIENTGEN_LAYOUT;
  }
}

it('prints what prettier prints, and never starts prettier when every statement is laid out', async () => {
  const expected = await withPrettierOnly([laidOut]);
  const formatter = jest.spyOn(formatPool, 'createFormatter');
  const stats = emptyStats();
  expect(await printFiles([laidOut], 'spec.yaml', { stats })).toEqual(expected);
  expect(formatter).not.toHaveBeenCalled();
  expect(stats).toEqual({ ...emptyStats(), files: 1, statementsLaidOut: 3 });
  expect(expected[0]!.contents).toContain("  | 'available-status'\n");
});

it('sends only the statements it does not handle to prettier, and counts them', async () => {
  const expected = await withPrettierOnly([laidOut, withFallback]);
  const formatter = jest.spyOn(formatPool, 'createFormatter');
  const stats = emptyStats();
  expect(await printFiles([laidOut, withFallback], 'spec.yaml', { stats })).toEqual(expected);
  // Only the enum's text is formatted by prettier.
  expect(formatter).toHaveBeenCalledWith('export enum Kind { A = "a" }'.length);
  // The enum is outside the subset parser's TypeScript: that file (only) is parsed by the compiler.
  expect(stats).toEqual({
    files: 2,
    filesFromCache: 0,
    filesFinal: 0,
    filesToCompiler: 1,
    filesToPrettier: 1,
    statementsLaidOut: 4,
    statementsFinal: 0,
    statementsToPrettier: 1,
    statementsFailed: 0,
  });
});

it('takes a file final as printed as it is: neither parsed nor laid out, and cached by its key', async () => {
  const final: EmittedFile = {
    path: 'models/owner.ts',
    structure: {
      kind: StructureKind.SourceFile,
      statements: [
        {
          kind: StructureKind.ImportDeclaration,
          isTypeOnly: true,
          namedImports: [{ kind: StructureKind.ImportSpecifier, name: 'Pet' }],
          moduleSpecifier: './pet',
        },
        {
          kind: StructureKind.Interface,
          name: 'Owner',
          isExported: true,
          docs: ['An owner.'],
          properties: [
            { kind: StructureKind.PropertySignature, name: 'pets', type: 'Pet[]' },
            { kind: StructureKind.PropertySignature, name: 'kind', type: "'a' | 'b'" },
          ],
        },
      ],
    },
  };
  const expected = await withPrettierOnly([final, laidOut]);
  const parse = jest.spyOn(parseSubset, 'parseSubset');
  const entries = new Map<string, string>();
  const cache = {
    get: (k: string) => entries.get(k),
    set: (k: string, v: string) => void entries.set(k, v),
  };
  const stats = emptyStats();
  expect(await printFiles([final, laidOut], 'spec.yaml', { cache, stats })).toEqual(expected);
  // Only the file written as code is parsed and laid out.
  expect(parse).toHaveBeenCalledTimes(1);
  expect(stats).toEqual({ ...emptyStats(), files: 2, filesFinal: 1, statementsLaidOut: 3 });
  // Its text is kept under its key like any file's: the emit record names a file's text by it.
  const [owner] = emittedTexts([final], 'spec.yaml');
  expect(owner!.final).toBe(owner!.text);
  expect(entries.get(formatKey(owner!.text))).toBe(owner!.text);
  // CLIENTGEN_LAYOUT=0 (prettier alone, the layout's oracle) formats it too.
  const formatter = jest.spyOn(formatPool, 'createFormatter');
  await withPrettierOnly([final]);
  expect(formatter).toHaveBeenCalledTimes(1);
});

it('lays out only the statements of a file that are not final as printed', async () => {
  const mixed: EmittedFile = {
    path: 'resources/pets.ts',
    structure: {
      kind: StructureKind.SourceFile,
      statements: [
        "import type { Pet } from '../models/pet';",
        {
          kind: StructureKind.Interface,
          name: 'PetListParams',
          isExported: true,
          properties: [
            {
              kind: StructureKind.PropertySignature,
              name: 'status',
              hasQuestionToken: true,
              type: ['available', 'pending', 'sold', 'adopted', 'lost', 'found', 'unknown']
                .map((s) => `'${s}-status'`)
                .join(' | '),
            },
          ],
        },
        {
          kind: StructureKind.TypeAlias,
          name: 'PetKind',
          isExported: true,
          type: "'cat' | 'dog'",
        },
        'export class Pets { list(): Pet[] { return [ ]; } }',
      ],
    },
  };
  const expected = await withPrettierOnly([mixed]);
  const parse = jest.spyOn(parseSubset, 'parseSubset');
  const stats = emptyStats();
  expect(await printFiles([mixed], 'spec.yaml', { stats })).toEqual(expected);
  // The import and the class (code as text) are laid out, each alone; the interface (its long union broken by
  // construction) and the alias are pieces as they are.
  expect(parse.mock.calls.map(([text]) => text)).toEqual([
    "import type { Pet } from '../models/pet';\n",
    'export class Pets { list(): Pet[] { return [ ]; } }\n',
  ]);
  expect(stats).toEqual({ ...emptyStats(), files: 1, statementsLaidOut: 2, statementsFinal: 2 });
  expect(expected[0]!.contents).toContain("    | 'available-status'\n");
});

it('takes unchanged files whole from the format cache', async () => {
  const entries = new Map<string, string>();
  const cache = {
    get: (k: string) => entries.get(k),
    set: (k: string, v: string) => void entries.set(k, v),
  };
  const first = await printFiles([laidOut, withFallback], 'spec.yaml', { cache });
  // Two whole files and the fallback statement.
  expect(entries.size).toBe(3);
  const stats = emptyStats();
  const formatter = jest.spyOn(formatPool, 'createFormatter');
  expect(await printFiles([laidOut, withFallback], 'spec.yaml', { cache, stats })).toEqual(first);
  expect(formatter).not.toHaveBeenCalled();
  expect(stats).toEqual({ ...emptyStats(), files: 2, filesFromCache: 2 });
});

it('hands each file to onFile once, with its final text: at once when laid out or cached, after prettier otherwise', async () => {
  const runtime: EmittedFile = { path: 'core/http.ts', text: 'export const x = 1;\n' };
  const entries = new Map<string, string>();
  const cache = {
    get: (k: string) => entries.get(k),
    set: (k: string, v: string) => void entries.set(k, v),
  };
  for (const round of ['cold', 'cached']) {
    const seen: { path: string; contents: string; beforePrettier: boolean }[] = [];
    let prettierStarted = false;
    const create = formatPool.createFormatter;
    jest.spyOn(formatPool, 'createFormatter').mockImplementation((size) => {
      prettierStarted = true;
      return create(size);
    });
    const files = [withFallback, runtime, laidOut];
    const printed = await printFiles(files, 'spec.yaml', {
      cache,
      onFile: (f) => seen.push({ ...f, beforePrettier: !prettierStarted }),
    });
    jest.restoreAllMocks();
    expect(seen.map(({ path, contents }) => ({ path, contents })).sort(byPath)).toEqual(printed);
    const early = seen.filter((s) => s.beforePrettier).map((s) => s.path);
    expect(early.sort()).toEqual(
      round === 'cold' ? ['core/http.ts', 'models/pet.ts'] : printed.map((f) => f.path),
    );
  }
});

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
