/**
 * Starts Steady (`@stdy/cli`), the validating OpenAPI mock server the OpenAI SDKs test against, on a
 * free loopback port. The platform binary ships in an optional dependency of `@stdy/cli` (nothing is
 * downloaded at install time); it is spawned directly so that killing it leaves no wrapper behind.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export type MockServer = {
  /** `http://127.0.0.1:PORT`: Steady serves the spec's paths at the root, without the server's `/v1`. */
  baseURL: string;
  /** What the server printed so far (for failure messages). */
  output: () => string;
  /** Stops the server and waits (bounded) for it to exit. */
  stop: () => Promise<void>;
};

const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/** The Steady executable of this platform, from `@stdy/cli-<platform>-<arch>`. */
export function steadyBinary(): string {
  const pkg = `@stdy/cli-${process.platform}-${process.arch}`;
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(
      `${pkg} is not installed: run \`npm ci\` (it is an optional dependency of @stdy/cli).`,
    );
  }
  const bin = join(dir, 'bin', process.platform === 'win32' ? 'steady.exe' : 'steady');
  if (!existsSync(bin)) throw new Error(`Steady binary missing at ${bin}`);
  return bin;
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether `promise` settles within `ms` (the timer is cleared either way, so it holds no handle). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts Steady on `specPath` and resolves once its health endpoint answers (bounded wait). */
export async function startSteady(specPath: string, extraArgs: string[] = []): Promise<MockServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const args = [
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--log-level',
    'details',
    '--no-color',
    ...extraArgs,
    resolve(specPath),
  ];
  const child: ChildProcess = spawn(steadyBinary(), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Steady switches to a CI log format (`STEADY:` lines, `::error::` annotations) when it sees CI;
    // the tests read its human summary, so it runs with the variables of a plain terminal.
    env: { ...withoutCiVariables(process.env), NO_COLOR: '1' },
  });
  let output = '';
  const append = (chunk: string): void => {
    output += chunk;
    // Keep the tail only: enough to explain a failure.
    if (output.length > 64_000) output = output.slice(-32_000);
  };
  // Decoded across chunks: a chunk decoded alone can end inside a character.
  child.stdout?.setEncoding('utf8').on('data', append);
  child.stderr?.setEncoding('utf8').on('data', append);
  let exited = false;
  const exit = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      exited = true;
      resolveExit();
    });
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    if (!(await settlesWithin(exit, STOP_TIMEOUT_MS))) {
      child.kill('SIGKILL');
      await settlesWithin(exit, STOP_TIMEOUT_MS);
    }
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(`${baseURL}/_x-steady/health`, {
        signal: AbortSignal.timeout(1_000),
      });
      await res.body?.cancel();
      if (res.ok) return { baseURL, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`Steady did not start on ${baseURL} within ${STARTUP_TIMEOUT_MS} ms:\n${output}`);
}

/** The environment without the variables CI services set to announce themselves. */
function withoutCiVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (
      key === 'CI' ||
      key === 'CONTINUOUS_INTEGRATION' ||
      key.startsWith('GITHUB_') ||
      key.startsWith('BUILDKITE') ||
      key.startsWith('GITLAB_')
    )
      continue;
    out[key] = value;
  }
  return out;
}
