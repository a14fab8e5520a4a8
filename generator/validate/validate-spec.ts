import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { GeneratorBug } from '../errors';
import { splitRef, type LoadedSpec } from '../load/load-spec';
import { childPointer, findByPointer, parsePointer } from '../load/pointer';
import type { SourceFile } from '../load/source-file';

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

/** What the worker (redocly-worker.mjs) is sent: the already-parsed files. */
interface WorkerRequest {
  entry: string;
  files: { id: string; text: string; value: unknown }[];
  rules: Record<string, string>;
}

interface WorkerLocation {
  /** Absolute path (or URL) of the file, as the `id` it was sent with. */
  file: string;
  /** Redocly's pointer ('#/' for the root); undefined for a line/column location. */
  pointer?: string;
  reportOnKey: boolean;
  line?: number;
  column?: number;
}

interface WorkerProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  suggest: string[];
  locations: WorkerLocation[];
}

type WorkerResponse = { ok: true; problems: WorkerProblem[] } | { ok: false; error: string };

const WORKER_PATH = path.join(__dirname, 'redocly-worker.mjs');

/**
 * Checks a loaded spec against the OpenAPI 3.0/3.1 structure with @redocly/openapi-core (see RULE_OVERRIDES).
 * Problems come back as diagnostics located with our own positions; a document that is not OpenAPI 3.0/3.1 is
 * left to buildIr's not-openapi diagnostic.
 */
