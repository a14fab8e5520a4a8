/**
 * Auto-pagination. The generator describes each list endpoint with a `PageSpec` (data, not code);
 * `Page` uses it to find the items and to build the request for the next page.
 */

import { APIPromise, type APIResponseProps } from './api-promise';
import type { BaseClient } from './client';
import { ClientGenError } from './errors';
import { isRecord } from './json';
import { defaultParseResponse } from './parse';
import type { FinalRequestOptions, HTTPMethod, MethodRequestOptions } from './request-options';

/**
 * Sends a GET request for a paginated list; the result can be awaited (one page) or iterated (all items). The list
 * calls live here, not on the client, so that a client with no list ships no pagination.
 */
export function getAPIList<Item, PageT extends Page<Item, object> = Page<Item>>(
  client: BaseClient,
  path: string,
  page: PageSpec,
  opts?: MethodRequestOptions,
): PagePromise<PageT, Item> {
  return methodAPIList<Item, PageT>(client, 'get', path, page, opts);
}

/** Sends a request of any method for a paginated list; `opts.path` overrides `path`. */
export function methodAPIList<Item, PageT extends Page<Item, object> = Page<Item>>(
  client: BaseClient,
  method: HTTPMethod,
  path: string,
  page: PageSpec,
  opts?: MethodRequestOptions,
): PagePromise<PageT, Item> {
  return requestAPIList<Item, PageT>(client, page, { ...opts, method, path: opts?.path ?? path });
}

/** Sends a request (any method, e.g. POST search endpoints) for a paginated list. */
export function requestAPIList<Item, PageT extends Page<Item, object> = Page<Item>>(
  client: BaseClient,
  page: PageSpec,
  options: FinalRequestOptions,
): PagePromise<PageT, Item> {
  return new PagePromise<PageT, Item>(
    client.requestResponse(options),
    async (props: APIResponseProps) => {
      const body = await defaultParseResponse<unknown>(props);
      if (typeof body !== 'object' || body === null) {
        throw new ClientGenError(
          `Expected a JSON object or array as a list page, got ${typeof body}.`,
        );
      }
      return new Page<Item, object>(client, props, body, page) as PageT;
    },
  );
}

/**
 * How a list endpoint pages. `items`, `hasMore`, `total` and `next` name body fields (`a.b` for nested
 * ones; `items: ''` when the body is the array itself); `cursorParam`, `offsetParam` and `limitParam` name
 * query parameters. The limit is sent on every page as the caller gave it: a short page does not end the
 * list, because servers may cap the limit.
 */
export type PageSpec =
  | { style: 'cursor'; items: string; hasMore?: string; cursorParam: string; cursorField: string }
  | { style: 'offset'; items: string; offsetParam: string; limitParam?: string; total?: string }
  | { style: 'next-link'; items: string; next: string };

/** One page of a list: its items, its raw body, and the way to the next page. */
export class Page<
  Item,
  Body extends object = Record<string, unknown>,
