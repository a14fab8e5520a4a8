/**
 * Parameter and form-field serialization in the IR: what each place keeps of `style`, `explode`,
 * `allowReserved`, `content` and `x-clientgen-array-format` (only what differs from its defaults), cookie
 * parameters, the `encoding` map of form bodies, and the warnings for what the place does not allow.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { buildIr } from '../../generator/ir/build-ir';
import type { IrOperation } from '../../generator/ir/types';
import { loadSpec } from '../../generator/load/load-spec';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'clientgen-params-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one operation of a spec with these parameters (and body), with the diagnostics. */
async function operationOf(parameters: unknown[], requestBody?: unknown) {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  const op = { operationId: 'op', parameters, responses: { '204': { description: 'none' } } };
  writeFileSync(
    file,
    stringify({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: { '/x/{p}': { post: requestBody ? { ...op, requestBody } : op } },
    }),
  );
  const { spec } = await loadSpec(file);
  const { ir, diagnostics } = buildIr(spec!, 'spec.yaml');
  return { op: ir!.operations[0]!, diagnostics };
}

/** A parameter's serialization fields only. */
function styleOf(op: IrOperation, name: string) {
  const p = [...op.pathParams, ...op.queryParams, ...op.headerParams].find((q) => q.name === name);
  if (!p) return undefined;
  const { style, explode, allowReserved, arrayFormat, contentType, in: place } = p;
  return JSON.parse(
    JSON.stringify({ in: place, style, explode, allowReserved, arrayFormat, contentType }),
  ) as Record<string, unknown>;
}

const path_ = { name: 'p', in: 'path', required: true, schema: { type: 'string' } };

describe('parameter serialization in the IR', () => {
  it('keeps only what differs from the defaults of each place', async () => {
    const { op, diagnostics } = await operationOf([
      { ...path_, style: 'matrix', explode: true },
      { name: 'a', in: 'query', style: 'form', explode: true, schema: { type: 'array' } },
      { name: 'b', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' } },
      { name: 'c', in: 'query', explode: false, allowReserved: true, schema: { type: 'string' } },
      { name: 'd', in: 'query', style: 'deepObject', 'x-clientgen-array-format': 'repeat' },
      { name: 'H', in: 'header', style: 'simple', explode: false, schema: { type: 'object' } },
      { name: 'I', in: 'header', explode: true, schema: { type: 'object' } },
      { name: 'k', in: 'cookie', style: 'form', explode: true, schema: { type: 'string' } },
      { name: 'l', in: 'cookie', explode: false, schema: { type: 'array' } },
    ]);
    expect(diagnostics).toEqual([]);
    expect(styleOf(op, 'p')).toEqual({ in: 'path', style: 'matrix', explode: true });
    // An explicit form is kept in a query: there the runtime's default for objects is deepObject.
    expect(styleOf(op, 'a')).toEqual({ in: 'query', style: 'form' });
    expect(styleOf(op, 'b')).toEqual({ in: 'query', style: 'deepObject', explode: true });
    expect(styleOf(op, 'c')).toEqual({ in: 'query', explode: false, allowReserved: true });
    expect(styleOf(op, 'd')).toEqual({ in: 'query', style: 'deepObject', arrayFormat: 'repeat' });
    expect(styleOf(op, 'H')).toEqual({ in: 'header' });
    expect(styleOf(op, 'I')).toEqual({ in: 'header', explode: true });
    expect(styleOf(op, 'k')).toEqual({ in: 'cookie' });
    expect(styleOf(op, 'l')).toEqual({ in: 'cookie', explode: false });
  });

  it('sends cookie parameters in the params object, after the headers, with no warning', async () => {
    const { op } = await operationOf([
      path_,
      { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
      { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
    ]);
    expect(op.headerParams.map((p) => [p.in, p.name, p.required])).toEqual([
      ['cookie', 'session', true],
      ['header', 'X-Trace', false],
    ]);
  });

  it('takes a `content` parameter as its media type, whatever style it also names', async () => {
    const { op } = await operationOf([
      path_,
      {
        name: 'where',
        in: 'query',
        style: 'deepObject',
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    ]);
    expect(styleOf(op, 'where')).toEqual({ in: 'query', contentType: 'application/json' });
    expect(op.queryParams[0]!.type.kind).toBe('object');
  });

  it('warns about a style the place does not allow, and an unknown array format, and uses the defaults', async () => {
    const { op, diagnostics } = await operationOf([
      { ...path_, style: 'form' },
      { name: 'q', in: 'query', style: 'matrix', 'x-clientgen-array-format': 'commas' },
      { name: 'c', in: 'cookie', style: 'simple' },
    ]);
    expect(styleOf(op, 'p')).toEqual({ in: 'path' });
    expect(styleOf(op, 'q')).toEqual({ in: 'query' });
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer, d.message])).toEqual([
      [
        'spec-invalid',
        'warning',
        '#/paths/~1x~1{p}/post/parameters/0/style',
        `path parameter 'p' cannot have style "form" (simple, label, matrix are allowed there): it is sent in simple style`,
      ],
      [
        'spec-invalid',
        'warning',
        '#/paths/~1x~1{p}/post/parameters/1/style',
        `query parameter 'q' cannot have style "matrix" (form, spaceDelimited, pipeDelimited, deepObject are allowed there): it is sent in form style`,
      ],
      [
        'invalid-extension',
        'warning',
        '#/paths/~1x~1{p}/post/parameters/1/x-clientgen-array-format',
        'x-clientgen-array-format of query parameter \'q\' must be indices, brackets or repeat, found "commas": indices are used',
      ],
      [
        'spec-invalid',
        'warning',
        '#/paths/~1x~1{p}/post/parameters/2/style',
        `cookie parameter 'c' cannot have style "simple" (only form is allowed there): it is sent in form style`,
      ],
    ]);
  });

  it('leaves out a cookie named as a header parameter, with a warning', async () => {
    const { op, diagnostics } = await operationOf([
      path_,
      { name: 'token', in: 'cookie', schema: { type: 'string' } },
      { name: 'token', in: 'header', schema: { type: 'string' } },
    ]);
    expect(op.headerParams.map((p) => p.in)).toEqual(['header']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "cookie parameter 'token' has the name of a header parameter, and both cannot be keys of the params object: pass the cookie in options.headers.cookie",
    ]);
  });
});

