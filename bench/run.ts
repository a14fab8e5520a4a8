/**
 * `npm run bench`: generation time, output size and runtime size of clientgen against its peers installed
 * from npm (openapi-typescript: types only; @hey-api/openapi-ts: a fetch client), on the same specs in the
 * same run. Prints figures and ratios; nothing here is asserted by tests (wall-clock times vary).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const BIN = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const SPECS = ['spec/chat-completions.yaml', 'test/fixtures/specs/petstore-swagger.yaml', 'test/fixtures/specs/stripe.yaml'];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Tool {
  name: string;
  /** Command and arguments that write the output for `spec` into `out`. */
  command(spec: string, out: string): [string, string[]];
  /** Where the shipped runtime lives inside the output, if the tool has one. */
  runtimeDir?: string;
}

const TOOLS: Tool[] = [
  { name: 'clientgen', command: (spec, out) => [process.execPath, [path.join(ROOT, 'bin/clientgen.js'), 'generate', spec, '--out', out]], runtimeDir: 'core' },
  { name: 'openapi-typescript', command: (spec, out) => [BIN('openapi-typescript'), [spec, '-o', path.join(out, 'schema.ts')]] },
  { name: '@hey-api/openapi-ts', command: (spec, out) => [BIN('openapi-ts'), ['-i', spec, '-o', out, '-c', '@hey-api/client-fetch', '--no-log-file', '-s']], runtimeDir: 'client' },
];

interface Figures {
  medianMs: number;
  maxRssMb: number | undefined;
  files: number;
  bytes: number;
  runtimeGzip: number | undefined;
}

function measure(tool: Tool, spec: string): Figures {
  const times: number[] = [];
  let rss: number | undefined;
  let out = '';
  for (let i = 0; i < RUNS; i++) {
    if (out) rmSync(out, { recursive: true, force: true });
    out = mkdtempSync(path.join(tmpdir(), 'clientgen-bench-'));
    const [cmd, args] = tool.command(path.join(ROOT, spec), out);
    // GNU time reports the child's peak memory; without it only times are printed.
    const timed = existsGnuTime() ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] as const : [cmd, args] as const;
    const start = performance.now();
    const result = spawnSync(timed[0], [...timed[1]], { cwd: ROOT, encoding: 'utf8' });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${tool.name} failed on ${spec}:\n${result.stderr}`);
    const kb = existsGnuTime() ? Number(result.stderr.trim().split('\n').pop()) : NaN;
    if (Number.isFinite(kb)) rss = Math.max(rss ?? 0, kb / 1024);
  }
  const files = listFiles(out);
  const runtime = tool.runtimeDir ? files.filter((f) => f.startsWith(`${tool.runtimeDir}/`)) : [];
  const figures: Figures = {
    medianMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!,
    maxRssMb: rss,
    files: files.length,
    bytes: files.reduce((n, f) => n + statSync(path.join(out, f)).size, 0),
    runtimeGzip: runtime.length ? gzipSync(Buffer.concat(runtime.map((f) => readFileSync(path.join(out, f))))).length : undefined,
  };
  rmSync(out, { recursive: true, force: true });
  return figures;
}

let gnuTime: boolean | undefined;
function existsGnuTime(): boolean {
  gnuTime ??= spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  return gnuTime;
}

function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, child)).isDirectory() ? listFiles(dir, child) : [child];
  });
}

function main(): void {
  console.log(`clientgen benchmark: ${RUNS} run(s) per tool and spec, median wall time of the whole command (process start included)\n`);
  for (const spec of SPECS) {
    const rows = TOOLS.map((tool) => ({ tool, figures: measure(tool, spec) }));
    const base = rows[0]!.figures;
    console.log(`## ${spec}`);
    console.log('| tool | time | vs clientgen | peak RSS | files | output | runtime (gzip) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { tool, figures: f } of rows) {
      console.log(
        `| ${tool.name} | ${(f.medianMs / 1000).toFixed(2)} s | ${(f.medianMs / base.medianMs).toFixed(2)}× | ${f.maxRssMb ? `${f.maxRssMb.toFixed(0)} MB` : 'n/a'} | ${f.files} | ${(f.bytes / 1024).toFixed(0)} KB | ${f.runtimeGzip ? `${(f.runtimeGzip / 1024).toFixed(1)} KB` : '–'} |`,
      );
    }
    console.log('');
  }
}

main();
