/**
 * Files as the client accepts them (`Uploadable`), and `toFile`, which turns any of them into a named
 * Blob. Everything is detected structurally with platform globals only: an `fs.ReadStream` is an async
 * iterable with a `path`, so no Node module is imported and the runtime still works in browsers and Deno.
 */

import { bytesType, type EncodedBody, type FetchBody } from './body';
import { corsApplies } from './env';
import { isRecordLiteral } from './style';

/** Node's `fs.ReadStream` as the client sees it: an async iterable of chunks with the file's path. */
export interface FsReadStreamLike {
  readonly path: string | Uint8Array | { toString(): string };
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

/**
 * A file's contents: a `Blob` or `File`, bytes (`Uint8Array`, Node's `Buffer`, `ArrayBuffer`), a
 * `ReadableStream` of bytes, a fetch `Response` (its body), or a Node `fs.ReadStream`.
 */
export type Uploadable =
  Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | Response | FsReadStreamLike;

/** A Blob with a file name: a `File` where the platform has one (Node 18 may not). */
export type FileLike = Blob & { readonly name: string; readonly lastModified: number };

/** What Blob's constructor takes as contents, in every lib (DOM, or Node's types alone). */
type BlobParts = NonNullable<ConstructorParameters<typeof Blob>[0]>;

type FileConstructorLike = new (
  parts: BlobParts,
  name: string,
  options: { type: string; lastModified: number },
) => FileLike;

/** Options of `toFile`: the file's media type (default: the data's own, if any) and time. */
export type ToFileOptions = { type?: string | undefined; lastModified?: number | undefined };

/**
 * Makes a named file from any `Uploadable` or a string, as openai-node's `toFile` does:
 * `await toFile(Buffer.from('a,b'), 'data.csv', { type: 'text/csv' })`. The name defaults to the file's
 * own (a `File`, a read stream's path, a response's URL); streams are read into memory, except an unread
 * `fs.ReadStream` of a whole file where Node can back a Blob by the file (`fileBackedBlob`).
 */
export async function toFile(
  data: Uploadable | string | PromiseLike<Uploadable | string>,
  name?: string | null,
  options: ToFileOptions = {},
): Promise<FileLike> {
  const value = await data;
  const fileName = name ?? defaultName(value);
  const type =
    options.type ??
    (isBlob(value)
      ? value.type
      : isResponse(value)
        ? (value.headers.get('content-type') ?? '')
        : '');
  const parts = await partsOf(value);
  const lastModified = options.lastModified ?? Date.now();
  // Not `typeof File`: Node 18's types (without the DOM lib) declare no global File.
  const FileCtor = (globalThis as { File?: FileConstructorLike }).File;
  if (typeof FileCtor === 'function') return new FileCtor(parts, fileName, { type, lastModified });
  const blob = new Blob(parts, { type });
  Object.defineProperties(blob, {
    name: { value: fileName, enumerable: true },
    lastModified: { value: lastModified, enumerable: true },
  });
  return blob as FileLike;
}

/**
 * Encodes a body that is a file (a Blob keeps its own type unless the spec names one; a `Response` is read whole, so
 * the request can be retried; a stream is sent as one, and never retried, where fetch can send one) or a JSON body
 * with files inside (sent as their base64 text). Methods whose bodies may hold files pass it to the client as
 * `fileEncoder`; undefined for any other body, which `encodeBody` (core/body.ts) sends.
 */
export async function encodeFiles(
  body: unknown,
  json: boolean,
  type: string | undefined,
): Promise<EncodedBody | undefined> {
  if (isBlob(body))
    return { body: body as FetchBody, contentType: json ? undefined : type, isStream: false };
  const contentType = bytesType(json, type);
  if (isResponse(body))
    return { body: (await body.blob()) as FetchBody, contentType, isStream: false };
  if (isReadableStream(body)) return sendStream(body, contentType);
  if (isFsReadStream(body)) {
    // A whole file Node can back a Blob by is sent from the disk with its length, and can be sent again on a retry.
    const blob = await fileBackedBlob(body);
    if (blob) return { body: blob as FetchBody, contentType, isStream: false };
    return sendStream(iterableToStream(body), contentType);
  }
  if (!json) return undefined;
  return {
    body: JSON.stringify(await filesAsBase64(body)),
    contentType: type ?? 'application/json',
    isStream: false,
  };
}

/** A stream as the body: sent as it is read where fetch can send one, read whole first where it cannot. */
async function sendStream(
  stream: ReadableStream<Uint8Array>,
  contentType: string | undefined,
): Promise<EncodedBody> {
  if (canStreamRequests()) return { body: stream as FetchBody, contentType, isStream: true };
  return { body: (await new Response(stream).blob()) as FetchBody, contentType, isStream: false };
}

let requestStreams: boolean | undefined;

/** Whether this platform's fetch sends a stream as a request body (`requestStreamsIn`, asked once). */
function canStreamRequests(): boolean {
  requestStreams ??= typeof Request === 'function' && requestStreamsIn(Request, corsApplies());
  return requestStreams;
}

/**
 * Whether `RequestCtor` takes a stream as a body, by the check web.dev gives for browsers: a browser that cannot
 * either sends the stream's text, `[object ReadableStream]`, as a `text/plain` body, or never asks for `duplex` and
 * refuses the stream when it is sent. Node, Deno, Bun and Chromium stream, but Deno and Bun never ask for `duplex`:
 * outside a browser only the text counts.
 */
export function requestStreamsIn(RequestCtor: typeof Request, browser: boolean): boolean {
  let askedDuplex = false;
  try {
    const init = {
      method: 'POST',
      body: new ReadableStream(),
      get duplex(): 'half' {
        askedDuplex = true;
        return 'half';
      },
    };
    const request = new RequestCtor('http://localhost/', init);
    return !request.headers.has('content-type') && (askedDuplex || !browser);
  } catch {
    return false;
  }
}

/**
 * JSON cannot carry bytes: a file inside a JSON body (a `format: binary` property) is sent as its base64 text, the
 * encoding OpenAPI names for binary data in JSON, where `JSON.stringify` would write a Blob as `{}`. Plain objects and
 * arrays are walked; anything else is left to `JSON.stringify`.
 */
async function filesAsBase64(value: unknown): Promise<unknown> {
  if (isUploadable(value)) {
    const bytes = new Uint8Array(await (await toFile(value)).arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }
  if (Array.isArray(value)) return Promise.all(value.map(filesAsBase64));
  if (!isRecordLiteral(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = await filesAsBase64(field);
  return out;
}

/** True for anything `Uploadable` (strings and plain objects are not files). */
export function isUploadable(value: unknown): value is Uploadable {
  return (
    isBlob(value) ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    isReadableStream(value) ||
    isResponse(value) ||
    isFsReadStream(value)
  );
}

/** A Blob (a File too), from any realm: Node's `buffer.Blob` and the global one are the same class. */
export function isBlob(value: unknown): value is Blob {
  return typeof Blob === 'function' && value instanceof Blob;
}

/** A fetch `Response`. */
export function isResponse(value: unknown): value is Response {
  return typeof Response === 'function' && value instanceof Response;
}

/** A web `ReadableStream`. */
export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream === 'function' && value instanceof ReadableStream;
}

/** Node's `fs.ReadStream`, recognised by shape: an async iterable with a `path` (no `node:fs` import). */
export function isFsReadStream(value: unknown): value is FsReadStreamLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    'path' in value &&
    typeof (value as Partial<FsReadStreamLike>)[Symbol.asyncIterator] === 'function'
  );
}

/** An async iterable of chunks as a byte stream (for streamed uploads). */
export function iterableToStream(iterable: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next: IteratorResult<unknown> = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(chunkBytes(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** The name a file has of its own: a File's, the last segment of a read stream's path or a response's URL. */
function defaultName(value: unknown): string {
  if (isBlob(value) && typeof (value as Partial<FileLike>).name === 'string')
    return (value as FileLike).name;
  if (isFsReadStream(value)) return lastSegment(String(value.path));
  if (isResponse(value) && value.url) return lastSegment(new URL(value.url).pathname);
  return 'file';
}

function lastSegment(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? 'file';
}

/** The contents of a value as Blob parts. */
async function partsOf(value: Uploadable | string): Promise<BlobParts> {
  if (typeof value === 'string' || isBlob(value)) return [value];
  if (value instanceof ArrayBuffer) return [value];
  if (ArrayBuffer.isView(value)) return [chunkBytes(value)];
  if (isResponse(value)) return [await value.blob()];
  const blob = isFsReadStream(value) ? await fileBackedBlob(value) : undefined;
  if (blob) return [blob];
  const parts: BlobParts = [];
  const iterable = isReadableStream(value) ? streamIterable(value) : value;
  for await (const chunk of iterable) parts.push(chunkBytes(chunk));
  return parts;
}

/** What `fileBackedBlob` reads of an `fs.ReadStream` besides its path (Node's own fields). */
type ReadStreamState = {
  bytesRead?: unknown;
  readableDidRead?: unknown;
  start?: unknown;
  end?: unknown;
  destroy?: () => void;
};

/**
 * Node's `fs.openAsBlob` (19.8+) and `fs.promises.stat`, reached without importing a Node module
 * (`process.getBuiltinModule`: 20.16+, 22.3+).
 */
type NodeFs = {
  openAsBlob?: (path: string) => Promise<Blob>;
  promises?: { stat?: (path: string) => Promise<{ isFile(): boolean }> };
};

/**
 * An `fs.ReadStream` of a whole file, not read from yet, as a Blob backed by the file: its bytes are read while the
 * request is sent, not copied into memory first, and a body made of it has a length and can be sent again. The
 * stream itself is then closed unread. Undefined where the platform has no `openAsBlob` (Node 18, browsers) or the
 * stream was read from, starts or ends inside the file, was opened from a descriptor or is no regular file (a pipe, a
 * device): it is read as a stream.
 */
async function fileBackedBlob(stream: FsReadStreamLike): Promise<Blob | undefined> {
  const state = stream as FsReadStreamLike & ReadStreamState;
  const whole =
    typeof stream.path === 'string' &&
    state.bytesRead === 0 &&
    state.readableDidRead !== true &&
    state.start === undefined &&
    (state.end === undefined || state.end === Infinity);
  if (!whole) return undefined;
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = host?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  const stat = fs?.promises?.stat;
  if (typeof fs?.openAsBlob !== 'function' || typeof stat !== 'function') return undefined;
  // A pipe or a device (`/dev/stdin`) has no size to back a Blob by: it is read as the stream it is.
  if (!(await stat(stream.path).catch(() => undefined))?.isFile()) return undefined;
  const blob = await fs.openAsBlob(stream.path);
  state.destroy?.();
  return blob;
}

/** A ReadableStream's chunks (not every runtime makes streams async-iterable). */
async function* streamIterable(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * One chunk as bytes: strings as UTF-8, views copied into a plain Uint8Array. The return type is inferred:
 * TypeScript 5.7+ calls it `Uint8Array<ArrayBuffer>` (what a Blob part must be), 5.0 plain `Uint8Array`.
 */
function chunkBytes(chunk: unknown) {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk.slice(0));
  if (ArrayBuffer.isView(chunk))
    return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice();
  throw new TypeError(`Expected a chunk of bytes or text, got ${typeof chunk}.`);
}
