import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as estree from 'prettier/plugins/estree';
import * as typescript from 'prettier/plugins/typescript';
import * as prettier from 'prettier/standalone';
import { GeneratorBug } from '../errors';
import { PRETTIER_OPTIONS } from './prettier-options';

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 64;

/** A formatter for many files: prettier in worker threads for large outputs, in-process for small ones. */
export interface Formatter {
  format(text: string): Promise<string>;
  close(): Promise<void>;
}

/** Makes a formatter sized for `fileCount` files. Results never depend on which worker formatted what. */
export function createFormatter(fileCount: number): Formatter {
  const workers = Number(process.env.CLIENTGEN_PRINT_WORKERS ?? Math.min(availableParallelism(), 4));
  if (fileCount < PARALLEL_FROM || workers < 2) {
    return { format: (text) => prettier.format(text, { ...PRETTIER_OPTIONS, plugins: [estree, typescript] }), close: async () => {} };
  }
  const pool = Array.from({ length: workers }, () => new Worker(path.join(__dirname, 'prettier-worker.js'), { workerData: { options: PRETTIER_OPTIONS } }));
  const pending = new Map<number, { resolve: (text: string) => void; reject: (e: Error) => void }>();
  for (const worker of pool) {
    worker.on('message', (m: { id: number; text?: string; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.text !== undefined) p?.resolve(m.text);
      else p?.reject(new GeneratorBug(`prettier could not format generated code: ${m.error}`));
    });
    worker.on('error', (e) => pending.forEach((p) => p.reject(e)));
  }
  let next = 0;
  return {
    format(text) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        pool[id % pool.length]!.postMessage({ id, text });
      });
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
