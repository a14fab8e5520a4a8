import {
  getAPIList,
  requestAPIList,
  ClientGenError,
  Page,
  type PagePromise,
  type CursorPage,
  type PageSpec,
} from '../../templates/index';
import { collect, fakeFetch, json, makeClient } from './helpers';

type Item = { id: string; n: number };

const CURSOR: PageSpec = {
  style: 'cursor',
  items: 'data',
  hasMore: 'has_more',
  cursorParam: 'after',
  cursorField: 'id',
};
const ITEMS: Item[] = Array.from({ length: 7 }, (_, n) => ({ id: `item_${n}`, n }));

/** A cursor-paginated list of ITEMS, `limit` per page, like the chat completions list. */
function cursorServer(limit = 3) {
  return fakeFetch((call) => {
    const url = new URL(call.url);
    const after = url.searchParams.get('after');
    const start = after === null ? 0 : ITEMS.findIndex((i) => i.id === after) + 1;
    const data = ITEMS.slice(start, start + limit);
    return json({
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data[data.length - 1]?.id ?? null,
      has_more: start + limit < ITEMS.length,
    });
  });
}

type ListPage = CursorPage<
  Item,
  { object: 'list'; first_id: string | null; last_id: string | null }
>;

function list(
  fetch: ReturnType<typeof cursorServer>['fetch'],
  query: Record<string, unknown> = { limit: 3 },
): PagePromise<ListPage, Item> {
  return getAPIList<Item, ListPage>(makeClient(fetch), '/chat/completions', CURSOR, { query });
}

describe('cursor pagination', () => {
  it('yields every item of every page with for await, without awaiting the promise', async () => {
    const { fetch, calls } = cursorServer();
    const seen: Item[] = [];
    for await (const item of list(fetch)) seen.push(item);
    expect(seen).toEqual(ITEMS);
    expect(calls.map((c) => c.url.replace('https://api.example.test/v1', ''))).toEqual([
      '/chat/completions?limit=3',
      '/chat/completions?limit=3&after=item_2',
      '/chat/completions?limit=3&after=item_5',
    ]);
  });

  it('exposes the body fields on the page, and walks pages with hasNextPage/getNextPage', async () => {
    const { fetch, calls } = cursorServer();
    const first = await list(fetch);
    expect(first).toBeInstanceOf(Page);
    expect(first.data.map((i) => i.id)).toEqual(['item_0', 'item_1', 'item_2']);
    expect(first.has_more).toBe(true);
    expect(first.first_id).toBe('item_0');
    expect(first.last_id).toBe('item_2');
    expect(first.object).toBe('list');
    expect(first.body.data).toBe(first.data);
    expect(first.getPaginatedItems()).toEqual(first.data);
    expect(first.response.status).toBe(200);
    expect(first.hasNextPage()).toBe(true);

    const second: ListPage = await first.getNextPage();
    expect(new URL(calls[1]?.url ?? '').searchParams.get('after')).toBe('item_2');
    expect(second.first_id).toBe('item_3');
    const third = await second.getNextPage();
    expect(third.data).toEqual([ITEMS[6]]);
    expect(third.has_more).toBe(false);
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(ClientGenError);
  });

  it('iterPages yields each page once', async () => {
    const { fetch } = cursorServer();
    const pages: ListPage[] = [];
    for await (const page of (await list(fetch)).iterPages()) pages.push(page);
    expect(pages.map((p) => p.data.length)).toEqual([3, 3, 1]);
  });

  it('ends on an empty page even if has_more says otherwise', async () => {
    const { fetch, calls } = fakeFetch(() => json({ data: [], has_more: true }));
    const page = await getAPIList<Item>(makeClient(fetch), '/things', CURSOR);
    expect(page.hasNextPage()).toBe(false);
    expect(await collect(page)).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('without a hasMore field, continues while pages are non-empty', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      const after = new URL(call.url).searchParams.get('after');
      return json({
        items: after === null ? [{ id: 'a' }, { id: 'b' }] : after === 'b' ? [{ id: 'c' }] : [],
      });
    });
    const spec: PageSpec = {
      style: 'cursor',
      items: 'items',
      cursorParam: 'after',
      cursorField: 'id',
    };
    const ids = (await collect(getAPIList<{ id: string }>(makeClient(fetch), '/things', spec))).map(
      (i) => i.id,
    );
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(calls).toHaveLength(3);
  });

  it('stops when the server repeats the cursor, instead of looping forever', async () => {
    const { fetch, calls } = fakeFetch(() => json({ data: [{ id: 'same' }], has_more: true }));
    expect(
      await collect(getAPIList<{ id: string }>(makeClient(fetch), '/things', CURSOR)),
    ).toHaveLength(2);
    expect(calls).toHaveLength(2);
  });

  it('keeps method, body and headers for POST lists', async () => {
    const { fetch, calls } = cursorServer();
    const client = makeClient(fetch);
    const pages = requestAPIList<Item>(client, CURSOR, {
      method: 'post',
      path: '/search',
      body: { q: 'x' },
      headers: { 'x-trace': 't' },
    });
    await collect(pages);
    expect(calls.map((c) => [c.method, c.body, c.headers.get('x-trace')])).toEqual([
      ['POST', '{"q":"x"}', 't'],
      ['POST', '{"q":"x"}', 't'],
      ['POST', '{"q":"x"}', 't'],
    ]);
  });
});

