/**
 * Golden cases: each folder under cases/ holds a small spec named after one feature and the full output
 * tree clientgen must produce for it (expected/, runtime aside: core/ is checked once in core-copy.test.ts).
 * Missing, extra and changed files all fail with a diff. `npm run test:update-goldens` rewrites expected/.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

const generated = new Map<string, FileTree>();

describe.each(cases)('golden case %s', (name) => {
  it('generates exactly expected/, with no diagnostics errors', async () => {
    const result = await generateTree(entryOf(name));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    generated.set(name, result.tree);
    const expectedDir = path.join(CASES, name, 'expected');
    const actual = withoutCore(result.tree);
    if (UPDATE_GOLDENS) writeTree(expectedDir, actual);
    expect(diffTrees(readTree(expectedDir), actual).join('\n\n')).toBe('');
  });

  it('is deterministic: a second run gives identical bytes', async () => {
    const again = await generateTree(entryOf(name));
    expect(again.tree).toEqual(generated.get(name));
  });

  it('never emits the any type', () => {
    expect(findAnyKeywords(generated.get(name)!)).toEqual([]);
  });
});

describe('golden outputs compile', () => {
  it.each(['bundler', 'nodenext'] as const)(
    'under strict tsc with moduleResolution %s',
    async (resolution) => {
      const dirs: string[] = [];
      try {
        for (const name of cases) {
          const { tree } = await generateTree(entryOf(name), { importStyle: resolution });
          dirs.push(writeTempTree(tree, `clientgen-golden-${name}-`));
        }
        // nodenext needs each output to be an ES module package.
        if (resolution === 'nodenext')
          for (const d of dirs)
            writeFileSync(path.join(d, 'package.json'), '{ "type": "module" }\n');
        expect(typeCheck(dirs, resolution)).toEqual([]);
      } finally {
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      }
    },
  );
});
