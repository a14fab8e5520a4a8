import { hasErrors, type Diagnostic } from './diagnostics/diagnostic';
import { applyPolicy } from './diagnostics/policy';
import { emitRuntime } from './emit/emit-runtime';
import { runtimeNamesIn } from './emit/runtime-modules';
import { emitTests } from './emit/tests/emit-tests';
import type { EmittedFile } from './emit/emitted-file';
import { GeneratorBug } from './errors';
import type { ImportStyle } from './plan/types';
import { emitTexts, type EmitRecordOptions, type EmitStats } from './incremental/emit-record';
import { buildIr } from './ir/build-ir';
import type { ClientSettings } from './ir/client-settings';
import type { NameRecord } from './ir/name-operations';
import { NAMES_LOCK, serializeNames } from './ir/naming/names-record';
import type { Ir } from './ir/types';
import type { GeneratedFile } from './output/generated-file';
import { loadSpec, type Loaded, type LoadedSpec, type LoadRecordOptions } from './load/load-spec';
import { parseSourceFile, type SourceFile } from './load/source-file';
import { selectOperations, type Selection } from './ir/select-operations';
import { planOutput } from './plan/plan-output';
import { restrictPlan } from './plan/restrict-plan';
import { emittedTexts, type EmittedText } from './print/emitted-text';
import type { FormatCache, PrintStats } from './print/print-files';
import {
  mergeStageDiagnostics,
  stopValidation,
  validateSpec,
  warmUpValidation,
  type Linted,
  type LintRecordOptions,
} from './validate/validate-spec';

export type { GeneratedFile } from './output/generated-file';

export interface GenerateOptions {
  /** Overrides the spec's `x-clientgen.client` name. */
  clientName?: string;
  /** The client's settings over the spec's `x-clientgen` (the config's `client` block: env, timeout, …). */
  client?: ClientSettings;
  /** 'nodenext' writes relative imports with `.js` extensions, 'ts' with `.ts`; 'bundler' (default) without. */
  importStyle?: ImportStyle;
  allowRemoteRefs?: boolean;
  /** Warnings are errors too (diagnostics/policy.ts): nothing is generated when the spec has any. */
  strict?: boolean;
  /** Base for the file paths in diagnostics; defaults to the working directory. */
  cwd?: string;
  /** Stop the validation worker once it is done (a one-shot run: the CLI) rather than keep it for the next spec. */
  oneShot?: boolean;
  /** Formatted text of earlier runs (the CLI keeps one per output folder): only changed files are formatted. */
  formatCache?: FormatCache;
  /**
   * What the last run's model and resource files read (the CLI keeps it in the format cache): a file whose emit
   * would read the same is taken as printed then, neither emitted nor laid out (incremental/emit-record.ts).
   */
  emitRecord?: EmitRecordOptions;
  /** Path of the spec as named in the banner; defaults to the path given. */
  specLabel?: string;
  /** `--include` / `--exclude`: generate only these operations and the models they reach. */
  selection?: Selection;
  /**
   * Also generate tests (`--tests <dir>`): `clientDir` is the output folder relative to the tests folder (posix),
   * as the tests import the client.
   */
  tests?: { clientDir: string };
  /** Milliseconds to wait for each spec file fetched over http(s); default 30 s. */
  fetchTimeout?: number;
  /** Names fixed before inference: the previous run's lock and the config's `names` (docs/naming.md). */
  names?: NameRecord;
  /**
   * The config file the `names` and `client` settings came from (absolute path, path shown, text): what the IR says of
   * them points into it, and it is one of the run's sources (the run cache hashes it with the spec's files).
   */
  config?: { id: string; displayPath: string; text: string };
  /**
   * The record of the spec's last lint (the CLI keeps one per spec): a spec changed in a few schemas is linted in
   * those only, when that finds what a full lint would (validate/lint-record.mjs).
   */
  lintRecord?: LintRecordOptions;
  /**
   * Called with what validation linted (the whole spec, nothing: the record answered, or these schemas) and the
   * record to keep for the next run (undefined when none was made: nothing linted, or no `lintRecord.write`).
   */
  onLinted?: (linted: Linted, record: unknown) => void;
  /**
   * The record of the spec's last load (the CLI keeps one per spec): a YAML spec changed in one place is parsed in
   * that place only (load/reparse.ts). `previous` is read when written under `key`.
   */
  loadRecord?: LoadRecordOptions;
  /**
   * Called, with a `loadRecord`, with what the load parsed of the entry and the record to keep for the next run
   * (undefined when none was made: no `loadRecord.write`, a text as in the last record, or a file that cannot have
   * one: JSON, YAML aliases...).
   */
  onLoaded?: (loaded: Loaded, record: readonly Uint8Array[] | undefined) => void;
  /**
   * Called after each stage with its wall time and the CPU time (user + system, all threads) spent meanwhile, for
   * `--verbose`: on a busy machine CPU time says more than wall time.
   */
  onStage?: (stage: string, milliseconds: number, cpuMilliseconds: number) => void;
  /** Called after print (and again after the tests' print) with what was laid out and what prettier formatted. */
  onPrinted?: (stats: PrintStats) => void;
  /** Called in the emit stage with how many model and resource files the emit record answered. */
  onEmitted?: (stats: EmitStats) => void;
  /**
   * Called with each client file as soon as it is printed, in no particular order (the CLI stages it for the write
   * meanwhile: write/stager.ts). Print runs only for a spec that gives a client, once validation has answered.
   */
  onFile?: (file: GeneratedFile) => void;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** The generated tests, paths relative to the tests folder: set when `tests` was asked for and nothing failed. */
  testFiles?: GeneratedFile[];
  diagnostics: Diagnostic[];
  spec: LoadedSpec | undefined;
  /** Every spec file read (even unparsable ones): what diagnostics are printed against. */
  sources: ReadonlyMap<string, SourceFile>;
  /** With a selection: what it kept, selectors that matched nothing, and an error when it kept nothing. */
  selection?: SelectionReport;
}

