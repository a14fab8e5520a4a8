/**
 * Positions in JSON texts from clientgen's own scan (generator/load/json-positions.ts) against `yaml`'s syntax tree,
 * the reference for every position: the same line and column on every node (and on a child that is not there) of
 * every JSON file of the repository and of the repository's YAML files written as JSON, indented and on one line.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { jsonPositions } from '../../generator/load/json-positions';
import { locateWithYaml, parseSourceFile } from '../../generator/load/source-file';
import { ROOT, filesOf, pointersOf } from './positions-corpus';

/** Holds `locate` on a JSON text to `yaml`'s; returns how many pointers the scan answered itself. */
function check(text: string, every: number): { answered: number; all: number } {
  const reference = locateWithYaml(text);
  const { file } = parseSourceFile('/f.json', 'f.json', text);
  const positions = jsonPositions(text);
  const pointers = pointersOf(text).filter((_, i) => i % every === 0);
  let answered = 0;
  for (const pointer of pointers) {
    expect({ pointer, at: file.locate(pointer) }).toEqual({ pointer, at: reference(pointer) });
    if (positions.offsetOf(pointer) !== undefined) answered++;
  }
  return { answered, all: pointers.length };
}

it("every JSON file of the repository: yaml's positions, all from the scan", () => {
  const files = [...filesOf('spec', /\.json$/), ...filesOf('test', /\.json$/)].filter(
    (f) => !f.includes('/golden/cases/') || f.endsWith('spec.json'),
  );
  expect(files.length).toBeGreaterThan(10);
  let checked = 0;
  for (const f of files) {
    const text = readFileSync(path.join(ROOT, f), 'utf8');
    try {
      JSON.parse(text);
    } catch {
      continue; // Not JSON (a fixture of a broken file): the YAML path reads it.
    }
    const { answered, all } = check(text, text.length > 200_000 ? 25 : 1);
    expect(answered).toBe(all);
    checked++;
  }
  expect(checked).toBeGreaterThan(10);
});

it("the repository's YAML files written as JSON, indented and on one line: yaml's positions", () => {
  // Every third file (they are many, and alike), every node of the small ones.
  const files = [...filesOf('spec', /\.ya?ml$/), ...filesOf('test', /\.ya?ml$/)].filter(
    (_, i) => i % 3 === 0,
  );
  expect(files.length).toBeGreaterThan(150);
  let checked = 0;
  for (const f of files) {
    let value: unknown;
    try {
      value = parseDocument(readFileSync(path.join(ROOT, f), 'utf8')).toJS();
    } catch {
      continue;
    }
    if (value === undefined) continue;
    for (const text of [JSON.stringify(value, null, 2), JSON.stringify(value)]) {
      if (text === undefined) continue;
      const { answered, all } = check(text, text.length > 20_000 ? 50 : 1);
      expect(answered).toBe(all);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(300);
}, 300_000);

it.each([
  ['escapes in keys and values', '{"a\\"b": {"c\\\\": ["x\\"", "y"]}, "d": "\\u00e9"}'],
  ['scalars of every kind', '[1, -2.5e3, true, false, null, "s", {}, [], {"k": []}]'],
  ['tabs, returns and no spaces', '{\t"a":\r\n[\t1,2\r\n],"b":{"c":{}}}'],
  ['a key that is a number or empty', '{"1": {"": 2}, "0": [3]}'],
  ['a scalar at the root', '"just a string"'],
  ['nested arrays', '[[[1]], [[2, [3]]]]'],
])('%s', (_name, text) => {
  check(text, 1);
});