describe('a parameter of format binary', () => {
  it('is a string the caller encodes, never a file (a file in a URL was sent as nothing)', async () => {
    const { op } = await operationOf([
      { name: 'p', in: 'path', required: true, schema: { type: 'string' } },
      {
        name: 'invoice',
        in: 'query',
        required: true,
        schema: { type: 'string', format: 'binary' },
      },
      { name: 'X-Sig', in: 'header', schema: { type: 'string', format: 'binary' } },
    ]);
    const types = [...op.queryParams, ...op.headerParams].map((p) => p.type);
    expect(types.map((t) => (t.kind === 'primitive' ? t.name : t.kind))).toEqual([
      'string',
      'string',
    ]);
  });
});

describe('a header parameter fetch writes itself', () => {
  it('is left out with a warning: Node fetch fails a request that sets it', async () => {
    const { op, diagnostics } = await operationOf([
      { name: 'p', in: 'path', required: true, schema: { type: 'string' } },
      {
        name: 'Transfer-Encoding',
        in: 'header',
        required: true,
        schema: { type: 'string', enum: ['chunked'] },
      },
      { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
    ]);
    expect(op.headerParams.map((p) => p.name)).toEqual(['X-Trace']);
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        "header parameter 'Transfer-Encoding' is one fetch writes itself and refuses from the caller (Node's fetch fails the request, browsers drop it): the client leaves it out",
      ],
    ]);
  });
});

describe('a header or cookie parameter whose name is no token', () => {
  it("is left out with a warning: Headers.set throws on it (notion's header named '')", async () => {
    const { op, diagnostics } = await operationOf([
      path_,
      { name: '', in: 'header', schema: { type: 'string' } },
      { name: 'X Api Key', in: 'header', schema: { type: 'string' } },
      { name: 'a;b', in: 'cookie', schema: { type: 'string' } },
      { name: "X-Ok_1.~!#$%&'*+^`|", in: 'header', schema: { type: 'string' } },
    ]);
    expect(op.headerParams.map((p) => p.name)).toEqual(["X-Ok_1.~!#$%&'*+^`|"]);
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['spec-invalid', '#/paths/~1x~1{p}/post/parameters/1'],
      ['spec-invalid', '#/paths/~1x~1{p}/post/parameters/2'],
      ['spec-invalid', '#/paths/~1x~1{p}/post/parameters/3'],
    ]);
  });
});

describe('the encoding map of a form body', () => {
  it('keeps each entry, contentType only when no style is explicit', async () => {
    const { op, diagnostics } = await operationOf([path_], {
      content: {
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', properties: { a: {}, b: {}, c: {}, d: {} } },
          encoding: {
            a: { style: 'deepObject', explode: true },
            b: { contentType: 'application/json' },
            c: { contentType: 'application/json', explode: false },
            d: { style: 'form', explode: true, 'x-clientgen-array-format': 'brackets' },
          },
        },
      },
    });
    expect(diagnostics).toEqual([]);
    expect(op.body?.fieldEncoding).toEqual({
      a: { style: 'deepObject', explode: true },
      b: { contentType: 'application/json' },
      c: { explode: false },
      d: { arrayFormat: 'brackets' },
    });
  });

  it('has none when the media type declares none', async () => {
    const { op } = await operationOf([path_], {
      content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } },
    });
    expect(op.body?.fieldEncoding).toBeUndefined();
  });
});

describe('a path parameter the operation does not declare', () => {
  it('is a required string path parameter, with one deviation warning naming it', async () => {
    const { op, diagnostics } = await operationOf([
      { name: 'q', in: 'query', schema: { type: 'integer' } },
    ]);
    expect(op.pathParams.map((p) => [p.name, p.in, p.required, p.type])).toEqual([
      ['p', 'path', true, { kind: 'primitive', name: 'string' }],
    ]);
    expect(styleOf(op, 'p')).toEqual({ in: 'path' });
    expect(diagnostics.map((d) => [d.severity, d.code, d.rule])).toEqual([
      ['warning', 'spec-deviation', 'undeclared-path-parameter'],
    ]);
    expect(diagnostics[0]!.message).toContain('{p}');
  });

  it('keeps a declared one as declared', async () => {
    const { op, diagnostics } = await operationOf([{ ...path_, schema: { type: 'integer' } }]);
    expect(op.pathParams.map((p) => p.type)).toEqual([
      { kind: 'primitive', name: 'number', constraints: { integer: true } },
    ]);
    expect(diagnostics).toEqual([]);
  });
});
