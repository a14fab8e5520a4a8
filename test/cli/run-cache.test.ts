/**
 * The run cache (generator/cache/run-cache.ts): `generate` and `--check` on an unchanged spec over an untouched output
 * folder print what the last run printed and load nothing; each part of the key (the spec's text, a $ref'd file's
 * text, the options, clientgen's code) and each change to the output (a hand edit, a deleted file, a journal) makes
 * a miss, after which the full run behaves as it always did. A hit shows in --verbose as a `cache hit` stage with no
 * `load` stage.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as codeId from '../../generator/cache/code-id';
import { JOURNAL_NAME, MANIFEST_NAME } from '../../generator/write';
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
          content: { application/json: { schema: { $ref: 'schemas.yaml#/Pong' } } }
`;
// `nullable` in a 3.1 document: a warning, printed again by a hit.
const SCHEMAS = `Pong:
  type: object
  properties:
    ok: { type: boolean }
    note: { type: string, nullable: true }
  required: [ok]
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-run-cache-test-'));
  // The cache goes to the nearest node_modules above the working directory.
  await mkdir(path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'spec.yaml'), SPEC);
  await writeFile(path.join(dir, 'schemas.yaml'), SCHEMAS);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const cacheDir = () => path.join(dir, 'node_modules/.cache/clientgen');
const recordFile = async () =>
  path.join(
    cacheDir(),
    (await readdir(cacheDir())).find((n) => n.startsWith('run-'))!,
  );
const out = (file: string) => path.join(dir, 'out', ...file.split('/'));

/** Runs generate with --verbose; `loaded` says whether the spec was loaded (a miss) rather than served by the cache. */
async function generate(...flags: string[]) {
  const result = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out', '--verbose', ...flags);
  const loaded = /^load\s/m.test(result.stderr);
  const hit = /^cache hit\s/m.test(result.stderr);
  expect(loaded).toBe(!hit);
  // What is printed besides the stage times and the details under them (the emit and print stages' counts, what was
  // parsed and linted).
  const printed = result.stderr
    .replace(/^[a-z ]+\s+[\d.]+ ms.*\n/gm, '')
    .split('\n')
    .filter((line) => readPrintStatsLine(line) === undefined)
    .join('\n')
    .replace(/^ +linted .*\n/gm, '')
    .replace(/^ +parsed .*\n/gm, '')
    .replace(/^ +\d+ of \d+ model and resource files as the last run emitted them\n/gm, '');
  return { ...result, loaded, printed };
}

it('an unchanged spec over untouched output loads nothing and prints what the first run printed', async () => {
  const first = await generate();
  expect(first.code).toBe(0);
  expect(first.loaded).toBe(true);
  expect(first.printed).toContain('warning spec-deviation');
  const again = await generate();
  expect(again.loaded).toBe(false);
  expect(again.code).toBe(0);
  expect(again.printed).toBe(first.printed);
  expect(again.stdout).toBe(`generated ${countOf(first.stdout)} files in out/ (no changes)\n`);
  const check = await generate('--check');
  expect(check.loaded).toBe(false);
  expect(check.code).toBe(0);
  expect(check.stdout).toBe('out/ is up to date\n');
  expect(check.printed).toBe(first.printed);
});

function countOf(summary: string): string {
  return /generated (\d+) files/.exec(summary)![1]!;
}

const hasRecord = async () =>
  (await readdir(cacheDir()).catch(() => [])).some((n) => n.startsWith('run-'));

it('a --check that finds drift writes no record', async () => {
  const check = await generate('--check');
  expect(check.code).toBe(1);
  expect(await hasRecord()).toBe(false);
  await generate();
  await writeFile(out('index.ts'), 'edited\n');
  await rm(cacheDir(), { recursive: true });
  expect((await generate('--check')).code).toBe(1);
  expect(await hasRecord()).toBe(false);
});

it('a --check that finds the output up to date records the run, as a generate does (a CI that only checks)', async () => {
  const first = await generate();
  // A fresh CI job: the output folder checked out, the cache folder gone.
  await rm(cacheDir(), { recursive: true });
  const check = await generate('--check');
  expect(check.loaded).toBe(true);
  expect(check.code).toBe(0);
  expect(await hasRecord()).toBe(true);
  // No format cache: a check still writes nothing but the record.
  expect((await readdir(cacheDir())).filter((n) => !n.startsWith('run-'))).toEqual([]);
  const again = await generate('--check');
  expect(again.loaded).toBe(false);
  expect(again.stdout).toBe('out/ is up to date\n');
  expect(again.printed).toBe(first.printed);
  // The record is the one a generate would write: a generate is answered by it too.
  const generated = await generate();
  expect(generated.loaded).toBe(false);
  expect(generated.stdout).toBe(`generated ${countOf(first.stdout)} files in out/ (no changes)\n`);
});

