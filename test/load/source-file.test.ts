/**
 * Parsing spec files (generator/load/source-file.ts): JSON takes JSON.parse and YAML the YAML parser, with the same
 * value and the same positions either way; positions are computed only when asked for; a duplicate key is an
 * error in JSON as in YAML.
 */
import { parseSourceFile } from '../../generator/load/source-file';

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
