import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { GeneratedFile } from '../output/generated-file';
import { makeStagingDir, removeCreatedRoot, removeEmptyDirs } from './disk';
import { JOURNAL_NAME, MANIFEST_NAME } from './manifest';
import type { Staged } from './stager';
import type { WriteOptions } from './write-output';

/** What a write changes, decided by `writeOutput`. */
export interface Changes {
  toWrite: readonly GeneratedFile[];
  /** Stale files of ours, unchanged since written: deleted. */
  removed: readonly string[];
  writeManifest: boolean;
  newManifestText: string;
  newJournalText: string;
}

/**
 * Applies `changes` to the output folder `root`: files are staged in a temporary folder next to it, moved in one by
 * one with rename, and the manifest is moved last. The journal, moved in first and deleted last, lets the next run
 * recognise our files if this one is interrupted; a failure while staging leaves the output folder untouched (and
 * takes back the folder this run created).
 *
 * Files are written and moved with synchronous calls: there is nothing else for this thread to do meanwhile, and a
 * thousand small files cost a round trip to libuv's thread pool each otherwise (about half a second on Stripe).
 */
export async function commitFiles(
  root: string,
  changes: Changes,
  options: Pick<WriteOptions, 'signal' | 'onStep'> & {
    /** Files already staged during print (write/stager.ts): their folder is the temporary folder. */
    staged?: Staged;
  },
): Promise<void> {
  const { toWrite, removed, newManifestText, newJournalText } = changes;
  const firstCreated = await mkdir(root, { recursive: true });
  let committing = false;
  let done = false;
  const staged = options.staged;
  const tmp = staged?.dir ?? makeStagingDir(root);
  try {
    const made = new Set<string>();
    for (const [index, file] of toWrite.entries()) {
      options.signal?.throwIfAborted();
      if (staged?.contents.get(file.path) !== file.contents) {
        const target = path.join(tmp, ...file.path.split('/'));
        ensureDir(path.dirname(target), made);
        writeFileSync(target, file.contents, 'utf8');
      }
      await options.onStep?.({ phase: 'stage', path: file.path, index });
    }
    await writeFile(path.join(tmp, MANIFEST_NAME), newManifestText, 'utf8');
    await writeFile(path.join(tmp, JOURNAL_NAME), newJournalText, 'utf8');
    options.signal?.throwIfAborted();

    // From here on the output folder changes; the journal lets the next run recognise our files if this is interrupted.
    committing = true;
    await rename(path.join(tmp, JOURNAL_NAME), path.join(root, JOURNAL_NAME));
    const moved = new Set<string>();
    for (const [index, file] of toWrite.entries()) {
      const target = path.join(root, ...file.path.split('/'));
      ensureDir(path.dirname(target), moved);
      renameSync(path.join(tmp, ...file.path.split('/')), target);
      await options.onStep?.({ phase: 'commit', path: file.path, index });
    }
    for (const [index, stalePath] of removed.entries()) {
      await unlink(path.join(root, ...stalePath.split('/')));
      await options.onStep?.({ phase: 'remove', path: stalePath, index });
    }
    if (changes.writeManifest) {
      await rename(path.join(tmp, MANIFEST_NAME), path.join(root, MANIFEST_NAME));
      await options.onStep?.({ phase: 'manifest', path: MANIFEST_NAME, index: 0 });
    }
    await unlink(path.join(root, JOURNAL_NAME));
    await removeEmptyDirs(root, removed);
    done = true;
  } finally {
    await rm(tmp, { recursive: true, force: true });
    // Failed before anything moved: also take back the (empty) output folder this run created.
    if (!done && !committing && firstCreated !== undefined)
      await removeCreatedRoot(root, firstCreated);
  }
}

/** `mkdir -p dir`, once per folder of a run (`made` remembers them). */
function ensureDir(dir: string, made: Set<string>): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}
