/**
 * `npm run bench`: clientgen (the full client) against openapi-typescript (types only) and @hey-api/openapi-ts (a
 * fetch client), installed from npm, on the same specs in the same run, each tool's runs interleaved with the others'
 * so that they share the machine's load. Prints wall time, CPU time (user + system), peak RSS and their ratios to
 * openapi-typescript, then `clientgen --help`, `generate --check` on an unchanged spec (the run cache) and a
 * regeneration after a one-schema change, each against its target. It also times creating 1,024 files where the
 * outputs go (most of a cold write on some disks, and openapi-typescript writes one file), and runs Stripe and OpenAI
 * again with every output in memory (/dev/shm, where there is one) to show the ratio without that cost.
 * Nothing here is asserted by tests. `BENCH_RUNS` (default 3) sets the runs per figure; `BENCH_ONLY` (a substring of
 * a target's label) runs some targets only. Every clientgen run is cold (a new output folder and an empty format
 * cache) except the regeneration, which is the point.
 *
 * Outputs are deleted when the bench ends, not after each run. On an ext4 file system without a journal (this
 * project's machine), creating a file skips every inode of its block group freed in the last minute or more (the
 * kernel's `recently_deleted`, under `find_inode_bit`), reading each: deleting a run's 1,560 files made every file
 * the next run created pay for them (up to ~0.9 ms a file; `perf record` shows the time there). A bench that deleted
 * its own outputs measured its own cleanup.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { readPrintStatsLine } from '../generator/print/print-stats-line';
import { listFiles, measure, median, sizeOf, type Run } from './measure';
import { buildSyntheticSpec } from './synthetic-spec';
import { watchRegenerations } from './watch';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WORK = mkdtempSync(path.join(tmpdir(), 'clientgen-bench-'));
const CLIENTGEN = path.join(ROOT, 'bin/clientgen.js');

interface Tool {
  name: string;
  /** Command and arguments that write the output for `spec` into `out`. */
  command(spec: string, out: string): [string, string[]];
  /** Where the shipped runtime lives inside the output, if the tool has one. */
  runtimeDir?: string;
}

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const TOOLS: Tool[] = [
  {
    name: 'clientgen',
    command: (spec, out) => [process.execPath, [CLIENTGEN, 'generate', spec, '--out', out]],
    runtimeDir: 'core',
  },
  {
    name: 'openapi-typescript',
    command: (spec, out) => [bin('openapi-typescript'), [spec, '-o', path.join(out, 'schema.ts')]],
  },
  {
    name: '@hey-api/openapi-ts',
    command: (spec, out) => [
      bin('openapi-ts'),
      ['-i', spec, '-o', out, '-c', '@hey-api/client-fetch', '--no-log-file', '-s'],
    ],
    runtimeDir: 'client',
  },
];

interface Output {
  files: number;
  bytes: number;
  runtimeGzip: number | undefined;
}

let fresh = 0;
/** A new empty folder under the bench's temporary folder (or under `root`). */
function freshDir(name: string, root = WORK): string {
  return mkdtempSync(path.join(root, `${name}-${fresh++}-`));
}

/**
 * Milliseconds to create 1,024 files of 3 KB in a new folder, as a run's output is created: on some disks this is
 * most of a cold write (on this project's machine it ranged from 0.03 to 1.4 s), and openapi-typescript writes one. The
 * files stay until the bench ends, as the outputs do.
 */
function probeDisk(root: string): number {
  const dir = freshDir('probe', root);
  const text = 'x'.repeat(3000);
  const start = performance.now();
  for (let i = 0; i < 1024; i++) writeFileSync(path.join(dir, `f${i}.ts`), text);
  return performance.now() - start;
}

/** Runs a tool cold on a spec, its output under `root`; `env` gets a new, empty format cache for clientgen. */
function runTool(tool: Tool, spec: string, root = WORK): { run: Run; output?: Output } {
  const out = freshDir('out', root);
  const [cmd, args] = tool.command(spec, out);
  const run = measure(cmd, args, ROOT, { CLIENTGEN_CACHE_DIR: freshDir('cache') });
  let output: Output | undefined;
  if (run.ok) {
    const files = listFiles(out);
    const runtimeDir = tool.runtimeDir;
    const runtime = runtimeDir ? files.filter((f) => f.startsWith(`${runtimeDir}/`)) : [];
    output = {
      files: files.length,
      bytes: sizeOf(out, files),
      runtimeGzip: runtime.length
        ? gzipSync(Buffer.concat(runtime.map((f) => readFileSync(path.join(out, f))))).length
        : undefined,
    };
  }
  return { run, output };
}

