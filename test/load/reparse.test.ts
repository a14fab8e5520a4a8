/**
 * reparse.ts against a parse of the whole text: on random edits of the repository's YAML specs, a text read from the
 * previous one must give the value (keys in order) and the positions (every array of the tree) that js-yaml's fast
 * path gives for the whole text, and must decline (undefined) wherever that path would not read the text.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { positionsFromEvents } from '../../generator/load/fast-positions';
import { fastYaml } from '../../generator/load/fast-yaml';
import { decodeLoadRecord, encodeLoadRecord } from '../../generator/load/load-record';
import { anchorFree, changedRange, reparse, type ParsedYaml } from '../../generator/load/reparse';
import { seededRandom } from '../helpers/seeded-random';
import { ROOT, filesOf } from './positions-corpus';

function parseWhole(text: string): ParsedYaml | undefined {
  const fast = fastYaml(text);
  const tree = fast && positionsFromEvents(text, fast.events);
  return fast && tree && anchorFree(fast.events) ? { text, value: fast.value, tree } : undefined;
}

/** A record's parts joined, as the store reads them back. */
const joined = (parts: readonly Uint8Array[]) => Buffer.concat(parts);

/** A copy the reparse may change, as the load record gives it. */
function copyOf(parsed: ParsedYaml): ParsedYaml {
  return decodeLoadRecord(joined(encodeLoadRecord('k', parsed)), 'k')!;
}

/** Equal values with their keys in the same order; -0 is not 0. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length || keys.some((k, i) => k !== other[i])) return false;
  return keys.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function sameTree(a: ParsedYaml['tree'], b: ParsedYaml['tree']): boolean {
  const x = a.data();
  const y = b.data();
  if (x.count !== y.count) return false;
  for (const name of ['start', 'kind', 'firstChild', 'nextSibling', 'keyStart', 'flow'] as const)
    for (let i = 0; i < x.count; i++) if (x[name][i] !== y[name][i]) return false;
  for (let i = 0; i < x.count; i++) if (x.keys[i] !== y.keys[i]) return false;
  return true;
}

const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\r',
  '\r\n',
  ': ',
  '- ',
  ' #c',
  "'",
  '"',
  '{',
  '}',
  '[',
  '&a ',
  '*a',
  '---\n',
  '...\n',
  '|\n',
  '\t',
  '!!str ',
  '~',
  ',',
];

/** An edit of `text` at a random place: what a person (or a bad merge) might do to a spec. */
function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  const line = text.slice(lineStart, lineEnd);
  const indent = /^ */.exec(line)![0];
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  switch (Math.floor(random() * 9)) {
    case 0: // A word changed.
      return text.slice(0, at) + pick(['a', 'Z', '1', 'true', '']) + text.slice(at + 1);
    case 1: // A snippet put in.
      return text.slice(0, at) + pick(SNIPPETS) + text.slice(at);
    case 2: // A few characters taken out.
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 40));
    case 3: // A new member beside this line's.
      return (
        text.slice(0, lineEnd) +
        `${indent}added_${Math.floor(random() * 1000)}: ${pick(['1', 'text', '[1, 2]', '{a: 1}', '|\n' + indent + '  block'])}\n` +
        text.slice(lineEnd)
      );
    case 4: // This line twice (a duplicate key, mostly).
      return text.slice(0, lineEnd) + line + text.slice(lineEnd);
    case 5: // This line gone.
      return text.slice(0, lineStart) + text.slice(lineEnd);
    case 6: // This line indented, or not.
      return (
        text.slice(0, lineStart) +
        (random() < 0.5 ? '  ' + line : line.slice(Math.min(2, indent.length))) +
        text.slice(lineEnd)
      );
    case 7: // A sequence's dash made a space (the item's first key stays in its column).
      return text.slice(0, lineStart) + line.replace(/^( *)- /, '$1  ') + text.slice(lineEnd);
    default: // A description written over.
      return (
        text.slice(0, lineStart) + `${indent}description: changed ${at}\n` + text.slice(lineEnd)
      );
  }
}

const SPECS = [
  'spec/chat-completions.yaml',
  ...filesOf('test/fixtures/specs', /\.ya?ml$/).filter((f) => !/openai|stripe/.test(f)),
];

