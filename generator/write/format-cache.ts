import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import * as path from 'node:path';

/**
 * Prettier's output for the files of one output folder, kept between runs so that a regeneration formats only the
 * files whose emitted text changed (print/print-files.ts decides the keys). It lives in
 * `node_modules/.cache/clientgen/` of the nearest folder above the working directory that has a `node_modules`
 * (the convention of babel, eslint and others), one JSON file per output folder, never in the output folder itself:
 * the output stays exactly the generated files. Without a `node_modules` there is no cache. `CLIENTGEN_CACHE_DIR`
 * names another folder (the benchmark uses a temporary one).
 */
export interface FormatCacheStore {
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
  /** Writes the entries used by this run (and only those, so the file does not grow); errors are ignored. */
  save(): Promise<void>;
}

/** Cache files kept (one per output folder); the least recently written go first. */
const MAX_FILES = 8;
const VERSION = 1;

/**
 * Opens the cache of `outDir`; undefined when there is no `node_modules` to keep it in. A bad cache file is ignored,
 * and so is one written by other code (`code`, cache/code-id.ts): the layout is clientgen's own code, and other code
 * may lay out the same text otherwise.
 */
export async function openFormatCache(
  outDir: string,
  cwd: string,
  code: string,
): Promise<FormatCacheStore | undefined> {
  const dir = await findCacheDir(cwd);
  if (dir === undefined) return undefined;
  const file = path.join(
    dir,
    `format-${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)}.json`,
  );
  // A process that saved this file and finds it as it left it (`generate --watch`, one run after another) takes the
  // entries it wrote rather than reading ~3 MB of JSON back (~70 ms of each of Stripe's regenerations there). "As it
  // left it" is read from the file's metadata, so a rewrite of the same size, in place, within the file system's
  // clock tick would go unseen: the entries kept are then this process's own, keyed by the text they format and the
  // code that wrote them (a format key, an emit record key), so they are still right, only perhaps fewer.
  const previous =
    kept && kept.file === file && kept.code === code && sameFile(kept.stat, await statOf(file))
      ? kept.entries
      : await readEntries(file, code);
  const used = new Map<string, string>();
  return {
    get: (key) => previous.get(key) ?? used.get(key),
    set: (key, formatted) => void used.set(key, formatted),
    async save() {
      try {
        await mkdir(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(
          tmp,
          JSON.stringify({ version: VERSION, code, entries: Object.fromEntries(used) }),
          'utf8',
        );
        kept = undefined;
        await rename(tmp, file);
        const written = await statOf(file);
        if (written) kept = { file, code, stat: written, entries: used };
        await evictOldFiles(dir);
      } catch {
        // A cache is an optimisation: a read-only node_modules must not fail a generation.
      }
    },
  };
}

/** The entries this process last saved, and the file as it left it. */
let kept:
  { file: string; code: string; stat: BigIntStats; entries: Map<string, string> } | undefined;

async function statOf(file: string): Promise<BigIntStats | undefined> {
  return stat(file, { bigint: true }).catch(() => undefined);
}

/** The same file, not written since: its inode, size and change and modification times to the nanosecond. */
function sameFile(a: BigIntStats, b: BigIntStats | undefined): boolean {
  return (
    b !== undefined &&
    a.ino === b.ino &&
    a.dev === b.dev &&
    a.size === b.size &&
    a.mtimeNs === b.mtimeNs &&
    a.ctimeNs === b.ctimeNs
  );
}

/** The cache folder for a run from `cwd`: `CLIENTGEN_CACHE_DIR`, else `node_modules/.cache/clientgen` of the nearest folder with a `node_modules`. */
export async function findCacheDir(cwd: string): Promise<string | undefined> {
  if (process.env.CLIENTGEN_CACHE_DIR) return path.resolve(cwd, process.env.CLIENTGEN_CACHE_DIR);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const modules = path.join(dir, 'node_modules');
    if (await isDirectory(modules)) return path.join(modules, '.cache', 'clientgen');
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function readEntries(file: string, code: string): Promise<Map<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as {
      version?: unknown;
      code?: unknown;
      entries?: unknown;
    };
    if (
      parsed.version !== VERSION ||
      parsed.code !== code ||
      typeof parsed.entries !== 'object' ||
      parsed.entries === null
    )
      return new Map();
    return new Map(
      Object.entries(parsed.entries).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return new Map();
  }
}

/** Removes the least recently written cache files named like `pattern` beyond the last MAX_FILES. */
export async function evictOldFiles(
  dir: string,
  pattern: RegExp = /^format-[0-9a-f]+\.json$/,
  keep = MAX_FILES,
): Promise<void> {
  const names = (await readdir(dir)).filter((n) => pattern.test(n));
  if (names.length <= keep) return;
  const dated = await Promise.all(
    names.map(async (n) => ({ n, mtime: (await stat(path.join(dir, n))).mtimeMs })),
  );
  dated.sort((a, b) => b.mtime - a.mtime);
  await Promise.all(dated.slice(keep).map(({ n }) => unlink(path.join(dir, n)).catch(() => {})));
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