const seconds = (ms: number | undefined) =>
  ms === undefined || Number.isNaN(ms) ? 'n/a' : `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b ? 'n/a' : `${(a / b).toFixed(2)}×`;
const megabytes = (mb: number | undefined) => (mb === undefined ? 'n/a' : `${mb.toFixed(0)} MB`);

/**
 * One target: every tool, runs interleaved; returns clientgen's and openapi-typescript's medians, and the ratio of
 * their wall times in each round (the two ran one after the other, under the same load of the machine).
 */
function benchSpec(label: string, spec: string): { clientgen: Run; types: Run; pairs: number[] } {
  const { runs, outputs } = runInterleaved(TOOLS, spec, WORK);
  const medians = new Map([...runs].map(([tool, r]) => [tool, median(r)]));
  const types = medians.get(TOOLS[1]!)!;
  console.log(`## ${label}\n`);
  console.log(
    '| tool | time | CPU (user+sys) | peak RSS | time ÷ openapi-typescript | CPU ÷ | RSS ÷ | files | output | runtime (gzip) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const tool of TOOLS) {
    const m = medians.get(tool)!;
    const o = outputs.get(tool);
    if (!m.ok) {
      console.log(
        `| ${tool.name} | refused or failed (${(m.failure ?? 'no message').replace(/\|/g, '\\|')}) | | | | | | | | |`,
      );
      continue;
    }
    console.log(
      `| ${tool.name} | ${seconds(m.wallMs)} | ${seconds(m.cpuMs)} | ${megabytes(m.rssMb)} | ${ratio(m.wallMs, types.wallMs)} | ${ratio(m.cpuMs, types.cpuMs)} | ${ratio(m.rssMb, types.rssMb)} | ${o?.files ?? ''} | ${o ? `${(o.bytes / 1024).toFixed(0)} KB` : ''} | ${o?.runtimeGzip ? `${(o.runtimeGzip / 1024).toFixed(1)} KB` : '–'} |`,
    );
  }
  console.log('');
  console.log(`${printedBy(spec)}\n`);
  return { clientgen: medians.get(TOOLS[0]!)!, types, pairs: wallRatios(runs) };
}

/** RUNS rounds of `tools` on `spec`, one after the other in each round, outputs under `root`. */
function runInterleaved(
  tools: Tool[],
  spec: string,
  root: string,
): { runs: Map<Tool, Run[]>; outputs: Map<Tool, Output> } {
  const runs = new Map<Tool, Run[]>(tools.map((t) => [t, []]));
  const outputs = new Map<Tool, Output>();
  for (let i = 0; i < RUNS; i++) {
    for (const tool of tools) {
      // A refusal is an answer: measuring it again would not change it.
      if (i > 0 && !runs.get(tool)![0]!.ok) continue;
      const { run, output } = runTool(tool, spec, root);
      runs.get(tool)!.push(run);
      if (output) outputs.set(tool, output);
    }
  }
  return { runs, outputs };
}

/** clientgen's wall time ÷ openapi-typescript's in each round where both ran. */
function wallRatios(runs: Map<Tool, Run[]>): number[] {
  const ours = runs.get(TOOLS[0]!)!;
  const theirs = runs.get(TOOLS[1]!)!;
  return ours.flatMap((r, i) => {
    const t = theirs[i];
    return r.ok && t?.ok ? [r.wallMs / t.wallMs] : [];
  });
}

/**
 * Stripe and OpenAI again, clientgen and openapi-typescript only, with their output in memory (tmpfs), where
 * creating a file costs next to nothing: what the time ratio is without the disk's cost per file. Not a target.
 */
