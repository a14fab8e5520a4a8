/**
 * Uploads on the wire: the client generated from the `uploads` golden case sends multipart bodies and
 * binary bodies made from every kind of file a caller may have; the server parses the multipart body and
 * checks part names, filenames, content types and bytes.
 */

import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RequestOptions, Uploadable } from '../../templates/index';
import { loadGoldenClient, parseMultipart, startLoopback, type Part } from '../helpers/loopback';

type Call<A extends unknown[], R = unknown> = (...args: [...A, RequestOptions?]) => Promise<R>;
interface UploadsClient {
  files: {
    create: Call<
      [
        {
          file: Uploadable;
          purpose: 'assistants' | 'batch';
          metadata?: Record<string, string>;
          settings?: { chunking?: string };
        },
      ]
    >;
  };
  batches: { create: Call<[{ files: Uploadable[]; labels?: string[] }]> };
  avatars: { update: Call<[string, Uploadable]> };
  issues: { attachments: { create: Call<[string, { file: Uploadable }]> } };
}
type Module = {
  default: new (options: { baseURL: string; maxRetries: number }) => UploadsClient;
  toFile: (data: unknown, name?: string | null, options?: { type?: string }) => Promise<File>;
};

let server: Awaited<ReturnType<typeof startLoopback>>;
let client: UploadsClient;
let toFile: Module['toFile'];
let dir: string;

