import { lstatSync, mkdtempSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { lstat, readFile, rmdir } from 'node:fs/promises';
import * as path from 'node:path';
import { displayDir } from './report';
import { comparePaths } from './manifest';
import { WriteError } from './write-error';

/** What is at a path of the output folder. */
export type DiskEntry =
  | { kind: 'missing' }
  | { kind: 'file'; bytes: Buffer }
  | { kind: 'symlink' }
  /** A directory or another non-file thing: clientgen never replaces it. */
  | { kind: 'other'; what: string }
  /** An ancestor of the path is not a directory. */
  | { kind: 'blocked'; by: string };

/**
 * The real path of the output folder (symlinks resolved) and whether it exists; a WriteError when it cannot be one.
 * Synchronous: the stager (stager.ts) asks it too, from the CLI, and must find the folder the write will.
 */
export function resolveOutDir(outDir: string): { path: string; exists: boolean } {
  const absolute = path.resolve(outDir);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return { path: absolute, exists: false };
    if (isErrno(e, 'ENOTDIR'))
      throw new WriteError(
        `cannot use ${displayDir(outDir)} as the output folder: a parent of it is not a directory`,
      );
    throw e;
  }
  const stats = lstatSync(real);
  if (!stats.isDirectory())
    throw new WriteError(
      `cannot use ${displayDir(outDir)} as the output folder: it is not a directory`,
    );
  return { path: real, exists: true };
}

/**
 * A new, empty temporary folder beside the output folder `root` (on its file system, so that its files move in by
 * rename), named after it: the write stages its files there.
 */
export function makeStagingDir(root: string): string {
  return mkdtempSync(path.join(path.dirname(root), `.${path.basename(root)}.clientgen-tmp-`));
}

/** The text of a regular file, or undefined when there is none at that path. */
export async function readTextIfFile(file: string): Promise<string | undefined> {
  try {
    if (!(await lstat(file)).isFile()) return undefined;
    return await readFile(file, 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return undefined;
    throw e;
  }
}

/**
 * What is at `relative` under root, with the bytes of a regular file. Synchronous calls: a regeneration inspects
 * every file of the folder, and through fs/promises (a thread-pool round trip per call) Stripe's one-schema
 * regeneration spent ~0.4 s in write, 0.12-0.14 s this way; the answer is the same.
 */
export async function inspect(root: string, relative: string): Promise<DiskEntry> {
  const full = path.join(root, ...relative.split('/'));
  let stats;
  try {
    stats = lstatSync(full);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return { kind: 'missing' };
    if (isErrno(e, 'ENOTDIR'))
      return { kind: 'blocked', by: await blockingAncestor(root, relative) };
    throw e;
  }
  if (stats.isFile()) return { kind: 'file', bytes: readFileSync(full) };
  if (stats.isSymbolicLink()) return { kind: 'symlink' };
  return { kind: 'other', what: stats.isDirectory() ? 'directory' : 'special file' };
}

/** The first ancestor of `relative` that is not a directory (why a path cannot be created). */
export async function blockingAncestor(root: string, relative: string): Promise<string> {
  const segments = relative.split('/');
  for (let i = 1; i < segments.length; i++) {
    const prefix = segments.slice(0, i);
    const stats = await lstat(path.join(root, ...prefix)).catch(() => undefined);
    if (stats && !stats.isDirectory()) return prefix.join('/');
  }
  return relative;
}

/** Files (and symlinks) under root as sorted posix paths; symlinked folders are not followed. Synchronous, as `inspect`. */
export function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative + '/');
      else found.push(relative);
    }
  };
  walk(root, '');
  return found.sort(comparePaths);
}

/** Removes the folders of removed files (up to, not including, root) while they are empty. */
export async function removeEmptyDirs(root: string, removed: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const file of removed) {
    const segments = file.split('/');
    for (let i = segments.length - 1; i >= 1; i--) dirs.add(segments.slice(0, i).join('/'));
  }
  // Deepest first, so a parent is tried after its children.
  for (const dir of [...dirs].sort(
    (a, b) => b.split('/').length - a.split('/').length || comparePaths(a, b),
  )) {
    try {
      await rmdir(path.join(root, ...dir.split('/')));
    } catch (e) {
      if (!isErrno(e, 'ENOTEMPTY') && !isErrno(e, 'EEXIST') && !isErrno(e, 'ENOENT')) throw e;
    }
  }
}

/** Removes the empty folders from root up to `firstCreated`, the first one this run created. */
export async function removeCreatedRoot(root: string, firstCreated: string): Promise<void> {
  for (let dir = root; ; dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    if (dir === firstCreated || path.dirname(dir) === dir) return;
  }
}

/** Whether `e` is a Node system error with this `code`. */
export function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}
