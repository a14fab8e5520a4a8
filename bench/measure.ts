/**
 * Runs one command and measures it: wall time, user + system CPU and peak RSS (from GNU time when it is there;
 * without it, only wall time). CPU time and peak memory are less distorted than wall time on a shared machine.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface Run {
  ok: boolean;
  /** The command's exit code and the first line of what it printed to stderr, when it failed. */
  failure?: string;
  wallMs: number;
  cpuMs: number | undefined;
  rssMb: number | undefined;
  /** What the command printed to stderr (without GNU time's line). */
  stderr: string;
}

let gnuTime: boolean | undefined;
function hasGnuTime(): boolean {
  gnuTime ??= spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  return gnuTime;
}

/** Runs `command args` in `cwd` with `env` added to this process's environment. */
export function measure(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Run {
  const timed = hasGnuTime();
  const [cmd, argv] = timed
    ? ['/usr/bin/time', ['-f', 'BENCH %U %S %M', command, ...args]]
    : [command, args];
  const start = performance.now();
  const result = spawnSync(cmd, argv, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  const wallMs = performance.now() - start;
  const lines = (result.stderr ?? '').trimEnd().split('\n');
  const figures = timed ? /^BENCH ([\d.]+) ([\d.]+) (\d+)$/.exec(lines.at(-1) ?? '') : null;
  const run: Run = {
    ok: result.status === 0,
    wallMs,
    cpuMs: figures ? (Number(figures[1]) + Number(figures[2])) * 1000 : undefined,
    rssMb: figures ? Number(figures[3]) / 1024 : undefined,
    stderr: (figures ? lines.slice(0, -1) : lines).join('\n'),
  };
  if (!run.ok) {
    const said = lines.filter(
      (l) => !l.startsWith('BENCH ') && !/exited with non-zero status/.test(l) && l.trim(),
    );
    run.failure =
      `exit ${result.status ?? result.signal ?? 'without a status'}: ${said[0]?.trim() ?? ''}`.slice(
        0,
        160,
      );
  }
  return run;
}

/** The median of each figure over runs (successful runs only when there are any). */
export function median(runs: Run[]): Run {
  const ok = runs.filter((r) => r.ok);
  const pool = ok.length ? ok : runs;
  const mid = <T>(values: T[]): T | undefined =>
    values.sort((a, b) => Number(a) - Number(b))[Math.floor(values.length / 2)];
  const defined = (xs: (number | undefined)[]) => xs.filter((x): x is number => x !== undefined);
  return {
    ok: ok.length > 0,
    failure: ok.length ? undefined : pool[0]?.failure,
    wallMs: mid(pool.map((r) => r.wallMs)) ?? NaN,
    cpuMs: mid(defined(pool.map((r) => r.cpuMs))),
    rssMb: runs.length ? Math.max(...defined(pool.map((r) => r.rssMb)), 0) || undefined : undefined,
    stderr: pool[0]?.stderr ?? '',
  };
}

/** Files under dir, as relative posix paths. */
export function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(dir, child)).isDirectory() ? listFiles(dir, child) : [child];
  });
}

/** Total size of the files. */
export function sizeOf(dir: string, files: string[]): number {
  return files.reduce((n, f) => n + readFileSync(path.join(dir, f)).length, 0);
}
