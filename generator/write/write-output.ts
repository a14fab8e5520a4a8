import { unlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { GeneratedFile } from '../output/generated-file';
import { commitFiles } from './commit';
import { isKnownContent, normalizeEol, sameText, validateFiles } from './contents';
import { inspect, listFiles, readTextIfFile, resolveOutDir } from './disk';
import {
  JOURNAL_NAME,
  MANIFEST_NAME,
  comparePaths,
  parseManifest,
  serializeManifest,
  sha256,
  type Manifest,
  type ManifestEntry,
} from './manifest';
import { displayDir } from './report';
import type { Stager } from './stager';
import { WriteError } from './write-error';

/**
 * - `written`: the output folder now holds exactly the given files (plus the user's own files).
 * - `up-to-date`: nothing had to change (nothing was touched).
 * - `drift`: `check` found differences (nothing was touched).
 * - `hand-edited`: refused because files clientgen wrote were edited by hand (nothing was touched); see `handEdited`.
 * - `foreign-conflict`: refused because files clientgen did not write sit at paths it wants (nothing was touched);
 *   see `foreignConflicts`.
 */
export type WriteStatus = 'written' | 'up-to-date' | 'drift' | 'hand-edited' | 'foreign-conflict';

/** Paths are posix, relative to the output folder, sorted. For `check` and refusals they describe what a write would do. */
export interface WriteResult {
  status: WriteStatus;
  /** Absolute path of the output folder. */
  outDir: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /**
   * Files clientgen wrote whose contents no longer match the manifest. With `force`, wanted ones are overwritten (also
   * listed in `changed`) and stale ones are kept, no longer managed (also listed in `foreignKept`): edits are never deleted.
   */
  handEdited: string[];
  /** Files clientgen did not write at paths it wants to write. With `force` they are overwritten (also in `changed`). */
  foreignConflicts: string[];
  /** Files in the output folder that are not (or no longer) clientgen's: never changed nor deleted. */
  foreignKept: string[];
  /** What happens to the manifest. */
  manifest: 'added' | 'changed' | 'unchanged';
}

/** A step of a write, reported to `onStep` right after it is done. */
export interface WriteStep {
  /** stage: written into the temporary folder; commit: moved into the output folder; remove: a stale file deleted. */
  phase: 'stage' | 'commit' | 'remove' | 'manifest';
  path: string;
  /** 0-based count within the phase. */
  index: number;
}

export interface WriteOptions {
  /** Compare only: write nothing and report the differences (status `drift` or `up-to-date`). */
  check?: boolean;
  /** Overwrite hand-edited files and files not written by clientgen at paths it wants. */
  force?: boolean;
  /** Recorded in the manifest. */
  generatorVersion?: string;
  /** Aborting while files are staged leaves the output folder untouched; once files are being moved in, the move completes. */
  signal?: AbortSignal;
  /** Called after each step (tests inject failures here; a throw aborts the write like a crash would). */
  onStep?: (step: WriteStep) => void | Promise<void>;
  /**
   * Files already staged during print (write/stager.ts): the write moves those it needs from there, and always
   * removes the staging folder.
   */
  staging?: Stager;
}

/**
 * Makes `outDir` hold exactly `files` (and the user's own files), recording what clientgen wrote in the manifest.
 *
 * Nothing a user has is lost: files clientgen did not write are never changed or deleted, hand-edited files are refused
 * (unless `force`), stale files are removed only while unchanged since clientgen wrote them. Files are staged in a
 * temporary folder next to `outDir`, moved in one by one with rename, and the manifest is written last, so a failure
 * while staging leaves the previous output untouched.
 */
export async function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  try {
    return await writeFiles(outDir, files, options);
  } finally {
    await options.staging?.discard();
  }
}

