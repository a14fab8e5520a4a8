import { hasErrors, type Diagnostic } from './diagnostics/diagnostic';
import { applyPolicy } from './diagnostics/policy';
import { emitFiles } from './emit/emit-files';
import { emitRuntime } from './emit/emit-runtime';
import { buildIr } from './ir/build-ir';
import type { Ir } from './ir/types';
import { loadSpec, type LoadedSpec } from './load/load-spec';
import type { SourceFile } from './load/source-file';
import { planOutput } from './plan/plan-output';
import { printFiles } from './print/print-files';
import { mergeStageDiagnostics, validateSpec, warmUpValidation } from './validate/validate-spec';

/** A file of the generated client: a posix path relative to the output folder, and its text. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

export interface GenerateOptions {
  /** Overrides the spec's `x-clientgen.client` name. */
  clientName?: string;
  /** 'nodenext' writes relative imports with `.js` extensions; 'bundler' (default) without. */
  importStyle?: 'bundler' | 'nodenext';
  allowRemoteRefs?: boolean;
  /** Warnings are errors too (diagnostics/policy.ts): nothing is generated when the spec has any. */
  strict?: boolean;
  /** Base for the file paths in diagnostics; defaults to the working directory. */
  cwd?: string;
  /** Path of the spec as named in the banner; defaults to the path given. */
  specLabel?: string;
  /** Called after each stage with its wall time, for `--verbose`. */
  onStage?: (stage: string, milliseconds: number) => void;
}

export interface GenerateResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  spec: LoadedSpec | undefined;
  /** Every spec file read (even unparsable ones): what diagnostics are printed against. */
  sources: ReadonlyMap<string, SourceFile>;
}

/** What load → validate → IR gives: the IR (undefined when any error was found) and every diagnostic. */
export interface BuiltSpec {
  ir: Ir | undefined;
  diagnostics: Diagnostic[];
  spec: LoadedSpec | undefined;
  sources: ReadonlyMap<string, SourceFile>;
}

type Timer = <T>(stage: string, run: () => T | Promise<T>) => Promise<T>;

/**
 * Runs load → validate → IR under the error/warning policy (diagnostics/policy.ts: only what makes a correct client
 * impossible is an error, unless `strict`). `diff` calls it too, so it refuses a spec exactly when `generate` would.
 */
export async function buildSpecIr(
  specPath: string,
  options: Pick<GenerateOptions, 'allowRemoteRefs' | 'cwd' | 'specLabel' | 'strict'> = {},
  timed: Timer = async (_stage, run) => run(),
): Promise<BuiltSpec> {
  warmUpValidation();
  const loaded = await timed('load', () => loadSpec(specPath, { allowRemoteRefs: options.allowRemoteRefs, cwd: options.cwd }));
  const policy = { strict: options.strict ?? false };
  const diagnostics = applyPolicy(loaded.diagnostics, policy);
  const none = { ir: undefined, diagnostics, spec: loaded.spec, sources: loaded.sources };
  if (!loaded.spec || hasErrors(diagnostics)) return none;
  const spec = loaded.spec;
  // Validation errors do not stop buildIr: the user sees every problem at once.
  const validated = await timed('validate', () => validateSpec(spec));
  const built = await timed('ir', () => buildIr(spec, options.specLabel ?? specPath));
  diagnostics.push(...applyPolicy(mergeStageDiagnostics(validated, built.diagnostics), policy));
  if (!built.ir || hasErrors(diagnostics)) return none;
  return { ...none, ir: built.ir };
}

/** Runs load → validate → IR → plan → emit → print; returns no files when any error was found. */
export async function generateClient(specPath: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timed: Timer = async (stage, run) => {
    const start = performance.now();
    const result = await run();
    options.onStage?.(stage, performance.now() - start);
    return result;
  };
  const built = await buildSpecIr(specPath, options, timed);
  const { diagnostics, spec, sources } = built;
  if (!built.ir) return { files: [], diagnostics, spec, sources };
  const ir = built.ir;
  const plan = await timed('plan', () => planOutput(ir, options));
  const emitted = await timed('emit', () => [...emitFiles(plan), ...emitRuntime(plan.importStyle)]);
  const files = await timed('print', () => printFiles(emitted, ir.source));
  return { files, diagnostics, spec, sources };
}
