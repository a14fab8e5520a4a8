/**
 * The load record through the CLI (generator/load/load-record.ts, reparse.ts): a YAML spec changed in one place is
 * parsed in that place only, and the run writes what a run without the record writes; `--check` reads the record and
 * leaves it as it is; a record that cannot be read is a full parse, not a failure.
 */
import { cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readTree } from '../helpers/file-tree';
import { runCli } from '../helpers/run-cli';

const ROOT = path.resolve(__dirname, '../..');
const CHAT = readFileSync(path.join(ROOT, 'spec/chat-completions.yaml'), 'utf8');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-load-record-'));
  // The caches go to the nearest node_modules above the working directory.
  await mkdir(path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'spec.yaml'), CHAT);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const recordFile = async () => {
  const cache = path.join(dir, 'node_modules/.cache/clientgen');
  const name = (await readdir(cache)).find((n) => /^load-[0-9a-f]+\.bin$/.test(n));
  return name && path.join(cache, name);
};
const parsedLine = (stderr: string) => /^ +(parsed .*)$/m.exec(stderr)?.[1];
const generate = (...flags: string[]) =>
  runCli(dir, 'generate', 'spec.yaml', '--out', 'out', '--verbose', ...flags);

/** The spec with one schema's description changed. */
async function editSpec(to: string): Promise<void> {
  const text = CHAT.replace(
    /(\n {4}CompletionUsage:\n(?: {6}.*\n)*? {6}description: ).*\n/,
    `$1${to}\n`,
  );
  expect(text).not.toBe(CHAT);
  await writeFile(path.join(dir, 'spec.yaml'), text);
}

it('a spec changed in one schema is parsed there only, and gives what a full parse gives', async () => {
  expect((await generate()).code).toBe(0);
  expect(await recordFile()).toBeDefined();
  await editSpec('Usage, described again.');
  cpSync(path.join(dir, 'out'), path.join(dir, 'bare'), { recursive: true });
  const again = await generate();
  expect(again.code).toBe(0);
  expect(parsedLine(again.stderr)).toBe(
    'parsed #/components/schemas/CompletionUsage/description alone; the rest from the load record',
  );
  const without = await runCli(dir, 'generate', 'spec.yaml', '--out', 'bare', '--no-cache');
  expect(without.code).toBe(0);
  expect(readTree(path.join(dir, 'out'))).toEqual(readTree(path.join(dir, 'bare')));
  expect(readFileSync(path.join(dir, 'out/models/completion-usage.ts'), 'utf8')).toContain(
    'Usage, described again.',
  );
});

it('a run that finds the text of the record parses nothing and leaves the record as it was', async () => {
  expect((await generate()).code).toBe(0);
  const file = (await recordFile())!;
  const before = statSync(file).mtimeMs;
  // A deleted output file: the run cache misses, the spec is as it was.
  rmSync(path.join(dir, 'out/index.ts'));
  const again = await generate();
  expect(again.code).toBe(0);
  expect(parsedLine(again.stderr)).toBe('parsed nothing: the spec is as in the load record');
  expect(statSync(file).mtimeMs).toBe(before);
});

it('--check reads the record and leaves it as it was', async () => {
  expect((await generate()).code).toBe(0);
  const record = readFileSync((await recordFile())!);
  await editSpec('Changed for a check.');
  const check = await generate('--check');
  expect(parsedLine(check.stderr)).toMatch(/^parsed #\/components\/schemas\/CompletionUsage/);
  expect(readFileSync((await recordFile())!).equals(record)).toBe(true);
});

it('a damaged record is a full parse', async () => {
  expect((await generate()).code).toBe(0);
  const file = (await recordFile())!;
  await writeFile(file, readFileSync(file).subarray(0, 1000));
  await editSpec('After the damage.');
  const again = await generate();
  expect(again.code).toBe(0);
  expect(parsedLine(again.stderr)).toBe('parsed the whole spec');
  // And the run kept a good record again.
  await editSpec('After the repair.');
  expect(parsedLine((await generate()).stderr)).toMatch(/alone; the rest from the load record$/);
});
