/**
 * The tests clientgen generates with each client (`--tests`), run against Steady for every real-world spec shared
 * with the project, for the chat spec and for redirects.yaml (a redirect out of the mock): each operation called with its required arguments and with every
 * argument. Every call must be accepted (no 4xx, no problem flagged in Steady's `x-steady-error-*` headers) except
 * those listed in known-rejections.json, each with its reason and the part of the work that fixes it. A listed call
 * that is now accepted fails too, so that the list stays true. Prints the figures per spec.
 * `UPDATE_KNOWN_REJECTIONS=1` rewrites the list from this run: each call's reason as Steady gives it, its `fixedBy`
 * kept (new entries say "to classify"), for pruning the list after a fix lands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  generateWithTests,
  runGeneratedTests,
  type CallResult,
  type SpecRun,
} from './run-generated';

const ROOT = path.resolve(__dirname, '../..');
const SPECS: [string, string][] = [
  ['petstore', 'test/fixtures/specs/petstore.yaml'],
  ['petstore-swagger', 'test/fixtures/specs/petstore-swagger.yaml'],
  ['stripe', 'test/fixtures/specs/stripe.yaml'],
  ['openai', 'test/fixtures/specs/openai.yaml'],
  ['chat-completions', 'spec/chat-completions.yaml'],
  ['redirects', 'test/generated-tests/redirects.yaml'],
];

interface KnownRejection {
  spec: string;
  /** `METHOD /path (required params|every param)`. */
  call: string;
  reason: string;
  /** The part of issue 14 that makes the call accepted (params, auth, media, files, …). */
  fixedBy: string;
}

const KNOWN_FILE = path.join(__dirname, 'known-rejections.json');
const known = JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) as KnownRejection[];
const finished = new Map<string, SpecRun>();

afterAll(() => {
  if (!process.env.UPDATE_KNOWN_REJECTIONS) return;
  const fixes = new Map(known.map((k) => [`${k.spec}\0${k.call}`, k.fixedBy]));
  const updated = SPECS.flatMap(([name]): KnownRejection[] => {
    const run = finished.get(name);
    if (!run) return known.filter((k) => k.spec === name);
    return run.calls
      .filter((c) => !c.accepted)
      .map((c) => ({
        spec: name,
        call: c.call,
        reason: summarize(c.reason ?? ''),
        fixedBy: fixes.get(`${name}\0${c.call}`) ?? 'to classify',
      }));
  });
  writeFileSync(KNOWN_FILE, JSON.stringify(updated, null, 2) + '\n');
});

/** Steady's first problem (and how many more), else the error's first line. */
function summarize(reason: string): string {
  const lines = reason.split('\n').map((l) => l.trim());
  const problems = lines.slice(1).filter(Boolean);
  if (!problems.length) return lines[0] ?? '';
  return problems.length > 1 ? `${problems[0]!} (+${problems.length - 1} more)` : problems[0]!;
}

const runs = new Map<string, Promise<SpecRun>>();

beforeAll(() => {
  // Generation is CPU-bound and blocks this thread for seconds at a time, long enough for a Steady started meanwhile
  // to miss its startup deadline: every spec is generated first, one at a time, then all run at once (each against
  // its own Steady, the work in child processes).
  const generated: Promise<Awaited<ReturnType<typeof generateWithTests>>>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  for (const [, file] of SPECS) {
    const next = previous.then(() => generateWithTests(path.join(ROOT, file)));
    previous = next.catch(() => undefined);
    generated.push(next);
  }
  SPECS.forEach(([name, file], i) => {
    const run = previous
      .then(() => generated[i]!)
      .then((g) => runGeneratedTests(path.join(ROOT, file), g));
    run.catch(() => undefined); // Awaited by its test.
    runs.set(name, run);
  });
});

describe.each(SPECS)('%s', (name) => {
  it('every generated call is accepted by Steady, except the known rejections', async () => {
    const run = await runs.get(name)!;
    finished.set(name, run);
    const rejected = run.calls.filter((c) => !c.accepted);
    process.stdout.write(report(name, run, rejected));
    const listed = new Map(known.filter((k) => k.spec === name).map((k) => [k.call, k]));
    const unexpected = rejected.filter((c) => !listed.has(c.call)).map(describeCall);
    const seen = new Set(run.calls.map((c) => c.call));
    const nowAccepted = run.calls
      .filter((c) => c.accepted && listed.has(c.call))
      .map((c) => c.call);
    const missing = [...listed.keys()].filter((k) => !seen.has(k));
    expect({ unexpected, nowAccepted, missing }).toEqual({
      unexpected: [],
      nowAccepted: [],
      missing: [],
    });
    // Every operation was called twice.
    expect(run.calls.length).toBe(run.operations * 2);
    // Generating Stripe's and OpenAI's clients takes minutes on a loaded 2-core machine; each test waits for its spec.
  }, 900_000);
});

function describeCall(c: CallResult): string {
  return `${c.call} [${c.test}]: ${c.reason ?? ''}`;
}

function report(name: string, run: SpecRun, rejected: CallResult[]): string {
  const accepted = run.calls.length - rejected.length;
  return [
    `${name}: ${run.operations} operations, ${run.calls.length} calls, ${accepted} accepted (${((100 * accepted) / run.calls.length).toFixed(1)}%)`,
    ...rejected.map((c) => `  rejected ${describeCall(c).replace(/\n/g, '\n    ')}`),
    '',
  ].join('\n');
}
