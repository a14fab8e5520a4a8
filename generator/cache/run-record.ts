import type { Diagnostic } from '../diagnostics/diagnostic';

/** What `--include`/`--exclude` kept, as the CLI prints it (the pipeline's SelectionReport). */
export interface SelectionSummary {
  operations: { kept: number; total: number };
  models: { kept: number; total: number };
  warnings: string[];
  error?: string;
}

/**
 * The record of the last successful `generate` into an output folder: what it was made from (the key), what it left
 * there (the manifest's hash) and what it printed (diagnostics, selection), so that a run with the same key over the
 * same output can print the same and stop.
 */
export interface RunRecord {
  version: typeof RECORD_VERSION;
  /** codeIdentity() of the clientgen that made it. */
  code: string;
  /** The options that decide the output and the diagnostics (see `optionsKey`). */
  options: string;
  /** Absolute path of the spec. */
  spec: string;
  /** Every file the load read, with the SHA-256 of its text: the spec and each file its `$ref`s reach. */
  sources: { id: string; displayPath: string; sha256: string }[];
  /** SHA-256 of the manifest's bytes in the output folder after the run. */
  manifest: string;
  diagnostics: Diagnostic[];
  selection?: SelectionSummary;
}

export const RECORD_VERSION = 1;

/** The record, when `value` is one this version of the cache wrote; anything else is a miss. */
export function asRunRecord(value: unknown): RunRecord | undefined {
  if (!isObject(value) || value.version !== RECORD_VERSION) return undefined;
  const { code, options, spec, sources, manifest, diagnostics, selection } = value;
  if (typeof code !== 'string' || typeof options !== 'string' || typeof spec !== 'string')
    return undefined;
  if (typeof manifest !== 'string' || !Array.isArray(sources) || !Array.isArray(diagnostics))
    return undefined;
  const sourcesOk = sources.every(
    (s) =>
      isObject(s) &&
      typeof s.id === 'string' &&
      typeof s.displayPath === 'string' &&
      typeof s.sha256 === 'string',
  );
  const diagnosticsOk = diagnostics.every(
    (d) =>
      isObject(d) &&
      ['code', 'severity', 'message', 'pointer', 'file'].every((k) => typeof d[k] === 'string') &&
      typeof d.line === 'number' &&
      typeof d.column === 'number',
  );
  if (!sourcesOk || !diagnosticsOk) return undefined;
  if (selection !== undefined && !isObject(selection)) return undefined;
  return value as unknown as RunRecord;
}

/**
 * The generate options as a key: every option except those that cannot change the output or what is printed
 * (the format cache, timing callbacks, the fetch timeout, the validation worker's lifetime). Options added later
 * are part of the key unless listed here, so a new option can only cost a miss, never a stale hit.
 */
export function optionsKey(options: object, cwd: string): string {
  // `config`: the config file's text, which the record hashes as one of the run's sources.
  const ignored = new Set(['formatCache', 'onStage', 'fetchTimeout', 'oneShot', 'cwd', 'config']);
  const kept = Object.entries(options)
    .filter(([k, v]) => !ignored.has(k) && v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Maps (the pinned names) as sorted entries: JSON.stringify writes a Map as {}, which would hide a change.
  return JSON.stringify([cwd, kept], (_key, v: unknown) =>
    v instanceof Map ? [...(v as Map<unknown, unknown>).entries()].sort() : v,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
