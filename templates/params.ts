/**
 * Turns a generated method's arguments into request options: the params object is split into query,
 * headers and body by the names the spec gives (data emitted by the generator, never code), and the
 * per-call options are merged over it.
 */

import { MultipartBody } from './body';
import { cookiePairs } from './cookies';
import { encodeFormBody, type FormEncoding } from './form-body';
import { headerText } from './header-style';
import { headersRecord } from './headers';
import type { QueryStyles } from './query';
import type { MethodRequestOptions, RequestOptions } from './request-options';
import { isRecordLiteral, type ParamStyle } from './style';

/**
 * The fields of a request body the API does not require, in a params object beside other parameters: all the fields
 * the body requires, or none of its fields (the body is then not sent: `body: 'optional'` below).
 */
export type OptionalBody<Body> = Body | { [K in KeysOfAny<Body>]?: never };

/** The keys of every member of a union (`keyof` of a union gives only the keys all members share). */
type KeysOfAny<T> = T extends unknown ? keyof T : never;

/** Which params go where: names of query, header and cookie parameters; every other key is a body field. */
export type ParamLayout = {
  query?: readonly string[];
  /** Query parameters sent on every call of the operation (the spec wrote them into its path). */
  fixedQuery?: Readonly<Record<string, string>>;
  headers?: readonly string[];
  /** Header parameters of one value, sent on every call unless the params give them. */
  fixedHeaders?: Readonly<Record<string, string>>;
  /** Headers sent when the call sends no body (a `Content-Type` the API requires on every call). */
  bodylessHeaders?: Readonly<Record<string, string>>;
  /** Cookie parameters, sent together in the `Cookie` header. */
  cookies?: readonly string[];
  /**
   * 'rest': the remaining keys form the body; 'optional': the same, for a body the spec does not require, sent only
   * when a key is left (an empty one may be refused: its schema can still require fields); 'none': no body fields.
   */
  body: 'rest' | 'optional' | 'none';
  /** How body fields are sent when the spec's body is not JSON. */
  encoding?: 'form' | 'multipart';
  /** The `encoding` map of a form body, or the styled entries of a multipart one: how each field is serialized. */
  formEncoding?: FormEncoding;
  /** Multipart: the spec's `encoding` map, a part's content type per property. */
  partContentTypes?: Readonly<Record<string, string>>;
  queryStyles?: QueryStyles;
  /** `explode` or a `content` media type per header parameter. */
  headerStyles?: Readonly<Record<string, ParamStyle>>;
  /** `explode` or a `content` media type per cookie parameter. */
  cookieStyles?: Readonly<Record<string, ParamStyle>>;
};

/** Whether a call's params ask for server-sent events: the body field that switches the response is `true`. */
export function wantsStream(params: object | null | undefined, field: string): boolean {
  return params != null && (params as Record<string, unknown>)[field] === true;
}

/** Builds the options of one call from its params, the layout of those params, and the caller's options. */
export function requestOptions(
  params: object | null | undefined,
  layout: ParamLayout,
  options?: RequestOptions,
  body?: unknown,
): MethodRequestOptions {
  const rest: Record<string, unknown> = { ...params };
  const query: Record<string, unknown> = { ...layout.fixedQuery };
  const headers: Record<string, string | null | undefined> = { ...layout.fixedHeaders };
  for (const name of layout.query ?? []) {
    if (name in rest) query[name] = rest[name];
    delete rest[name];
  }
  for (const name of layout.headers ?? []) {
    const value = rest[name];
    if (value !== undefined && value !== null)
      headers[name] = headerText(value, layout.headerStyles?.[name]);
    delete rest[name];
  }
  // Cookies go out apart from the headers: the client adds them to the cookies other sources set.
  const cookies: Array<[string, string]> = [];
  for (const name of layout.cookies ?? []) {
    cookies.push(...cookiePairs(name, rest[name], layout.cookieStyles?.[name]));
    delete rest[name];
  }
  // A body passed as its own argument is sent as it is (a string, a file, an array), but for named fields under a
  // form or multipart layout (a map beside other parameters): those are encoded as the params' fields are.
  const own = layout.encoding && isRecordLiteral(body) ? encodeFields(body, layout) : body;
  const sent =
    own !== undefined
      ? own
      : layout.body !== 'none' && params != null && (layout.body === 'rest' || hasField(rest))
        ? encodeFields(rest, layout)
        : undefined;
  if (sent === undefined) Object.assign(headers, layout.bodylessHeaders);
  const hasQuery =
    (layout.query ?? []).length > 0 ||
    layout.fixedQuery !== undefined ||
    options?.query !== undefined;
  return {
    ...options,
    ...(hasQuery ? { query: { ...query, ...options?.query } } : {}),
    headers: { ...headers, ...headersRecord(options?.headers) },
    ...(cookies.length ? { cookies } : {}),
    ...(sent !== undefined ? { body: sent } : {}),
    ...(layout.queryStyles ? { queryStyles: layout.queryStyles } : {}),
  };
}

/** Whether any body field is given (a key set to `undefined` is no field: JSON and forms leave it out). */
function hasField(fields: Record<string, unknown>): boolean {
  return Object.values(fields).some((v) => v !== undefined);
}

/** JSON bodies stay objects (the client encodes them); form bodies are built here, multipart ones when sent. */
function encodeFields(fields: Record<string, unknown>, layout: ParamLayout): unknown {
  if (layout.encoding === 'form') return encodeFormBody(fields, layout.formEncoding);
  if (layout.encoding === 'multipart')
    return new MultipartBody(fields, layout.partContentTypes, layout.formEncoding);
  return fields;
}
