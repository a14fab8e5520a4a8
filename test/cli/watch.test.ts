/**
 * `generate --watch` (generator/cli.ts, runWatch): each run after a change leaves exactly what a one-shot `generate`
 * of the changed spec leaves, prints what it prints, and a spec that breaks leaves the previous client in place; the
 * watch ends on its signal (Ctrl-C in the CLI) with Redocly's worker stopped. Runs in-process, as the other CLI tests,
 * except one test of the built CLI's Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../generator/cli';
import { listFiles } from '../../generator/write/disk';
import { validationRunning } from '../../generator/validate/redocly-worker-client';
import { pongSpec } from '../helpers/pong-spec';
import { runCli } from '../helpers/run-cli';
import { readPrintStatsLine } from '../../generator/print/print-stats-line';

const SPEC = `openapi: 3.1.0
info: { title: Tiny, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
paths:
  /ping:
    get:
      operationId: ping
      tags: [Pings]
      responses:
        '200':
          description: OK
          content: { application/json: { schema: { $ref: 'schemas/pong.yaml#/Pong' } } }
`;
const PONG = `Pong:
  type: object
  properties:
    ok: { type: boolean }
  required: [ok]
`;

/** What a watch of SPEC says while it waits. */
const WATCHING_SPEC =
  'clientgen: watching spec.yaml, the file its $refs reach and clientgen.config.json for changes; Ctrl-C to stop\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-watch-test-'));
  await mkdir(path.join(dir, 'node_modules'));
  await mkdir(path.join(dir, 'schemas'));
  await writeFile(path.join(dir, 'spec.yaml'), SPEC);
  await writeFile(path.join(dir, 'schemas/pong.yaml'), PONG);
});
/** Watches a test started: each is stopped after it, whatever it asserted. */
const started: Array<() => Promise<number>> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((stop) => stop()));
  await rm(dir, { recursive: true, force: true });
});

/** Starts `generate spec.yaml --out out --watch` in `dir`; `stop` ends it and resolves to its exit code. */
function startWatch(...flags: string[]) {
  return watchWith(['spec.yaml', '--out', 'out', '--watch', ...flags]);
}

