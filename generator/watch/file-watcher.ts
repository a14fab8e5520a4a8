import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';

/**
 * Says when one of a set of files changes, for `generate --watch`. Each file is watched through its folder: an editor
 * that saves by renaming a new file over the old one replaces the file, and a watch on the file itself would end
 * there. A folder that does not exist is watched through its nearest existing ancestor, for the folder's creation.
 */
export class FileWatcher {
  /** Watched folder → the names in it that count, and which folder it was (a watch follows the folder, not its path). */
  private readonly folders = new Map<
    string,
    { watcher: FSWatcher; names: Set<string>; identity: string | undefined }
  >();
  private files = new Set<string>();
  /** The first file that changed since `next` last answered, and when the last change came. */
  private changed: string | undefined;
  private lastChange = 0;
  private wake: (() => void) | undefined;

  /** @param quietMs how long changes must have stopped before `next` answers: a save is often several events. */
  constructor(private readonly quietMs = 100) {}

  /**
   * Watches exactly `files` (absolute paths) from now on. A file that was not watched before, or whose folder was
   * replaced since, and that was modified at or after `since` (a time from `Date.now()`: when the run that named it
   * started) counts as changed, since its change may have come before its watch.
   */
  watch(files: readonly string[], since: number): void {
    const wanted = new Map<string, Set<string>>();
    const folderOf = new Map<string, string>();
    for (const file of files) {
      const [dir, name] = watchedAs(file);
      folderOf.set(file, dir);
      const names = wanted.get(dir) ?? new Set<string>();
      wanted.set(dir, names.add(name));
    }
    for (const [dir, entry] of this.folders)
      if (!wanted.has(dir)) {
        entry.watcher.close();
        this.folders.delete(dir);
      }
    const fresh = new Set<string>();
    for (const [dir, names] of wanted) {
      const entry = this.folders.get(dir);
      const identity = identityOf(dir);
      if (entry && entry.identity === identity) {
        entry.names = names;
        continue;
      }
      // A folder removed or renamed and made again: the old watch follows the old folder.
      entry?.watcher.close();
      this.folders.delete(dir);
      try {
        this.folders.set(dir, { watcher: this.watchFolder(dir), names, identity });
        fresh.add(dir);
      } catch {
        // Gone since it was looked for: a change (the next run says what is missing, and the next watch looks again).
        this.recordIn(dir, names);
      }
    }
    for (const file of files) {
      const unwatched = !this.files.has(file) || fresh.has(folderOf.get(file)!);
      if (unwatched && modifiedSince(file, since)) this.record(file);
    }
    this.files = new Set(files);
  }

  /**
   * Resolves to a file that changed once changes have stopped for `quietMs` (at once if one changed since the last
   * answer), or to undefined when `signal` aborts.
   */
  async next(signal: AbortSignal): Promise<string | undefined> {
    for (;;) {
      if (signal.aborted) return undefined;
      const quietFor = performance.now() - this.lastChange;
      if (this.changed !== undefined && quietFor >= this.quietMs) {
        const file = this.changed;
        this.changed = undefined;
        return file;
      }
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        const timer =
          this.changed !== undefined ? setTimeout(done, this.quietMs - quietFor) : undefined;
        signal.addEventListener('abort', done, { once: true });
        this.wake = done;
      });
    }
  }

  /** Stops watching. */
  close(): void {
    for (const { watcher } of this.folders.values()) watcher.close();
    this.folders.clear();
    this.wake?.();
  }

  private watchFolder(dir: string): FSWatcher {
    const watcher = watch(dir, (_event, name) => {
      const names = this.folders.get(dir)?.names;
      if (!names) return;
      const changed = name?.toString();
      if (changed !== undefined && names.has(changed)) this.record(path.join(dir, changed));
      // No name (some platforms): any change in the folder counts. The folder's own name: it was moved or removed,
      // and the next `watch` watches what is at its path.
      else if (changed === undefined || changed === path.basename(dir)) this.recordIn(dir, names);
    });
    // A folder removed while watched: its files changed (the run then says what is missing).
    watcher.on('error', () => {
      const names = this.folders.get(dir)?.names;
      if (names) this.recordIn(dir, names);
    });
    return watcher;
  }

  /** A change somewhere in `dir` (which of its watched files is unknown): reported as its first one. */
  private recordIn(dir: string, names: ReadonlySet<string>): void {
    this.record(path.join(dir, [...names][0]!));
  }

  private record(file: string): void {
    this.changed ??= file;
    this.lastChange = performance.now();
    this.wake?.();
  }
}

/** The folder to watch for `file` and the name in it that counts: its own folder, or the nearest one that exists. */
function watchedAs(file: string): [string, string] {
  let name = path.basename(file);
  let dir = path.dirname(file);
  while (!existsSync(dir) && path.dirname(dir) !== dir) {
    name = path.basename(dir);
    dir = path.dirname(dir);
  }
  return [dir, name];
}

/** Which folder is at `dir` now (undefined: none). */
function identityOf(dir: string): string | undefined {
  try {
    const stat = statSync(dir);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

function modifiedSince(file: string, since: number): boolean {
  try {
    return statSync(file).mtimeMs >= since;
  } catch {
    return false;
  }
}
