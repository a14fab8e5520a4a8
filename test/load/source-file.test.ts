/**
 * Parsing spec files (generator/load/source-file.ts): JSON takes JSON.parse and YAML the YAML parser, with the same
 * value and the same positions either way; positions are computed only when asked for; a duplicate key is an
 * error in JSON as in YAML.
 */
import fc from 'fast-check';
import { countKeysInText, parseSourceFile } from '../../generator/load/source-file';

const YAML = `openapi: 3.1.0
info:
  title: "T"
  version: 1.0.0
paths:
  /a:
    get:
      responses:
        '200':
          description: "ok \\"quoted\\": yes"
`;
const VALUE = {
  openapi: '3.1.0',
  info: { title: 'T', version: '1.0.0' },
  paths: { '/a': { get: { responses: { '200': { description: 'ok "quoted": yes' } } } } },
};
const JSON_TEXT = JSON.stringify(VALUE, null, 2);

it('JSON and YAML give the same value', () => {
  expect(parseSourceFile('/s.yaml', 's.yaml', YAML).file.value).toEqual(VALUE);
  const json = parseSourceFile('/s.json', 's.json', JSON_TEXT);
  expect(json.file.value).toEqual(VALUE);
  expect(json.diagnostics).toEqual([]);
});

it('locates a pointer in JSON and in YAML (parsed on demand)', () => {
  const yaml = parseSourceFile('/s.yaml', 's.yaml', YAML).file;
  expect(yaml.locate('#/paths/~1a/get/responses/200/description')).toEqual({
    line: 10,
    column: 24,
  });
  const json = parseSourceFile('/s.json', 's.json', JSON_TEXT).file;
  const line = JSON_TEXT.split('\n').findIndex((l) => l.includes('"description"')) + 1;
  expect(json.locate('#/paths/~1a/get/responses/200/description')).toEqual({ line, column: 28 });
  // A second call gives the same answer from the tree parsed by the first.
  expect(json.locate('#/info/title')).toEqual({ line: 4, column: 14 });
});

it('holds the positions it parsed until released, then parses them again when asked', () => {
  // YAML read by js-yaml: positions indexed by the load from the events it parsed (no second parse to locate).
  const yaml = parseSourceFile('/s.yaml', 's.yaml', YAML).file;
  expect(yaml.holdsPositions()).toBe(true);
  const pointer = '#/paths/~1a/get/responses/200/description';
  const at = yaml.locate(pointer);
  expect(yaml.holdsPositions()).toBe(true);
  yaml.releasePositions();
  expect(yaml.holdsPositions()).toBe(false);
  expect(yaml.locate(pointer)).toEqual(at);
  expect(yaml.holdsPositions()).toBe(true);
  // JSON: scanned on the first locate only.
  const json = parseSourceFile('/s.json', 's.json', JSON_TEXT).file;
  expect(json.holdsPositions()).toBe(false);
  json.locate(pointer);
  expect(json.holdsPositions()).toBe(true);
});

it('reports a duplicate key in JSON, with its position, as it does in YAML', () => {
  const text =
    '{\n  "openapi": "3.1.0",\n  "info": { "title": "a", "title": "b" },\n  "x": "\\"title\\": 1"\n}';
  const { file, diagnostics } = parseSourceFile('/d.json', 'd.json', text);
  expect(file.value).toBeUndefined();
  expect(diagnostics).toEqual([
    expect.objectContaining({
      code: 'yaml-syntax',
      severity: 'error',
      line: 3,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any`
      message: expect.stringContaining("duplicate key 'title'"),
    }),
  ]);
});

it('a JSON string that looks like a key is not counted as one', () => {
  const text = '{ "a": "\\"b\\": 1", "c": ["\\"d\\":", { "e": 1 }] }';
  const { file, diagnostics } = parseSourceFile('/k.json', 'k.json', text);
  expect(diagnostics).toEqual([]);
  expect(file.value).toEqual({ a: '"b": 1', c: ['"d":', { e: 1 }] });
});

it('an alias to no anchor is an error of the spec, with its position, not a crash', () => {
  const parsed = parseSourceFile('/s.yaml', 's.yaml', 'a: &x 1\nb: *x\nc:\n  d: *nope\n');
  expect(parsed.file.value).toBeUndefined();
  expect(parsed.diagnostics).toEqual([
    {
      code: 'yaml-syntax',
      severity: 'error',
      message: "alias '*nope' names no anchor before it",
      pointer: '#',
      file: 's.yaml',
      line: 4,
      column: 6,
    },
  ]);
});

/** Keys of a parsed JSON value, counted by walking it. */
function keysOf(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + keysOf(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.entries(value).reduce((n, [, v]) => n + 1 + keysOf(v), 0);
}

it('counts the keys of any JSON text: strings with quotes, backslashes and colons, any spacing', () => {
  // Strings built from the characters that could fool a scan: quotes, backslashes, colons, braces, white space.
  const tricky = fc.string({
    unit: fc.constantFrom('"', '\\', ':', '{', '}', ',', ' ', '\n', 'a', 'é', '\u2028'),
    maxLength: 8,
  });
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      tricky,
      fc.integer(),
      fc.constant(null),
      fc.array(tie('value')),
      fc.dictionary(tricky, tie('value')),
    ),
  })).value;
  fc.assert(
    fc.property(json, fc.constantFrom(undefined, 2, '\t', ' \r\n'), (value, space) => {
      const text = JSON.stringify(value, null, space);
      expect(countKeysInText(text)).toBe(keysOf(JSON.parse(text)));
    }),
    { seed: 5, numRuns: 500 },
  );
  // A key after an escaped backslash, and a string that only looks like a key.
  expect(countKeysInText('{"a\\\\": 1, "b": ["c", "d\\": "]}')).toBe(2);
  // White space JSON allows between a key and its colon (JSON.stringify writes none).
  expect(countKeysInText('{"a" :1, "b"\t:2, "c"\r\n:3, "d"\n\n:4}')).toBe(4);
  // Not JSON (never asked: the load counts only what JSON.parse read), but an answer, not a loop.
  expect(countKeysInText('{"a": "b\\"}')).toBe(1);
});

it('refuses a JSON text with a duplicate key even where a string ends in backslashes', () => {
  const text = '{"a\\\\": 1, "x": "\\\\", "x": 2}';
  expect(JSON.parse(text)).toEqual({ 'a\\': 1, x: 2 });
  const { diagnostics } = parseSourceFile('/d.json', 'd.json', text);
  expect(diagnostics.map((d) => [d.severity, d.message.includes("duplicate key 'x'")])).toEqual([
    ['error', true],
  ]);
});
