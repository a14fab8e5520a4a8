#!/usr/bin/env node
// Entry for `npx clientgen`: runs the CLI bundled into dist/ by `npm run build` (run by `npm ci` and `npm pack`
// through `prepare`). In a checkout, `npm run clientgen` runs the TypeScript sources through tsx instead.
// Worker threads (Redocly's, prettier's) get a young generation of 3 × 4 MB instead of 3 × 16 MB: each worker's
// heap grows less while it runs, and the run's peak resident set falls by 50–60 MB on Stripe's and OpenAI's specs at
// no measured cost in time (docs/performance.md, "Memory"). Set here, before any worker starts: the flag applies to
// isolates created after it, not to the main thread's, whose young generation is not where the peak comes from.
try {
  require('node:v8').setFlagsFromString('--max-semi-space-size=4');
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
// Exits once stdout and stderr have drained: a report piped to `jq` arrives whole.
cli.main(process.argv).then(cli.exitWhenFlushed);
