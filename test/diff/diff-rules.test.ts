/**
 * The rules of `clientgen diff` (generator/diff/rules.ts) against their corpus: test/diff/rules/<rule-id>/ holds an
 * old and a new spec whose report must contain a change under that rule, with the rule's wire level, and the
 * whole report as expected.json (`npm run test:update-goldens` rewrites it). Every rule has a pair there or in
 * test/diff/cases, and docs/diff-rules.md lists every rule.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { diffSpecs, formatJson, type ApiChange } from '../../generator/diff';
import { DIFF_RULES, ruleOf } from '../../generator/diff/rules';
import { UPDATE_GOLDENS, lineDiff } from '../helpers/file-tree';

const ROOT = path.join(__dirname, 'rules');
const CASES = path.join(__dirname, 'cases');
const pairs = readdirSync(ROOT)
  .filter((r) => existsSync(path.join(ROOT, r, 'old.yaml')))
  .sort();

/** The rules named in the expected reports of test/diff/cases. */
function rulesInCases(): Set<string> {
  const found = new Set<string>();
  for (const c of readdirSync(CASES)) {
    const file = path.join(CASES, c, 'expected.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as { changes: ApiChange[] };
    for (const change of report.changes) found.add(change.rule);
  }
  return found;
}

it('has a corpus pair for every rule', () => {
  const covered = new Set([...pairs, ...rulesInCases()]);
  expect(DIFF_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
});

it('names only rules of the table in the corpus folders', () => {
  for (const id of pairs) expect(() => ruleOf(id)).not.toThrow();
});

it('lists every rule, with its levels, in docs/diff-rules.md', () => {
  const docs = readFileSync(path.join(__dirname, '../../docs/diff-rules.md'), 'utf8');
  const missing = DIFF_RULES.filter(
    (r) => !docs.includes(`| \`${r.id}\` | ${r.direction} | ${r.wire} | ${r.sdk} |`),
  );
  expect(missing.map((r) => r.id)).toEqual([]);
});

describe.each(pairs)('rule pair %s', (id) => {
  it('reports a change under the rule, with its wire level, and expected.json', async () => {
    const dir = path.join(ROOT, id);
    const result = await diffSpecs(path.join(dir, 'old.yaml'), path.join(dir, 'new.yaml'));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = path.join(dir, 'expected.json');
    const actual = formatJson(result.changes);
    if (UPDATE_GOLDENS) writeFileSync(file, actual);
    const expected = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (expected !== actual)
      throw new Error(`${id}/expected.json differs:\n${lineDiff(expected, actual)}`);
    const hits = result.changes.filter((c) => c.rule === id);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.wire).toBe(ruleOf(id).wire);
  });
});
