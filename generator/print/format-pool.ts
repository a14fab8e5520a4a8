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

function workerFormatter(count: number): Formatter {
  const pending = new Map<
    number,
    { resolve: (text: string) => void; reject: (e: unknown) => void; size: number }
  >();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let failure: unknown;
  const fail = (e: unknown): void => {
    failure ??= e;
    for (const { reject } of pending.values()) reject(e);
    pending.clear();
  };
  for (let i = 0; i < count; i++) {
    const worker = new Worker(WORKER_PATH, { workerData: PRETTIER_OPTIONS });
    worker.on(
      'message',
      ({ id, formatted, error }: { id: number; formatted?: string; error?: string }) => {
        const request = pending.get(id);
        pending.delete(id);
        if (request) load.set(worker, load.get(worker)! - request.size);
        if (formatted !== undefined) request?.resolve(formatted);
        else request?.reject(new GeneratorBug(`prettier failed on generated code: ${error}`));
      },
    );
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (load.has(worker)) fail(new GeneratorBug(`a prettier worker exited (${code})`));
    });
    load.set(worker, 0);
  }
  return {
    format(text) {
      if (failure) return Promise.reject(failure);
      // The worker with the least text queued: files differ in size by orders of magnitude.
      let worker: Worker | undefined;
      for (const [w, n] of load) if (worker === undefined || n < load.get(worker)!) worker = w;
      const id = nextId++;
      load.set(worker!, load.get(worker!)! + text.length);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, size: text.length });
        worker!.postMessage({ id, text });
      });
    },
    async close() {
      const workers = [...load.keys()];
      load.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
