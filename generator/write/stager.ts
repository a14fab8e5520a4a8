import { existsSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GeneratedFile } from '../output/generated-file';
import { makeStagingDir, resolveOutDir } from './disk';
import { checkRelativePath } from './manifest';

/** Files already written into a staging folder beside the output folder: `contents` by path. */
export interface Staged {
  dir: string;
  contents: ReadonlyMap<string, string>;
}

/**
 * Writes a run's new files into the staging folder while the run is still printing, in a worker thread, so that
 * creating them overlaps the layout of the next files instead of following it. Creating a file is the costly part of a
 * write on some disks: on this machine's, 1,024 new files took from 0.03 to 1.4 s of the kernel's time depending on
 * the folder and the hour, writing into 1,024 existing ones 0.05 s. Only a file missing from the output folder is staged: one that
 * is there is most likely unchanged, and the write compares it first.
 *
 * Staging is an optimization only: `commitFiles` writes any file it needs that was not staged with the same contents,
 * so a failure here is never an error of its own, and the write still decides everything (which files change,
 * refusals, the manifest). The staging folder is the write's temporary folder: it is moved from and removed by the
 * write, or removed by `discard`.
 */
export class Stager {
  private worker: Worker | undefined;
  /** Settles with no paths when the worker stops without answering (it failed to start, or crashed). */
  private exited: Promise<string[]> = Promise.resolve([]);
  private dir: string | undefined;
  private failed = false;
  private readonly sent = new Map<string, string>();
  /**
   * Files not yet posted: they go in batches. A message per file cost the main thread ~70 ms of Stripe's print, in
   * 1,000 messages; batches cost 20–40 ms (profiles of the print stage).
   */
  private batch: GeneratedFile[] = [];
  private batchLength = 0;

  private constructor(
    /** The output folder's real path, as `resolveOutDir` gives it. */
    readonly root: string,
    private readonly rootExists: boolean,
  ) {}

  /**
   * A stager for `outDir`, or undefined when it cannot be an output folder (the write then says why), or when the
   * folder that would hold the staging folder beside it does not exist.
   */
  static open(outDir: string): Stager | undefined {
    try {
      const root = resolveOutDir(outDir);
      return root.exists || statSync(path.dirname(root.path)).isDirectory()
        ? new Stager(root.path, root.exists)
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Queues `file` for the worker (started with the first file staged) when the output folder has nothing at its path
   * (a stat, ~5 µs: a regeneration starts no worker); a path the write would refuse is left to the write.
   */
  stage(file: GeneratedFile): void {
    if (this.failed || checkRelativePath(file.path) !== undefined || this.sent.has(file.path))
      return;
    if (this.rootExists && existsSync(path.join(this.root, ...file.path.split('/')))) return;
    if (!this.worker && !this.start()) return;
    this.sent.set(file.path, file.contents);
    this.batch.push(file);
    this.batchLength += file.contents.length;
    if (this.batchLength >= BATCH_LENGTH) this.flush();
  }

  /**
   * Waits for the worker: what it staged, or undefined when it staged nothing (the write then stages everything). From
   * here on the write owns the staging folder, and the CLI's own Ctrl-C handling applies.
   */
  async finish(): Promise<Staged | undefined> {
    process.off('SIGINT', this.interrupted);
    const worker = this.worker;
    if (!worker || !this.dir) return undefined;
    // Referenced while the run waits for it: an unreferenced worker would let the process exit meanwhile.
    worker.ref();
    const answered = new Promise<string[]>((resolve) => worker.once('message', resolve));
    this.flush();
    worker.postMessage(null);
    const paths = await Promise.race([answered, this.exited]);
    this.worker = undefined;
    await worker.terminate();
    const contents = new Map<string, string>();
    for (const p of paths) {
      const text = this.sent.get(p);
      if (text !== undefined) contents.set(p, text);
    }
    return { dir: this.dir, contents };
  }

  /** Stops the worker and removes the staging folder (after `finish` too: the write may have moved from it). */
  async discard(): Promise<void> {
    process.off('SIGINT', this.interrupted);
    const worker = this.worker;
    this.worker = undefined;
    this.failed = true;
    if (worker) await worker.terminate();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Ctrl-C before the write: the staging folder is removed, then the signal is raised again, so that the process ends
   * as it would have without a stager (a listener keeps Node from ending it).
   */
  private readonly interrupted = (): void => {
    void this.discard().finally(() => process.kill(process.pid, 'SIGINT'));
  };

  private flush(): void {
    if (!this.batch.length) return;
    this.worker?.postMessage(this.batch.map((f) => ({ path: f.path, contents: f.contents })));
    this.batch = [];
    this.batchLength = 0;
  }

  private start(): boolean {
    try {
      this.dir = makeStagingDir(this.root);
      const worker = new Worker(STAGE_WORKER, {
        eval: true,
        workerData: { dir: this.dir },
      });
      worker.unref();
      process.on('SIGINT', this.interrupted);
      // A worker that cannot run stages nothing: the write then writes every file itself.
      worker.on('error', () => (this.failed = true));
      this.exited = new Promise((resolve) => worker.once('exit', () => resolve([])));
      this.worker = worker;
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }
}

/** Characters of text per message to the worker (a few dozen of Stripe's files). */
const BATCH_LENGTH = 64 * 1024;

// The worker: one message per batch of files, `null` to end (it answers with the paths it staged). Plain CommonJS,
// run with `eval`, so that it needs no file of its own in the bundle. A file it cannot write is left to the write.
const STAGE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { dir } = workerData;
const staged = [];
parentPort.on('message', (files) => {
  if (files === null) return parentPort.postMessage(staged);
  for (const file of files) {
    try {
      const target = path.join(dir, ...file.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.contents, 'utf8');
      staged.push(file.path);
    } catch {}
  }
});
`;
