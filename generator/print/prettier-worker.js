// Formats TypeScript text with prettier's standalone build, in a worker thread (see format-pool.ts).
// Plain JavaScript so that it loads the same way under tsx, jest and an installed package.
const { parentPort, workerData } = require('node:worker_threads');
const prettier = require('prettier/standalone');
const estree = require('prettier/plugins/estree');
const typescript = require('prettier/plugins/typescript');

const options = { ...workerData.options, plugins: [estree, typescript] };
parentPort.on('message', async ({ id, text }) => {
  try {
    parentPort.postMessage({ id, text: await prettier.format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
