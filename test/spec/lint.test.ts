/**
 * Runs the real Redocly linter (`@redocly/cli`, dev dependency) on spec/chat-completions.yaml and requires
 * zero errors (warnings are allowed). The CLI is spawned with `--format=json` and its report is parsed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const REDOCLY = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'redocly.cmd' : 'redocly');
const SPEC = join(ROOT, 'spec', 'chat-completions.yaml');
const BROKEN = join(__dirname, 'fixtures', 'broken-spec.yaml');

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  where: string;
}

interface LintReport {
  errors: number;
  warnings: number;
  problems: LintProblem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** `pointer (line:col)` of the first location of a problem. */
function where(problem: Record<string, unknown>): string {
  const locations = problem['location'];
  const first: unknown = Array.isArray(locations) ? locations[0] : undefined;
  if (!isRecord(first)) return '';
  const start = first['start'];
  const pos = isRecord(start) ? ` (line ${str(start['line'])}:${str(start['col'])})` : '';
  return `${str(first['pointer'])}${pos}`;
}

function lint(file: string): LintReport {
  const result = spawnSync(REDOCLY, ['lint', file, '--format=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1', CI: 'true' },
  });
  if (result.error) throw result.error;
  const stdout = result.stdout;
  const start = stdout.indexOf('{');
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.slice(start));
  } catch {
    throw new Error(`redocly lint printed no JSON report (exit ${String(result.status)}):\n${stdout}\n${result.stderr}`);
  }
  if (!isRecord(parsed) || !isRecord(parsed['totals']) || !Array.isArray(parsed['problems'])) {
    throw new Error(`unexpected redocly report:\n${stdout}`);
  }
  const problems: LintProblem[] = parsed['problems'].filter(isRecord).map((p) => ({
    ruleId: str(p['ruleId']),
    severity: str(p['severity']),
    message: str(p['message']),
    where: where(p),
  }));
  return {
    errors: Number(parsed['totals']['errors'] ?? 0),
    warnings: Number(parsed['totals']['warnings'] ?? 0),
    problems,
  };
}

function describeErrors(report: LintReport): string[] {
  return report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.where}`);
}

describe('redocly lint', () => {
  it('reports errors in a broken fixture (the harness sees failures)', () => {
    const report = lint(BROKEN);
    expect(report.errors).toBeGreaterThan(0);
    expect(describeErrors(report).length).toBe(report.errors);
  }, 20_000);

  it('spec/chat-completions.yaml has no errors', () => {
    expect(existsSync(SPEC)).toBe(true);
    const report = lint(SPEC);
    expect(describeErrors(report)).toEqual([]);
    expect(report.errors).toBe(0);
  }, 20_000);
});
