/**
 * The built CLI (bin/clientgen.js, bundled by `npm run build`, which `npm ci` runs) writing a report larger than a
 * pipe's 64 KB buffer into a pipe: it used to exit before standard output drained, and `clientgen diff … | jq` got
 * the first 65,536 bytes, invalid JSON. The report must arrive whole. And a reader that stops early (`| head`) must
 * not make it die on EPIPE.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

const BIN = path.join(__dirname, '../../bin/clientgen.js');
const BUNDLE = path.join(__dirname, '../../dist/generator/cli.js');
const OPERATIONS = 400;

/** A spec with `count` operations, each `GET /things<i>/{id}` answering an object. */
function specWith(count: number): string {
  const lines = ['openapi: 3.0.3', "info: { title: Big, version: '1' }", 'paths:'];
  for (let i = 0; i < count; i++)
    lines.push(
      `  /things${i}/{id}:`,
      '    get:',
      `      operationId: getThing${i}`,
      '      parameters:',
      '        - { name: id, in: path, required: true, schema: { type: string } }',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema: { type: object, properties: { name: { type: string } } }',
    );
  return lines.join('\n') + '\n';
}

/**
 * Runs the built CLI with its stdout on a real pipe (Node's own child pipes are socket pairs, whose larger buffer
 * hides the problem) read by a consumer that is late, as `| jq` on a busy CI machine can be: the pipe fills up, and
 * writes stay pending until the CLI lets them drain.
 */
function runPiped(
  args: string[],
  // The consumer takes the first character as soon as it comes, then waits a second: the CLI has written the
  // rest and is about to exit by then.
  consumer = '{ IFS= read -r -N 1 c; sleep 1; printf %s "$c"; cat; }',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = `"$0" "$@" | ${consumer}`;
    const child = spawn('bash', ['-o', 'pipefail', '-c', script, process.execPath, BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-pipe-'));
  await writeFile(path.join(dir, 'old.yaml'), specWith(OPERATIONS));
  await writeFile(path.join(dir, 'new.yaml'), specWith(0).replace('paths:', 'paths: {}'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('is built (npm run build, which npm ci runs)', () => {
  expect(existsSync(BUNDLE)).toBe(true);
});

it('pipes a report larger than 64 KB whole', async () => {
  const { code, stdout, stderr } = await runPiped([
    'diff',
    path.join(dir, 'old.yaml'),
    path.join(dir, 'new.yaml'),
    '--format',
    'json',
  ]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout.length).toBeGreaterThan(65536);
  const report = JSON.parse(stdout) as { changes: { kind: string }[] };
  expect(report.changes.filter((c) => c.kind === 'operation-removed')).toHaveLength(OPERATIONS);
});

it('ends quietly with its own exit code when the reader stops early (| head)', async () => {
  const help = await runPiped(['--help'], 'head -n 1');
  expect(help.stdout).toBe('Usage: clientgen [options] [command]\n');
  expect(help.stderr).toBe('');
  expect(help.code).toBe(0);
  // pipefail: the status is clientgen's, whose --fail-on verdict survives the closed pipe.
  const diff = await runPiped(
    ['diff', path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'), '--fail-on', 'breaking'],
    'head -c 100',
  );
  expect(Buffer.byteLength(diff.stdout)).toBe(100);
  expect(diff.stderr).toBe('');
  expect(diff.code).toBe(1);
});
