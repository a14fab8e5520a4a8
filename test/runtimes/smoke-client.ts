import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { generateTree, writeTempTree } from '../helpers/generate';

const ROOT = path.join(__dirname, '../..');
export const UPLOADS_SPEC = path.join(ROOT, 'test/golden/cases/uploads/spec.yaml');

/** The client code every runtime and the browser run (`client-code/smoke.ts`). */
export const SMOKE_SOURCE = readFileSync(path.join(__dirname, 'client-code/smoke.ts'), 'utf8');

/** What the client code sees, on every runtime. */
export const EXPECTED = {
  // Made without `dangerouslyAllowBrowser`: anywhere but in a browser.
  guarded: 2,
  create: ['c1', 'hello', 'req_1'],
  stream: ['Hé', 'llo'],
  streamLeftEarly: [3, true],
  pages: ['c1', 'c2', 'c3'],
  notFound: { error: 'NotFoundError', message: '404 No such completion' },
  retried: ['flaky', '3'],
  timeout: { error: 'APIConnectionTimeoutError', message: 'Request timed out.' },
  aborted: { error: 'APIUserAbortError', message: 'Request was aborted.' },
  update: { k: 'v' },
  deleted: ['c/1', true],
  // An object field is a JSON part (the spec gives no encoding for it).
  upload: 'hi.txt text/plain hi batch {"k":"v"}',
  // A Blob keeps its own type; a stream has none, and the spec's `image/*` names no type to send. Every platform
  // but Firefox and WebKit sends the stream as it reads it.
  blobBody: 'image/png png! whole',
  streamBody: 'application/octet-stream png! streamed',
};

/**
 * Puts the client code in `folder` beside the committed chat client (`./generated`) and the `uploads` golden case's
 * client (`./uploads`), and bundles it into one ES module for any platform; the bundle's path.
 */
export async function buildSmokeBundle(folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(ROOT, 'generated'), path.join(folder, 'generated'), { recursive: true });
  renameSync(writeTempTree((await generateTree(UPLOADS_SPEC)).tree), path.join(folder, 'uploads'));
  writeFileSync(path.join(folder, 'smoke.ts'), SMOKE_SOURCE);
  const bundle = path.join(folder, 'smoke.mjs');
  buildSync({
    entryPoints: [path.join(folder, 'smoke.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: bundle,
    logLevel: 'silent',
  });
  return bundle;
}
