import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { encodeFiles, encodeMultipart, toFile } from '../../templates/index';
import { requestStreamsIn } from '../../templates/uploads';
import type * as UploadsModule from '../../templates/uploads';
import { encodeBody, MultipartBody } from '../../templates/body';

describe('toFile', () => {
  it('makes a named Blob where the platform has no File (Node 18)', async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'File');
    Reflect.deleteProperty(globalThis, 'File');
    try {
      expect((globalThis as { File?: unknown }).File).toBeUndefined();
      const file = await toFile(new Uint8Array([104, 105]), 'hi.txt', {
        type: 'text/plain',
        lastModified: 5,
      });
      expect(file).toBeInstanceOf(Blob);
      expect([file.name, file.type, file.lastModified, await file.text()]).toEqual([
        'hi.txt',
        'text/plain',
        5,
        'hi',
      ]);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'File', saved);
    }
  });

  it('makes a File where there is one, from a promise too', async () => {
    const file = await toFile(Promise.resolve('x'), 'x.txt');
    expect(file).toBeInstanceOf(File);
    expect([file.name, await file.text()]).toEqual(['x.txt', 'x']);
  });
});

describe('an fs.ReadStream of a whole file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'clientgen-uploads-'));
    file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'hello');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('becomes a File backed by the file: nothing read into memory, the stream closed unread', async () => {
    const stream = createReadStream(file);
    const made = await toFile(stream);
    expect([made.name, made.size, await made.text()]).toEqual(['notes.txt', 5, 'hello']);
    expect([stream.bytesRead, stream.destroyed]).toEqual([0, true]);
    // Backed by the file, not a copy: once the file changes, the Blob can no longer be read.
    writeFileSync(file, 'changed since');
    await expect(made.text()).rejects.toThrow();
  });

  it('is a raw body with a length that can be sent again, not a stream', async () => {
    const encoded = await encodeFiles(createReadStream(file), false, 'text/plain');
    expect(encoded?.isStream).toBe(false);
    expect(encoded?.body).toBeInstanceOf(Blob);
    expect(await (encoded?.body as Blob).text()).toBe('hello');
  });

  it('is read as a stream where the stream starts inside the file, or was read from', async () => {
    const partial = createReadStream(file, { start: 2 });
    expect(await (await toFile(partial)).text()).toBe('llo');
    const started = createReadStream(file);
    await new Promise<void>((resolve) => started.once('readable', () => resolve()));
    expect((started.read(1) as Buffer).toString()).toBe('h');
    expect(await (await toFile(started)).text()).toBe('ello');
  });

  it('is read as a stream where the path is no regular file (a named pipe has no size to back a Blob by)', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const writing = writeFile(fifo, 'piped');
    const made = await toFile(createReadStream(fifo));
    await writing;
    expect(await made.text()).toBe('piped');
  });

  it('is read as a stream where the platform cannot back a Blob by a file (Node 18, browsers)', async () => {
    const saved = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
    Reflect.deleteProperty(process, 'getBuiltinModule');
    try {
      const stream = createReadStream(file);
      const made = await toFile(stream);
      expect(stream.bytesRead).toBe(5);
      // A copy: the file's later change does not reach it.
      writeFileSync(file, 'changed since');
      expect(await made.text()).toBe('hello');
      const encoded = await encodeFiles(createReadStream(file), false, 'text/plain');
      expect(encoded?.isStream).toBe(true);
    } finally {
      if (saved) Object.defineProperty(process, 'getBuiltinModule', saved);
    }
  });
});

describe('encodeBody of a multipart body', () => {
  it('writes the parts with the encoder a method with a multipart body passes', async () => {
    const encoded = await encodeBody(new MultipartBody({ name: 'x' }), undefined, encodeMultipart);
    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(await new Response(encoded.body).text()).toContain(
      'Content-Disposition: form-data; name="name"\r\n\r\nx\r\n',
    );
  });

  it('refuses to send one without an encoder, rather than send its fields as JSON', async () => {
    await expect(encodeBody(new MultipartBody({ name: 'x' }))).rejects.toThrow(
      'a multipart body needs a multipartEncoder to be sent',
    );
  });
});