/** Starts `generate <args>` in `dir`. */
function watchWith(args: string[]) {
  const controller = new AbortController();
  const printed = { stdout: '', stderr: '' };
  const done = main(['node', 'clientgen', 'generate', ...args], {
    stdout: { write: (s: string) => (printed.stdout += s) },
    stderr: { write: (s: string) => (printed.stderr += s) },
    cwd: dir,
    signal: controller.signal,
  });
  started.push(() => {
    controller.abort();
    return done;
  });
  return {
    printed,
    done,
    /** Waits until `stream` has printed `count` lines matching `pattern`. */
    async until(stream: 'stdout' | 'stderr', pattern: RegExp, count: number): Promise<void> {
      const global = new RegExp(pattern.source, 'gm');
      for (let waited = 0; (printed[stream].match(global)?.length ?? 0) < count; waited += 20) {
        if (waited > 30_000)
          throw new Error(
            `waited 30 s for ${pattern} ×${count}; printed:\n${printed.stdout}${printed.stderr}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop(): Promise<number> {
      controller.abort();
      return done;
    },
  };
}

async function contentsOf(folder: string): Promise<Map<string, string>> {
  const files = listFiles(folder);
  return new Map(
    await Promise.all(
      files.sort().map(async (f) => [f, await readFile(path.join(folder, f), 'utf8')] as const),
    ),
  );
}

/** What a one-shot `generate` of `dir`'s current spec writes, in a copy of `dir`. */
async function oneShot(): Promise<{ files: Map<string, string>; stdout: string; stderr: string }> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'clientgen-watch-test-once-'));
  try {
    await mkdir(path.join(copy, 'schemas'));
    for (const f of ['spec.yaml', 'schemas/pong.yaml'])
      await writeFile(path.join(copy, f), await readFile(path.join(dir, f)));
    const run = await runCli(copy, 'generate', 'spec.yaml', '--out', 'out');
    return {
      files: await contentsOf(path.join(copy, 'out')),
      stdout: run.stdout,
      stderr: run.stderr,
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

it('a change to a file the spec refers to is generated again, as a one-shot generate would', async () => {
  const watch = startWatch();
  await watch.until('stderr', /^clientgen: watching /, 1);
  expect(watch.printed.stdout).toMatch(/^generated \d+ files in out\/ \(\d+ added\)\n$/);
  // Redocly's worker is kept for the next run.
  expect(validationRunning()).toBe(true);
  // The spec, the file its $ref reaches, and the config (absent: creating it changes the options).
  expect(watch.printed.stderr).toContain(WATCHING_SPEC);

  await writeFile(
    path.join(dir, 'schemas/pong.yaml'),
    PONG.replace('ok: { type: boolean }', 'ok: { type: boolean }\n    note: { type: string }'),
  );
  await watch.until('stdout', /^generated /, 2);
  await watch.until('stderr', /^clientgen: watching /, 2);
  expect(watch.printed.stderr).toContain('clientgen: schemas/pong.yaml changed\n');
  expect(watch.printed.stdout.split('\n')[1]).toMatch(
    /^generated \d+ files in out\/ \(\d+ changed\)$/,
  );
  const expected = await oneShot();
  const written = await contentsOf(path.join(dir, 'out'));
  expect([...written.keys()]).toEqual([...expected.files.keys()]);
  for (const [file, text] of expected.files) expect(written.get(file)).toBe(text);
  expect(written.get('models/pong.ts')).toContain('note?: string');

  expect(await watch.stop()).toBe(0);
  expect(validationRunning()).toBe(false);
});

it('a watch that starts over an up-to-date client (a run-cache hit) watches the files the spec refers to', async () => {
  const first = startWatch();
  await first.until('stderr', /^clientgen: watching /, 1);
  expect(await first.stop()).toBe(0);
  const watch = startWatch('--verbose');
  await watch.until('stderr', /^clientgen: watching /, 1);
  expect(watch.printed.stderr).toMatch(/^cache hit\s/m);
  // Started for the next run, though this one needed none.
  expect(validationRunning()).toBe(true);
  expect(watch.printed.stderr).toContain(WATCHING_SPEC);
  await writeFile(
    path.join(dir, 'schemas/pong.yaml'),
    PONG.replace('type: boolean', 'type: string'),
  );
  await watch.until('stdout', /^generated /, 2);
  expect((await contentsOf(path.join(dir, 'out'))).get('models/pong.ts')).toContain('ok: string');
});

it('a spec that breaks leaves the client in place, and its fix is generated', async () => {
  const watch = startWatch();
  await watch.until('stderr', /^clientgen: watching /, 1);
  const before = await contentsOf(path.join(dir, 'out'));

  // An editor's save: a new file renamed over the spec.
  await writeFile(path.join(dir, 'spec.yaml.tmp'), SPEC.replace('#/Pong', '#/Missing'));
  await rename(path.join(dir, 'spec.yaml.tmp'), path.join(dir, 'spec.yaml'));
  await watch.until('stderr', /^clientgen: watching /, 2);
  expect(watch.printed.stderr).toMatch(/error .*nothing was written to out\//s);
  expect(await contentsOf(path.join(dir, 'out'))).toEqual(before);
  expect(watch.printed.stdout.match(/^generated /gm)).toHaveLength(1);

  await writeFile(path.join(dir, 'spec.yaml'), SPEC.replace('title: Tiny', 'title: Tiny again'));
  await watch.until('stdout', /^generated /, 2);
  const expected = await oneShot();
  expect(await contentsOf(path.join(dir, 'out'))).toEqual(expected.files);
  expect(await watch.stop()).toBe(0);
});

it('what cannot be watched is refused, and a first run that cannot start ends the watch', async () => {
  const check = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out', '--watch', '--check');
  expect(check.code).toBe(2);
  expect(check.stderr).toBe(
    'clientgen: --watch writes the client: it cannot be used with --check\n',
  );
  const url = await runCli(
    dir,
    'generate',
    'https://example.com/spec.yaml',
    '--out',
    'out',
    '--watch',
  );
  expect(url.code).toBe(2);
  expect(url.stderr).toBe(
    'clientgen: --watch watches files: a spec given as a URL cannot be watched\n',
  );
  const noOut = await runCli(dir, 'generate', 'spec.yaml', '--watch');
  expect(noOut.code).toBe(2);
  expect(noOut.stderr).toContain('missing output folder');
  expect(validationRunning()).toBe(false);
});

it('a change to the config is generated again, and a config that breaks is reported and waited out', async () => {
  const config = path.join(dir, 'clientgen.config.json');
  await writeFile(config, JSON.stringify({ spec: 'spec.yaml', out: 'out', clientName: 'Tiny' }));
  const watch = watchWith(['--watch']);
  await watch.until('stderr', /^clientgen: watching /, 1);
  expect(await readFile(path.join(dir, 'out/client.ts'), 'utf8')).toContain('export class Tiny ');

  await writeFile(config, JSON.stringify({ spec: 'spec.yaml', out: 'out', clientName: 'Small' }));
  await watch.until('stdout', /^generated /, 2);
  expect(watch.printed.stderr).toContain('clientgen: clientgen.config.json changed\n');
  expect(await readFile(path.join(dir, 'out/client.ts'), 'utf8')).toContain('export class Small ');

  await writeFile(config, '{ "spec": ');
  await watch.until('stderr', /^clientgen: clientgen\.config\.json is not valid JSON/, 1);
  await watch.until('stderr', /^clientgen: watching /, 3);
  expect(await readFile(path.join(dir, 'out/client.ts'), 'utf8')).toContain('export class Small ');
  await writeFile(config, JSON.stringify({ spec: 'spec.yaml', out: 'out', clientName: 'Tiny' }));
  await watch.until('stdout', /^generated /, 3);
  expect(await readFile(path.join(dir, 'out/client.ts'), 'utf8')).toContain('export class Tiny ');
  expect(await watch.stop()).toBe(0);
});

it('the built CLI: Ctrl-C between runs ends the watch with exit 0', async () => {
  // A spec with no $ref to another file.
  await writeFile(
    path.join(dir, 'solo.yaml'),
    SPEC.replace("{ $ref: 'schemas/pong.yaml#/Pong' }", '{ type: object }'),
  );
  const child = spawn(
    process.execPath,
    [
      path.resolve(__dirname, '../../bin/clientgen.js'),
      'generate',
      'solo.yaml',
      '--out',
      'out',
      '--watch',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (code, signal) => resolve([code, signal])),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        if (stderr.includes('clientgen: watching ')) resolve();
      });
      void exited.then(() => reject(new Error(`the watch ended before watching:\n${stderr}`)));
    });
    expect(stderr).toBe(
      'clientgen: watching solo.yaml and clientgen.config.json for changes; Ctrl-C to stop\n',
    );
    child.kill('SIGINT');
    expect(await exited).toEqual([0, null]);
  } finally {
    // Whatever failed above, no watch is left running.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

it("a run that fails before it loads the spec keeps the last run's $ref'd files watched", async () => {
  const config = path.join(dir, 'clientgen.config.json');
  await writeFile(config, JSON.stringify({ spec: 'spec.yaml', out: 'out' }));
  const watch = watchWith(['--watch']);
  await watch.until('stderr', /^clientgen: watching /, 1);
  // No output folder: the run stops before loading the spec.
  await writeFile(config, JSON.stringify({ spec: 'spec.yaml' }));
  await watch.until('stderr', /^clientgen: missing output folder/, 1);
  await watch.until('stderr', /^clientgen: watching /, 2);
  expect(
    watch.printed.stderr.match(
      /^clientgen: watching spec\.yaml, the file its \$refs reach and clientgen\.config\.json /gm,
    ),
  ).toHaveLength(2);
  await writeFile(
    path.join(dir, 'schemas/pong.yaml'),
    PONG.replace('type: boolean', 'type: string'),
  );
  await watch.until('stderr', /^clientgen: missing output folder/, 2);
  expect(watch.printed.stderr).toContain('clientgen: schemas/pong.yaml changed\n');
});

it('each run reads the records the run before it saved', async () => {
  await writeFile(path.join(dir, 'spec.yaml'), pongSpec('A pong.'));
  const watch = startWatch('--verbose');
  await watch.until('stderr', /^clientgen: watching /, 1);
  for (let run = 2; run <= 4; run++) {
    const from = watch.printed.stderr.length;
    await writeFile(path.join(dir, 'spec.yaml'), pongSpec(`Pong, take ${run}.`));
    await watch.until('stderr', /^clientgen: watching /, run);
    const said = watch.printed.stderr.slice(from);
    // The lint record, the format cache and its emit record of the run before: saved before this run read them.
    expect(said).toContain(
      'linted 1 changed schema (#/components/schemas/Pong); the rest from the lint record',
    );
    expect(said).toMatch(/ [1-9]\d* of \d+ model and resource files as the last run emitted them/);
    expect(readPrintStatsLine(said)?.filesFromCache).toBeGreaterThan(0);
    expect(await readFile(path.join(dir, 'out/models/pong.ts'), 'utf8')).toContain(
      `Pong, take ${run}.`,
    );
  }
  expect(await watch.stop()).toBe(0);
  // The last run's records are on disk once the watch has ended.
  const cache = await readdir(path.join(dir, 'node_modules/.cache/clientgen'));
  expect(
    cache
      .filter((f) => /^(format|lint|run)-/.test(f))
      .map((f) => f.split('-')[0])
      .sort(),
  ).toEqual(['format', 'lint', 'run']);
});
