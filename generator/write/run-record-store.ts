import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, writevSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { evictOldFiles, findCacheDir } from './format-cache';

/**
 * Where the record of the last successful run into an output folder is kept (see generator/cache/run-cache.ts): beside
 * the format cache, in `node_modules/.cache/clientgen/` (or `CLIENTGEN_CACHE_DIR`), one JSON file per output folder,
 * the last 8 kept. Never in the output folder, whose contents stay exactly the generated files. The record of a
 * spec's last lint (validate/lint-record.mjs) is kept the same way, one per spec file.
 */
export interface RunRecordStore {
  /** The parsed JSON of the record, or undefined when there is none or it is not JSON. */
  read(): Promise<unknown>;
  /** Replaces the record; errors are ignored (a cache must not fail a generation). */
  save(record: unknown): Promise<void>;
}

/** The record store of `outDir`; undefined when there is no cache folder. */
export function openRunRecordStore(
  outDir: string,
  cwd: string,
): Promise<RunRecordStore | undefined> {
  return openRecordStore('run', outDir, cwd);
}

/** The store of the last lint of the spec at `specPath`; undefined when there is no cache folder. */
export function openLintRecordStore(
  specPath: string,
  cwd: string,
): Promise<RunRecordStore | undefined> {
  return openRecordStore('lint', specPath, cwd);
}

/** Like `RunRecordStore`, for a record kept as bytes: saved as parts written one after the other, read whole. */
export interface BytesStore {
  read(): Promise<Uint8Array | undefined>;
  save(parts: readonly Uint8Array[]): Promise<void>;
}

/**
 * The store of the last load of the spec at `specPath` (load/load-record.ts: its text, value and positions, as V8
 * serializes them); undefined when there is no cache folder.
 */
export async function openLoadRecordStore(
  specPath: string,
  cwd: string,
): Promise<BytesStore | undefined> {
  const dir = await findCacheDir(cwd);
  if (dir === undefined) return undefined;
  const file = path.join(dir, `load-${idOf(specPath)}.bin`);
  return {
    read: () => readFile(file).catch(() => undefined),
    save(parts) {
      // Written at once, synchronously (a few ms for Stripe's ~12 MB), and not held after: an asynchronous write, or
      // an async function that still had the parts in scope while it awaited, kept them until the stages running on
      // this thread next yielded, through the run's peak of memory.
      if (!writeAtomically(dir, file, parts)) return Promise.resolve();
      // Four kept: a record holds the spec's text and value (~12 MB for Stripe's).
      return evictOldFiles(dir, /^load-[0-9a-f]+\.bin$/, 4).catch(() => {});
    },
  };
}

/** Writes the parts to `file` through a temporary file; false when it could not (a read-only node_modules). */
function writeAtomically(dir: string, file: string, parts: readonly Uint8Array[]): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writevSync(fd, parts);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}

function idOf(of: string): string {
  return createHash('sha256').update(path.resolve(of)).digest('hex').slice(0, 16);
}

async function openRecordStore(
  kind: 'run' | 'lint',
  of: string,
  cwd: string,
): Promise<RunRecordStore | undefined> {
  const dir = await findCacheDir(cwd);
  if (dir === undefined) return undefined;
  const file = path.join(dir, `${kind}-${idOf(of)}.json`);
  return {
    async read() {
      try {
        return JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    async save(record) {
      try {
        await mkdir(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(record), 'utf8');
        await rename(tmp, file);
        await evictOldFiles(dir, new RegExp(`^${kind}-[0-9a-f]+\\.json$`));
      } catch {
        // A read-only node_modules: the next run is simply a miss.
      }
    },
  };
}
