/**
 * Runs the pipeline on documents held in memory and checks a whole batch of outputs at once: one
 * TypeScript program for every output (each in its own folder), so the compiler's start-up is paid once.
 */
import { lstatSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { hasErrors, type Diagnostic } from '../../generator/diagnostics/diagnostic';
import { emitFiles } from '../../generator/emit/emit-files';
import { emitRuntime } from '../../generator/emit/emit-runtime';
import { buildIr } from '../../generator/ir/build-ir';
import { NAMES_LOCK, parseNamesLock, serializeNames } from '../../generator/ir/naming/names-record';
import { loadSpec } from '../../generator/load/load-spec';
import { generateClient, type GeneratedFile } from '../../generator/pipeline';
import { planOutput } from '../../generator/plan/plan-output';
import { printFiles } from '../../generator/print/print-files';
import { cacheDeclarationFiles, type DeclarationCache } from '../helpers/declaration-cache';
import type { FileTree } from '../helpers/file-tree';
import * as ts from 'typescript';
import { STRICT_OPTIONS, findAnyKeywords, writeTempTree } from '../helpers/generate';

export interface Generated {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  /** What a regeneration from the run's own names lock changed (empty when nothing did). */
  regenerated?: string[];
}

/** Writes a document as `spec.json` in a new temporary folder; returns the folder. */
export function writeSpec(doc: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-fuzz-spec-'));
  writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(doc, null, 2));
  return dir;
}

/**
 * Generates a client for a document. With `validate: false` the Redocly stage is skipped (it dominates the
 * time of a small spec); the stages after it are the pipeline's own functions, in the pipeline's order.
 */