export interface SelectionReport {
  operations: { kept: number; total: number };
  models: { kept: number; total: number };
  /** One line per selector that matched no operation of the whole spec. */
  warnings: string[];
  /** Set when no operation is left: nothing is generated. */
  error?: string;
}

/** What load → validate → IR gives: the IR (undefined when any error was found) and every diagnostic. */
export interface BuiltSpec<T = undefined> {
  ir: Ir | undefined;
  diagnostics: Diagnostic[];
  spec: LoadedSpec | undefined;
  sources: ReadonlyMap<string, SourceFile>;
  /** What `whileValidating` returned, when the IR was built without errors. */
  next?: T;
}

type Timer = <T>(stage: string, run: () => T | Promise<T>) => Promise<T>;

type SpecIrOptions = Pick<
  GenerateOptions,
  | 'allowRemoteRefs'
  | 'cwd'
  | 'specLabel'
  | 'strict'
  | 'oneShot'
  | 'fetchTimeout'
  | 'names'
  | 'client'
  | 'clientName'
  | 'config'
  | 'lintRecord'
  | 'onLinted'
  | 'loadRecord'
  | 'onLoaded'
>;

/** The client's settings over the spec's: the `client` block's, and the name `--client-name` gives. */
function clientSettings(options: SpecIrOptions): ClientSettings | undefined {
  const { client, clientName } = options;
  return clientName === undefined ? client : { ...client, name: clientName };
}

/**
 * Runs load → validate → IR under the error/warning policy (diagnostics/policy.ts: only what makes a correct client
 * impossible is an error, unless `strict`). `diff` calls it too, so it refuses a spec exactly when `generate` would.
 * Validation (Redocly, in a worker thread) runs while this thread builds the IR and then `whileValidating` (plan and
 * emit, for `generate`); its findings still decide, so a spec it rejects never reaches print.
 */
export async function buildSpecIr<T = undefined>(
  specPath: string,
  options: SpecIrOptions = {},
  timed: Timer = async (_stage, run) => run(),
  whileValidating?: (ir: Ir) => Promise<T>,
): Promise<BuiltSpec<T>> {
  warmUpValidation();
  const loaded = await timed('load', async () => {
    const done = await loadSpec(specPath, {
      allowRemoteRefs: options.allowRemoteRefs,
      cwd: options.cwd,
      timeout: options.fetchTimeout,
      ...(options.loadRecord && { record: options.loadRecord }),
    });
    // Told within the stage, so that `--verbose` prints it under the load's line. The record (~12 MB for Stripe's
    // spec) is handed over and not kept here: the load's result lives as long as the run.
    const { record, ...rest } = done;
    if (rest.loaded) options.onLoaded?.(rest.loaded, record);
    return rest;
  });
  const policy = { strict: options.strict ?? false };
  const diagnostics = applyPolicy(loaded.diagnostics, policy);
  const config =
    options.config &&
    parseSourceFile(options.config.id, options.config.displayPath, options.config.text).file;
  const sources = config ? new Map([...loaded.sources, [config.id, config]]) : loaded.sources;
  const none = { ir: undefined, diagnostics, spec: loaded.spec, sources };
  if (!loaded.spec || hasErrors(diagnostics)) return released(none);
  const spec = loaded.spec;
  const validation = timed('validate', () =>
    validateSpec(spec, {
      ...(options.lintRecord && { record: options.lintRecord }),
      ...(options.onLinted && { onLinted: options.onLinted }),
    }),
  );
  validation.catch(() => {}); // Awaited below; this only keeps a failure from being reported as unhandled meanwhile.
  // Validation errors do not stop buildIr: the user sees every problem at once.
  const built = await timed('ir', () =>
    buildIr(spec, options.specLabel ?? specPath, {
      names: options.names,
      client: clientSettings(options),
      ...(config && { config }),
    }),
  );
  const ir = built.ir && !hasErrors(applyPolicy(built.diagnostics, policy)) ? built.ir : undefined;
  let next: { value: T } | { error: unknown } | undefined;
  if (ir && whileValidating)
    next = await whileValidating(ir).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  const validated = await validation;
  if (options.oneShot) await stopValidation();
  diagnostics.push(...applyPolicy(mergeStageDiagnostics(validated, built.diagnostics), policy));
  released(none);
  // A spec that validation rejects may break plan or emit: its diagnostics are the answer, not the exception.
  if (!ir || hasErrors(diagnostics)) return none;
  if (next && 'error' in next) throw next.error;
  return { ...none, ir, ...(next ? { next: next.value } : {}) };
}

