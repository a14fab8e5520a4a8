import { encodeMultipart, toFile } from '../../templates/index';
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
  const text = async (body: unknown, declared?: string) => {
    const encoded = await encodeBody(body, declared);
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
