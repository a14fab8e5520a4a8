/**
 * The js-yaml fast path (generator/load/fast-yaml.ts) gives exactly the value `yaml` gives, or leaves the text to
 * `yaml`: on every YAML file of the repository, on constructs where the two parsers differ or may, and on the fuzzer's
 * random documents written as YAML in several styles. Equal means deeply equal (-0, NaN, key order included).
 */
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { fastYaml } from '../../generator/load/fast-yaml';
import { documentArb } from '../fuzz/arbitraries/document';

const ROOT = path.resolve(__dirname, '../..');

/** What `yaml` reads, as source-file.ts reads it: a value only without errors or warnings. */
function reference(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length || doc.warnings.length) return undefined;
  return { value: doc.toJS({ maxAliasCount: -1 }) };
}

/** The fast path's answer, checked: undefined (left to `yaml`), or `yaml`'s value exactly. */
function check(text: string): 'fast' | 'deferred' {
  const fast = fastYaml(text);
  if (fast === undefined) return 'deferred';
  const expected = reference(text);
  expect(expected).toBeDefined();
  expect(isDeepStrictEqual(fast.value, expected!.value)).toBe(true);
  // Key order (isDeepStrictEqual ignores it): the order of properties and operations in the output.
  expect(JSON.stringify(fast.value)).toBe(JSON.stringify(expected!.value));
  return 'fast';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return yamlFiles(rel);
    return /\.ya?ml$/.test(name) ? [rel] : [];
  });
}

it('every YAML file of the repository: the value yaml gives, and the real-world specs take the fast path', () => {
  const files = [...yamlFiles('spec'), ...yamlFiles('test')];
  expect(files.length).toBeGreaterThan(500);
  const outcomes = new Map(files.map((f) => [f, check(readFileSync(path.join(ROOT, f), 'utf8'))]));
  for (const spec of ['stripe', 'openai', 'petstore', 'petstore-swagger'])
    expect(outcomes.get(`test/fixtures/specs/${spec}.yaml`)).toBe('fast');
  expect(outcomes.get('spec/chat-completions.yaml')).toBe('fast');
  // Broken specs (test/errors) are left to yaml, which reports them.
  expect([...outcomes.values()].filter((o) => o === 'fast').length).toBeGreaterThan(
    files.length / 2,
  );
});

describe('constructs the two parsers read differently are left to yaml', () => {
  it.each([
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['an explicit tag', 'a: !!float 1\n'],
    ['a local tag', 'a: !thing x\n'],
    ['an anchor ending in a colon', 'a: &anc: 1\n'],
    ['an alias ending in a colon', 'a: &x 1\nb: *x:\n'],
    ['a null key', '~: x\n'],
    ['a key spelled null', 'null: x\n'],
    ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an empty text', ''],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['an unresolved alias', 'a: *x\n'],
  ])('%s', (_what, text) => {
    expect(fastYaml(text)).toBeUndefined();
  });
});

it.each([
  'a: 1_000',
  'a: 0b101',
  'a: -.5',
  'a: +.5',
  'a: 1.',
  'a: 1e3',
  'a: 0o17',
  'a: 017',
  'a: 0x1F',
  'a: -0x1F',
  'a: -0',
  'a: .inf',
  'a: -.Inf',
  'a: .NaN',
  'a: 2020-01-01',
  'a: yes',
  'a: Null',
  'a:',
  'a: 123456789012345678901234567890',
  '[a, b]: c',
  'a: &x { b: 1 }\nc: *x\nd: &s str\ne: *s',
  'a: &x:y 1\nb: *x:y',
  '{a: 1}: c',
  '<<: {a: 1}\nb: 2',
  '__proto__: {a: 1}',
  'a: "\\x41\\u00e9\\/\\t\\0"',
  'a: |\n  x\n  y\n',
  'a: >-\n  x\n  y\n',
  'a: |2\n   x\n',
  'a: plain\n  continued',
  '1: a\n1.0: b',
  'true: a\nTrue: b',
  "'': 1",
  '\ufeffa: 1',
  'a: 1\r\nb: 2\r\n',
  'a: x#y',
  '- - a\n  - b',
  '"a:b": 1',
  'description: |\n  **Bold** and *stars* & ampersands! [link]: x\n',
])('the same value as yaml, or left to it: %j', (text) => {
  check(text);
});

it("the fuzzer's random documents, written as YAML in several styles", () => {
  const styles = [
    {},
    { defaultStringType: 'PLAIN' as const },
    { collectionStyle: 'flow' as const },
  ];
  let fast = 0;
  fc.assert(
    fc.property(documentArb, fc.constantFrom(...styles), (doc, style) => {
      if (check(stringify(doc, style)) === 'fast') fast++;
    }),
    { seed: 17, numRuns: 150 },
  );
  expect(fast).toBeGreaterThan(100);
});