describe('offset pagination', () => {
  const spec: PageSpec = {
    style: 'offset',
    items: 'results',
    offsetParam: 'offset',
    limitParam: 'limit',
    total: 'meta.total',
  };

  it('advances the offset by the page size and stops at the total', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      const params = new URL(call.url).searchParams;
      const offset = Number(params.get('offset') ?? 0);
      const limit = Number(params.get('limit'));
      return json({ results: ITEMS.slice(offset, offset + limit), meta: { total: ITEMS.length } });
    });
    const items = await collect(
      getAPIList<Item>(makeClient(fetch), '/things', spec, { query: { limit: 3 } }),
    );
    expect(items).toEqual(ITEMS);
    expect(calls.map((c) => new URL(c.url).search)).toEqual([
      '?limit=3',
      '?limit=3&offset=3',
      '?limit=3&offset=6',
    ]);
  });

  it('stops on an empty page when there is no total', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      const offset = Number(new URL(call.url).searchParams.get('offset') ?? 0);
      return json({ results: ITEMS.slice(offset, offset + 4) });
    });
    const noTotal: PageSpec = { style: 'offset', items: 'results', offsetParam: 'offset' };
    expect(await collect(getAPIList<Item>(makeClient(fetch), '/things', noTotal))).toEqual(ITEMS);
    expect(calls).toHaveLength(3);
  });
});

describe('next-link pagination', () => {
  const spec: PageSpec = { style: 'next-link', items: 'items', next: 'links.next' };

  it('follows relative and absolute links, which carry their own query', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      const page = new URL(call.url).searchParams.get('page');
      if (page === null) return json({ items: [1, 2], links: { next: '/v1/things?page=2' } });
      if (page === '2')
        return json({ items: [3], links: { next: 'https://api.example.test/v1/things?page=3' } });
      return json({ items: [4], links: { next: null } });
    });
    const client = makeClient(fetch, { defaultQuery: { v: '1' } });
    expect(
      await collect(getAPIList<number>(client, '/things', spec, { query: { filter: 'x' } })),
    ).toEqual([1, 2, 3, 4]);
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.example.test/v1/things?v=1&filter=x',
      'https://api.example.test/v1/things?page=2&v=1',
      'https://api.example.test/v1/things?page=3&v=1',
    ]);
  });

  it('refuses to send the API key to another origin', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json({ items: [1], links: { next: 'https://evil.example/steal' } }),
    );
    const page = await getAPIList<number>(makeClient(fetch), '/things', spec);
    expect(() => page.hasNextPage()).toThrow(/another origin/);
    expect(calls).toHaveLength(1);
  });

  it('accepts a top-level array body as the items', async () => {
    const { fetch } = fakeFetch(() => json([{ id: 'a' }]));
    const page = await getAPIList<{ id: string }>(makeClient(fetch), '/things', {
      style: 'next-link',
      items: '',
      next: 'next',
    });
    expect(page.getPaginatedItems()).toEqual([{ id: 'a' }]);
    expect(page.hasNextPage()).toBe(false);
  });
});
