/**
 * What OpenAPI leaves undefined, as clientgen writes it (docs/serialization.md), on the wire: nested
 * deepObject values and arrays (`expand[]=a`, `items[0][price]=p`, overridable), allowReserved,
 * content-typed parameters, header and cookie parameters.
 */

import {
  appendCookie,
  requestOptions,
  stringifyQuery,
  type ParamLayout,
} from '../../templates/index';
import { makeClient } from './helpers';
import { wireFetch } from './wire';

/** The query string a layout sends for these params, decoded for readability where asked. */
async function sentQuery(params: object, layout: ParamLayout): Promise<string> {
  const { fetch, calls } = wireFetch();
  await makeClient(fetch).get('/x', requestOptions(params, layout));
  return new URL(calls[0]!.url).search.slice(1);
}

describe('deepObject with arrays and nesting (Stripe)', () => {
  const deep = { style: 'deepObject', explode: true } as const;
  const layout = {
    query: ['expand', 'items', 'metadata'],
    body: 'none',
    queryStyles: { expand: deep, items: deep, metadata: deep },
  } as const;

  it('writes arrays of scalars with empty brackets, arrays of objects with indices, objects with brackets', async () => {
    const query = await sentQuery(
      {
        expand: ['data.customer', 'data.invoice'],
        items: [
          { price: 'p_1', quantity: 2 },
          { price: 'p_2', tax_rates: ['t1', 't2'] },
        ],
        metadata: { order: '6735', 'a b': 'c&d' },
      },
      layout,
    );
    expect(query).toBe(
      [
        'expand%5B%5D=data.customer',
        'expand%5B%5D=data.invoice',
        'items%5B0%5D%5Bprice%5D=p_1',
        'items%5B0%5D%5Bquantity%5D=2',
        'items%5B1%5D%5Bprice%5D=p_2',
        'items%5B1%5D%5Btax_rates%5D%5B%5D=t1',
        'items%5B1%5D%5Btax_rates%5D%5B%5D=t2',
        'metadata%5Border%5D=6735',
        'metadata%5Ba%20b%5D=c%26d',
      ].join('&'),
    );
    expect(decodeURIComponent(query)).toContain('items[1][tax_rates][]=t1');
  });

  it('writes arrays with indices, empty brackets or repeated keys when the spec asks (x-clientgen-array-format)', () => {
    const value = { expand: ['a', 'b'], filter: { ids: [1, 2], items: [{ x: 1 }] } };
    const indices = { style: 'deepObject', arrayFormat: 'indices' } as const;
    const brackets = { style: 'deepObject', arrayFormat: 'brackets' } as const;
    const repeat = { style: 'deepObject', arrayFormat: 'repeat' } as const;
    expect(decodeURIComponent(stringifyQuery(value, { expand: indices, filter: indices }))).toBe(
      'expand[0]=a&expand[1]=b&filter[ids][0]=1&filter[ids][1]=2&filter[items][0][x]=1',
    );
    expect(decodeURIComponent(stringifyQuery(value, { expand: brackets, filter: brackets }))).toBe(
      'expand[]=a&expand[]=b&filter[ids][]=1&filter[ids][]=2&filter[items][][x]=1',
    );
    expect(decodeURIComponent(stringifyQuery(value, { expand: repeat, filter: repeat }))).toBe(
      'expand=a&expand=b&filter[ids]=1&filter[ids]=2&filter[items][x]=1',
    );
  });

  it('leaves out undefined and null at every depth', () => {
    expect(
      decodeURIComponent(
        stringifyQuery(
          { m: { a: null, b: undefined, c: [null, 'x'], d: { e: undefined } }, n: [] },
          { m: { style: 'deepObject' }, n: { style: 'deepObject' } },
        ),
      ),
    ).toBe('m[c][]=x');
  });

  it("keeps the chat client's object parameters as they were: metadata[key]=value", async () => {
    const query = await sentQuery(
      { metadata: { user: 'u1' }, limit: 20 },
      {
        query: ['metadata', 'limit'],
        body: 'none',
        queryStyles: { metadata: { style: 'deepObject', explode: true } },
      },
    );
    expect(query).toBe('metadata%5Buser%5D=u1&limit=20');
  });

  it('writes an object nested in an exploded form object under its own name', () => {
    expect(
      decodeURIComponent(
        stringifyQuery({ f: { a: 1, b: { c: 2 }, d: [3, 4] } }, { f: { style: 'form' } }),
      ),
    ).toBe('a=1&b[c]=2&d=3&d=4');
  });
});

