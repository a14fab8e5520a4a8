#!/usr/bin/env node
// Entry for `npx clientgen`: runs the CLI bundled into dist/ by `npm run build` (run by `npm ci` and `npm pack`
// through `prepare`). In a checkout, `npm run clientgen` runs the TypeScript sources through tsx instead.

// V8 heap flags, measured on Stripe's and OpenAI's specs (docs/performance.md, "Memory"): a full run's peak resident
// set falls from ~375/~433 MB to ~285/~312 MB at no measured cost in CPU time.
// - `--max-semi-space-size=4`: worker threads (Redocly's, prettier's) get a young generation of 3 × 4 MB instead of
//   3 × 16 MB. It applies to isolates created after it is set, so not to the main thread's (no gain measured there).
// - `--heap-growing-percent=20`: after a full GC, every heap (the main thread's too: it is read at each GC) may grow
//   20% over what it holds before the next, instead of up to 4× for a heap that allocates fast, as ours do.
// One call per flag: V8 ignores whatever follows a flag it does not know (a later Node could drop one).
try {
  const v8 = require('node:v8');
  v8.setFlagsFromString('--max-semi-space-size=4');
  v8.setFlagsFromString('--heap-growing-percent=20');
} catch {
  // A runtime without V8's flags runs as it is.
}
let cli;
try {
  cli = require('../dist/generator/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/generator/cli.js')) {
    process.stderr.write(
      'clientgen: not built; run `npm run build` (or `npm ci`) in the clientgen checkout first\n',
    );
    process.exit(3);
  }
  throw e;
}
// Exits once stdout and stderr have drained: a report piped to `jq` arrives whole; a reader that stops early
// (`| head`) ends the run quietly.
cli.exitQuietlyOnClosedPipe();
cli.main(process.argv).then(cli.exitWhenFlushed);
