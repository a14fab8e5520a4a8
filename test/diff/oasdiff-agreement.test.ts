/**
 * `clientgen diff`'s wire verdict against oasdiff's level on oasdiff's own checker fixtures (test/fixtures/oasdiff):
 * ERR → breaking, WARN → warning, INFO or nothing → not breaking. Pairs whose change no client can observe
 * (`metadata_only`: a sunset date's format) are diffed but not compared. Every other pair agrees, or is a deliberate
 * disagreement of oasdiff-disagreements.ts with exactly the verdict listed there; agreement is at least 95% both ways.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { diffSpecs } from '../../generator/diff';
import { DISAGREEMENTS, type Verdict } from './oasdiff-disagreements';

const ROOT = path.join(__dirname, '../fixtures/oasdiff');

interface Pair {
  base: string;
  revision: string;
  oasdiff: 'ERR' | 'WARN' | 'INFO' | 'NONE' | 'NOT-ERR';
  metadata_only: boolean;
}

const pairs = JSON.parse(readFileSync(path.join(ROOT, 'pairs.json'), 'utf8')) as Pair[];
const nameOf = (p: Pair) => `${p.base} → ${p.revision}`;
const verdicts = new Map<string, { verdict: Verdict; rules: string[] }>();

beforeAll(async () => {
  for (const p of pairs) {
    const result = await diffSpecs(
      path.join(ROOT, 'data', p.base),
      path.join(ROOT, 'data', p.revision),
    );
    const levels = result.changes.map((c) => c.wire);
    const verdict: Verdict = result.diagnostics.some((d) => d.severity === 'error')
      ? 'refused'
      : levels.includes('breaking')
        ? 'breaking'
        : levels.includes('warning')
          ? 'warning'
          : levels.length
            ? 'compatible'
            : 'none';
    verdicts.set(nameOf(p), { verdict, rules: result.changes.map((c) => c.rule) });
  }
}, 300_000);

/** Whether our verdict agrees with oasdiff's level. */
function agrees(p: Pair, verdict: Verdict): boolean {
  if (p.oasdiff === 'ERR') return verdict === 'breaking';
  if (p.oasdiff === 'WARN') return verdict === 'warning';
  return verdict !== 'breaking' && verdict !== 'refused';
}

const compared = pairs.filter((p) => !p.metadata_only);

it('loads every pair', () => {
  expect(pairs.length).toBe(138);
  expect(verdicts.size).toBe(new Set(pairs.map(nameOf)).size);
});

it('lists only pairs of the corpus as disagreements, once each', () => {
  const names = new Set(compared.map(nameOf));
  expect(DISAGREEMENTS.map((d) => d.pair).filter((n) => !names.has(n))).toEqual([]);
  expect(new Set(DISAGREEMENTS.map((d) => d.pair)).size).toBe(DISAGREEMENTS.length);
});

it('agrees with oasdiff on every pair, except the listed disagreements', () => {
  const listed = new Set(DISAGREEMENTS.map((d) => d.pair));
  const unlisted = compared
    .filter((p) => !listed.has(nameOf(p)) && !agrees(p, verdicts.get(nameOf(p))!.verdict))
    .map((p) => `${nameOf(p)}: oasdiff ${p.oasdiff}, ours ${verdicts.get(nameOf(p))!.verdict}`);
  expect(unlisted).toEqual([]);
});

it.each(DISAGREEMENTS)(
  'disagrees on $pair as listed: $verdict by $rule',
  ({ pair, verdict, rule }) => {
    const found = verdicts.get(pair)!;
    expect(found.verdict).toBe(verdict);
    if (rule) expect(found.rules).toContain(rule);
    const p = compared.find((q) => nameOf(q) === pair)!;
    expect(agrees(p, verdict)).toBe(false);
  },
);

it('lists every disagreement in docs/diff-rules.md', () => {
  const docs = readFileSync(path.join(__dirname, '../../docs/diff-rules.md'), 'utf8');
  expect(DISAGREEMENTS.map((d) => d.pair).filter((pair) => !docs.includes(pair))).toEqual([]);
});

/** The share of pairs of the given levels that agree. */
function agreement(levels: Pair['oasdiff'][]): { agree: number; of: number } {
  const of = compared.filter((p) => levels.includes(p.oasdiff));
  const agree = of.filter((p) => agrees(p, verdicts.get(nameOf(p))!.verdict)).length;
  return { agree, of: of.length };
}

it('states the agreement figures', () => {
  const breaking = agreement(['ERR']);
  const notBreaking = agreement(['INFO', 'NONE', 'NOT-ERR']);
  const warning = agreement(['WARN']);
  // The figures docs/diff-rules.md states; a change to them is a change to the docs.
  expect([breaking, notBreaking, warning]).toEqual([
    { agree: 60, of: 62 },
    { agree: 51, of: 56 },
    { agree: 2, of: 7 },
  ]);
});