> implements AsyncIterable<Item> {
  /** The parsed response body. Its fields are also readable on the page itself (`page.has_more`). */
  readonly body: Body;
  /** The HTTP response of this page (its body has been read). */
  readonly response: Response;
  readonly #client: BaseClient;
  readonly #spec: PageSpec;
  readonly #options: FinalRequestOptions;
  readonly #url: string;

  constructor(client: BaseClient, props: APIResponseProps, body: Body, spec: PageSpec) {
    this.#client = client;
    this.#spec = spec;
    this.#options = props.options;
    this.#url = props.url;
    this.response = props.response;
    this.body = body;
    if (!Array.isArray(body)) {
      // Copy body fields onto the page, except names the page already uses (`body`, `hasNextPage`, …).
      const target = this as Record<string, unknown>;
      for (const [key, value] of Object.entries(body)) if (!(key in this)) target[key] = value;
    }
  }

  /** The items of this page (an empty list when the body has none). */
  getPaginatedItems(): Item[] {
    const items = Array.isArray(this.body) ? this.body : getField(this.body, this.#spec.items);
    return Array.isArray(items) ? (items as Item[]) : [];
  }

  /** Whether another page can be requested. */
  hasNextPage(): boolean {
    return this.nextPageRequestOptions() !== null;
  }

  /** Fetches the next page; throws when `hasNextPage()` is false. */
  async getNextPage(): Promise<this> {
    const next = this.nextPageRequestOptions();
    if (!next) {
      throw new ClientGenError(
        'No next page expected; check `.hasNextPage()` before calling `.getNextPage()`.',
      );
    }
    return await requestAPIList<Item, this>(this.#client, this.#spec, next);
  }

  /** Yields this page, then each following page, requesting them one at a time. */
  async *iterPages(): AsyncGenerator<this, void, undefined> {
    yield this;
    let page = this.hasNextPage() ? await this.getNextPage() : undefined;
    while (page) {
      yield page;
      page = page.hasNextPage() ? await page.getNextPage() : undefined;
    }
  }

  /** Yields every item of this page and of all following pages. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) {
      for (const item of page.getPaginatedItems()) yield item;
    }
  }

  /** The request for the next page (same path, options and query, plus the page parameter), or null. */
  nextPageRequestOptions(): FinalRequestOptions | null {
    const spec = this.#spec;
    const items = this.getPaginatedItems();
    const options = this.#options;
    // Query values are read back by name; any object the caller gave is a record of them.
    const query = (options.query ?? {}) as Record<string, unknown>;
    if (spec.style === 'cursor') {
      if (items.length === 0) return null;
      if (spec.hasMore !== undefined && getField(this.body, spec.hasMore) === false) return null;
      const last = items[items.length - 1];
      const cursor = isRecord(last) ? last[spec.cursorField] : undefined;
      if (typeof cursor !== 'string' && typeof cursor !== 'number') return null;
      // A server repeating the same cursor would otherwise make iteration loop forever.
      if (cursor === query[spec.cursorParam]) return null;
      return { ...options, query: { ...query, [spec.cursorParam]: cursor } };
    }
    if (spec.style === 'offset') {
      if (items.length === 0) return null;
      const current = Number(query[spec.offsetParam] ?? 0);
      const next = (Number.isFinite(current) ? current : 0) + items.length;
      const total = spec.total === undefined ? undefined : getField(this.body, spec.total);
      if (typeof total === 'number' && next >= total) return null;
      return { ...options, query: { ...query, [spec.offsetParam]: next } };
    }
    return this.#nextLinkOptions(spec.next);
  }

  /** Resolves the body's next link against this page's URL; the link carries its own query. */
  #nextLinkOptions(field: string): FinalRequestOptions | null {
    const link = getField(this.body, field);
    if (typeof link !== 'string' || link === '') return null;
    const next = new URL(link, this.#url);
    if (next.href === new URL(this.#url).href) return null;
    // The request carries the API key, so it must not go to a host the client was not configured for.
    if (next.origin !== new URL(this.#url).origin) {
      throw new ClientGenError(
        `Refusing to follow a next-page link to another origin: ${next.origin}`,
      );
    }
    return { ...this.#options, path: next.href, query: {} };
  }
}

/** A page whose body fields are also typed on the page itself (`page.data`, `page.first_id`). */
export type PageWithBody<Item, Body extends object> = Page<Item, Body> &
  Omit<Body, keyof Page<Item, Body>>;

/** The body fields every cursor page has. */
export type CursorPageBody<Item> = { data: Item[]; has_more: boolean };

/** A cursor page (`data`, `has_more`, plus the fields in `Extra` such as `first_id`/`last_id`). */
export type CursorPage<Item, Extra extends object = Record<never, never>> = PageWithBody<
  Item,
  CursorPageBody<Item> & Extra
>;

/** The promise of a first page; also iterable with `for await` (over every item of every page) without `await`. */
export class PagePromise<PageT extends Page<Item, object>, Item>
  extends APIPromise<PageT>
  implements AsyncIterable<Item>
{
  /** Yields every item of every page, starting with this promise's page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const page = await this;
    for await (const item of page) yield item;
  }
}

/** Reads a body field by name, or by dotted path (`meta.next`) when no field has that exact name. */
function getField(body: unknown, path: string): unknown {
  if (!isRecord(body)) return undefined;
  if (path in body) return body[path];
  let value: unknown = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}
