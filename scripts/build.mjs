// `npm run build` (also run by `npm ci` and `npm pack` through `prepare`): bundles the CLI into
// dist/generator/cli.js with esbuild, so `bin/clientgen.js` starts plain JavaScript instead of compiling
// TypeScript through tsx at every run. Packages stay external (they are the package's dependencies); the
// stages still load lazily (`import()` becomes a lazily initialised module inside the bundle). The worker
// scripts are copied next to the bundle, where `__dirname` points; `templates/` stays at the package root
// (`../../templates` from dist/generator/, as from generator/emit/). esbuild comes with tsx (a dev dependency).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/generator');
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'generator/cli.ts')],
  outfile: join(out, 'cli.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  packages: 'external',
  logLevel: 'warning',
});
for (const worker of ['validate/redocly-worker.mjs', 'print/prettier-worker.mjs'])
  copyFileSync(join(root, 'generator', worker), join(out, worker.split('/').pop()));
