/**
 * Turns a generated method's arguments into request options: the params object is split into query,
 * headers and body by the names the spec gives (data emitted by the generator, never code), and the
 * per-call options are merged over it.
 */

import { headersRecord } from './headers';
import { MultipartBody } from './multipart';
import type { MethodRequestOptions, RequestOptions } from './request-options';
import { stringifyQuery, type QueryStyles } from './query';

/** Which params go where: names of query and header parameters; every other key is a body field. */
export type ParamLayout = {
  query?: readonly string[];
  /** Query parameters sent on every call of the operation (the spec wrote them into its path). */
  fixedQuery?: Readonly<Record<string, string>>;
  headers?: readonly string[];
  /** 'rest': the remaining keys form the JSON body; 'none': the operation has no body fields. */
  body: 'rest' | 'none';
  /** How body fields are sent when the spec's body is not JSON. */
  encoding?: 'form' | 'multipart';
  /** Multipart: the spec's `encoding` map, a part's content type per property. */
  partContentTypes?: Readonly<Record<string, string>>;
  queryStyles?: QueryStyles;
};

/** Builds the options of one call from its params, the layout of those params, and the caller's options. */
export function requestOptions(
  params: object | null | undefined,
  layout: ParamLayout,
  options?: RequestOptions,
  body?: unknown,
): MethodRequestOptions {
  const rest: Record<string, unknown> = { ...params };
  const query: Record<string, unknown> = { ...layout.fixedQuery };
  const headers: Record<string, string | null | undefined> = {};
  for (const name of layout.query ?? []) {
    if (name in rest) query[name] = rest[name];
    delete rest[name];
  }
  for (const name of layout.headers ?? []) {
    const value = rest[name];
    if (value !== undefined && value !== null) headers[name] = headerValue(value);
    delete rest[name];
  }
  const hasQuery =
    (layout.query ?? []).length > 0 ||
    layout.fixedQuery !== undefined ||
    options?.query !== undefined;
  return {
    ...options,
    ...(hasQuery ? { query: { ...query, ...options?.query } } : {}),
    headers: { ...headers, ...headersRecord(options?.headers) },
    ...(body !== undefined
      ? { body }
      : layout.body === 'rest' && params != null
        ? { body: encodeFields(rest, layout) }
        : {}),
    ...(layout.queryStyles ? { queryStyles: layout.queryStyles } : {}),
  };
}

/** JSON bodies stay objects (the client encodes them); form bodies are built here, multipart ones when sent. */
function encodeFields(fields: Record<string, unknown>, layout: ParamLayout): unknown {
  if (layout.encoding === 'form') return new URLSearchParams(stringifyQuery(fields));
  if (layout.encoding === 'multipart') return new MultipartBody(fields, layout.partContentTypes);
  return fields;
}

/** A header's text: arrays comma-separated (OpenAPI's `simple` style), objects as JSON, the rest as written. */
function headerValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) return value.join(',');
  return JSON.stringify(value);
}
