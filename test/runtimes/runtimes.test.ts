/**
 * The generated client on the runtimes the README names: Node 18 (the oldest supported) and Node 24 (the active
 * LTS) beside the Node running the tests, Bun and Deno, each the release pinned in `runtimes.ts`. Client code
 * (`client-code/smoke.ts`) uses the committed chat client and the `uploads` golden case's client against a local
 * server: a call, a stream cut mid-character, a stream left early, auto-pagination with a deepObject query, a typed
 * 404, retries after 503s, a timeout, an abort, a multipart upload. Every runtime must see exactly what the
 * expectations below say. Browsers are not run: the type-level tests compile every output against the DOM lib.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { generateTree, typeCheck, writeTempTree } from '../helpers/generate';
import { RUNTIMES, binaryOf, type Runtime } from './runtimes';
import { startSmokeServer } from './smoke-server';

const ROOT = path.join(__dirname, '../..');

/** What the client code sees, on every runtime. */
const EXPECTED = {
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
};

/** Where a runtime differs, and why it is not the client's doing. */
const EXPECTED_ON: Record<string, Partial<typeof EXPECTED>> = {
  // Bun's Blob and File add the charset themselves: `new File(['hi'], 'hi.txt', { type: 'text/plain' }).type`.
  bun: { upload: 'hi.txt text/plain;charset=utf-8 hi batch {"k":"v"}' },
};

let dir: string;
let bundle: string;

beforeAll(async () => {
  // The client code's folder: the chat client as committed, the uploads client as generated, the code beside them.
  const { tree } = await generateTree(path.join(ROOT, 'test/golden/cases/uploads/spec.yaml'));
  dir = mkdtempSync(path.join(tmpdir(), 'clientgen-runtimes-'));
  renameSync(writeTempTree(tree), path.join(dir, 'uploads'));
  cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  cpSync(path.join(__dirname, 'client-code/smoke.ts'), path.join(dir, 'smoke.ts'));
  bundle = path.join(dir, 'smoke.mjs');
  buildSync({
    entryPoints: [path.join(dir, 'smoke.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: bundle,
    logLevel: 'silent',
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the client code type-checks under the strictest flags', () => {
  expect(typeCheck([dir])).toEqual([]);
});

/** Runs `args` (a runtime and the module to run), with the server's URL as the last argument; its JSON line. */
async function runSmoke(binary: string, args: readonly string[]): Promise<unknown> {
  const server = await startSmokeServer();
  try {
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>(
      (resolve, reject) =>
        execFile(
          binary,
          [...args, server.url],
          { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '' } },
          (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }),
        ),
    );
    const line = stdout.trim().split('\n').at(-1) ?? '';
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`no JSON line in the output:\n${stdout}\n${stderr}`);
    }
  } finally {
    await server.close();
  }
}

it('runs on the Node running the tests', async () => {
  expect(await runSmoke(process.execPath, [bundle])).toEqual(EXPECTED);
}, 60_000);

describe.each(RUNTIMES.map((r) => [r.label, r] as [string, Runtime]))(
  'on %s',
  (_label, runtime) => {
    it('the bundled client code sees what it sees on Node', async () => {
      expect(await runSmoke(binaryOf(runtime), [...runtime.args, bundle])).toEqual({
        ...EXPECTED,
        ...EXPECTED_ON[runtime.label],
      });
    }, 180_000);
  },
);

describe.each(RUNTIMES.filter((r) => r.typescript).map((r) => [r.label, r] as [string, Runtime]))(
  'on %s, unbundled',
  (_label, runtime) => {
    it('the TypeScript as generated runs and sees the same', async () => {
      const args = [...runtime.typescript!, path.join(dir, 'smoke.ts')];
      expect(await runSmoke(binaryOf(runtime), args)).toEqual({
        ...EXPECTED,
        ...EXPECTED_ON[runtime.label],
      });
    }, 180_000);
  },
);
