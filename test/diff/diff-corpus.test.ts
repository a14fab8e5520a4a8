/**
 * The diff corpus: each folder under cases/ holds an old and a new spec that differ by one kind of change (or, for
 * chat-completions, several at once), and the report `clientgen diff` must give for them, as markdown and as JSON.
 * `npm run test:update-goldens` rewrites expected.md and expected.json.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { diffSpecs, formatJson, formatMarkdown, type ApiChange } from '../../generator/diff';
import { UPDATE_GOLDENS, lineDiff } from '../helpers/file-tree';

const CASES = path.join(__dirname, 'cases');
const cases = readdirSync(CASES)
  .filter(
    (c) =>
      existsSync(path.join(CASES, c, 'old.yaml')) && existsSync(path.join(CASES, c, 'new.yaml')),
  )
  .sort();

/** Compares with the golden file, or rewrites it under UPDATE_GOLDENS=1. */
function golden(file: string, actual: string): void {
  if (UPDATE_GOLDENS) writeFileSync(file, actual);
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (expected !== actual)
    throw new Error(
      `${path.relative(CASES, file)} differs (expected -, actual +):\n${lineDiff(expected, actual)}`,
    );
}

async function diff(oldFile: string, newFile: string): Promise<ApiChange[]> {
  const result = await diffSpecs(oldFile, newFile);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.changes;
}

it('has a case for every kind of change', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
});

describe.each(cases)('diff case %s', (name) => {
  const dir = path.join(CASES, name);
  const oldFile = path.join(dir, 'old.yaml');
  const newFile = path.join(dir, 'new.yaml');
  let changes: ApiChange[];

  beforeAll(async () => {
    changes = await diff(oldFile, newFile);
  });

  it('reports expected.md', () => golden(path.join(dir, 'expected.md'), formatMarkdown(changes)));

  it('reports expected.json', () => golden(path.join(dir, 'expected.json'), formatJson(changes)));

  it('reports each change once', () => {
    const seen = changes.map((c) => `${c.location}: ${c.message}`);
    expect(seen.filter((s, i) => seen.indexOf(s) !== i)).toEqual([]);
  });

  it('lists breaking changes first, then warnings', () => {
    const ranks = changes.map((c) => (c.breaking ? 0 : c.wire === 'warning' ? 1 : 2));
    expect(ranks).toEqual([...ranks].sort());
    for (const c of changes) expect(c.breaking).toBe(c.wire === 'breaking' || c.sdk === 'breaking');
  });

  it('finds nothing between a spec and itself', async () => {
    expect(await diff(oldFile, oldFile)).toEqual([]);
    expect(await diff(newFile, newFile)).toEqual([]);
  });
});
