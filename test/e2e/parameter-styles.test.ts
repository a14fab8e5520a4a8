/**
 * The client generated from the `parameter-styles` golden case, called through its own methods: the
 * layouts it emits (styles, cookies, the form encoding map) produce the exact bytes the spec declares.
 */

import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { generateTree, writeTempTree } from '../helpers/generate';
import { wireFetch } from '../runtime/wire';

const SPEC = path.join(__dirname, '../golden/cases/parameter-styles/spec.yaml');

/** The generated client's surface this test uses (it is loaded at run time from a temporary folder). */
type Client = {
  paint: { retrieve(...args: unknown[]): Promise<unknown> };
  points: { retrieve(...args: unknown[]): Promise<unknown> };
  search: { list(params: object, options?: object): Promise<unknown> };
  subscriptions: { create(params: object): Promise<unknown> };
};
type ClientClass = new (options: object) => Client;

let dir: string;
let Client: ClientClass;

beforeAll(async () => {
  const { tree } = await generateTree(SPEC);
  dir = writeTempTree(tree, 'clientgen-parameter-styles-');
  // ts-jest transpiles the generated TypeScript as it does the tests.
  ({ ParameterStylesClient: Client } = (await import(path.join(dir, 'index.ts'))) as {
    ParameterStylesClient: ClientClass;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function setup() {
  const { fetch, calls } = wireFetch();
  const client = new Client({ fetch, baseURL: 'https://api.example.test', maxRetries: 0 });
  return { client, calls };
}

describe('a generated client sends parameters in the styles its spec declares', () => {
  it('path: simple, label exploded, matrix, allowReserved; an exploded simple object', async () => {
    const { client, calls } = setup();
    await client.paint.retrieve('blue', ['a', 'b'], { R: 100, G: 200 }, 'k:v@x/y');
    await client.points.retrieve({ x: 1, y: 2 });
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.example.test/paint/blue/.a.b/;mix=R,100,G,200/k:v@x%2Fy',
      'https://api.example.test/points/x=1,y=2',
    ]);
  });

  it('query, header and cookie parameters', async () => {
    const { client, calls } = setup();
    await client.search.list(
      {
        tags: ['a', 'b'],
        ids: [1, 2],
        words: ['x', 'y'],
        codes: ['p', 'q'],
        expand: ['customer', 'invoice'],
        filter: { status: ['open', 'paid'], created: { gte: 5 } },
        color: { R: 1, G: 2 },
        range: { gte: 3 },
        status: 'open',
        redirect: 'https://x.test/a?b',
        where: { name: 'n' },
        order: 'asc',
        'X-Point': { x: 1, y: 2 },
        'X-Ids': [3, 4],
        'X-Context': { trace: 't' },
        session: 's 1',
        prefs: ['dark', 'compact'],
      },
      { headers: { cookie: 'from=caller' } },
    );
    const call = calls[0]!;
    expect(decodeURIComponent(new URL(call.url).search)).toBe(
      '?tags=a&tags=b&ids=1,2&words=x y&codes=p|q&expand[]=customer&expand[]=invoice' +
        '&filter[status][]=open&filter[status][]=paid&filter[created][gte]=5&R=1&G=2' +
        '&range[gte]=3&status=open&redirect=https://x.test/a?b&where={"name":"n"}&order=asc',
    );
    expect(new URL(call.url).search).toContain('&redirect=https://x.test/a?b&');
    expect(call.headers.get('x-point')).toBe('x=1,y=2');
    expect(call.headers.get('x-ids')).toBe('3,4');
    expect(call.headers.get('x-context')).toBe('{"trace":"t"}');
    expect(call.headers.get('cookie')).toBe('from=caller; session=s%201; prefs=dark,compact');
  });

  it('a form body as its encoding map says', async () => {
    const { client, calls } = setup();
    await client.subscriptions.create({
      customer: 'cus_1',
      expand: ['latest_invoice'],
      items: [{ price: 'p_1', quantity: 2 }],
      metadata: { order: '6735' },
      tags: ['a', 'b'],
      settings: { theme: 'dark' },
      address: { city: 'Paris' },
    });
    const call = calls[0]!;
    expect(call.headers.get('content-type')).toBe(
      'application/x-www-form-urlencoded;charset=UTF-8',
    );
    expect([...new URLSearchParams(call.body)]).toEqual([
      ['customer', 'cus_1'],
      ['expand[0]', 'latest_invoice'],
      ['items[0][price]', 'p_1'],
      ['items[0][quantity]', '2'],
      ['metadata[order]', '6735'],
      ['tags', 'a,b'],
      ['settings', '{"theme":"dark"}'],
      ['address[city]', 'Paris'],
    ]);
  });
});
