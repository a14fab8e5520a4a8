/**
 * Generates a client and its tests into a temporary folder, starts Steady on the spec, and runs the generated tests
 * (node:test through tsx, in one process, several calls at a time), reading each call's verdict from the TAP report.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { generateClient, type GeneratedFile } from '../../generator/pipeline';
import { startSteady } from '../e2e/steady';

/** Steady's request-validation formats, as the Stainless SDKs' mock script sets them. */
export const STEADY_FLAGS = [
  '--validator-query-array-format=brackets',
  '--validator-form-array-format=brackets',
  '--validator-query-object-format=brackets',
  '--validator-form-object-format=brackets',
];

/** One generated test: a call of a method with required or with every argument. */
export interface CallResult {
  /** The test's name: `<resource>.<method>: required params` or `…: every param`. */
  test: string;
  /** `METHOD /path (required params)`: the operation as the spec names it, which renaming methods leaves alone. */
  call: string;
  accepted: boolean;
  /** Steady's reasons (or the error) for a rejected call. */
  reason?: string;
}

export interface SpecRun {
  operations: number;
  calls: CallResult[];
}

/** Generates into a temporary folder and returns its path (removed by `runGeneratedTests`). */
export async function generateWithTests(
  spec: string,
): Promise<{ dir: string; operations: number; api: Map<string, string> }> {
  const result = await generateClient(spec, { tests: { clientDir: '../client' }, oneShot: true });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.testFiles)
    throw new Error(`${spec} did not generate: ${errors.map((e) => e.message).join('; ')}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-generated-tests-'));
  const write = (sub: string, files: GeneratedFile[]) => {
    for (const f of files) {
      const file = path.join(dir, sub, f.path);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, f.contents);
    }
  };
  write('client', result.files);
  write('tests', result.testFiles);
  return prepareGeneratedTests(
    dir,
    result.testFiles.map((f) => f.path),
    result.files.find((f) => f.path === 'api.md')?.contents ?? '',
  );
}

/**
 * Makes `dir` (a client in `client/`, its generated tests in `tests/`) runnable by `runGeneratedTests`: `testFiles`
 * are the paths under `tests/`, `apiMd` the client's `api.md`, which names each method's operation.
 */
export function prepareGeneratedTests(
  dir: string,
  testFiles: readonly string[],
  apiMd: string,
): { dir: string; operations: number; api: Map<string, string> } {
  // CommonJS, so that the runner below can require every test file inside one `describe` with a concurrency.
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "commonjs" }\n');
  const tests = testFiles.filter((f) => f.endsWith('.test.ts'));
  writeFileSync(
    path.join(dir, 'run.ts'),
    [
      `import { describe } from 'node:test';`,
      `describe('generated tests', { concurrency: 8 }, () => {`,
      ...tests.map((f) => `  require(${JSON.stringify(`./tests/${f}`)});`),
      `});`,
      '',
    ].join('\n'),
  );
  const api = operationsByMethod(apiMd);
  return { dir, operations: api.size, api };
}

/** `client.a.b.method` → `GET /path`, read from the generated `api.md` (a method line, then its operation). */
function operationsByMethod(apiMd: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = apiMd.split('\n');
  lines.forEach((line, i) => {
    const method = /^- `client\.([\w$.]+)\(/.exec(line);
    const op = /^ {2}- `([A-Z]+ [^`]+)`/.exec(lines[i + 1] ?? '');
    if (method && op) map.set(method[1]!, op[1]!);
  });
  return map;
}

/**
 * Starts Steady on `spec` with `flags` (default: the Stainless SDKs' brackets, for Stripe's and OpenAI's
 * conventions), runs the generated tests in `dir` against it, and removes `dir`.
 */
export async function runGeneratedTests(
  spec: string,
  generated: { dir: string; operations: number; api: Map<string, string> },
  flags: string[] = STEADY_FLAGS,
): Promise<SpecRun> {
  // As openai-node's own tests run it: arrays and objects in queries and form bodies in brackets (`expand[]=a`,
  // `metadata[k]=v`, `items[0][price]=p`). Steady's default reads form bodies' `encoding` maps as plain fields and
  // refuses every nested form field Stripe declares; see docs/serialization.md.
  const steady = await startSteady(spec, flags);
  try {
    const tap = await runNode(generated.dir, steady.baseURL);
    const calls = parseTap(tap).map((t) => {
      const [method, variant] = t.name.split(': ') as [string, string];
      return {
        test: t.name,
        call: `${generated.api.get(method) ?? method} (${variant})`,
        accepted: t.ok,
        ...(t.ok ? {} : { reason: t.reason }),
      };
    });
    if (!calls.length) throw new Error(`no test ran:\n${tap.slice(-4000)}`);
    return { operations: generated.operations, calls };
  } finally {
    await steady.stop();
    rmSync(generated.dir, { recursive: true, force: true });
  }
}

function runNode(dir: string, baseURL: string): Promise<string> {
  const tsx = require.resolve('tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // Steady names every problem in a header of its own: a request with hundreds of them gets an answer whose
      // headers pass undici's default limit (16 KiB), which would hide the reasons behind a connection error.
      [
        '--max-http-header-size=1048576',
        '--import',
        `file://${tsx}`,
        '--test-reporter=tap',
        'run.ts',
      ],
      {
        cwd: dir,
        env: { ...process.env, TEST_API_BASE_URL: baseURL },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    // Decoded across chunks: a chunk decoded alone can end inside a character.
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.once('error', reject);
    // Failing tests exit 1: the report says which.
    child.once('exit', () => resolve(out));
  });
}

/** The generated tests' results in a TAP report: name, ok, and the error of a failure. */
export function parseTap(tap: string): { name: string; ok: boolean; reason?: string }[] {
  const lines = tap.split('\n');
  const results: { name: string; ok: boolean; reason?: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(not )?ok \d+ - (.*?)(?: # .*)?$/.exec(lines[i]!);
    if (!m || !/: (required|every) params?$/.test(m[3]!)) continue;
    const indent = `${m[1]!}  `;
    let reason: string | undefined;
    if (m[2] && lines[i + 1] === `${indent}---`) {
      const block: string[] = [];
      for (i += 2; i < lines.length && lines[i] !== `${indent}...`; i++)
        block.push(lines[i]!.slice(indent.length));
      const details = parse(block.join('\n')) as { error?: unknown } | null;
      reason = typeof details?.error === 'string' ? details.error : 'failed (no message)';
    }
    results.push({
      name: m[3]!.replace(/\\#/g, '#').replace(/\\\\/g, '\\'),
      ok: !m[2],
      ...(reason !== undefined && { reason }),
    });
  }
  return results;
}
