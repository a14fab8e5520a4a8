/**
 * Turns a generated method's arguments into request options: the params object is split into query,
 * headers and body by the names the spec gives (data emitted by the generator, never code), and the
 * per-call options are merged over it.
 */

import type { MethodRequestOptions, RequestOptions } from "./request-options";
import type { QueryStyles } from "./query";

/** Which params go where: names of query and header parameters; every other key is a body field. */
export type ParamLayout = {
  query?: readonly string[];
  headers?: readonly string[];
  /** 'rest': the remaining keys form the JSON body; 'none': the operation has no body fields. */
  body: "rest" | "none";
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
  const query: Record<string, unknown> = {};
  const headers: Record<string, string | null | undefined> = {};
  for (const name of layout.query ?? []) {
    if (name in rest) query[name] = rest[name];
    delete rest[name];
  }
  for (const name of layout.headers ?? []) {
    const value = rest[name];
    if (value !== undefined && value !== null) headers[name] = String(value);
    delete rest[name];
  }
  const hasQuery =
    (layout.query ?? []).length > 0 || options?.query !== undefined;
  return {
    ...options,
    ...(hasQuery ? { query: { ...query, ...options?.query } } : {}),
    headers: { ...headers, ...options?.headers },
    ...(body !== undefined
      ? { body }
      : layout.body === "rest" && params != null
        ? { body: rest }
        : {}),
    ...(layout.queryStyles ? { queryStyles: layout.queryStyles } : {}),
  };
}
