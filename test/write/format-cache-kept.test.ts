/**
 * The format cache's entries kept by the process that saved them (generator/write/format-cache.ts): a later open of
 * the same file, found as that process left it, takes them without reading the file (`generate --watch` runs one
 * regeneration after another); a file written since, by anyone, is read; other code's entries are never taken.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { openFormatCache } from '../../generator/write/format-cache';

// The module object itself (an `import * as` namespace cannot be spied on): the one format-cache.ts calls into.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import fsPromises = require('node:fs/promises');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-format-kept-'));
  await mkdir(path.join(dir, 'node_modules'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const cacheDir = () => path.join(dir, 'node_modules/.cache/clientgen');
async function cacheFile(): Promise<string> {
  const [file] = await readdir(cacheDir());
  return path.join(cacheDir(), file!);
}
/** The cache files this process read, from now on. */
function readsOfCache(): () => string[] {
  const spy = jest.spyOn(fsPromises, 'readFile');
  return () =>
    spy.mock.calls.flatMap(([file]) =>
      typeof file === 'string' && file.startsWith(cacheDir()) ? [file] : [],
    );
}

async function savedWith(key: string, value: string, code = 'code-1'): Promise<void> {
  const cache = await openFormatCache(path.join(dir, 'out'), dir, code);
  cache!.set(key, value);
  await cache!.save();
}

it('takes back the entries it saved, without reading the file', async () => {
  await savedWith('k', 'formatted');
  const reads = readsOfCache();
  const cache = await openFormatCache(path.join(dir, 'out'), dir, 'code-1');
  expect(cache!.get('k')).toBe('formatted');
  expect(reads()).toEqual([]);
});

it('reads a file written since it saved: the entries are the file’s', async () => {
  await savedWith('k', 'formatted');
  const file = await cacheFile();
  const written = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, string> };
  // Another process's save: a new file renamed over this one.
  await writeFile(`${file}.other`, JSON.stringify({ ...written, entries: { k: 'theirs' } }));
  await fsPromises.rename(`${file}.other`, file);
  const reads = readsOfCache();
  const cache = await openFormatCache(path.join(dir, 'out'), dir, 'code-1');
  expect(cache!.get('k')).toBe('theirs');
  expect(reads()).toEqual([file]);
});

it('reads a file edited in place since it saved', async () => {
  await savedWith('k', 'formatted');
  const file = await cacheFile();
  const text = await readFile(file, 'utf8');
  // Another size: an edit of the same size within the file system's clock tick can go unseen (format-cache.ts).
  await writeFile(file, text.replace('"formatted"', '"edited"'));
  const cache = await openFormatCache(path.join(dir, 'out'), dir, 'code-1');
  expect(cache!.get('k')).toBe('edited');
});

it('keeps nothing for other code, and nothing once the file is gone', async () => {
  await savedWith('k', 'formatted');
  const other = await openFormatCache(path.join(dir, 'out'), dir, 'code-2');
  expect(other!.get('k')).toBeUndefined();
  await rm(await cacheFile());
  const gone = await openFormatCache(path.join(dir, 'out'), dir, 'code-1');
  expect(gone!.get('k')).toBeUndefined();
});