it("clientgen's code that cannot be hashed leaves no record and fails nothing", async () => {
  const identity = jest.spyOn(codeId, 'codeIdentity').mockRejectedValue(new Error('EACCES'));
  try {
    const first = await generate();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('generated ');
    expect(await readFile(out('index.ts'), 'utf8')).toContain('export');
    expect(await hasRecord()).toBe(false);
    // Nor a lint record (validate/lint-record.mjs): it is of the code too.
    expect((await readdir(cacheDir()).catch(() => [])).some((n) => n.startsWith('lint-'))).toBe(
      false,
    );
    expect((await generate('--check')).code).toBe(0);
    expect(await hasRecord()).toBe(false);
  } finally {
    identity.mockRestore();
  }
});

describe('a miss on each part of the key', () => {
  it.each([
    ['the spec text (a comment only: the output is the same)', 'spec.yaml', `${SPEC}# note\n`],
    ['the text of a $ref-ed file', 'schemas.yaml', `${SCHEMAS}# note\n`],
  ])('%s', async (_what, file, text) => {
    await generate();
    await writeFile(path.join(dir, file), text);
    const again = await generate();
    expect(again.loaded).toBe(true);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(no changes)');
    // The new record is hit next time.
    expect((await generate()).loaded).toBe(false);
  });

  it.each([
    [['--client-name', 'Other']],
    [['--import-style', 'nodenext']],
    [['--include', 'op:ping']],
    [['--strict']],
    [['--rename']],
  ])('the option %j', async (flags) => {
    await generate();
    const again = await generate(...flags);
    expect(again.loaded).toBe(true);
  });

  it("the config's pinned names (the lock's names are an output file: a second run still hits)", async () => {
    await generate();
    expect((await generate()).loaded).toBe(false);
    await writeFile(
      path.join(dir, 'clientgen.config.json'),
      JSON.stringify({ names: { 'GET /ping': 'pings.check' } }),
    );
    const again = await generate();
    expect(again.loaded).toBe(true);
    expect(await readFile(out('resources/pings.ts'), 'utf8')).toContain('check(');
    expect((await generate()).loaded).toBe(false);
  });

  it("clientgen's code: a record made by another build is a miss", async () => {
    await generate();
    const file = await recordFile();
    const record = JSON.parse(await readFile(file, 'utf8')) as { code: string };
    await writeFile(file, JSON.stringify({ ...record, code: '0'.repeat(64) }));
    expect((await generate()).loaded).toBe(true);
  });

  it("clientgen's code identity changes with any byte of its code, a file added, or a package version", async () => {
    const code = path.join(dir, 'code');
    await mkdir(path.join(code, 'sub'), { recursive: true });
    await writeFile(path.join(code, 'a.ts'), 'export const a = 1;\n');
    await writeFile(path.join(code, 'sub/b.ts'), 'export const b = 2;\n');
    const ids = [await codeId.hashCode([code], ['yaml'])];
    await writeFile(path.join(code, 'sub/b.ts'), 'export const b = 3;\n');
    ids.push(await codeId.hashCode([code], ['yaml']));
    await writeFile(path.join(code, 'sub/c.ts'), '');
    ids.push(await codeId.hashCode([code], ['yaml']));
    ids.push(await codeId.hashCode([code], ['yaml', 'prettier']));
    expect(new Set(ids).size).toBe(4);
    expect(await codeId.hashCode([code], ['yaml', 'prettier'])).toBe(ids[3]);
  });
});

describe('a miss when the output folder changed', () => {
  it('a hand-edited file: refused as without the cache, and --check lists it', async () => {
    await generate();
    await writeFile(out('index.ts'), `${await readFile(out('index.ts'), 'utf8')}// mine\n`);
    const check = await generate('--check');
    expect(check.loaded).toBe(true);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('out/index.ts (edited by hand)');
    const again = await generate();
    expect(again.loaded).toBe(true);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('index.ts');
  });

  it('a deleted file is written again', async () => {
    await generate();
    await unlink(out('index.ts'));
    const again = await generate();
    expect(again.loaded).toBe(true);
    expect(again.stdout).toContain('(1 added)');
  });

  it('an edited manifest, or a journal left by an interrupted run', async () => {
    await generate();
    const manifest = await readFile(out(MANIFEST_NAME), 'utf8');
    await writeFile(out(MANIFEST_NAME), manifest.replace('\n', '\n '));
    expect((await generate('--check')).loaded).toBe(true);
    await writeFile(out(MANIFEST_NAME), manifest);
    await writeFile(out(JOURNAL_NAME), manifest);
    const again = await generate();
    expect(again.loaded).toBe(true);
    expect(again.code).toBe(0);
  });

  it('a file of the user added beside ours changes nothing: still a hit', async () => {
    await generate();
    await writeFile(out('mine.ts'), 'export {};\n');
    const again = await generate();
    expect(again.loaded).toBe(false);
    expect(again.stdout).toContain('(no changes)');
  });
});

it('--no-cache loads the spec and leaves the record as it is', async () => {
  await generate();
  const record = await readFile(await recordFile(), 'utf8');
  await writeFile(path.join(dir, 'spec.yaml'), `${SPEC}# note\n`);
  expect((await generate('--no-cache')).loaded).toBe(true);
  expect(await readFile(await recordFile(), 'utf8')).toBe(record);
});