async function writeFiles(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions,
): Promise<WriteResult> {
  const wanted = validateFiles(files);
  const root = resolveOutDir(outDir);
  const label = displayDir(outDir);
  const rootExists = root.exists;

  const oldManifestText = rootExists
    ? await readTextIfFile(path.join(root.path, MANIFEST_NAME))
    : undefined;
  const oldManifest = readManifest(
    oldManifestText,
    `${label}${MANIFEST_NAME}`,
    options.force,
    false,
  );
  const journalText = rootExists
    ? await readTextIfFile(path.join(root.path, JOURNAL_NAME))
    : undefined;
  const journal = readManifest(journalText, `${label}${JOURNAL_NAME}`, options.force, true);

  /** Every content clientgen is known to have written at each path. */
  const ours = new Map<string, Set<string>>();
  for (const entry of [...(oldManifest?.files ?? []), ...(journal?.files ?? [])]) {
    const set = ours.get(entry.path) ?? new Set<string>();
    set.add(entry.sha256);
    ours.set(entry.path, set);
  }

  const added: string[] = [];
  const changed: string[] = [];
  const unchanged: string[] = [];
  const handEdited: string[] = [];
  const foreignConflicts: string[] = [];
  const blocked: string[] = [];
  const toWrite: GeneratedFile[] = [];

  for (const file of wanted) {
    const disk = rootExists ? await inspect(root.path, file.path) : ({ kind: 'missing' } as const);
    switch (disk.kind) {
      case 'missing':
        added.push(file.path);
        toWrite.push(file);
        break;
      case 'other':
        blocked.push(`${label}${file.path} is a ${disk.what}`);
        break;
      case 'blocked':
        blocked.push(
          `${label}${file.path} cannot be created: ${label}${disk.by} is not a directory`,
        );
        break;
      case 'file':
      case 'symlink': {
        if (disk.kind === 'file' && sameText(disk.bytes, file.contents)) {
          // Also when it was not ours or was edited: it already holds exactly what we would write, nothing can be lost.
          unchanged.push(file.path);
          break;
        }
        const known = ours.get(file.path);
        if (known === undefined) foreignConflicts.push(file.path);
        else if (disk.kind === 'symlink' || !isKnownContent(disk.bytes, known))
          handEdited.push(file.path);
        changed.push(file.path);
        toWrite.push(file);
        break;
      }
    }
  }
  if (blocked.length) {
    throw new WriteError(
      `cannot write into ${label}; move these out of the way first:\n${blocked.map((b) => `  ${b}`).join('\n')}`,
    );
  }

  const wantedPaths = new Set(wanted.map((f) => f.path));
  const removed: string[] = [];
  const keptEdited: string[] = [];
  for (const [stalePath, known] of [...ours].sort(([a], [b]) => comparePaths(a, b))) {
    if (wantedPaths.has(stalePath)) continue;
    const disk = await inspect(root.path, stalePath);
    if (disk.kind === 'file' && isKnownContent(disk.bytes, known)) removed.push(stalePath);
    else if (disk.kind === 'file' || disk.kind === 'symlink') keptEdited.push(stalePath);
    // Missing, or replaced by a directory: nothing of ours is left there.
  }
  handEdited.push(...keptEdited);
  handEdited.sort(comparePaths);

  const removedSet = new Set(removed);
  const foreignKept = rootExists
    ? listFiles(root.path).filter(
        (p) =>
          p !== MANIFEST_NAME && p !== JOURNAL_NAME && !wantedPaths.has(p) && !removedSet.has(p),
      )
    : [];

  const newManifest: Manifest = {
    files: wanted.map((f): ManifestEntry => ({ path: f.path, sha256: sha256(f.contents) })),
  };
  if (options.generatorVersion !== undefined)
    newManifest.generatorVersion = options.generatorVersion;
  const newManifestText = serializeManifest(newManifest);
  const manifest: WriteResult['manifest'] =
    oldManifestText === undefined
      ? 'added'
      : normalizeEol(oldManifestText) === newManifestText
        ? 'unchanged'
        : 'changed';

  const result = (status: WriteStatus): WriteResult => ({
    status,
    outDir: root.path,
    added,
    changed,
    removed,
    unchanged,
    handEdited,
    foreignConflicts,
    foreignKept,
    manifest,
  });

  const differs =
    toWrite.length > 0 || removed.length > 0 || keptEdited.length > 0 || manifest !== 'unchanged';
  if (options.check) return result(differs ? 'drift' : 'up-to-date');
  if (handEdited.length && !options.force) return result('hand-edited');
  if (foreignConflicts.length && !options.force) return result('foreign-conflict');
  if (!differs) {
    // Left by a run interrupted after its manifest was in place: everything matches, only the journal remains.
    if (journalText !== undefined) await unlink(path.join(root.path, JOURNAL_NAME));
    return result('up-to-date');
  }

  // Journal: every content this run (and an earlier interrupted one) may leave at each path.
  const journalEntries = new Map<string, ManifestEntry>();
  for (const entry of [...(journal?.files ?? []), ...newManifest.files])
    journalEntries.set(`${entry.path}\0${entry.sha256}`, entry);
  const newJournalText = serializeManifest({ files: [...journalEntries.values()] });

  // Staged beside another folder (the output folder was replaced meanwhile): not used, only removed.
  const staged = options.staging?.root === root.path ? await options.staging.finish() : undefined;
  await commitFiles(
    root.path,
    { toWrite, removed, writeManifest: manifest !== 'unchanged', newManifestText, newJournalText },
    { ...options, ...(staged && { staged }) },
  );
  return result('written');
}

function readManifest(
  text: string | undefined,
  label: string,
  force: boolean | undefined,
  journal: boolean,
): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    return parseManifest(text, label, { allowDuplicatePaths: journal });
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    // Without a readable manifest clientgen cannot tell its files from the user's: with force, treat them all as foreign.
    if (force) return undefined;
    throw new WriteError(
      `${e.message}\nclientgen cannot tell which files it wrote; restore the file (e.g. from version control) or pass --force ` +
        `(files at paths clientgen writes are then overwritten; no other file is removed)`,
    );
  }
}
