/**
 * Times `clientgen generate --watch`: from the save of a changed spec to the summary line of the run it causes
 * (the watch's wait for the save to settle included), with the process's CPU time over the same span (from /proc,
 * where there is one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Run } from './measure';

/**
 * Starts `command args` (a `generate --watch`) in `cwd`, waits for its first run, then writes each of `texts` to
 * `specPath` in turn and measures the run it causes; stops the watch with SIGINT.
 */
export async function watchRegenerations(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  specPath: string,
  texts: string[],
): Promise<Run[]> {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let wake: (() => void) | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Decoded across chunks: a chunk decoded alone can end inside a character.
  child.stdout.setEncoding('utf8').on('data', (d: string) => ((stdout += d), wake?.()));
  child.stderr.setEncoding('utf8').on('data', (d: string) => ((stderr += d), wake?.()));
  child.once('exit', () => wake?.());
  const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
  /** Waits until the watch has printed `runs` summaries and is watching again (a run that writes nothing never does). */
  const ranTimes = async (runs: number): Promise<void> => {
    const deadline = performance.now() + 120_000;
    while (
      count(stdout, /^generated /gm) < runs ||
      count(stderr, /^clientgen: watching /gm) < runs
    ) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the watch ended: ${stderr.trim().split('\n').at(-1) ?? ''}`);
      if (performance.now() > deadline)
        throw new Error(`no run of the watch wrote the client in 120 s:\n${stderr.trim()}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1_000);
      });
    }
  };
  try {
    await ranTimes(1);
    const runs: Run[] = [];
    for (const [i, text] of texts.entries()) {
      const cpu = cpuOf(child.pid!);
      const start = performance.now();
      writeFileSync(specPath, text);
      await ranTimes(i + 2);
      const wallMs = performance.now() - start;
      const after = cpuOf(child.pid!);
      runs.push({
        ok: true,
        wallMs,
        cpuMs: cpu !== undefined && after !== undefined ? after - cpu : undefined,
        rssMb: undefined,
        stderr: '',
      });
    }
    return runs;
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

let ticks: number | undefined;

/** User + system CPU time of a running process so far, in ms (Linux's /proc); undefined elsewhere. */
function cpuOf(pid: number): number | undefined {
  try {
    ticks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    // After the command name in parentheses: utime and stime are the 12th and 13th fields.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  } catch {
    return undefined;
  }
}
