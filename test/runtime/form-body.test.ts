/**
 * `application/x-www-form-urlencoded` bodies on the wire: the media type's `encoding` map per field
 * (style, explode, contentType) and the defaults for fields it does not name (Stripe's shapes).
 */

import { encodeFormBody, requestOptions, type ParamLayout } from '../../templates/index';
import { makeClient } from './helpers';
import { wireFetch } from './wire';

/** The body and content type a form layout sends for these params. */
async function sentForm(params: object, layout: Omit<ParamLayout, 'body' | 'encoding'>) {
  const { fetch, calls } = wireFetch();
  await makeClient(fetch).post(
    '/x',
    requestOptions(params, { ...layout, body: 'rest', encoding: 'form' }),
  );
  const call = calls[0]!;
  return { body: call.body, contentType: call.headers.get('content-type') };
}

describe('form-urlencoded bodies', () => {
  it("writes Stripe's declared deepObject fields with indices and brackets", async () => {
    const deep = { style: 'deepObject', explode: true } as const;
    const { body, contentType } = await sentForm(
      {
        customer: 'cus_1',
        expand: ['latest_invoice', 'customer'],
        items: [{ price: 'p_1', quantity: 2 }],
        metadata: { order: '6735', note: 'a b&c' },
        cancel_at_period_end: false,
      },
      { formEncoding: { expand: deep, items: deep, metadata: deep } },
    );
    expect(contentType).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(body).toBe(
      'customer=cus_1&expand%5B0%5D=latest_invoice&expand%5B1%5D=customer' +
        '&items%5B0%5D%5Bprice%5D=p_1&items%5B0%5D%5Bquantity%5D=2' +
        '&metadata%5Border%5D=6735&metadata%5Bnote%5D=a+b%26c&cancel_at_period_end=false',
    );
  });

  it('writes fields the encoding map does not name: objects as deepObject, scalar arrays repeated', async () => {
    const { body } = await sentForm(
      { tags: ['a', 'b'], address: { city: 'Paris', lines: ['1', '2'] }, lines: [{ n: 1 }] },
      {},
    );
    expect(decodeURIComponent(body)).toBe(
      'tags=a&tags=b&address[city]=Paris&address[lines][0]=1&address[lines][1]=2&lines[0][n]=1',
    );
  });

  it('follows each entry: form with and without explode, delimited styles, JSON content', () => {
    const body = encodeFormBody(
      {
        ids: [1, 2],
        csv: [1, 2],
        pipes: [1, 2],
        color: { R: 100, G: 200 },
        flat: { R: 100, G: 200 },
        meta: { a: [1], b: 'x' },
        brackets: ['x', 'y'],
      },
      {
        ids: { explode: true },
        csv: { explode: false },
        pipes: { style: 'pipeDelimited' },
        color: {},
        flat: { explode: false },
        meta: { contentType: 'application/json' },
        brackets: { style: 'deepObject', arrayFormat: 'brackets' },
      },
    );
    expect([...body]).toEqual([
      ['ids', '1'],
      ['ids', '2'],
      ['csv', '1,2'],
      ['pipes', '1|2'],
      ['R', '100'],
      ['G', '200'],
      ['flat', 'R,100,G,200'],
      ['meta', '{"a":[1],"b":"x"}'],
      ['brackets[]', 'x'],
      ['brackets[]', 'y'],
    ]);
    expect(body.toString()).toContain('meta=%7B%22a%22%3A%5B1%5D%2C%22b%22%3A%22x%22%7D');
  });

  it('leaves out undefined and null fields, keeps empty strings (Stripe unsets a field with one)', () => {
    expect(encodeFormBody({ a: undefined, b: null, c: '', d: 0 }).toString()).toBe('c=&d=0');
  });

  it('keeps query and header parameters out of the form body', async () => {
    const { fetch, calls } = wireFetch();
    await makeClient(fetch).post(
      '/x',
      requestOptions(
        { expand: ['a'], 'Idem-Key': 'k', name: 'n' },
        {
          query: ['expand'],
          headers: ['Idem-Key'],
          body: 'rest',
          encoding: 'form',
          queryStyles: { expand: { style: 'deepObject', explode: true } },
        },
      ),
    );
    expect(calls[0]!.url).toBe('https://api.example.test/v1/x?expand%5B%5D=a');
    expect(calls[0]!.headers.get('idem-key')).toBe('k');
    expect(calls[0]!.body).toBe('name=n');
  });
});
