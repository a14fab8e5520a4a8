/**
 * Bodies and `Accept` as the spec declares them, on the wire: the client generated from the `media-types`
 * golden case, called through its own methods against a loopback server that records the exact bytes.
 */

import type { RequestOptions } from '../../templates/index';
import { loadGoldenClient, startLoopback } from '../helpers/loopback';

type Call<A extends unknown[], R = unknown> = (...args: [...A, RequestOptions?]) => Promise<R>;
interface MediaClient {
  documents: {
    patch: Call<[string, { op: string; path: string; value?: unknown }[]]>;
    merge: Call<[string, { title?: string | null }]>;
  };
  notes: { create: Call<[string], string> };
  images: { retrieve: Call<[string], Response>; update: Call<[string, unknown]> };
  imports: { create: Call<[{ source: string }]> };
  exports: { create: Call<[string?], Response> };
  api: { translateFile: Call<[string]> };
}
type Module = { default: new (options: { baseURL: string; maxRetries: number }) => MediaClient };

let server: Awaited<ReturnType<typeof startLoopback>>;
let client: MediaClient;

beforeAll(async () => {
  server = await startLoopback();
  const { default: Client } = await loadGoldenClient<Module>('media-types');
  client = new Client({ baseURL: server.baseURL, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
  server.setReply((req, res) => {
    const accept = req.headers.accept ?? '';
    res.writeHead(200, { 'content-type': accept.split(',')[0] || 'application/json' });
    res.end(accept.includes('json') ? '{"id":"d1"}' : 'a,b\n1,2\n');
  });
});

const last = () => server.received[server.received.length - 1]!;

it('sends a json-patch body as JSON text with its own content type, asking for the +json response', async () => {
  const ops = [{ op: 'replace', path: '/title', value: 'Ünïcode' }];
  await expect(client.documents.patch('d1', ops)).resolves.toEqual({ id: 'd1' });
  expect(last().method).toBe('PATCH');
  expect(last().headers['content-type']).toBe('application/json-patch+json');
  expect(last().headers.accept).toBe('application/vnd.api+json');
  expect(last().body.toString('utf8')).toBe(JSON.stringify(ops));
});

it('sends a merge-patch body (params object) as JSON with that content type', async () => {
  await client.documents.merge('d1', { title: null });
  expect(last().headers['content-type']).toBe('application/merge-patch+json');
  expect(last().headers.accept).toBe('application/json');
  expect(last().body.toString('utf8')).toBe('{"title":null}');
});

it('sends a text/plain body as the string itself (not a JSON string) and reads text/csv as text', async () => {
  const text = 'line "one"\nline two';
  await expect(client.notes.create(text)).resolves.toBe('a,b\n1,2\n');
  expect(last().headers['content-type']).toBe('text/plain');
  expect(last().headers.accept).toBe('text/csv');
  expect(last().body.toString('utf8')).toBe(text);
});

it('sends image bytes with the declared type, and a Blob body with the declared type over its own', async () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
  await client.images.update('i1', bytes);
  expect(last().headers['content-type']).toBe('image/png');
  expect([...last().body]).toEqual([...bytes]);
  await client.images.update('i1', new Blob([bytes], { type: 'application/x-other' }));
  expect(last().headers['content-type']).toBe('image/png');
  expect([...last().body]).toEqual([...bytes]);
});

it('lets a content-type header given by the caller override the declared one', async () => {
  await client.notes.create('x', { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  expect(last().headers['content-type']).toBe('text/plain; charset=utf-8');
  await client.images.retrieve('i1', { headers: { accept: 'image/webp' } });
  expect(last().headers.accept).toBe('image/webp');
});

it('sends a multipart body whose schema is a string as given, with the boundary the caller names', async () => {
  // The spec names no parts (the generator warns): the caller encodes the parts and names their boundary.
  const encoded = '--xyz\r\ncontent-disposition: form-data; name="file"\r\n\r\nhola\r\n--xyz--\r\n';
  await client.api.translateFile(encoded, {
    headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
  });
  expect(last().headers['content-type']).toBe('multipart/form-data; boundary=xyz');
  expect(last().body.toString('utf8')).toBe(encoded);
});

it('picks the JSON body of several, and asks for the JSON response of several', async () => {
  await client.imports.create({ source: 's3://x' });
  expect(last().headers['content-type']).toBe('application/json');
  expect(last().headers.accept).toBe('application/json');
  expect(last().body.toString('utf8')).toBe('{"source":"s3://x"}');
});

it('picks text over bytes, and asks for the declared binary type', async () => {
  server.setReply((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/zip' });
    res.end(Buffer.from([0x50, 0x4b, 3, 4]));
  });
  const response = await client.exports.create('a\tb');
  expect(last().headers['content-type']).toBe('text/tab-separated-values');
  expect(last().headers.accept).toBe('application/zip');
  expect(last().body.toString('utf8')).toBe('a\tb');
  expect(response).toBeInstanceOf(Response);
  expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0x50, 0x4b, 3, 4]);
});

it('returns a binary download as a Response that is read while the server is still sending', async () => {
  let finish: (() => void) | undefined;
  server.setReply((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(Buffer.from([1, 2, 3]));
    finish = () => res.end(Buffer.from([4, 5]));
  });
  const response = await client.images.retrieve('i1');
  expect(last().headers.accept).toBe('image/png');
  expect(response.headers.get('content-type')).toBe('image/png');
  const reader = response.body!.getReader();
  // The first bytes arrive before the server has finished the response: the body is not buffered.
  const first = await reader.read();
  expect([...(first.value ?? [])]).toEqual([1, 2, 3]);
  finish!();
  const rest: number[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(...r.value);
  expect(rest).toEqual([4, 5]);
});
