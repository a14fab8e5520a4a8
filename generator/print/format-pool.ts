import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GeneratorBug } from '../errors';
import { PRETTIER_OPTIONS } from './prettier-options';

/** Formats TypeScript text with clientgen's fixed prettier options. */
export interface Formatter {
  format(text: string): Promise<string>;
  /** Stops the workers, if any. */
  close(): Promise<void>;
}

/**
 * Below this much text, starting workers (each loads prettier, ~0.1 s) costs more than it saves: format in process.
 * Chat Completions emits ~0.4 MB, Stripe ~2.5 MB.
 */
const WORKER_THRESHOLD = 600_000;
const WORKER_PATH = path.join(__dirname, 'prettier-worker.mjs');

/**
 * A formatter for `totalBytes` of text: prettier in this thread for small outputs, otherwise in one worker per core
 * (at most 4), so formatting, the most expensive stage, runs in parallel with printing the next files.
 */
export function createFormatter(totalBytes: number): Formatter {
  // CLIENTGEN_PRINT_WORKERS (a count, 0 for none) overrides the choice, to measure it.
  const wanted = Number(process.env.CLIENTGEN_PRINT_WORKERS ?? NaN);
  if (Number.isInteger(wanted) && wanted >= 0)
    return wanted ? workerFormatter(wanted) : inProcessFormatter();
  const workers = Math.min(4, availableParallelism());
  return totalBytes < WORKER_THRESHOLD || workers < 2
    ? inProcessFormatter()
    : workerFormatter(workers);
}

function inProcessFormatter(): Formatter {
  const modules = Promise.all([
    import('prettier/standalone'),
    import('prettier/plugins/estree'),
    import('prettier/plugins/babel'),
  ]);
  return {
    async format(text) {
      const [prettier, estree, babel] = await modules;
      return prettier.format(text, { ...PRETTIER_OPTIONS, plugins: [estree, babel] });
    },
    close: async () => {},
  };
}

/** A worker's heap limit: prettier needs far less for one file, and a bounded heap is collected sooner (lower RSS). */
const WORKER_HEAP_MB = 96;

interface Job {
  text: string;
  resolve: (text: string) => void;
  reject: (e: unknown) => void;
}

function workerFormatter(count: number): Formatter {
  // Each worker's jobs by id; its queued text size is the sum of theirs.
  const pools = new Map<Worker, { jobs: Map<number, Job>; queued: number }>();
  let fallback: Formatter | undefined;
  let nextId = 0;
  // A worker that dies (out of its heap on a huge file, say) hands its jobs to prettier in this thread.
  const retire = (worker: Worker): void => {
    const pool = pools.get(worker);
    if (!pool) return;
    pools.delete(worker);
    void worker.terminate();
    fallback ??= inProcessFormatter();
    for (const job of pool.jobs.values()) fallback.format(job.text).then(job.resolve, job.reject);
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(WORKER_PATH, {
      workerData: PRETTIER_OPTIONS,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const pool = { jobs: new Map<number, Job>(), queued: 0 };
    worker.on(
      'message',
      ({ id, formatted, error }: { id: number; formatted?: string; error?: string }) => {
        const job = pool.jobs.get(id);
        if (!job) return;
        pool.jobs.delete(id);
        pool.queued -= job.text.length;
        if (formatted !== undefined) job.resolve(formatted);
        else
          job.reject(
            new GeneratorBug(
              `prettier failed on generated code: ${error ?? 'no error message from the worker'}`,
            ),
          );
      },
    );
    worker.on('error', () => retire(worker));
    worker.on('exit', () => retire(worker));
    pools.set(worker, pool);
  }
  return {
    format(text) {
      // The worker with the least text queued: files differ in size by orders of magnitude.
      let chosen: [Worker, { jobs: Map<number, Job>; queued: number }] | undefined;
      for (const entry of pools) if (!chosen || entry[1].queued < chosen[1].queued) chosen = entry;
      if (!chosen) return (fallback ??= inProcessFormatter()).format(text);
      const [worker, pool] = chosen;
      const id = nextId++;
      pool.queued += text.length;
      return new Promise((resolve, reject) => {
        pool.jobs.set(id, { text, resolve, reject });
        worker.postMessage({ id, text });
      });
    },
    async close() {
      const workers = [...pools.keys()];
      pools.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
