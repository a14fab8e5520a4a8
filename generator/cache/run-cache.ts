import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { isErrno, listFiles, resolveOutDir } from '../write/disk';
import { JOURNAL_NAME, MANIFEST_NAME, parseManifest, sha256 } from '../write/manifest';
import { openRunRecordStore, type RunRecordStore } from '../write/run-record-store';
import type { WriteResult } from '../write/write-output';
import { codeIdentity } from './code-id';
import {
  RECORD_VERSION,
  asRunRecord,
  optionsKey,
  type RunRecord,
  type SelectionSummary,
} from './run-record';

/** A spec file as diagnostics are printed against it. */
export interface SourceText {
  displayPath: string;
  text: string;
}

/** An unchanged spec over an untouched output folder: what the last run printed, and the (up-to-date) write result. */
export interface RunHit {
  diagnostics: Diagnostic[];
  /** The files the diagnostics are printed against (none when there are none). */
  sources: ReadonlyMap<string, SourceText>;
  /** Every file the recorded run read: the spec and the files its `$ref`s reached. */
  read: string[];
  selection?: SelectionSummary;
  written: WriteResult;
}

/**
 * The run cache: `generate` and `--check` on an unchanged spec finish without loading, validating or emitting. A run
 * is a hit when clientgen's code, the options, the spec's path, the text of the spec and of every file its `$ref`s
 * reached, and the output folder's manifest are those the last successful run into that folder recorded, and every
 * file the manifest lists still has the recorded SHA-256 (a hand edit, a deleted file or a left-over journal is a
 * miss, and the full run then deals with it as always). Anything unexpected is a miss, never an error.
 */
export interface RunCache {
  lookup(specPath: string, options: object): Promise<RunHit | undefined>;
  /**
   * Records a run that left (or, by `--check`, found) the output folder up to date, of a spec read only from local
   * files.
   */
  save(
    specPath: string,
    options: object,
    result: {
      diagnostics: Diagnostic[];
      sources: ReadonlyMap<string, SourceText>;
      selection?: SelectionSummary;
    },
  ): Promise<void>;
}

/** The run cache of `outDir`; undefined when there is no cache folder (see write/format-cache.ts). */
export async function openRunCache(outDir: string, cwd: string): Promise<RunCache | undefined> {
  const store = await openRunRecordStore(outDir, cwd);
  if (!store) return undefined;
  // Hashing clientgen's own code (15–35 ms, mostly reading files) starts now, beside the run, rather than at the end
  // of a cold run, whose record needs it; a lookup needs it as soon as a record is found. Its failure is the caller's.
  codeIdentity().catch(() => {});
  return {
    lookup: (specPath, options) =>
      lookup(store, outDir, specPath, optionsKey(options, cwd)).catch(() => undefined),
    async save(specPath, options, result) {
      const ids = [...result.sources.keys()];
      if (isRemote(specPath) || ids.some(isRemote)) return;
      const manifest = await readFile(path.join(outDir, MANIFEST_NAME)).catch(() => undefined);
      // A record is an optimisation: clientgen's code that cannot be hashed leaves none, and fails nothing.
      const code = await codeIdentity().catch(() => undefined);
      if (manifest === undefined || code === undefined) return;
      const record: RunRecord = {
        version: RECORD_VERSION,
        code,
        options: optionsKey(options, cwd),
        spec: specPath,
        sources: [...result.sources].map(([id, s]) => ({
          id,
          displayPath: s.displayPath,
          // The SHA-256 of the text's UTF-8: the file's bytes whenever they are valid UTF-8 (else a miss next time).
          sha256: sha256(s.text),
        })),
        manifest: sha256(manifest),
        diagnostics: result.diagnostics,
        ...(result.selection && { selection: result.selection }),
      };
      await store.save(record);
    },
  };
}

async function lookup(
  store: RunRecordStore,
  outDir: string,
  specPath: string,
  options: string,
): Promise<RunHit | undefined> {
  if (isRemote(specPath)) return undefined;
  const record = asRunRecord(await store.read());
  if (!record || record.spec !== specPath || record.options !== options) return undefined;
  if (record.code !== (await codeIdentity())) return undefined;
  // The same text in every file the load read means the same $refs, so the same files: the spec is unchanged.
  // Bytes are hashed (the text is the UTF-8 the loader decoded, so valid files hash alike); decoded only to print.
  const sources = new Map<string, SourceText>();
  for (const source of record.sources) {
    const bytes = await readFile(source.id);
    if (sha256(bytes) !== source.sha256) return undefined;
    if (record.diagnostics.length)
      sources.set(source.id, { displayPath: source.displayPath, text: bytes.toString('utf8') });
  }
  const written = await untouchedOutput(outDir, record.manifest);
  if (!written) return undefined;
  return {
    diagnostics: record.diagnostics,
    sources,
    read: record.sources.map((s) => s.id),
    ...(record.selection && { selection: record.selection }),
    written,
  };
}

/** The write result of an up-to-date folder, when its manifest is `manifestHash` and every listed file matches it. */
async function untouchedOutput(
  outDir: string,
  manifestHash: string,
): Promise<WriteResult | undefined> {
  const root = resolveOutDir(outDir);
  if (!root.exists) return undefined;
  const manifestBytes = await readFile(path.join(root.path, MANIFEST_NAME));
  if (sha256(manifestBytes) !== manifestHash) return undefined;
  if (await exists(path.join(root.path, JOURNAL_NAME))) return undefined;
  const manifest = parseManifest(manifestBytes.toString('utf8'), MANIFEST_NAME);
  // Synchronous reads: a thousand small files cost a fifth of the CPU time through fs/promises.
  for (const entry of manifest.files)
    if (sha256(readOwnFile(path.join(root.path, ...entry.path.split('/')))) !== entry.sha256)
      return undefined;
  const paths = manifest.files.map((f) => f.path);
  const ours = new Set([...paths, MANIFEST_NAME]);
  return {
    status: 'up-to-date',
    outDir: root.path,
    added: [],
    changed: [],
    removed: [],
    unchanged: paths,
    handEdited: [],
    foreignConflicts: [],
    foreignKept: listFiles(root.path).filter((p) => !ours.has(p)),
    manifest: 'unchanged',
  };
}

/** A file's bytes; O_NOFOLLOW: a symlink is not a file clientgen wrote, even to identical text (the full run decides). */
function readOwnFile(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return false;
    throw e;
  }
}

function isRemote(id: string): boolean {
  return /^https?:\/\//i.test(id);
}
