import { hasErrors, type Diagnostic } from './diagnostics/diagnostic';
import { emitFiles } from './emit/emit-files';
import { emitRuntime } from './emit/emit-runtime';
import type { EmittedFile } from './emit/emitted-file';
import { GeneratorBug } from './errors';
import { buildIr } from './ir/build-ir';
import { loadSpec, type LoadedSpec } from './load/load-spec';
import type { SourceFile } from './load/source-file';
import { planOutput } from './plan/plan-output';
import { printFiles, type FormatCache } from './print/print-files';
import { stopValidation, validateSpec, warmUpValidation, withoutRepeats } from './validate/validate-spec';

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
  /** Base for the file paths in diagnostics; defaults to the working directory. */
  cwd?: string;
  /** Stop the validation worker once it is done (a one-shot run: the CLI) rather than keep it for the next spec. */
  oneShot?: boolean;
  /** Formatted text of earlier runs (the CLI keeps one per output folder): only changed files are formatted. */
  formatCache?: FormatCache;
  /** Path of the spec as named in the banner; defaults to the path given. */
  specLabel?: string;
  /**
   * Called after each stage with its wall time and the CPU time (user + system, all threads) spent meanwhile, for
   * `--verbose`: on a busy machine CPU time says more than wall time.
   */
  onStage?: (stage: string, milliseconds: number, cpuMilliseconds: number) => void;
}

export interface GenerateResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  spec: LoadedSpec | undefined;
  /** Every spec file read (even unparsable ones): what diagnostics are printed against. */
  sources: ReadonlyMap<string, SourceFile>;
}

/** Runs load → validate → IR → plan → emit → print; returns no files when any error was found. */
export async function generateClient(specPath: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await run();
    const spent = process.cpuUsage(cpu);
    options.onStage?.(stage, performance.now() - start, (spent.user + spent.system) / 1000);
    return result;
  };
  warmUpValidation();
  const loaded = await timed('load', () => loadSpec(specPath, { allowRemoteRefs: options.allowRemoteRefs, cwd: options.cwd }));
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.spec || hasErrors(diagnostics)) return { files: [], diagnostics, spec: loaded.spec, sources: loaded.sources };
  const spec = loaded.spec;
  // Validation (Redocly, in a worker thread) runs while this thread builds the IR, plans and emits; its errors, like
  // the IR's, still stop the run before printing, and do not stop buildIr: the user sees every problem at once.
  const validation = timed('validate', () => validateSpec(spec));
  validation.catch(() => {}); // Awaited below; this only keeps a failure from being reported as unhandled meanwhile.
  const built = await timed('ir', () => buildIr(spec, options.specLabel ?? specPath));
  const ir = built.ir && !hasErrors(built.diagnostics) ? built.ir : undefined;
  let emitted: EmittedFile[] | undefined;
  let failure: { error: unknown } | undefined;
  try {
    const plan = ir && (await timed('plan', () => planOutput(ir, options)));
    emitted = plan && (await timed('emit', () => [...emitFiles(plan), ...emitRuntime(plan.importStyle)]));
  } catch (error) {
    failure = { error };
  }
  const validated = await validation;
  if (options.oneShot) await stopValidation();
  diagnostics.push(...validated, ...withoutRepeats(built.diagnostics, validated));
  // A spec that validation rejects may break plan or emit: its diagnostics are the answer, not the exception.
  if (!ir || hasErrors(diagnostics)) return { files: [], diagnostics, spec: loaded.spec, sources: loaded.sources };
  if (failure) throw failure.error;
  const ready = emitted;
  if (!ready) throw new GeneratorBug('nothing was emitted');
  const files = await timed('print', () => printFiles(ready, ir.source, { cache: options.formatCache }));
  return { files, diagnostics, spec: loaded.spec, sources: loaded.sources };
}