describe('allowReserved and content-typed query parameters', () => {
  it('keeps reserved characters in values with allowReserved (keys and # stay encoded)', async () => {
    const layout = {
      query: ['q', 'plain'],
      body: 'none',
      queryStyles: { q: { allowReserved: true } },
    } as const;
    const value = 'a/b?c:d@e,f;g=h&i[j]#k l%20';
    expect(await sentQuery({ q: value, plain: value }, layout)).toBe(
      'q=a/b?c:d@e,f;g=h&i[j]%23k%20l%20' +
        '&plain=a%2Fb%3Fc%3Ad%40e%2Cf%3Bg%3Dh%26i%5Bj%5D%23k%20l%2520',
    );
  });

  it('still encodes characters outside ASCII and a % that starts no escape, with allowReserved', () => {
    expect(stringifyQuery({ q: 'é🙂 %zz%4' }, { q: { allowReserved: true } })).toBe(
      'q=%C3%A9%F0%9F%99%82%20%25zz%254',
    );
  });

  it('sends a parameter declared with content as its JSON text', async () => {
    const layout = {
      query: ['filter'],
      body: 'none',
      queryStyles: { filter: { contentType: 'application/json' } },
    } as const;
    expect(await sentQuery({ filter: { status: ['a', 'b'], n: 1 } }, layout)).toBe(
      'filter=%7B%22status%22%3A%5B%22a%22%2C%22b%22%5D%2C%22n%22%3A1%7D',
    );
    expect(stringifyQuery({ s: 'x' }, { s: { contentType: 'application/vnd.api+json' } })).toBe(
      's=%22x%22',
    );
    expect(stringifyQuery({ s: 'x y' }, { s: { contentType: 'text/plain' } })).toBe('s=x%20y');
  });
});

describe('header parameters (simple style)', () => {
  async function sentHeaders(params: object, layout: ParamLayout): Promise<Headers> {
    const { fetch, calls } = wireFetch();
    await makeClient(fetch).get('/x', requestOptions(params, layout));
    return calls[0]!.headers;
  }

  it('writes scalars as they are, arrays and objects comma-separated, exploded objects as k=v', async () => {
    const headers = await sentHeaders(
      {
        'X-Id': 'a b/c',
        'X-Ids': [3, 4, 5],
        'X-Color': { R: 100, G: 200 },
        'X-Ex': { R: 100, G: 200 },
      },
      {
        headers: ['X-Id', 'X-Ids', 'X-Color', 'X-Ex'],
        body: 'none',
        headerStyles: { 'X-Ex': { explode: true } },
      },
    );
    expect(headers.get('x-id')).toBe('a b/c');
    expect(headers.get('x-ids')).toBe('3,4,5');
    expect(headers.get('x-color')).toBe('R,100,G,200');
    expect(headers.get('x-ex')).toBe('R=100,G=200');
  });

  it('sends a content-typed header as JSON text', async () => {
    const headers = await sentHeaders(
      { 'X-Filter': { a: [1] } },
      {
        headers: ['X-Filter'],
        body: 'none',
        headerStyles: { 'X-Filter': { contentType: 'application/json' } },
      },
    );
    expect(headers.get('x-filter')).toBe('{"a":[1]}');
  });
});

describe('cookie parameters (form style, in the Cookie header)', () => {
  async function sentCookie(
    params: object,
    layout: ParamLayout,
    defaultHeaders?: Record<string, string>,
    headers?: Record<string, string | null>,
  ): Promise<string | null> {
    const { fetch, calls } = wireFetch();
    const client = makeClient(fetch, defaultHeaders ? { defaultHeaders } : {});
    await client.get('/x', requestOptions(params, layout, headers ? { headers } : undefined));
    return calls[0]!.headers.get('cookie');
  }

  it('writes each style and value kind, percent-encoding values', async () => {
    const layout = {
      cookies: ['session', 'ids', 'csv', 'color', 'flat', 'skip'],
      body: 'none',
      cookieStyles: { csv: { explode: false }, flat: { explode: false } },
    } as const;
    const cookie = await sentCookie(
      {
        session: 'a b;c',
        ids: [3, 4],
        csv: [3, 4],
        color: { R: 100, G: 200 },
        flat: { R: 100, G: 200 },
        skip: undefined,
      },
      layout,
    );
    expect(cookie).toBe('session=a%20b%3Bc; ids=3; ids=4; csv=3,4; R=100; G=200; flat=R,100,G,200');
  });

  it('adds to the cookies the client and the caller set, in that order', async () => {
    const layout = { cookies: ['session'], body: 'none' } as const;
    expect(await sentCookie({ session: 's1' }, layout, { Cookie: 'team=a' })).toBe(
      'team=a; session=s1',
    );
    expect(
      await sentCookie({ session: 's1' }, layout, { Cookie: 'team=a' }, { cookie: 'trace=1' }),
    ).toBe('trace=1; session=s1');
    expect(
      await sentCookie({ session: 's1' }, layout, { Cookie: 'team=a' }, { cookie: null }),
    ).toBe('session=s1');
    expect(await sentCookie({}, layout, { Cookie: 'team=a' })).toBe('team=a');
  });

  it('keeps cookie parameters out of the body', () => {
    const options = requestOptions(
      { session: 's', name: 'n' },
      { cookies: ['session'], body: 'rest' },
    );
    expect(options.body).toEqual({ name: 'n' });
    expect(options.cookies).toEqual([['session', 's']]);
  });

  it('appendCookie adds one pair to whatever Cookie header there is', () => {
    const headers = new Headers();
    appendCookie(headers, 'a', '1');
    appendCookie(headers, 'api_key', 'k=v');
    expect(headers.get('cookie')).toBe('a=1; api_key=k=v');
  });
});