beforeAll(async () => {
  server = await startLoopback();
  const mod = await loadGoldenClient<Module>('uploads');
  client = new mod.default({ baseURL: server.baseURL, maxRetries: 0 });
  toFile = mod.toFile;
  dir = mkdtempSync(path.join(tmpdir(), 'clientgen-uploads-'));
  server.setReply((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"file-1","count":1}');
  });
});
afterAll(async () => {
  await server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const BYTES = new Uint8Array([0, 1, 2, 250, 13, 10, 45, 45, 255]);
const last = () => server.received[server.received.length - 1]!;
const parts = (): Part[] => parseMultipart(last().headers['content-type'], last().body);
const simple = (p: Part) => ({
  name: p.name,
  filename: p.filename,
  contentType: p.contentType,
  body: [...p.body],
});

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

/** Each kind of file, and the filename and content type its part should carry. */
const kinds: [string, () => Uploadable, string, string][] = [
  ['a File', () => new File([BYTES], 'photo.png', { type: 'image/png' }), 'photo.png', 'image/png'],
  ['a Blob', () => new Blob([BYTES], { type: 'text/csv' }), 'file', 'text/csv'],
  ['a Uint8Array', () => BYTES, 'file', 'application/octet-stream'],
  ['a Buffer', () => Buffer.from(BYTES), 'file', 'application/octet-stream'],
  ['an ArrayBuffer', () => BYTES.slice().buffer, 'file', 'application/octet-stream'],
  [
    'a ReadableStream',
    () => streamOf(BYTES.subarray(0, 4), BYTES.subarray(4)),
    'file',
    'application/octet-stream',
  ],
  [
    'a fetch Response',
    () => new Response(BYTES, { headers: { 'content-type': 'image/gif' } }),
    'file',
    'image/gif',
  ],
];

describe.each(kinds)('a multipart upload of %s', (_kind, make, filename, type) => {
  it('sends one file part with its filename, content type and exact bytes, then the other fields', async () => {
    await client.files.create({ file: make(), purpose: 'assistants' });
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(parts().map(simple)).toEqual([
      { name: 'file', filename, contentType: type, body: [...BYTES] },
      {
        name: 'purpose',
        filename: undefined,
        contentType: undefined,
        body: [...Buffer.from('assistants')],
      },
    ]);
  });
});

it('uploads an fs.ReadStream under the name of its file, read by its shape', async () => {
  const file = path.join(dir, 'report.pdf');
  writeFileSync(file, BYTES);
  await client.files.create({ file: createReadStream(file), purpose: 'batch' });
  expect(simple(parts()[0]!)).toEqual({
    name: 'file',
    filename: 'report.pdf',
    contentType: 'application/octet-stream',
    body: [...BYTES],
  });
});

it('uploads what toFile makes, with the name and type given to it', async () => {
  const file = await toFile(Buffer.from('a,b\n'), 'data "q".csv', { type: 'text/csv' });
  expect([file.name, file.type, file.size]).toEqual(['data "q".csv', 'text/csv', 4]);
  await client.files.create({ file, purpose: 'batch' });
  // A quote in a filename is escaped as HTML forms do.
  expect(simple(parts()[0]!)).toEqual({
    name: 'file',
    filename: 'data %22q%22.csv',
    contentType: 'text/csv',
    body: [...Buffer.from('a,b\n')],
  });
});

it('toFile reads streams, responses and fs streams, and names them after their source', async () => {
  const file = path.join(dir, 'notes.txt');
  writeFileSync(file, 'hello');
  const fromFs = await toFile(createReadStream(file));
  expect([fromFs.name, await fromFs.text()]).toEqual(['notes.txt', 'hello']);
  const fromStream = await toFile(streamOf(BYTES), 'bytes.bin');
  expect([...new Uint8Array(await fromStream.arrayBuffer())]).toEqual([...BYTES]);
  const fromText = await toFile('plain', 'a.txt', { type: 'text/plain' });
  expect([fromText.name, fromText.type, await fromText.text()]).toEqual([
    'a.txt',
    'text/plain',
    'plain',
  ]);
});

it('sends object fields as JSON parts, with the encoding map content type where the spec gives one', async () => {
  await client.files.create({
    file: BYTES,
    purpose: 'batch',
    metadata: { team: 'a"b' },
    settings: { chunking: 'auto' },
  });
  expect(parts().map(simple).slice(1)).toEqual([
    {
      name: 'purpose',
      filename: undefined,
      contentType: undefined,
      body: [...Buffer.from('batch')],
    },
    {
      name: 'metadata',
      filename: undefined,
      contentType: 'application/json',
      body: [...Buffer.from('{"team":"a\\"b"}')],
    },
    {
      name: 'settings',
      filename: undefined,
      contentType: 'application/vnd.settings+json',
      body: [...Buffer.from('{"chunking":"auto"}')],
    },
  ]);
});

it('sends an array of files as repeated parts, and an array of strings likewise', async () => {
  await client.batches.create({
    files: [new File([BYTES], 'one.bin'), streamOf(BYTES.subarray(2)), BYTES.subarray(0, 1)],
    labels: ['x', 'y'],
  });
  expect(parts().map((p) => [p.name, p.filename, [...p.body]])).toEqual([
    ['files', 'one.bin', [...BYTES]],
    ['files', 'file', [...BYTES.subarray(2)]],
    ['files', 'file', [0]],
    ['labels', undefined, [...Buffer.from('x')]],
    ['labels', undefined, [...Buffer.from('y')]],
  ]);
});

describe('a binary body declared as image/* (a range)', () => {
  it('is sent with the file own type', async () => {
    await client.avatars.update('u1', new Blob([BYTES], { type: 'image/webp' }));
    expect(last().headers['content-type']).toBe('image/webp');
    expect([...last().body]).toEqual([...BYTES]);
  });

  it('is sent as application/octet-stream when the bytes have no type', async () => {
    await client.avatars.update('u1', BYTES.slice().buffer);
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect([...last().body]).toEqual([...BYTES]);
  });

  it('streams a ReadableStream; sends an fs.ReadStream of a whole file from the disk, with its length', async () => {
    await client.avatars.update('u1', streamOf(BYTES.subarray(0, 3), BYTES.subarray(3)));
    expect([...last().body]).toEqual([...BYTES]);
    expect(last().headers['transfer-encoding']).toBe('chunked');
    const file = path.join(dir, 'avatar.png');
    writeFileSync(file, BYTES);
    await client.avatars.update('u1', createReadStream(file));
    expect([...last().body]).toEqual([...BYTES]);
    // A Blob backed by the file (Node's openAsBlob), not a stream: its length is known, and a retry could resend it.
    expect(last().headers['content-length']).toBe(String(BYTES.length));
    expect(last().headers['transfer-encoding']).toBeUndefined();
    // Part of a file is still streamed.
    await client.avatars.update('u1', createReadStream(file, { start: 1 }));
    expect([...last().body]).toEqual([...BYTES.subarray(1)]);
    expect(last().headers['transfer-encoding']).toBe('chunked');
  });

  it('sends a fetch Response body', async () => {
    await client.avatars.update('u1', new Response(BYTES));
    expect([...last().body]).toEqual([...BYTES]);
  });
});

describe('a multipart body that is one file and names no part (Jira attachments)', () => {
  it('is sent as multipart/form-data with the file as the part `file`', async () => {
    await client.issues.attachments.create('KEY-1', {
      file: new File([BYTES], 'log.txt', { type: 'text/plain' }),
    });
    expect(last().url).toBe('/issues/KEY-1/attachments');
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(parts().map(simple)).toEqual([
      { name: 'file', filename: 'log.txt', contentType: 'text/plain', body: [...BYTES] },
    ]);
  });
});
