/**
 * The cache of prettier's output (generator/write/format-cache.ts): a regeneration reuses the formatted text of
 * files whose emitted text did not change, `--no-cache` ignores it, and the cache lives in node_modules/.cache,
 * never in the output folder.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pongSpec } from '../helpers/pong-spec';
import { runCli } from '../helpers/run-cli';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-cache-test-'));
  // The cache goes to the nearest node_modules above the working directory.
  await mkdir(path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'spec.yaml'), pongSpec('A pong.'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const cacheDir = () => path.join(dir, 'node_modules/.cache/clientgen');
async function readCache(): Promise<Record<string, string>> {
  const [file] = await readdir(cacheDir());
  return (
    JSON.parse(await readFile(path.join(cacheDir(), file!), 'utf8')) as {
      entries: Record<string, string>;
    }
  ).entries;
}
/** Rewrites the cache's entries (and, given, the code it says wrote them). */
async function writeCache(entries: Record<string, string>, code?: string): Promise<void> {
  const [file] = await readdir(cacheDir());
  const at = path.join(cacheDir(), file!);
  const cache = JSON.parse(await readFile(at, 'utf8')) as { code: string };
  await writeFile(at, JSON.stringify({ ...cache, ...(code && { code }), entries }));
}
const generate = async (...flags: string[]) => {
  const result = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out', ...flags);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
};
const read = (file: string) => readFile(path.join(dir, 'out', file), 'utf8');

it('keeps the formatted text of every emitted file (not the runtime, which is copied as is), outside the output', async () => {
  await generate();
  const entries = Object.values(await readCache());
  const pong = await read('models/pong.ts');
  expect(entries).toContain(pong.slice(pong.indexOf('\n\n') + 2));
  expect(entries.some((e) => e.includes('class APIError'))).toBe(false);
  expect((await readdir(path.join(dir, 'out'))).some((f) => f.includes('cache'))).toBe(false);
});

it('a regeneration takes unchanged files from the cache and formats the changed ones', async () => {
  await generate();
  const entries = await readCache();
  // Plant a marker in every entry: what comes from the cache shows it.
  await writeCache(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, `// cached\n${v}`])),
  );
  await writeFile(path.join(dir, 'spec.yaml'), pongSpec('A changed pong.'));
  await generate('--force');
  // The client is laid out, so its unchanged text comes from the cache (a model file final as printed needs none).
  expect(await read('client.ts')).toContain('// cached');
  expect(await read('models/pong.ts')).not.toContain('// cached');
  expect(await read('models/pong.ts')).toContain('A changed pong.');
  // The cache now holds only this run's entries: the old text of pong.ts is gone.
  expect(Object.values(await readCache()).some((e) => e.includes('A pong.'))).toBe(false);
});

it('a cache written by other code is not read: its layout may differ', async () => {
  await generate();
  const entries = await readCache();
  await writeCache(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, `// cached\n${v}`])),
    'other code',
  );
  await writeFile(path.join(dir, 'spec.yaml'), pongSpec('A changed pong.'));
  await generate('--force');
  expect(await read('models/other.ts')).not.toContain('// cached');
  expect(await read('models/pong.ts')).toContain('A changed pong.');
});

it('--no-cache formats every file and leaves the cache alone', async () => {
  await generate();
  const entries = await readCache();
  await writeCache(
    Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, `// cached\n${v}`])),
  );
  await writeFile(path.join(dir, 'spec.yaml'), pongSpec('A changed pong.'));
  await generate('--no-cache', '--force');
  expect(await read('models/other.ts')).not.toContain('// cached');
  expect(Object.values(await readCache()).every((e) => e.startsWith('// cached'))).toBe(true);
});

it('without a node_modules there is no cache, and generation works', async () => {
  await rm(path.join(dir, 'node_modules'), { recursive: true });
  await generate();
  expect(await read('models/pong.ts')).toContain('A pong.');
});
