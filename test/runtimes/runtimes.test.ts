/**
 * The generated client on the runtimes the README names: Node 18 (the oldest supported) and Node 24 (the active
 * LTS) beside the Node running the tests, Bun and Deno, each the release pinned in `runtimes.ts`. Client code
 * (`client-code/smoke.ts`) uses the chat client and the `uploads` golden case's client against a local server: a
 * call, a stream cut mid-character, a stream left early, auto-pagination with a deepObject query, a typed 404,
 * retries after 503s, a timeout, an abort, a multipart upload, a Blob body and a streamed body. It runs bundled (as JavaScript) on every runtime, and
 * as TypeScript, with the clients generated with `--import-style ts`, on those that run TypeScript themselves (Node
 * 24, Bun, Deno). Every runtime must see exactly what `smoke-client.ts`'s expectations say, but for the differences
 * below. `browser.test.ts` runs the same bundle in Chromium.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateTree, typeCheck, writeTempTree } from '../helpers/generate';
import { RUNTIMES, binaryOf, type Runtime } from './runtimes';
import { EXPECTED, SMOKE_SOURCE, UPLOADS_SPEC, buildSmokeBundle } from './smoke-client';
import { startSmokeServer } from './smoke-server';

const ROOT = path.join(__dirname, '../..');

/** Where a runtime differs, and why it is not the client's doing. */
const EXPECTED_ON: Record<string, Partial<typeof EXPECTED>> = {
  // Bun's Blob and File add the charset themselves: `new File(['hi'], 'hi.txt', { type: 'text/plain' }).type`.
  bun: { upload: 'hi.txt text/plain;charset=utf-8 hi batch {"k":"v"}' },
};

let dir: string;
/** The client code bundled with the committed chat client (`bundler` imports). */
let bundle: string;
/** The client code as TypeScript, beside both clients generated with `--import-style ts`. */
let typescriptEntry: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clientgen-runtimes-'));
  bundle = await buildSmokeBundle(path.join(dir, 'bundler'));

  const typescript = path.join(dir, 'ts');
  mkdirSync(typescript);
  const chat = await generateTree(path.join(ROOT, 'spec/chat-completions.yaml'), {
    importStyle: 'ts',
  });
  renameSync(writeTempTree(chat.tree), path.join(typescript, 'generated'));
  const uploads = await generateTree(UPLOADS_SPEC, { importStyle: 'ts' });
  renameSync(writeTempTree(uploads.tree), path.join(typescript, 'uploads'));
  // The client code's own imports in the same style.
  typescriptEntry = path.join(typescript, 'smoke.ts');
  writeFileSync(
    typescriptEntry,
    SMOKE_SOURCE.replace("from './generated';", "from './generated/index.ts';").replace(
      "from './uploads';",
      "from './uploads/index.ts';",
    ),
  );
  writeFileSync(path.join(typescript, 'package.json'), '{ "type": "module" }\n');
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the client code type-checks under the strictest flags, bundled', () => {
  expect(typeCheck([path.join(dir, 'bundler')])).toEqual([]);
});

it('and as TypeScript that only needs its types erased, with .ts imports', () => {
  expect(readFileSync(typescriptEntry, 'utf8')).toContain("from './generated/index.ts';");
  const errors = typeCheck([path.join(dir, 'ts')], 'nodenext', {
    allowImportingTsExtensions: true,
    erasableSyntaxOnly: true,
  });
  expect(errors).toEqual([]);
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

    if (runtime.typescript)
      it('the TypeScript, generated with --import-style ts, runs as it is and sees the same', async () => {
        const args = [...runtime.typescript!, typescriptEntry];
        expect(await runSmoke(binaryOf(runtime), args)).toEqual({
          ...EXPECTED,
          ...EXPECTED_ON[runtime.label],
        });
      }, 180_000);
  },
);
