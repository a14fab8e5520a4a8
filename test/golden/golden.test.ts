/**
 * Golden cases: each folder under cases/ holds a small spec named after one feature and the full output
 * tree clientgen must produce for it (expected/, runtime aside: core/ is checked once in core-copy.test.ts).
 * A case whose options.json says `"tests": true` also has the generated tests, in expected-tests/ (as if generated
 * with `--out expected --tests expected-tests`). Missing, extra and changed files all fail with a diff.
 * `npm run test:update-goldens` rewrites expected/ and expected-tests/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  UPDATE_GOLDENS,
  diffTrees,
  readTree,
  writeTree,
  type FileTree,
} from '../helpers/file-tree';
import { findAnyKeywords, generateTree, typeCheck, writeTempTree } from '../helpers/generate';

const CASES = path.join(__dirname, 'cases');
const cases = readdirSync(CASES)
  .filter(
    (c) =>
      existsSync(path.join(CASES, c, 'spec.yaml')) || existsSync(path.join(CASES, c, 'spec.json')),
  )
  .sort();
const entryOf = (c: string) =>
  path.join(CASES, c, existsSync(path.join(CASES, c, 'spec.yaml')) ? 'spec.yaml' : 'spec.json');
const withoutCore = (tree: FileTree) =>
  new Map([...tree].filter(([rel]) => !rel.startsWith('core/')));
/** Whether the case's options.json asks for the generated tests. */
const withTests = (c: string): boolean => {
  const file = path.join(CASES, c, 'options.json');
  return (
    existsSync(file) &&
    (JSON.parse(readFileSync(file, 'utf8')) as { tests?: boolean }).tests === true
  );
};
const generateCase = (c: string, options: { importStyle?: 'bundler' | 'nodenext' } = {}) =>
  generateTree(entryOf(c), {
    ...options,
    ...(withTests(c) && { tests: { clientDir: '../expected' } }),
  });
const testTree = (result: { testFiles?: { path: string; contents: string }[] }): FileTree =>
  new Map((result.testFiles ?? []).map((f) => [f.path, f.contents]));

const generated = new Map<string, FileTree>();
const generatedTests = new Map<string, FileTree>();

describe.each(cases)('golden case %s', (name) => {
  it('generates exactly expected/, with no diagnostics errors', async () => {
    const result = await generateCase(name);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    generated.set(name, result.tree);
    const expectedDir = path.join(CASES, name, 'expected');
    const actual = withoutCore(result.tree);
    if (UPDATE_GOLDENS) writeTree(expectedDir, actual);
    expect(diffTrees(readTree(expectedDir), actual).join('\n\n')).toBe('');
    if (!withTests(name)) return;
    const tests = testTree(result);
    generatedTests.set(name, tests);
    const testsDir = path.join(CASES, name, 'expected-tests');
    if (UPDATE_GOLDENS) writeTree(testsDir, tests);
    expect(diffTrees(readTree(testsDir), tests).join('\n\n')).toBe('');
  });

  it('is deterministic: a second run gives identical bytes', async () => {
    const again = await generateCase(name);
    expect(again.tree).toEqual(generated.get(name));
    if (withTests(name)) expect(testTree(again)).toEqual(generatedTests.get(name));
  });

  it('never emits the any type', () => {
    expect(findAnyKeywords(generated.get(name)!)).toEqual([]);
    if (withTests(name)) expect(findAnyKeywords(generatedTests.get(name)!)).toEqual([]);
  });
});

describe('golden outputs compile', () => {
  it.each(['bundler', 'nodenext'] as const)(
    'under strict tsc with moduleResolution %s',
    async (resolution) => {
      const dirs: string[] = [];
      // The generated tests, each beside its client (`<case>/expected-tests` imports `<case>/expected`); they need
      // Node's types (node:test), which the clients must not.
      const testDirs: string[] = [];
      try {
        for (const name of cases) {
          const result = await generateCase(name, { importStyle: resolution });
          const dir = writeTempTree(result.tree, `clientgen-golden-${name}-`);
          dirs.push(dir);
          if (!withTests(name)) continue;
          const caseDir = path.join(dir, 'case');
          for (const [sub, tree] of [
            ['expected', result.tree],
            ['expected-tests', testTree(result)],
          ] as const)
            for (const [rel, contents] of tree) {
              mkdirSync(path.dirname(path.join(caseDir, sub, rel)), { recursive: true });
              writeFileSync(path.join(caseDir, sub, rel), contents);
            }
          testDirs.push(path.join(caseDir, 'expected-tests'));
        }
        // nodenext needs each output to be an ES module package.
        if (resolution === 'nodenext')
          for (const d of dirs)
            writeFileSync(path.join(d, 'package.json'), '{ "type": "module" }\n');
        expect(typeCheck(dirs, resolution, {}, (f) => !f.includes('/case/'))).toEqual([]);
        expect(typeCheck(testDirs, resolution, { types: ['node'] })).toEqual([]);
      } finally {
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      }
    },
  );
});
