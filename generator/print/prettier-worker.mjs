// Formats TypeScript with prettier's standalone build in a worker thread, for generator/print/format-pool.ts.
//
// Plain JavaScript because the worker runs without a TypeScript loader (under tsx, jest and the built CLI alike).
// Protocol: `workerData` is the prettier options (plugins excepted: they cannot be cloned, and are always the two
// below, for the babel-ts parser); messages in are `{ id, text }`, each answered by `{ id, formatted }` or `{ id, error }`.
import { parentPort, workerData } from 'node:worker_threads';
import * as estree from 'prettier/plugins/estree';
import * as babel from 'prettier/plugins/babel';
import * as prettier from 'prettier/standalone';

const options = { ...workerData, plugins: [estree, babel] };

parentPort.on('message', async ({ id, text }) => {
  try {
    parentPort.postMessage({ id, formatted: await prettier.format(text, options) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
