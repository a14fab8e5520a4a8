/**
 * The text `printSourceFile` (generator/print/structure/) gives for every TypeScript file clientgen emits for a spec
 * (the generated tests too): the input of the layout and of prettier, for the oracle test; and the structures
 * themselves, for the structure printer's test.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SourceFileStructure } from 'ts-morph';
import { emitFiles } from '../../generator/emit/emit-files';
import { emitTests } from '../../generator/emit/tests/emit-tests';
import { buildIr } from '../../generator/ir/build-ir';
import { loadSpec } from '../../generator/load/load-spec';
import { planOutput } from '../../generator/plan/plan-output';
import { emittedTexts, type EmittedText } from '../../generator/print/emitted-text';

const ROOT = path.join(__dirname, '..', '..');
const CASES = path.join(ROOT, 'test', 'golden', 'cases');
const SPECS = path.join(ROOT, 'test', 'fixtures', 'specs');

/** Every golden case's spec: the first part of the corpus. */
export const goldenSpecs: readonly string[] = readdirSync(CASES)
  .sort()
  .flatMap((c) =>
    ['spec.yaml', 'spec.json'].map((f) => path.join(CASES, c, f)).filter((f) => existsSync(f)),
  );

/** The real specs of the corpus, by label. */
export const realSpecs: readonly [string, string][] = [
  ['chat', path.join(ROOT, 'spec', 'chat-completions.yaml')],
  ['petstore', path.join(SPECS, 'petstore.yaml')],
  ['petstore-swagger', path.join(SPECS, 'petstore-swagger.yaml')],
  ['stripe', path.join(SPECS, 'stripe.yaml')],
  ['openai', path.join(SPECS, 'openai.yaml')],
];

/**
 * A file as print gets it: its printed text, and the final text of the file or of some of its statements, which print
 * neither parses nor lays out (generator/print/final-text.ts).
 */
export type UnformattedFile = EmittedText;

export interface StructureFile {
  path: string;
  structure: SourceFileStructure;
}

/** Every structure file of the client (and its tests) for the spec at `specPath`, as emit builds it. */
export async function structureFiles(specPath: string): Promise<StructureFile[]> {
  const loaded = await loadSpec(specPath, {});
  if (!loaded.spec) throw new Error(`${specPath} did not load`);
  const built = buildIr(loaded.spec, path.basename(specPath));
  if (!built.ir) throw new Error(`${specPath} has no IR`);
  const plan = planOutput(built.ir);
  return [...emitFiles(plan), ...emitTests(plan, '../client')].flatMap((file) =>
    'structure' in file ? [{ path: file.path, structure: file.structure }] : [],
  );
}

/** The same for a spec document held in memory (the fuzzer's). */
export async function structureFilesOf(doc: unknown): Promise<StructureFile[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-layout-'));
  try {
    writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(doc));
    return await structureFiles(path.join(dir, 'spec.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const printed = (files: StructureFile[]): UnformattedFile[] => emittedTexts(files, 'spec');

/** Every structure file of the client (and its tests) for the spec at `specPath`, printed. */
export async function unformattedFiles(specPath: string): Promise<UnformattedFile[]> {
  return printed(await structureFiles(specPath));
}

/** The same for a spec document held in memory (the fuzzer's). */
export async function unformattedFilesOf(doc: unknown): Promise<UnformattedFile[]> {
  return printed(await structureFilesOf(doc));
}
