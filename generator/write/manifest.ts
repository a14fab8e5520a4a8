import { createHash } from 'node:crypto';
import { WriteError } from './write-error';

/** Name of the manifest clientgen keeps in the output folder (users commit it). */
export const MANIFEST_NAME = '.clientgen-manifest.json';
/**
 * Written into the output folder just before files are moved into place and removed once the new manifest is in place.
 * After a run interrupted while moving files, it tells the next run which contents are ours, so they are not
 * mistaken for hand edits.
 */
export const JOURNAL_NAME = '.clientgen-manifest.pending.json';

/** One file clientgen wrote: posix path relative to the output folder and the sha256 (hex) of its bytes. */
export interface ManifestEntry {
  path: string;
  sha256: string;
}

export interface Manifest {
  generatorVersion?: string;
  /** Sorted by path (UTF-16 code unit order, independent of locale). */
  files: ManifestEntry[];
}

export function sha256(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** Locale-independent order, so the manifest is byte-for-byte the same on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable JSON: fixed key order, entries sorted by path, two-space indent, final newline. No timestamps, no absolute paths. */
export function serializeManifest(manifest: Manifest): string {
  const files = [...manifest.files]
    .sort((a, b) => comparePaths(a.path, b.path))
    .map((f) => ({ path: f.path, sha256: f.sha256 }));
  const body =
    manifest.generatorVersion === undefined
      ? { generator: 'clientgen', files }
      : { generator: 'clientgen', generatorVersion: manifest.generatorVersion, files };
  return JSON.stringify(body, null, 2) + '\n';
}

/**
 * Parses a manifest (or journal). Throws WriteError when it is not one clientgen could have written: in particular
 * every path must stay inside the output folder, since stale paths are deleted.
 */
export function parseManifest(
  text: string,
  label: string,
  options: { allowDuplicatePaths?: boolean } = {},
): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new WriteError(`${label} is not valid JSON (${(e as Error).message})`);
  }
  const fail = (why: string): never => {
    throw new WriteError(`${label} is not a clientgen manifest: ${why}`);
  };
  if (!isRecord(value)) return fail('expected an object');
  if (value.generator !== 'clientgen') fail(`"generator" must be "clientgen"`);
  const version = value.generatorVersion;
  if (version !== undefined && typeof version !== 'string')
    return fail(`"generatorVersion" must be a string`);
  if (!Array.isArray(value.files)) return fail(`"files" must be an array`);
  const seen = new Set<string>();
  const files: ManifestEntry[] = value.files.map((entry: unknown, i: number) => {
    if (!isRecord(entry) || typeof entry.path !== 'string' || typeof entry.sha256 !== 'string') {
      return fail(`files[${i}] must be { "path": string, "sha256": string }`);
    }
    const problem = checkRelativePath(entry.path);
    if (problem) fail(`files[${i}].path '${entry.path}' ${problem}`);
    if (!/^[0-9a-f]{64}$/.test(entry.sha256)) fail(`files[${i}].sha256 is not a sha256 hex digest`);
    if (seen.has(entry.path) && !options.allowDuplicatePaths)
      fail(`'${entry.path}' is listed twice`);
    seen.add(entry.path);
    return { path: entry.path, sha256: entry.sha256 };
  });
  return version === undefined ? { files } : { generatorVersion: version, files };
}

/** Why a path is not a plain posix path inside the output folder, or undefined when it is. */
export function checkRelativePath(p: string): string | undefined {
  if (p === '') return 'is empty';
  if (p.includes('\\')) return 'contains a backslash (paths are posix)';
  if (p.includes('\0')) return 'contains a NUL character';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'is absolute';
  if (p.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return "has an empty, '.' or '..' segment";
  if (p === MANIFEST_NAME || p === JOURNAL_NAME) return 'is reserved for clientgen';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
