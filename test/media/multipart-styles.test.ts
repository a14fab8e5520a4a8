/**
 * Multipart fields with a `style` in the media type's `encoding` map (Stripe declares `expand: { style:
 * deepObject, explode: true }` on its uploads) are written as form fields are: one text part per pair.
 * Fields without one keep RFC 7578's repeated parts; files are never styled.
 */

import { MultipartBody } from '../../templates/body';
import { encodeMultipart } from '../../templates/multipart';
import { requestOptions } from '../../templates/params';
import { parseMultipart } from '../helpers/loopback';

async function partsOf(
  body: MultipartBody,
): Promise<{ name: string; text: string; file: boolean }[]> {
  const { body: blob, contentType } = await encodeMultipart(body);
  const bytes = Buffer.from(await blob.arrayBuffer());
  return parseMultipart(contentType, bytes).map((p) => ({
    name: p.name ?? '',
    text: Buffer.from(p.body).toString('utf8'),
    file: p.filename !== undefined,
  }));
}

it('writes a deepObject-styled array and object as indexed and bracketed text parts', async () => {
  const parts = await partsOf(
    new MultipartBody(
      {
        file: new Blob(['abc'], { type: 'text/plain' }),
        expand: ['links', 'owner'],
        file_link_data: { create: true, expires_at: 5 },
        purpose: 'dispute_evidence',
      },
      {},
      {
        expand: { style: 'deepObject', explode: true },
        file_link_data: { style: 'deepObject', explode: true },
      },
    ),
  );
  expect(parts).toEqual([
    { name: 'file', text: 'abc', file: true },
    { name: 'expand[0]', text: 'links', file: false },
    { name: 'expand[1]', text: 'owner', file: false },
    { name: 'file_link_data[create]', text: 'true', file: false },
    { name: 'file_link_data[expires_at]', text: '5', file: false },
    { name: 'purpose', text: 'dispute_evidence', file: false },
  ]);
});

it('keeps repeated parts for an unstyled array, and a styled field holding files stays files', async () => {
  const parts = await partsOf(
    new MultipartBody(
      { tags: ['a', 'b'], files: [new Blob(['x']), new Blob(['y'])] },
      {},
      { files: { style: 'deepObject', explode: true } },
    ),
  );
  expect(parts.map((p) => [p.name, p.text, p.file])).toEqual([
    ['tags', 'a', false],
    ['tags', 'b', false],
    ['files', 'x', true],
    ['files', 'y', true],
  ]);
});

describe('a body of fields passed as its own argument (a map under multipart or a form)', () => {
  it('is encoded as merged fields are', async () => {
    const multipart = requestOptions(
      undefined,
      { body: 'none', encoding: 'multipart' },
      undefined,
      { caption: 'a cat', image: new Blob(['abc']) },
    );
    expect(multipart.body).toBeInstanceOf(MultipartBody);
    expect(await partsOf(multipart.body as MultipartBody)).toEqual([
      { name: 'caption', text: 'a cat', file: false },
      { name: 'image', text: 'abc', file: true },
    ]);
    const form = requestOptions(undefined, { body: 'none', encoding: 'form' }, undefined, {
      q: 'a b',
    });
    expect(String(form.body)).toBe('q=a+b');
  });

  it('leaves a string, a file or an array as it is', () => {
    const file = new Blob(['abc']);
    for (const body of ['q=already+encoded', file, ['a']])
      expect(
        requestOptions(undefined, { body: 'none', encoding: 'form' }, undefined, body).body,
      ).toBe(body);
  });
});
