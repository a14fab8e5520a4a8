import type { Diagnostic } from '../diagnostics/diagnostic';
import type { LoadedSpec } from '../load/load-spec';
import { readDeviation } from './deviations';
import { isRecord, safeFind } from './locate';
import {
  runWorker,
  type Linted,
  type LintRecordOptions,
  type WorkerProblem,
  type WorkerRequest,
} from './redocly-worker-client';
import { toDiagnostic } from './to-diagnostic';

export { stopValidation, validationRunning, warmUpValidation } from './redocly-worker-client';
export type { Linted, LintRecordOptions } from './redocly-worker-client';

/**
 * Redocly rules run on top of its `spec` ruleset (the `struct` rule: the OpenAPI 3.0/3.1 structure, plus
 * `no-unresolved-refs`, `path-parameters-defined`, `operation-parameters-unique`, `no-identical-paths`...).
 * Turned off: what clientgen reports better itself, and what it reads on purpose.
 */
export const RULE_OVERRIDES: Readonly<Record<string, 'off' | 'warn' | 'error'>> = {
  // buildIr reports duplicate-operation-id naming where the id was first used (Redocly's points at no node).
  'operation-operationId-unique': 'off',
  // clientgen reads `nullable: true` beside a `$ref` or an `anyOf` as `| null`, as real 3.0 specs mean it
  // (Stripe's has 437 of them): not errors here.
  'nullable-type-sibling': 'off',
  'spec-ref-siblings': 'off',
};

/**
 * Checks a loaded spec against the OpenAPI 3.0/3.1 structure with @redocly/openapi-core (see RULE_OVERRIDES).
 * Problems come back as diagnostics located with our own positions: a deviation clientgen reads with a meaning
 * (validate/deviations.ts) as `spec-deviation`, any other structure finding as `spec-structure`, unresolved refs as
 * `ref-unresolved` (severities: diagnostics/policy.ts). A document that is not OpenAPI 3.0/3.1 is left to buildIr's
 * not-openapi diagnostic. With the `record` of the spec's last lint, a spec changed in a few schemas is linted in
 * those only, when that finds what a full lint would (lint-record.mjs).
 */
export async function validateSpec(
  spec: LoadedSpec,
  options: {
    record?: LintRecordOptions;
    /** What was linted, and the record of this lint for the next run (undefined: nothing linted, or no `write`). */
    onLinted?: (linted: Linted, record: unknown) => void;
  } = {},
): Promise<Diagnostic[]> {
  const root = spec.entry.value;
  if (!isRecord(root) || typeof root.openapi !== 'string' || !/^3\.[01]\./.test(root.openapi))
    return [];
  const version = root.openapi.startsWith('3.0') ? '3.0' : '3.1';
  // A JSON file goes as its text alone, which the worker parses: cloning the parsed value cost this thread ~40 ms
  // on Stripe's spec, and the worker more to read the clone than to parse the text.
  const files: WorkerRequest['files'] = [...spec.files.values()]
    .filter((f) => f.value !== undefined)
    .map((f) =>
      f.json ? { id: f.id, text: f.text, json: true } : { id: f.id, text: f.text, value: f.value },
    );
  const { problems, linted, record } = await runWorker({
    entry: spec.entry.id,
    files,
    rules: { ...RULE_OVERRIDES },
    ...(options.record && { record: options.record }),
  });
  options.onLinted?.(linted, record);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const found = toDiagnostic(spec, problem);
    const diagnostic =
      found && (readDeviation(found, problem, version, valueAt(spec, problem)) ?? found);
    const key = diagnostic && `${diagnosticKey(diagnostic)}\0${diagnostic.message}`;
    if (!diagnostic || !key || seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * One diagnostic per place where validation and buildIr both report: validation's message (it says what was
 * expected, with suggestions) with buildIr's code and severity when they differ (buildIr knows whether it can still
 * build a correct client: not without a parameter's `name`), and buildIr's reading when it can (an unknown `type`,
 * read as any value); a deviation buildIr reads (an undeclared path parameter) in place of the findings it restates.
 */
export function mergeStageDiagnostics(
  validated: readonly Diagnostic[],
  built: readonly Diagnostic[],
): Diagnostic[] {
  // What the IR could not read as written: an error it cannot build from, or a warning that says how it read it.
  const unread = new Map(
    built
      .filter((d) => d.severity === 'error' || d.code === 'spec-invalid')
      .map((d) => [placeKey(d), d]),
  );
  const deviations = new Map(
    built.filter((d) => Object.hasOwn(RESTATED, d.rule ?? '')).map((d) => [placeKey(d), d]),
  );
  const taken = new Set<Diagnostic>();
  const merged = validated.flatMap((d): Diagnostic[] => {
    // A deviation buildIr reads with a meaning replaces the findings it restates (one per undeclared
    // parameter, an unresolvable mapping value): it says how they are read.
    const deviation = deviations.get(placeKey(d));
    if (deviation && RESTATED[deviation.rule ?? '']?.(d)) {
      if (taken.has(deviation)) return [];
      taken.add(deviation);
      return [deviation];
    }
    const ir = unread.get(placeKey(d));
    if (!ir || ir.code === d.code) return [d];
    taken.add(ir);
    const { rule: _rule, ...rest } = d;
    // Validation's message says what is wrong (with its suggestion); a warning adds how the client reads it.
    const message = ir.severity === 'error' ? d.message : `${d.message} ${sentence(ir.message)}`;
    return [{ ...rest, message, code: ir.code, severity: ir.severity }];
  });
  const reported = new Set(validated.map(diagnosticKey));
  return [...merged, ...built.filter((d) => !taken.has(d) && !reported.has(diagnosticKey(d)))];
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.?!]$/.test(text) ? '' : '.'}`;
}

/** The node a problem points at (for deviations that depend on it), if any. */
function valueAt(spec: LoadedSpec, problem: WorkerProblem): unknown {
  const where = problem.locations[0];
  const file = where && spec.files.get(where.file);
  return file && where.pointer !== undefined
    ? safeFind(file.value, where.pointer === '#/' ? '#' : where.pointer)
    : undefined;
}

/** buildIr's deviation rule → which of the validator's findings at the same place it restates. */
const RESTATED: Readonly<Record<string, (validated: Diagnostic) => boolean>> = {
  'undeclared-path-parameter': (d) => d.rule === 'path-parameters-defined',
  // A discriminator mapping value that resolves to nothing (DigitalOcean's spec has four) is a hint the client can do
  // without: the entry is left out, with a warning (to-diagnostic.ts), where the unresolved `$ref` stopped the run.
  'discriminator-mapping-left-out': (d) => d.rule === 'no-unresolved-refs',
};

function placeKey(d: Diagnostic): string {
  return [d.file, d.line, d.column].join('\0');
}

function diagnosticKey(d: Diagnostic): string {
  return [d.code, d.file, d.line, d.column].join('\0');
}