/**
 * Every diagnostic is located: the syntax trees parsed for their positions (load/source-file.ts; about 30 MB for
 * OpenAI's 3 MB spec) are dropped rather than held through print and write.
 */
function released<T extends { sources: ReadonlyMap<string, SourceFile> }>(built: T): T {
  for (const file of built.sources.values()) file.releasePositions();
  return built;
}

/** Runs load → validate → IR → plan → emit → print; returns no files when any error was found. */
export async function generateClient(
  specPath: string,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const timed: Timer = async (stage, run) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await run();
    const spent = process.cpuUsage(cpu);
    options.onStage?.(stage, performance.now() - start, (spent.user + spent.system) / 1000);
    return result;
  };
  const emit = async (
    ir: Ir,
  ): Promise<{ selection?: SelectionReport; emitted?: EmittedText[]; tests?: EmittedFile[] }> => {
    const selected = options.selection && selectOperations(ir, options.selection);
    const selection = selected && reportSelection(ir, selected);
    if (selection?.error) return { selection };
    // Names come from the plan of the whole API, so a subset has the names the whole client would have.
    const whole = await timed('plan', () => planOutput(ir, options));
    const plan = selected ? restrictPlan(whole, selected.ir) : whole;
    // The structures become text here too (no TypeScript compiler needed), while validation may still be running.
    const emitted = await timed('emit', async () => {
      const stats: EmitStats = { files: 0, reused: 0 };
      const client = emitTexts(plan, ir.source, options.emitRecord, stats);
      // The runtime modules the client's files name, and those these import (emit/runtime-modules.ts).
      const names = new Set<string>();
      for (const t of client) if (t.path.endsWith('.ts')) runtimeNamesIn(t.path, t.text, names);
      const texts = [
        ...client,
        ...emittedTexts(await emitRuntime(plan.importStyle, undefined, names), ir.source),
      ];
      options.onEmitted?.(stats);
      return texts;
    });
    const tests = options.tests && emitTests(plan, options.tests.clientDir);
    return { ...(selection && { selection }), emitted, ...(tests && { tests }) };
  };
  const built = await buildSpecIr(specPath, options, timed, emit);
  const { ir, diagnostics, spec, sources } = built;
  if (!ir) return { files: [], diagnostics, spec, sources };
  if (!built.next) throw new GeneratorBug('nothing was emitted');
  const { selection, emitted, tests } = built.next;
  if (!emitted) return { files: [], diagnostics, spec, sources, ...(selection && { selection }) };
  const printed = await timed('print', () => print(emitted, options, options.onFile));
  // The names of the whole API, a subset's too, so the next run keeps them (docs/naming.md).
  const files = [...printed, { path: NAMES_LOCK, contents: serializeNames(ir.operations) }];
  const testFiles =
    tests && (await timed('print tests', () => print(emittedTexts(tests, ir.source), options)));
  return {
    files,
    diagnostics,
    spec,
    sources,
    ...(selection && { selection }),
    ...(testFiles && { testFiles }),
  };
}

/** printTexts with the run's format cache, reporting its counts to `onPrinted`. */
async function print(
  texts: EmittedText[],
  options: GenerateOptions,
  onFile?: (file: GeneratedFile) => void,
): Promise<GeneratedFile[]> {
  // Imported when it prints: TypeScript's compiler (~0.5 s, ~65 MB) loads in print only for a file outside the subset
  // parser's TypeScript (print/layout/parse-subset.ts: the generated tests' setup), after validation's worker is gone.
  const { newPrintStats, printTexts } = await import('./print/print-files');
  const stats = newPrintStats();
  const printed = await printTexts(texts, {
    cache: options.formatCache,
    stats,
    ...(onFile && { onFile }),
  });
  options.onPrinted?.(stats);
  return printed;
}

function reportSelection(ir: Ir, selected: ReturnType<typeof selectOperations>): SelectionReport {
  const warnings = selected.unmatched.map(
    (u) => `--${u.option} ${u.selector.text} matches no operation${u.hint ? ` (${u.hint})` : ''}`,
  );
  return {
    operations: { kept: selected.ir.operations.length, total: ir.operations.length },
    models: { kept: selected.ir.models.length, total: ir.models.length },
    warnings,
    ...(selected.ir.operations.length === 0 && {
      error: `the selection keeps none of the ${ir.operations.length} operations; nothing was generated`,
    }),
  };
}
