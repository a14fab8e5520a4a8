import { hasErrors, type Diagnostic } from './diagnostics/diagnostic';
import { applyPolicy } from './diagnostics/policy';
import { emitFiles } from './emit/emit-files';
import { emitRuntime } from './emit/emit-runtime';
import { buildIr } from './ir/build-ir';
import type { Ir } from './ir/types';
import { loadSpec, type LoadedSpec } from './load/load-spec';
import type { SourceFile } from './load/source-file';
import { selectOperations, type Selection } from './ir/select-operations';
import { planOutput } from './plan/plan-output';
import { restrictPlan } from './plan/restrict-plan';
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
  /** `--include` / `--exclude`: generate only these operations and the models they reach. */
  selection?: Selection;
  /** Milliseconds to wait for each spec file fetched over http(s); default 30 s. */
  fetchTimeout?: number;
  /** Called after each stage with its wall time, for `--verbose`. */
  onStage?: (stage: string, milliseconds: number) => void;
}

export interface GenerateResult {
  files: GeneratedFile[];
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

/**
 * Runs load → validate → IR → plan → emit → print; returns no files when any error was found. Severities are the
 * policy's (diagnostics/policy.ts): only what makes a correct client impossible is an error, unless `strict`.
 */
export async function generateClient(specPath: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    options.onStage?.(stage, performance.now() - start);
    return result;
  };
  warmUpValidation();
  const loaded = await timed('load', () => loadSpec(specPath, { allowRemoteRefs: options.allowRemoteRefs, cwd: options.cwd, timeout: options.fetchTimeout }));
  const policy = { strict: options.strict ?? false };
  const diagnostics = applyPolicy(loaded.diagnostics, policy);
  if (!loaded.spec || hasErrors(diagnostics)) return { files: [], diagnostics, spec: loaded.spec, sources: loaded.sources };
  const spec = loaded.spec;
  // Validation errors do not stop buildIr: the user sees every problem at once.
  const validated = await timed('validate', () => validateSpec(spec));
  const built = await timed('ir', () => buildIr(spec, options.specLabel ?? specPath));
  diagnostics.push(...applyPolicy(mergeStageDiagnostics(validated, built.diagnostics), policy));
  if (!built.ir || hasErrors(diagnostics)) return { files: [], diagnostics, spec: loaded.spec, sources: loaded.sources };
  const ir = built.ir;
  const selected = options.selection && selectOperations(ir, options.selection);
  const selection = selected && reportSelection(ir, selected);
  if (selection?.error) return { files: [], diagnostics, spec: loaded.spec, sources: loaded.sources, selection };
  // Names come from the plan of the whole API, so a subset has the names the whole client would have.
  const whole = await timed('plan', () => planOutput(ir, options));
  const plan = selected ? restrictPlan(whole, selected.ir) : whole;
  const emitted = await timed('emit', () => [...emitFiles(plan), ...emitRuntime(plan.importStyle)]);
  const files = await timed('print', () => printFiles(emitted, ir.source));
  return { files, diagnostics, spec: loaded.spec, sources: loaded.sources, ...(selection && { selection }) };
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
