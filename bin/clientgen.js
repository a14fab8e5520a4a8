#!/usr/bin/env node
// Entry for `npx clientgen`: runs the TypeScript CLI through tsx (a dependency), so no build step is needed.
require('tsx/cjs');
require('../generator/cli.ts')
  .main(process.argv)
  .then((code) => process.exit(code));
