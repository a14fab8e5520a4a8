/**
 * Positions from js-yaml's events (generator/load/fast-positions.ts) against `yaml`'s syntax tree, the reference:
 * `locate` gives the same line and column on every node of every YAML file of the repository (every 25th node of
 * the large ones), on children that do not exist, and on the constructs where the fast path defers to `yaml`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fastPositions } from '../../generator/load/fast-positions';
import { locateWithYaml, parseSourceFile } from '../../generator/load/source-file';
import { ROOT, filesOf, pointersOf } from './positions-corpus';

/** Every YAML (and JSON) file under `dir`, golden cases aside. */
function yamlFiles(dir: string): string[] {
  return filesOf(dir, /\.(ya?ml|json)$/).filter((rel) => !rel.includes('/golden/cases/'));
}

/** How many pointers the fast path answered itself. */
function check(text: string, every: number): { fast: number; all: number } {
  const reference = locateWithYaml(text);
  const { file } = parseSourceFile('/f.yaml', 'f.yaml', text);
  const positions = fastPositions(text);
  const pointers = pointersOf(text).filter((_, i) => i % every === 0);
  let fast = 0;
  for (const pointer of pointers) {
    expect({ pointer, at: file.locate(pointer) }).toEqual({ pointer, at: reference(pointer) });
    if (positions?.offsetOf(pointer) !== undefined) fast++;
  }
  return { fast, all: pointers.length };
}

it('every YAML file of the repository: the positions yaml gives; most from the fast path', () => {
  const files = [...yamlFiles('spec'), ...yamlFiles('test')];
  expect(files.length).toBeGreaterThan(500);
  let fast = 0;
  for (const f of files) {
    const text = readFileSync(path.join(ROOT, f), 'utf8');
    const counted = check(text, text.length > 200_000 ? 25 : 1);
    if (/specs\/(openai|stripe)\.yaml$/.test(f))
      expect(counted.fast).toBeGreaterThan(counted.all / 2);
    fast += counted.fast;
  }
  expect(fast).toBeGreaterThan(1000);
});

describe('constructs left to yaml give its positions', () => {
  it.each([
    ['a quoted scalar', 'a: "x"\nb: \'y\'\n', ['#/a', '#/b']],
    ['a block scalar', 'a: |\n  text\nb: >-\n  folded\n', ['#/a', '#/b']],
    ['an empty value', 'a:\nb: 1\n', ['#/a']],
    ['an anchor and an alias', 'a: &x { k: 1 }\nb: *x\n', ['#/a', '#/a/k', '#/b', '#/b/k']],
    ['a tag', 'a: !!str 1\nb: !!map { k: 1 }\n', ['#/a', '#/b/k']],
    [
      'keys read as other strings',
      '~: 1\n1.0: 2\n0x1F: 3\n+5: 4\n',
      ['#/null', '#/1', '#/31', '#/5'],
    ],
    ['a flow mapping and sequence', 'a: { b: [1, { c: 2 }] }\n', ['#/a/b/1/c', '#/a/b/2']],
    ['a byte order mark', '\uFEFFa:\n  b: 1\n', ['#/a/b']],
    ['CRLF line ends', 'a:\r\n  b: 1\r\n  c:\r\n    - 2\r\n', ['#/a/b', '#/a/c/0']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['#/a', '#/b']],
    ['a syntax error', 'a: [1, 2\n', ['#/a']],
  ])('%s', (_what, text, pointers) => {
    const reference = locateWithYaml(text);
    const { file } = parseSourceFile('/f.yaml', 'f.yaml', text);
    for (const pointer of pointers) expect(file.locate(pointer)).toEqual(reference(pointer));
  });
});
