// `npm run build` (also run by `npm ci` and `npm pack` through `prepare`): bundles the CLI into
// dist/generator/cli.js with esbuild, so `bin/clientgen.js` starts plain JavaScript instead of compiling
// TypeScript through tsx at every run. Packages stay external (they are the package's dependencies); the
// stages still load lazily (`import()` becomes a lazily initialised module inside the bundle). The worker
// scripts sit next to the bundle, where `__dirname` points (Redocly's bundled, below; prettier's copied);
// `templates/` stays at the package root
// (`../../templates` from dist/generator/, as from generator/emit/). esbuild comes with tsx (a dev dependency).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/generator');
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node18', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: [join(root, 'generator/cli.ts')],
  outfile: join(out, 'cli.js'),
  format: 'cjs',
  packages: 'external',
});
// Redocly lints GraphQL schemas too, with the graphql package. clientgen never asks it to, and every use of graphql
// is inside a GraphQL rule or linter: the bundle holds an empty module in its place (0.7 MB less to compile, ~25 ms
// of the worker's start).
const withoutGraphql = {
  name: 'without-graphql',
  setup(b) {
    b.onResolve({ filter: /^graphql$/ }, () => ({ path: 'graphql', namespace: 'without-graphql' }));
    b.onLoad({ filter: /.*/, namespace: 'without-graphql' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};
// Redocly's worker is bundled with @redocly/openapi-core into one file: importing its ~200 ES modules took the
// worker ~0.5 s of CPU at every start (beside the main thread's load), the bundle ~0.27 s (docs/performance.md).
// `require` is defined for the CommonJS code the bundle holds; license comments are kept at the end.
await build({
  ...common,
  entryPoints: [join(root, 'generator/validate/redocly-worker.mjs')],
  outfile: join(out, 'redocly-worker.mjs'),
  format: 'esm',
  legalComments: 'eof',
  plugins: [withoutGraphql],
  banner: {
    js: "import { createRequire as clientgenCreateRequire } from 'node:module';\nconst require = clientgenCreateRequire(import.meta.url);",
  },
});
copyFileSync(join(root, 'generator/print/prettier-worker.mjs'), join(out, 'prettier-worker.mjs'));
