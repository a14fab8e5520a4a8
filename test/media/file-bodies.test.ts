/**
 * Which methods pass the runtime's file encoder (`fileEncoder: encodeFiles`, templates/uploads.ts), and which clients
 * ship `core/uploads.ts` at all: a body that is a file or may hold one, through the models it names; not a JSON body
 * without files, a text body, a form or a multipart body (whose encoder reads its parts' files itself).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { generateTree, usageErrors } from '../helpers/generate';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clientgen-file-bodies-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

const post = (operationId: string, contentType: string, schema: Json): Json => ({
  post: {
    operationId,
    requestBody: { required: true, content: { [contentType]: { schema } } },
    responses: { '204': { description: 'done' } },
  },
});

const spec = (paths: Json, schemas: Json = {}): Json => ({
  openapi: '3.1.0',
  info: { title: 'Files', version: '1' },
  paths,
  components: { schemas },
});

async function generate(value: Json) {
  const file = path.join(dir, 'spec.yaml');
  writeFileSync(file, stringify(value));
  const result = await generateTree(file);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.tree;
}

it('passes the file encoder where a body is or may hold a file, and nowhere else', async () => {
  const tree = await generate(
    spec(
      {
        '/raw': post('uploadRaw', 'application/octet-stream', { type: 'string', format: 'binary' }),
        '/nested': post('createNested', 'application/json', { $ref: '#/components/schemas/Doc' }),
        '/plain': post('createPlain', 'application/json', { $ref: '#/components/schemas/Note' }),
        '/text': post('sendText', 'text/plain', { type: 'string' }),
        '/form': post('sendForm', 'application/x-www-form-urlencoded', {
          type: 'object',
          properties: { a: { type: 'string' } },
        }),
        '/parts': post('sendParts', 'multipart/form-data', {
          type: 'object',
          properties: { file: { type: 'string', format: 'binary' } },
        }),
      },
      {
        // The file is two models away from the body.
        Doc: { type: 'object', properties: { part: { $ref: '#/components/schemas/Part' } } },
        Part: {
          type: 'object',
          properties: {
            data: { type: 'string', format: 'binary' },
            next: { $ref: '#/components/schemas/Part' },
          },
        },
        Note: { type: 'object', properties: { text: { type: 'string' } } },
      },
    ),
  );
  const passes = (file: string) => (tree.get(file) ?? '').includes('fileEncoder: encodeFiles');
  expect(passes('resources/raw.ts')).toBe(true);
  expect(passes('resources/nested.ts')).toBe(true);
  expect(passes('resources/plain.ts')).toBe(false);
  expect(passes('resources/text.ts')).toBe(false);
  expect(passes('resources/form.ts')).toBe(false);
  expect(passes('resources/parts.ts')).toBe(false);
  expect(tree.get('resources/parts.ts')).toContain('multipartEncoder: encodeMultipart');
  expect(tree.has('core/uploads.ts')).toBe(true);
  expect(tree.get('index.ts')).toMatch(/\btoFile\b/);
});

it('ships no file reader in a client whose bodies hold no files, and compiles without it', async () => {
  const tree = await generate(
    spec(
      {
        '/plain': post('createPlain', 'application/json', { $ref: '#/components/schemas/Note' }),
        '/text': post('sendText', 'text/plain', { type: 'string' }),
      },
      { Note: { type: 'object', properties: { text: { type: 'string' } } } },
    ),
  );
  expect(tree.has('core/uploads.ts')).toBe(false);
  // Named in no import or export (the core's comments still say where the reader lives).
  const statements = [...tree.values()].flatMap((text) =>
    text.split('\n').filter((line) => /^(import|export)\b/.test(line)),
  );
  expect(statements.filter((line) => /\b(encodeFiles|toFile|Uploadable)\b/.test(line))).toEqual([]);
  expect(statements.length).toBeGreaterThan(10);
  expect(
    usageErrors(
      tree,
      `import Client from './index';\nvoid new Client({ baseURL: 'http://x' }).plain.create({ text: 'a' });\n`,
    ),
  ).toEqual([]);
});