describe('reparse', () => {
  test.each([...SPECS, `${SPECS[0]!} with CRLF line breaks`])(
    '%s: a reparsed text reads as the whole text does',
    (file) => {
      const text = readFileSync(path.join(ROOT, file.split(' ')[0]!), 'utf8');
      const original = file.endsWith('CRLF line breaks') ? text.replaceAll('\n', '\r\n') : text;
      const first = parseWhole(original);
      expect(first).toBeDefined();
      if (!first) return;
      const random = seededRandom(file.length * 7919);
      let accepted = 0;
      let declined = 0;
      const edits = file.startsWith('spec/') ? 400 : 60;
      for (let i = 0; i < edits; i++) {
        const text = edit(original, random);
        const again = reparse(copyOf(first), text);
        const whole = parseWhole(text);
        if (!again) {
          declined++;
          continue;
        }
        accepted++;
        expect({ i, whole: whole !== undefined }).toEqual({ i, whole: true });
        expect({ i, value: sameValue(again.value, whole!.value) }).toEqual({ i, value: true });
        expect({ i, tree: sameTree(again.tree, whole!.tree) }).toEqual({ i, tree: true });
      }
      // The edits must exercise both ways, or this test holds nothing.
      if (file.startsWith('spec/')) {
        expect(accepted).toBeGreaterThan(edits / 4);
        expect(declined).toBeGreaterThan(edits / 10);
      }
    },
  );

  test('every other YAML file of the repository: a few edits each', () => {
    // Hundreds of small specs of every style (oasdiff's fixtures, the error and golden cases): what the large specs
    // above do not show (flow styles, block scalars, sequences of mappings, quoted keys).
    const files = filesOf('test', /\.ya?ml$/).filter((f) => !/openai|stripe/.test(f));
    expect(files.length).toBeGreaterThan(500);
    const random = seededRandom(7);
    let accepted = 0;
    for (const file of files) {
      const original = readFileSync(path.join(ROOT, file), 'utf8');
      const first = parseWhole(original);
      if (!first) continue;
      for (let i = 0; i < 20; i++) {
        const text = edit(original, random);
        const again = reparse(copyOf(first), text);
        if (!again) continue;
        accepted++;
        const whole = parseWhole(text);
        const same =
          whole !== undefined &&
          sameValue(again.value, whole.value) &&
          sameTree(again.tree, whole.tree);
        expect({ file, i, same }).toEqual({ file, i, same: true });
      }
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  test('a chain of edits, each read from the last, stays equal to the whole text', () => {
    const random = seededRandom(42);
    let text = readFileSync(path.join(ROOT, 'spec/chat-completions.yaml'), 'utf8');
    let previous = parseWhole(text)!;
    let accepted = 0;
    for (let i = 0; i < 150; i++) {
      const next = edit(text, random);
      const whole = parseWhole(next);
      if (!whole) continue;
      const again = reparse(copyOf(previous), next);
      if (again) {
        accepted++;
        expect({ i, value: sameValue(again.value, whole.value) }).toEqual({ i, value: true });
        expect({ i, tree: sameTree(again.tree, whole.tree) }).toEqual({ i, tree: true });
        previous = { text: next, ...again };
      } else previous = whole;
      text = next;
    }
    expect(accepted).toBeGreaterThan(30);
  });

  test('declines what only the whole text can tell', () => {
    const base = 'a:\n  b:\n    c: 1\n  d: &x 2\ne: 3\n';
    const noAnchors = 'a:\n  b:\n    c: 1\n  d: 2\ne: {f: 1,\n  g: 2}\n';
    const first = parseWhole(noAnchors)!;
    const cases = [
      'a:\n  b:\n    c: 1\n  d: 2\ne: {f: 1,\n  g: 3}\n', // inside a flow mapping: e is read whole
      'a:\n  b:\n    c: 1\n  d: 2e: {f: 1,\n  g: 2}\n', // a member's last line break taken out
      'a:\n  b:\n    c: 1\n  b: 2\ne: {f: 1,\n  g: 2}\n', // a duplicate key
      'a:\n  b:\n    c: 1\n...\n  d: 2\ne: {f: 1,\n  g: 2}\n', // a document's end
      'a:\n  b:\n    c: &y 1\n  d: 2\ne: {f: 1,\n  g: 2}\n', // an anchor
      'a:\n  b:\n    c: 1\n  d:\n  - 2\ne: {f: 1,\n  g: 2}\n', // fine: the sequence is d's
    ];
    const results = cases.map((text) => reparse(copyOf(first), text) !== undefined);
    expect(results).toEqual([true, false, false, false, false, true]);
    for (const text of [cases[0]!, cases[5]!])
      expect(sameValue(reparse(copyOf(first), text)!.value, parseWhole(text)!.value)).toBe(true);
    expect(parseWhole(base)).toBeUndefined();
    // A sequence's `- ` taken out from before a key: the key stays in its column, but no longer in an item.
    expect(reparse(parseWhole('x:\n- a: 1\n  b: 2\n')!, 'x:\n  a: 1\n  b: 2\n')).toBeUndefined();
  });

  test('text put in at the boundary of two members is read in the member that holds both', () => {
    const padding = Array.from({ length: 40 }, (_, i) => `        p${i}: { type: string }\n`).join(
      '',
    );
    const schemas = (a: string) =>
      `components:\n  schemas:\n    A:\n      type: object\n      properties:\n        x:\n          type: string\n${a}    B:\n      properties:\n${padding}`;
    const before = schemas('      required:\n        - x\n');
    // A property added at the end of `properties`, and `required` emptied: the diff starts in `required`'s line.
    const after = schemas('        y:\n          type: integer\n      required: []\n');
    // A property added at the end of `properties`, just before the next schema's key: the diff puts it there first.
    const cases = [
      { from: before, text: after, changed: '#/components/schemas/A' },
      {
        from: schemas(''),
        text: schemas('        y:\n          type: integer\n'),
        changed: '#/components/schemas/A/properties',
      },
    ];
    for (const { from, text, changed } of cases) {
      const again = reparse(copyOf(parseWhole(from)!), text)!;
      expect(again.changed).toBe(changed);
      const whole = parseWhole(text)!;
      expect(sameValue(again.value, whole.value)).toBe(true);
      expect(sameTree(again.tree, whole.tree)).toBe(true);
    }
  });

  test('the changed range of two texts', () => {
    const long = 'x'.repeat(10_000);
    expect(changedRange(long + 'abc' + long, long + 'aXc' + long)).toEqual({
      start: 10_001,
      oldEnd: 10_002,
    });
    expect(changedRange('aaa', 'aaaa')).toEqual({ start: 3, oldEnd: 3 });
    // A line put in: as late as it can be, or as early.
    expect(changedRange('a\nb\n', 'a\nx\nb\n')).toEqual({ start: 2, oldEnd: 2 });
    expect(changedRange('a\nb\n', 'a\nx\nb\n', 'end')).toEqual({ start: 1, oldEnd: 1 });
    expect(changedRange('abc', 'abc')).toEqual({ start: 3, oldEnd: 3 });
  });

  test('a record written under another key, or damaged, is not read', () => {
    const parsed = parseWhole('a: 1\n')!;
    const bytes = joined(encodeLoadRecord('one', parsed));
    expect(decodeLoadRecord(bytes, 'one')?.text).toBe('a: 1\n');
    expect(decodeLoadRecord(bytes, 'other')).toBeUndefined();
    expect(decodeLoadRecord(bytes.subarray(0, 10), 'one')).toBeUndefined();
    expect(decodeLoadRecord(bytes.subarray(0, 2), 'one')).toBeUndefined();
    expect(decodeLoadRecord(serialize({ version: 0 }), 'one')).toBeUndefined();
    // The text's bytes first, after their length; the rest as V8 writes it.
    expect(bytes.readUInt32LE(0)).toBe(5);
    expect(bytes.toString('utf8', 4, 9)).toBe('a: 1\n');
    expect(deserialize(bytes.subarray(9))).toMatchObject({ key: 'one' });
    // The text is kept as UTF-8: any character comes back.
    const wide = parseWhole('a: "é ✓ 😀"\nb: [-0, .inf]\n')!;
    const back = decodeLoadRecord(joined(encodeLoadRecord('one', wide)), 'one')!;
    expect(back.text).toBe(wide.text);
    expect(sameValue(back.value, wide.value)).toBe(true);
  });
});