export async function generateDocument(
  doc: unknown,
  options: { validate: boolean },
): Promise<Generated> {
  const dir = writeSpec(doc);
  try {
    if (options.validate)
      return await generateClient('spec.json', { cwd: dir, specLabel: 'spec.json' });
    const loaded = await loadSpec('spec.json', { cwd: dir });
    if (!loaded.spec || hasErrors(loaded.diagnostics))
      return { files: [], diagnostics: loaded.diagnostics };
    const built = buildIr(loaded.spec, 'spec.json');
    const diagnostics = [...loaded.diagnostics, ...built.diagnostics];
    if (!built.ir || hasErrors(diagnostics)) return { files: [], diagnostics };
    const plan = planOutput(built.ir);
    const lock = serializeNames(built.ir.operations);
    const files = [
      ...(await printFiles(emitFiles(plan), 'spec.json')),
      ...(await sharedRuntime()),
      // The names lock, as generateClient writes it: the next run must read it back.
      { path: NAMES_LOCK, contents: lock },
    ];
    return { files, diagnostics, regenerated: regenerate(loaded.spec, lock) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The next run into the same folder starts from the lock this one wrote: it must read it, keep every name without a
 * `name-changed` warning, and write the same lock (the sweeps found locks refused on regeneration, and names moved).
 */
function regenerate(spec: Parameters<typeof buildIr>[0], lock: string): string[] {
  const read = parseNamesLock(lock);
  if ('error' in read) return []; // checkBatch says so
  const again = buildIr(spec, 'spec.json', { names: read });
  if (!again.ir) return ['no IR when regenerated from its names lock'];
  const problems = again.diagnostics
    .filter((d) => d.code === 'name-changed')
    .map((d) => `regenerated from its names lock: ${d.message}`);
  if (serializeNames(again.ir.operations) !== lock)
    problems.push('regenerated from its names lock, it wrote another lock');
  return problems;
}

/** Milliseconds spent so far, for tuning batch sizes. */
export const timings = { generate: 0, compile: 0 };

let runtime: Promise<GeneratedFile[]> | undefined;

/** The printed runtime (`core/`): the same for every document, so it is printed once per run. */
export function sharedRuntime(): Promise<GeneratedFile[]> {
  return (runtime ??= emitRuntime('bundler').then((files) => printFiles(files, 'spec.json')));
}

/**
 * Writes an output tree; its `core/` becomes a link to one shared copy when it is that copy, so the
 * compiler checks the runtime once per batch instead of once per document.
 */
async function writeOutput(tree: FileTree, index: number, shared: string): Promise<string> {
  const core = await sharedRuntime();
  const same =
    core.every((f) => tree.get(f.path) === f.contents) &&
    [...tree.keys()].filter((k) => k.startsWith('core/')).length === core.length;
  const dir = writeTempTree(
    same ? new Map([...tree].filter(([k]) => !k.startsWith('core/'))) : tree,
    `clientgen-fuzz-${index}-`,
  );
  if (same) symlinkSync(shared, path.join(dir, 'core'), 'dir');
  return dir;
}

/** What went wrong for one document of a batch (empty when nothing did). */
export type Problems = string[];

/**
 * Generates every document and compiles all outputs in one strict program. A document's problems are:
 * an exception, an error diagnostic (the documents are valid), the `any` type, or a compiler error.
 */
export async function checkBatch(
  docs: unknown[],
  options: { validate: boolean },
): Promise<Problems[]> {
  const problems: Problems[] = docs.map(() => []);
  const dirs: (string | undefined)[] = [];
  const shared = path.join(
    writeTempTree(
      new Map((await sharedRuntime()).map((f) => [f.path, f.contents])),
      'clientgen-fuzz-core-',
    ),
    'core',
  );
  const started = performance.now();
  try {
    for (const [i, doc] of docs.entries()) {
      let result: Generated;
      try {
        result = await generateDocument(doc, options);
      } catch (e) {
        // The first lines say what and where; prettier's errors carry its whole minified source otherwise.
        const text =
          e instanceof Error
            ? `${e.name}: ${e.message}\n${(e.stack ?? '')
                .split('\n')
                .filter((l) => l.includes('/generator/'))
                .slice(0, 4)
                .join('\n')}`
            : String(e);
        problems[i]!.push(`threw ${text.split('\n').slice(0, 14).join('\n    ').slice(0, 2000)}`);
        dirs.push(undefined);
        continue;
      }
      for (const d of result.diagnostics.filter((x) => x.severity === 'error'))
        problems[i]!.push(`diagnostic ${d.code} at ${d.pointer}: ${d.message}`);
      const tree: FileTree = new Map(result.files.map((f) => [f.path, f.contents]));
      for (const where of findAnyKeywords(tree)) problems[i]!.push(`the any type at ${where}`);
      // A lock the next run refuses stops every regeneration (it refused `HEAD` keys and names like `1Clicks`).
      const lock = tree.get(NAMES_LOCK);
      const read = lock === undefined ? undefined : parseNamesLock(lock);
      if (tree.size && !read) problems[i]!.push('no names lock');
      if (read && 'error' in read) problems[i]!.push(`names lock not read back: ${read.error}`);
      problems[i]!.push(...(result.regenerated ?? []));
      dirs.push(tree.size ? await writeOutput(tree, i, shared) : undefined);
    }
    timings.generate += performance.now() - started;
    const compileStart = performance.now();
    const written = dirs.filter((d): d is string => d !== undefined);
    if (written.length) {
      for (const line of compile(written)) {
        const owner = dirs.findIndex((d) => d !== undefined && line.startsWith(d + path.sep));
        const at = owner === -1 ? 0 : owner;
        problems[at]!.push(`tsc ${owner === -1 ? line : line.slice(dirs[owner]!.length + 1)}`);
      }
    }
    timings.compile += performance.now() - compileStart;
  } finally {
    for (const d of dirs) if (d) rmSync(d, { recursive: true, force: true });
    rmSync(path.dirname(shared), { recursive: true, force: true });
  }
  return problems;
}

/** An error naming each failing document's problems; the documents are saved for a look at the output. */
export function describeFailures(docs: unknown[], problems: Problems[]): string | undefined {
  const failing = problems.map((p, i) => ({ p, i })).filter(({ p }) => p.length);
  if (!failing.length) return undefined;
  const out = mkdtempSync(path.join(tmpdir(), 'clientgen-fuzz-failure-'));
  return failing
    .map(({ p, i }) => {
      const file = path.join(out, `doc-${i}.json`);
      writeFileSync(file, JSON.stringify(docs[i], null, 2));
      return `document ${i} (saved as ${file}):\n  ${p.slice(0, 12).join('\n  ')}${p.length > 12 ? `\n  … ${p.length - 12} more` : ''}`;
    })
    .join('\n');
}

/** Parsed declaration files, shared by every program of a run: parsing lib.dom.d.ts costs more than a batch. */
const libFiles: DeclarationCache = new Map();

/** Type-checks the `.ts` files under the folders in one strict program (as the golden tests do, libs unchecked). */
function compile(dirs: string[]): string[] {
  // Linked runtimes are reached through imports, under their real path: listed here, they would count once per link.
  const files = dirs.flatMap((d) =>
    ts.sys
      .readDirectory(d, ['.ts'])
      .filter(
        (f) =>
          !f.startsWith(path.join(d, 'core') + path.sep) ||
          !lstatSync(path.join(d, 'core')).isSymbolicLink(),
      ),
  );
  const options: ts.CompilerOptions = {
    ...STRICT_OPTIONS,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = cacheDeclarationFiles(ts.createCompilerHost(options), libFiles);
  const program = ts.createProgram(files, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
        : '';
    return `${where} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