function benchInMemory(targets: { label: string; spec: string; key: string }[]): void {
  const shm = '/dev/shm';
  if (!existsSync(shm)) return;
  const root = mkdtempSync(path.join(shm, 'clientgen-bench-'));
  try {
    console.log(
      `\n## Output in memory (${shm})\n\nThe same, each tool's output in memory: creating 1,024 files took ${probeDisk(root).toFixed(0)} ms there.\n`,
    );
    console.log('| spec | clientgen | openapi-typescript | time ÷ openapi-typescript |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const t of targets.filter((t) => t.key === 'stripe' || t.key === 'openai')) {
      const { runs } = runInterleaved(TOOLS.slice(0, 2), path.resolve(ROOT, t.spec), root);
      const ours = median(runs.get(TOOLS[0]!)!);
      const theirs = median(runs.get(TOOLS[1]!)!);
      console.log(
        `| ${t.key} | ${seconds(ours.wallMs)} | ${seconds(theirs.wallMs)} | ${ratio(ours.wallMs, theirs.wallMs)}${roundsRange(wallRatios(runs), '×')} |`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * How much of a run's output the layout printed and how much prettier formatted (docs/layout.md), from one more
 * clientgen run with `--verbose` (not timed: it also prints every warning in full).
 */
function printedBy(spec: string): string {
  const out = freshDir('out');
  const run = measure(
    process.execPath,
    [CLIENTGEN, 'generate', spec, '--out', out, '--verbose'],
    ROOT,
    {
      CLIENTGEN_CACHE_DIR: freshDir('cache'),
    },
  );
  const s = readPrintStatsLine(run.stderr);
  if (!s) return 'clientgen print: n/a (no --verbose print line)';
  const statements = s.statementsLaidOut + s.statementsFinal + s.statementsToPrettier;
  const share = (100 * s.statementsToPrettier) / statements;
  return `clientgen print: ${s.filesFinal} of ${s.files} files final as printed (neither parsed nor laid out); in the others, ${s.statementsFinal} top-level statements final as printed, ${s.statementsLaidOut} laid out by construction, ${s.statementsToPrettier} (${share.toFixed(2)}%, in ${s.filesToPrettier} files) formatted by prettier at run time; ${s.filesToCompiler} of ${s.files} files parsed by TypeScript's compiler`;
}

/** `clientgen --help`: start-up alone. */
function benchHelp(): Run {
  const runs = Array.from({ length: RUNS * 3 }, () =>
    measure(process.execPath, [CLIENTGEN, '--help'], ROOT),
  );
  return median(runs);
}

/**
 * Generates a copy of `spec` (as JSON, or as YAML written by `yaml`) cold, changes one schema's description, and
 * generates again into the same folder with the caches of the first run: the pair is repeated RUNS times. Then the
 * same changes under `generate --watch`, from the save to the write.
 */
async function benchRegeneration(
  label: string,
  value: Record<string, unknown>,
  format: 'json' | 'yaml' = 'json',
): Promise<{ label: string; cold: Run; unchanged: Run; again: Run; pairs: number[] }> {
  const dir = freshDir('regen');
  const file = `spec.${format}`;
  const specPath = path.join(dir, file);
  const write = (v: unknown) =>
    format === 'json'
      ? JSON.stringify(v, null, 2)
      : stringifyYaml(v, { aliasDuplicateObjects: false, lineWidth: 0 });
  const schemas = (value.components as { schemas: Record<string, { description?: string }> })
    .schemas;
  const name = Object.keys(schemas).sort()[0]!;
  const original = write(value);
  const edited = (i: number): string => {
    const copy = structuredClone(value);
    const schema = (copy.components as { schemas: Record<string, { description?: string }> })
      .schemas[name]!;
    schema.description = `${schema.description ?? ''} Changed for the benchmark (${i}).`;
    return write(copy);
  };
  const cold: Run[] = [];
  const unchanged: Run[] = [];
  const again: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = freshDir('out');
    const env = { CLIENTGEN_CACHE_DIR: freshDir('cache') };
    writeFileSync(specPath, original);
    cold.push(measure(process.execPath, [CLIENTGEN, 'generate', file, '--out', out], dir, env));
    // The spec as it was: the run cache answers without loading it.
    unchanged.push(
      measure(process.execPath, [CLIENTGEN, 'generate', file, '--out', out, '--check'], dir, env),
    );
    writeFileSync(specPath, edited(i));
    again.push(measure(process.execPath, [CLIENTGEN, 'generate', file, '--out', out], dir, env));
  }
  writeFileSync(specPath, original);
  const watched = median(
    await watchRegenerations(
      process.execPath,
      [CLIENTGEN, 'generate', file, '--out', freshDir('out'), '--watch'],
      dir,
      { CLIENTGEN_CACHE_DIR: freshDir('cache') },
      specPath,
      Array.from({ length: RUNS }, (_, i) => edited(RUNS + i)),
    ),
  );
  console.log(
    `- ${label}, schema \`${name}\` changed: cold ${seconds(median(cold).wallMs)} (CPU ${seconds(median(cold).cpuMs)}), \`--check\` on the unchanged spec ${seconds(median(unchanged).wallMs)} (CPU ${seconds(median(unchanged).cpuMs)}), regeneration ${seconds(median(again).wallMs)} (CPU ${seconds(median(again).cpuMs)}); under \`--watch\`, from the save to the write: ${seconds(watched.wallMs)} (CPU ${seconds(watched.cpuMs)}), ${(watched.wallMs / median(cold).wallMs).toFixed(2)}× the cold run`,
  );
  return {
    label,
    cold: median(cold),
    unchanged: median(unchanged),
    again: median(again),
    pairs: again.map((r, i) => r.wallMs / cold[i]!.wallMs),
  };
}

/** A row of the targets table; `pairs`: the ratio in each round, whose range shows how much the machine moved it. */
function verdict(
  name: string,
  value: number | undefined,
  target: number,
  unit: string,
  pairs: number[] = [],
): string {
  const met = value !== undefined && !Number.isNaN(value) && value <= target;
  return `| ${name} | ${value === undefined || Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)}${unit}`}${roundsRange(pairs, unit)} | ≤ ${target}${unit} | ${met ? 'met' : 'not met'} |`;
}

/** ' (rounds low–high)' of the ratios of each round, when there were several. */
function roundsRange(pairs: number[], unit: string): string {
  return pairs.length > 1
    ? ` (rounds ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}${unit})`
    : '';
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const synthetic = buildSyntheticSpec();
  const syntheticPath = path.join(WORK, 'synthetic.json');
  writeFileSync(syntheticPath, JSON.stringify(synthetic, null, 2));
  const syntheticMb = (readFileSync(syntheticPath).length / 1e6).toFixed(1);
  const targets = [
    {
      label: 'test/fixtures/specs/petstore.yaml',
      spec: 'test/fixtures/specs/petstore.yaml',
      key: 'petstore',
    },
    { label: 'spec/chat-completions.yaml', spec: 'spec/chat-completions.yaml', key: 'chat' },
    {
      label: 'test/fixtures/specs/stripe.yaml',
      spec: 'test/fixtures/specs/stripe.yaml',
      key: 'stripe',
    },
    {
      label: 'test/fixtures/specs/openai.yaml',
      spec: 'test/fixtures/specs/openai.yaml',
      key: 'openai',
    },
    {
      label: `synthetic (bench/synthetic-spec.ts: 1,200 operations, ${syntheticMb} MB of JSON)`,
      spec: syntheticPath,
      key: 'synthetic',
    },
  ].filter((t) => !only || t.label.includes(only));

  console.log(
    `clientgen benchmark: ${RUNS} run(s) per tool and spec, interleaved; medians of the whole command (process start included); outputs in ${WORK}, where creating 1,024 files took ${probeDisk(WORK).toFixed(0)} ms at the start\n`,
  );
  const results = new Map(
    targets.map((t) => [t.key, benchSpec(t.label, path.resolve(ROOT, t.spec))]),
  );
  const help = benchHelp();
  console.log(
    `## Start-up and regeneration\n\n- \`clientgen --help\`: ${seconds(help.wallMs)} (CPU ${seconds(help.cpuMs)}, ${megabytes(help.rssMb)})`,
  );
  const regen = [];
  if (!only || 'stripe'.includes(only)) {
    const stripe = parseYaml(
      readFileSync(path.join(ROOT, 'test/fixtures/specs/stripe.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    regen.push(await benchRegeneration('Stripe', stripe));
    // Stripe publishes its spec as YAML too: a YAML spec's regeneration reads the load record.
    regen.push(await benchRegeneration('Stripe (YAML)', stripe, 'yaml'));
  }
  if (!only || 'synthetic'.includes(only))
    regen.push(await benchRegeneration('synthetic', synthetic));
  benchInMemory(targets);

  console.log('\n## Targets (clientgen ÷ openapi-typescript in the same run)\n');
  console.log('| target | measured | goal | |\n| --- | ---: | ---: | --- |');
  for (const [key, { clientgen, types, pairs }] of results) {
    if (!clientgen.ok || !types.ok) {
      console.log(
        `| ${key}: time, peak RSS | ${clientgen.ok ? 'openapi-typescript failed' : 'clientgen refused the spec'} | ≤ 1× | not met |`,
      );
      continue;
    }
    if (key === 'chat') continue;
    console.log(verdict(`${key}: time`, clientgen.wallMs / types.wallMs, 1, '×', pairs));
    if (key !== 'petstore')
      console.log(
        verdict(`${key}: peak RSS`, (clientgen.rssMb ?? NaN) / (types.rssMb ?? NaN), 1, '×'),
      );
  }
  console.log(verdict('`--help`', help.wallMs / 1000, 0.15, ' s'));
  for (const r of regen)
    console.log(
      verdict(
        `${r.label}: \`--check\` on the unchanged spec`,
        r.unchanged.wallMs / 1000,
        0.5,
        ' s',
      ),
    );
  for (const r of regen)
    console.log(
      verdict(
        `${r.label}: one-schema regeneration ÷ cold`,
        r.again.wallMs / r.cold.wallMs,
        0.2,
        '×',
        r.pairs,
      ),
    );
  console.log(
    `\nCreating 1,024 files in ${WORK} took ${probeDisk(WORK).toFixed(0)} ms at the end.`,
  );
  rmSync(WORK, { recursive: true, force: true });
}

void main();
