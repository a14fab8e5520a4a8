#!/usr/bin/env node
// Entry for `npx clientgen`: runs the CLI bundled into dist/ by `npm run build` (run by `npm ci` and `npm pack`
// through `prepare`). In a checkout, `npm run clientgen` runs the TypeScript sources through tsx instead.
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