describe('encodeBody by the declared media type', () => {
  // As a method whose body may hold files calls it (with the file encoder), and as any other does.
  const text = async (body: unknown, declared?: string, files = true) => {
    const encoded = await encodeBody(body, declared, undefined, files ? encodeFiles : undefined);
    return [encoded.contentType, await new Response(encoded.body).text()];
  };

  it('sends JSON by default and for +json types, with the declared type', async () => {
    expect(await text({ a: 1 })).toEqual(['application/json', '{"a":1}']);
    expect(await text('s', 'application/merge-patch+json')).toEqual([
      'application/merge-patch+json',
      '"s"',
    ]);
    // `text/json` is JSON's older name, not text (rumble's bodies).
    expect(await text('s', 'text/json')).toEqual(['text/json', '"s"']);
  });

  it('sends a file inside a JSON body as its base64 text, where JSON.stringify wrote {}', async () => {
    const body = {
      file: new Blob(['hello']),
      parts: [new TextEncoder().encode('hi'), { data: new Response('yo') }],
      when: new Date(0),
    };
    expect(await text(body)).toEqual([
      'application/json',
      JSON.stringify({
        file: btoa('hello'),
        parts: [btoa('hi'), { data: btoa('yo') }],
        when: '1970-01-01T00:00:00.000Z',
      }),
    ]);
  });

  it('sends a JSON body as JSON without the file encoder, which only bodies with files are given', async () => {
    expect(await text({ a: [1, { b: 'c' }] }, undefined, false)).toEqual([
      'application/json',
      '{"a":[1,{"b":"c"}]}',
    ]);
    expect(await text('a', 'text/plain', false)).toEqual(['text/plain', 'a']);
    expect(await text(new TextEncoder().encode('x'), 'image/png', false)).toEqual([
      'image/png',
      'x',
    ]);
  });

  it('refuses a file body without the file encoder, rather than send it as {}', async () => {
    const fsStream = createReadStream(__filename);
    const bodies = [new Blob(['x']), new Response('x'), new Blob(['x']).stream(), fsStream];
    for (const body of bodies)
      await expect(encodeBody(body, 'application/octet-stream')).rejects.toThrow(
        'a file body needs a fileEncoder to be sent',
      );
    fsStream.destroy();
  });

  it('sends a Blob with its own type unless the spec names one, a Response read whole, a stream as one', async () => {
    const blob = new Blob(['b'], { type: 'image/gif' });
    expect((await encodeBody(blob, undefined, undefined, encodeFiles)).contentType).toBeUndefined();
    expect((await encodeBody(blob, 'image/png', undefined, encodeFiles)).contentType).toBe(
      'image/png',
    );
    const read = await encodeBody(new Response('r'), 'image/*', undefined, encodeFiles);
    expect([read.contentType, read.isStream, await new Response(read.body).text()]).toEqual([
      'application/octet-stream',
      false,
      'r',
    ]);
    const streamed = await encodeBody(
      new Blob(['s']).stream(),
      'video/mp4',
      undefined,
      encodeFiles,
    );
    expect([streamed.contentType, streamed.isStream]).toEqual(['video/mp4', true]);
  });

  it('sends text as is, numbers as their text', async () => {
    expect(await text('a "b"', 'text/plain')).toEqual(['text/plain', 'a "b"']);
    expect(await text(42, 'text/plain')).toEqual(['text/plain', '42']);
  });

  it('sends bytes with the declared type, or octet-stream for a range', async () => {
    expect(await text(new TextEncoder().encode('png'), 'image/png')).toEqual(['image/png', 'png']);
    expect(await text(new TextEncoder().encode('x'), 'image/*')).toEqual([
      'application/octet-stream',
      'x',
    ]);
  });
});

describe('a stream body where fetch cannot send one', () => {
  /** Request as each kind of platform makes one of a stream body. */
  type Init = RequestInit & { duplex?: string };
  // Firefox (when web.dev wrote its check): the body is the stream's text, `[object ReadableStream]`.
  class SendsItsText extends Request {
    constructor(url: string, init: Init) {
      super(url, { method: init.method, body: Object.prototype.toString.call(init.body) });
    }
  }
  // Deno and Bun, or Safari (which then refuses it when sent): takes the stream, never asks for `duplex`.
  class AsksNoDuplex extends Request {
    constructor(url: string, init: Init) {
      super(url, { method: init.method });
    }
  }
  class Throws extends Request {
    constructor() {
      super('http://localhost/');
      throw new TypeError('no stream bodies');
    }
  }

  it.each([
    ['Node (asks for duplex)', Request, false, true],
    ['Chromium (asks for duplex)', Request, true, true],
    ['Deno and Bun', AsksNoDuplex, false, true],
    ['Safari', AsksNoDuplex, true, false],
    ['Firefox', SendsItsText, true, false],
    ['a server runtime that sends its text', SendsItsText, false, false],
    ['a platform that refuses it', Throws, false, false],
  ])('is found out on %s', (_platform, RequestCtor, browser, streams) => {
    expect(requestStreamsIn(RequestCtor as typeof Request, browser)).toBe(streams);
  });

  it('is read whole and sent with its length, and can be sent again', async () => {
    const saved = globalThis.Request;
    globalThis.Request = SendsItsText as typeof Request;
    try {
      // A fresh module: the platform is asked once.
      let uploads!: typeof UploadsModule;
      await jest.isolateModulesAsync(async () => {
        uploads = await import('../../templates/uploads');
      });
      const stream = new Blob(['png!']).stream();
      const encoded = await uploads.encodeFiles(stream, false, undefined);
      expect(encoded?.isStream).toBe(false);
      expect(encoded?.body).toBeInstanceOf(Blob);
      expect(await (encoded?.body as Blob).text()).toBe('png!');
      expect(encoded?.contentType).toBe('application/octet-stream');
    } finally {
      globalThis.Request = saved;
    }
  });
});
