/**
 * The watch behind `generate --watch` (generator/watch/file-watcher.ts): a watched file's change is reported once
 * changes have stopped, a change before the watch began counts, another file in the same folder does not, and a
 * folder that does not exist yet is watched for its creation.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileWatcher } from '../../generator/watch/file-watcher';

let dir: string;
let watcher: FileWatcher;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'clientgen-file-watcher-test-'));
  watcher = new FileWatcher(20);
});
afterEach(() => {
  watcher.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `next`, given up after `ms` (then undefined): how a test says that no change was reported. */
function nextWithin(ms: number): Promise<string | undefined> {
  return watcher.next(AbortSignal.timeout(ms));
}

it('reports a change to a watched file, and only once', async () => {
  const spec = path.join(dir, 'spec.yaml');
  writeFileSync(spec, 'a: 1\n');
  watcher.watch([spec], Date.now() + 60_000);
  const next = watcher.next(AbortSignal.timeout(30_000));
  writeFileSync(spec, 'a: 2\n');
  writeFileSync(spec, 'a: 3\n');
  expect(await next).toBe(spec);
  expect(await nextWithin(300)).toBeUndefined();
});

it('counts a change made after the run that named the file started, before its watch', async () => {
  const spec = path.join(dir, 'spec.yaml');
  const old = path.join(dir, 'old.yaml');
  writeFileSync(spec, 'a: 1\n');
  writeFileSync(old, 'a: 1\n');
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(old, hourAgo, hourAgo);
  watcher.watch([old], Date.now() - 60_000);
  expect(await nextWithin(300)).toBeUndefined();
  watcher.watch([old, spec], Date.now() - 60_000);
  expect(await nextWithin(30_000)).toBe(spec);
});

it('ignores the other files of a watched folder', async () => {
  const spec = path.join(dir, 'spec.yaml');
  writeFileSync(spec, 'a: 1\n');
  watcher.watch([spec], Date.now() + 60_000);
  writeFileSync(path.join(dir, 'notes.txt'), 'x');
  expect(await nextWithin(300)).toBeUndefined();
});

it('watches a file whose folder does not exist yet through the nearest folder that does', async () => {
  const schema = path.join(dir, 'schemas', 'pet.yaml');
  watcher.watch([schema], Date.now() + 60_000);
  const next = watcher.next(AbortSignal.timeout(30_000));
  mkdirSync(path.join(dir, 'schemas'));
  writeFileSync(schema, 'type: object\n');
  expect(await next).toBe(path.join(dir, 'schemas'));
});

it('watches a folder that was moved away and made again at its path', async () => {
  const sub = path.join(dir, 'schemas');
  const schema = path.join(sub, 'pet.yaml');
  mkdirSync(sub);
  writeFileSync(schema, 'type: object\n');
  watcher.watch([schema], Date.now() + 60_000);
  const next = watcher.next(AbortSignal.timeout(30_000));
  renameSync(sub, path.join(dir, 'schemas.old'));
  expect(await next).toBe(schema);
  // The run that follows: the folder is back, with the file changed before the watch is renewed.
  const since = Date.now() - 1_000;
  mkdirSync(sub);
  writeFileSync(schema, 'type: string\n');
  watcher.watch([schema], since);
  expect(await nextWithin(30_000)).toBe(schema);
  // And the new folder is the one watched.
  const again = watcher.next(AbortSignal.timeout(30_000));
  writeFileSync(schema, 'type: integer\n');
  expect(await again).toBe(schema);
});