export async function validateSpec(spec: LoadedSpec): Promise<Diagnostic[]> {
  const root = spec.entry.value;
  if (!isRecord(root) || typeof root.openapi !== 'string' || !/^3\.[01]\./.test(root.openapi))
    return [];
  const files = [...spec.files.values()]
    .filter((f) => f.value !== undefined)
    .map((f) => ({ id: f.id, text: f.text, value: f.value }));
  const problems = await runWorker({ entry: spec.entry.id, files, rules: { ...RULE_OVERRIDES } });
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const diagnostic = toDiagnostic(spec, problem);
    const key = diagnostic && `${diagnosticKey(diagnostic)}\0${diagnostic.message}`;
    if (!diagnostic || !key || seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * The diagnostics of a later stage minus those an earlier stage already reported at the same place with the same
 * code (buildIr reports unresolved refs and undeclared path parameters too, where it meets them).
 */
export function withoutRepeats(
  later: readonly Diagnostic[],
  earlier: readonly Diagnostic[],
): Diagnostic[] {
  const reported = new Set(earlier.map(diagnosticKey));
  return later.filter((d) => !reported.has(diagnosticKey(d)));
}

function diagnosticKey(d: Diagnostic): string {
  return [d.code, d.file, d.line, d.column].join('\0');
}

/**
 * Starts the validation worker, if it is not running, so that importing Redocly overlaps whatever runs next
 * (the pipeline calls this before loading the spec). Optional: validateSpec starts it too.
 */
export function warmUpValidation(): void {
  sharedWorker();
}

/**
 * Stops the validation worker if it has nothing pending, giving its memory back (Redocly's copy of the spec): a
 * one-shot run (the CLI) calls it once validation is done, before printing, the stage that needs memory most.
 */
export async function stopValidation(): Promise<void> {
  const state = shared;
  if (!state || state.pending.size) return;
  shared = undefined;
  clearTimeout(state.idle);
  await state.worker.terminate();
}

/** How long an idle worker is kept: from its start (the load stage) and for the next spec (tests validate many). */
const IDLE_MS = 10_000;

interface SharedWorker {
  worker: Worker;
  pending: Map<
    number,
    { resolve: (problems: WorkerProblem[]) => void; reject: (e: unknown) => void }
  >;
  nextId: number;
  idle: NodeJS.Timeout | undefined;
}

let shared: SharedWorker | undefined;

/** The worker: held by the process (`ref`) only while a request is pending, so it never delays the exit. */
function sharedWorker(): SharedWorker {
  if (shared) return shared;
  const worker = new Worker(WORKER_PATH);
  worker.unref();
  const state: SharedWorker = { worker, pending: new Map(), nextId: 0, idle: undefined };
  const fail = (e: unknown): void => {
    if (shared === state) shared = undefined;
    for (const { reject } of state.pending.values()) reject(e);
    state.pending.clear();
  };
  const idle = (): void => {
    worker.unref();
    state.idle = setTimeout(() => {
      if (shared === state) shared = undefined;
      void worker.terminate();
    }, IDLE_MS).unref();
  };
  worker.on('message', ({ id, response }: { id: number; response: WorkerResponse }) => {
    const request = state.pending.get(id);
    state.pending.delete(id);
    if (!state.pending.size) idle();
    if (response.ok) request?.resolve(response.problems);
    else request?.reject(new GeneratorBug(`spec validation failed: ${response.error}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new GeneratorBug(`the validation worker exited (${code})`)));
  idle();
  shared = state;
  return state;
}

function runWorker(request: WorkerRequest): Promise<WorkerProblem[]> {
  const state = sharedWorker();
  clearTimeout(state.idle);
  state.idle = undefined;
  state.worker.ref();
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.postMessage({ id, request });
  });
}

function toDiagnostic(spec: LoadedSpec, problem: WorkerProblem): Diagnostic | undefined {
  const where = problem.locations[0];
  const file = where && spec.files.get(where.file);
  const severity = problem.severity === 'error' ? 'error' : 'warning';
  if (!where || !file) {
    // Not in a file we loaded: cannot happen with the resolver the worker uses, but say it rather than lose it.
    const at = spec.entry;
    return {
      code: 'spec-invalid',
      severity,
      message: problem.message,
      pointer: '#',
      file: at.displayPath,
      line: 0,
      column: 0,
    };
  }
  if (where.pointer === undefined) {
    return {
      code: 'spec-invalid',
      severity,
      message: problem.message,
      pointer: '#',
      file: file.displayPath,
      line: where.line ?? 0,
      column: where.column ?? 0,
    };
  }
  const pointer = where.pointer === '#/' ? '#' : where.pointer;
  if (problem.ruleId === 'no-unresolved-refs')
    return unresolvedRef(spec, file, pointer, severity, problem.message);
  if (
    problem.ruleId === 'path-parameters-defined' &&
    pointer.endsWith('/parameters') &&
    where.reportOnKey
  ) {
    // "The operation does not define the path parameter ...": at the operation, where buildIr reports it too.
    const operation = pointer.slice(0, -'/parameters'.length);
    return {
      code: 'spec-invalid',
      severity,
      message: problem.message,
      pointer: operation,
      file: file.displayPath,
      ...locate(file, operation),
    };
  }
  return {
    code: 'spec-invalid',
    severity,
    message: withSuggestion(problem.message, problem.suggest),
    pointer,
    file: file.displayPath,
    ...(where.reportOnKey ? locateKey(file, pointer) : locate(file, pointer)),
  };
}

/** Redocly's message with its best suggestion: "... Did you mean `type`?" */
function withSuggestion(message: string, suggest: readonly string[]): string {
  const best = suggest.slice(0, 3).map((s) => `\`${s}\``);
  if (!best.length) return message;
  return `${message} Did you mean ${best.length === 1 ? best[0] : `${best.slice(0, -1).join(', ')} or ${best[best.length - 1]}`}?`;
}

/**
 * `ref-unresolved` at the `$ref` (the node holding it is the pointer), with what was expected and what was found:
 * "cannot resolve '#/components/schemas/Ownr': #/components/schemas has no 'Ownr' (did you mean 'Owner'?)".
 * Refs into files that were not loaded are skipped: the load stage reported those (file-unreadable, ref-remote).
 */
function unresolvedRef(
  spec: LoadedSpec,
  file: SourceFile,
  pointer: string,
  severity: Diagnostic['severity'],
  fallback: string,
): Diagnostic | undefined {
  const node = safeFind(file.value, pointer);
  // A discriminator mapping value is the ref itself; elsewhere the node is `{ $ref }`.
  const ref =
    isRecord(node) && typeof node.$ref === 'string'
      ? node.$ref
      : typeof node === 'string'
        ? node
        : undefined;
  const refAt = isRecord(node) ? childPointer(pointer, '$ref') : pointer;
  const base = {
    code: 'ref-unresolved' as const,
    severity,
    pointer,
    file: file.displayPath,
    ...locate(file, refAt),
  };
  if (ref === undefined) return { ...base, message: fallback };
  const target =
    /^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^https?:\/\//i.test(ref)
      ? undefined
      : splitRef(ref, file.id);
  if (target && !spec.files.has(target.fileId)) return undefined;
  const targetFile = target && spec.files.get(target.fileId);
  const reason =
    targetFile &&
    missingPart(targetFile, target.pointer, ref.slice(0, Math.max(0, ref.indexOf('#'))));
  return {
    ...base,
    message: `cannot resolve '${ref}'${reason ? `: ${reason}` : fallback.replace(/^Can't resolve \$ref/, '')}`,
  };
}

/**
 * What the pointer misses: "#/components/schemas has no 'Ownr' (did you mean 'Owner'?)", "this file has no top-level
 * 'Tags'"; undefined when the pointer does lead somewhere.
 */
function missingPart(file: SourceFile, pointer: string, fileLabel: string): string | undefined {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let node: unknown = file.value;
  let found = '#';
  for (const segment of segments) {
    const next = Array.isArray(node)
      ? (node as unknown[])[Number(segment)]
      : isRecord(node) && Object.hasOwn(node, segment)
        ? node[segment]
        : undefined;
    if (next === undefined) {
      const container = found === '#' ? fileLabel || 'this file' : `${fileLabel}${found}`;
      if (!isRecord(node))
        return `${container} is ${describe(node)}, not an object with '${segment}'`;
      const near = closest(segment, Object.keys(node));
      const missing = found === '#' ? `top-level '${segment}'` : `'${segment}'`;
      return `${container} has no ${missing}${near ? ` (did you mean '${near}'?)` : ''}`;
    }
    node = next;
    found = childPointer(found, segment);
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** The most similar name (edit distance at most a third of its length, and at least 1), if any. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

type Position = { line: number; column: number };

/** The node a pointer names; a pointer that is not well-formed falls back to the file's start. */
function locate(file: SourceFile, pointer: string): Position {
  try {
    return file.locate(pointer);
  } catch {
    return file.locate('#');
  }
}

function safeFind(root: unknown, pointer: string): unknown {
  try {
    return findByPointer(root, pointer);
  } catch {
    return undefined;
  }
}

/**
 * The key a pointer ends with (`get:` for '#/paths/~1pets/get'), for problems Redocly reports on a key. SourceFile
 * locates values, so the key is the nearest `key:` before its value in the text; when the key is not there (the
 * problem is a missing key) this is the position of the deepest node that exists.
 */
function locateKey(file: SourceFile, pointer: string): Position {
  const at = locate(file, pointer);
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return at;
  }
  const key = segments[segments.length - 1];
  const parent = safeFind(
    file.value,
    '#' +
      segments
        .slice(0, -1)
        .map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join(''),
  );
  if (key === undefined || !isRecord(parent) || !Object.hasOwn(parent, key)) return at;
  const starts = lineStarts(file);
  const offset = (starts[at.line - 1] ?? 0) + at.column - 1;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<=^|[\\s{,?])(["']?)${escaped}\\1[ \\t]*:`, 'gm');
  const window = Math.max(0, offset - 4096);
  const text = file.text.slice(window, offset + key.length + 3);
  let found: number | undefined;
  for (const match of text.matchAll(pattern)) {
    const start = window + (match.index ?? 0);
    if (start <= offset) found = start;
  }
  if (found === undefined) return at;
  let line = at.line;
  while (line > 1 && (starts[line - 1] ?? 0) > found) line--;
  return { line, column: found - (starts[line - 1] ?? 0) + 1 };
}

const lineStartsCache = new WeakMap<SourceFile, number[]>();

function lineStarts(file: SourceFile): number[] {
  let starts = lineStartsCache.get(file);
  if (!starts) {
    starts = [0];
    for (let i = file.text.indexOf('\n'); i !== -1; i = file.text.indexOf('\n', i + 1))
      starts.push(i + 1);
    lineStartsCache.set(file, starts);
  }
  return starts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
