/**
 * `BaseClient`: sends requests with fetch, adding authentication, default headers and query, a timeout
 * per attempt, and retries with backoff. The generated client extends it; resources call its methods.
 */

import { APIPromise, type APIResponseProps } from './api-promise';
import {
  defaultFetch,
  isValidURL,
  validCount,
  type AuthScheme,
  type ClientOptions,
  type ClientOptionsOverride,
  type Fetch,
} from './client-options';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ClientGenError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors';
import { appendCookie } from './cookies';
import { readEnv } from './env';
import { mergeHeaders } from './headers';
import { defaultLogger, levelLogger, resolveLogLevel, type Logger, type LogLevel } from './log';
import { Page, PagePromise, type PageSpec } from './pagination';
import { defaultParseResponse } from './parse';
import { buildPath, type PathStyles } from './path';
import { stringifyQuery, type QueryStyles } from './query';
import { sendWithRetries } from './request-loop';
import type {
  FetchOptions,
  FinalRequestOptions,
  HTTPMethod,
  MethodRequestOptions,
} from './request-options';

export { buildPath } from './path';

/** The HTTP machinery shared by every generated client. */
export class BaseClient {
  // The error classes, as statics too: `catch (e) { if (e instanceof OpenAI.NotFoundError) … }`.
  static readonly ClientGenError = ClientGenError;
  static readonly APIError = APIError;
  static readonly APIConnectionError = APIConnectionError;
  static readonly APIConnectionTimeoutError = APIConnectionTimeoutError;
  static readonly APIUserAbortError = APIUserAbortError;
  static readonly NotFoundError = NotFoundError;
  static readonly ConflictError = ConflictError;
  static readonly RateLimitError = RateLimitError;
  static readonly BadRequestError = BadRequestError;
  static readonly AuthenticationError = AuthenticationError;
  static readonly InternalServerError = InternalServerError;
  static readonly PermissionDeniedError = PermissionDeniedError;
  static readonly UnprocessableEntityError = UnprocessableEntityError;

  readonly baseURL: string;
  readonly timeout: number;
  readonly maxRetries: number;
  /** Messages below this level are dropped. */
  readonly logLevel: LogLevel;
  /** Where log messages go. */
  readonly logger: Logger;
  // A private field keeps the key out of `console.log(client)` and JSON.stringify.
  readonly #apiKey: string | null;
  readonly #auth: AuthScheme;
  readonly #fetch: Fetch;
  readonly #fetchOptions: FetchOptions | undefined;
  readonly #defaultHeaders: Record<string, string | null | undefined>;
  readonly #defaultQuery: Record<string, string | undefined>;
  readonly #log: Logger;

  constructor(options: ClientOptions) {
    if (!options.baseURL || !isValidURL(options.baseURL)) {
      throw new ClientGenError(`Invalid baseURL: "${options.baseURL}"; expected an absolute URL.`);
    }
    this.baseURL = options.baseURL;
    this.timeout = validCount('timeout', options.timeout ?? 600_000);
    this.maxRetries = validCount('maxRetries', options.maxRetries ?? 2);
    this.#apiKey = options.apiKey ?? null;
    this.#auth = options.auth ?? { type: 'bearer' };
    this.#fetch = options.fetch ?? defaultFetch();
    this.#fetchOptions = options.fetchOptions ? { ...options.fetchOptions } : undefined;
    this.#defaultHeaders = { ...options.defaultHeaders };
    this.#defaultQuery = { ...options.defaultQuery };
    this.logger = options.logger ?? defaultLogger();
    const { logEnv } = options;
    this.logLevel = resolveLogLevel(
      options.logLevel,
      logEnv ? readEnv(logEnv) : undefined,
      logEnv,
      this.logger,
    );
    this.#log = levelLogger(this.logger, this.logLevel);
  }

  /**
   * A new client with the same settings except those given; this one is left as it is. The two share
   * only what cannot change (the fetch function, the logger); headers, query and resources are copies.
   */
  withOptions(options: ClientOptionsOverride): this {
    const Client = this.constructor as new (options: ClientOptionsOverride) => this;
    return new Client({
      baseURL: this.baseURL,
      apiKey: this.#apiKey,
      auth: this.#auth,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      fetch: this.#fetch,
      fetchOptions: this.#fetchOptions,
      defaultHeaders: this.#defaultHeaders,
      defaultQuery: this.#defaultQuery,
      logLevel: this.logLevel,
      logger: this.logger,
      ...options,
    });
  }

  /** The API key this client sends (null when none). */
  get apiKey(): string | null {
    return this.#apiKey;
  }

  /** Sends a GET request. */
  get<T>(path: string, opts?: MethodRequestOptions): APIPromise<T> {
    return this.methodRequest<T>('get', path, opts);
  }

  /** Sends a POST request. */
  post<T>(path: string, opts?: MethodRequestOptions): APIPromise<T> {
    return this.methodRequest<T>('post', path, opts);
  }

  /** Sends a PUT request. */
  put<T>(path: string, opts?: MethodRequestOptions): APIPromise<T> {
    return this.methodRequest<T>('put', path, opts);
  }

  /** Sends a PATCH request. */
  patch<T>(path: string, opts?: MethodRequestOptions): APIPromise<T> {
    return this.methodRequest<T>('patch', path, opts);
  }

  /** Sends a DELETE request. */
  delete<T>(path: string, opts?: MethodRequestOptions): APIPromise<T> {
    return this.methodRequest<T>('delete', path, opts);
  }

  /** Sends a request of any method (HEAD, OPTIONS, TRACE…); `opts.path` overrides `path` (RequestOptions.path). */
  methodRequest<T>(method: HTTPMethod, path: string, opts?: MethodRequestOptions): APIPromise<T> {
    return this.request<T>({ ...opts, method, path: opts?.path ?? path });
  }

  /** Sends a request; the promise resolves to the parsed body (or a Stream when `stream: true`). */
  request<T>(options: FinalRequestOptions): APIPromise<T> {
    return new APIPromise<T>(this.#makeRequest(options), defaultParseResponse);
  }

  /** Sends a GET request for a paginated list; the result can be awaited (one page) or iterated (all items). */
  getAPIList<Item, PageT extends Page<Item, object> = Page<Item>>(
    path: string,
    page: PageSpec,
    opts?: MethodRequestOptions,
  ): PagePromise<PageT, Item> {
    return this.methodAPIList<Item, PageT>('get', path, page, opts);
  }

  /** Sends a request of any method for a paginated list; `opts.path` overrides `path`. */
  methodAPIList<Item, PageT extends Page<Item, object> = Page<Item>>(
    method: HTTPMethod,
    path: string,
    page: PageSpec,
    opts?: MethodRequestOptions,
  ): PagePromise<PageT, Item> {
    return this.requestAPIList<Item, PageT>(page, { ...opts, method, path: opts?.path ?? path });
  }

  /** Sends a request (any method, e.g. POST search endpoints) for a paginated list. */
  requestAPIList<Item, PageT extends Page<Item, object> = Page<Item>>(
    page: PageSpec,
    options: FinalRequestOptions,
  ): PagePromise<PageT, Item> {
    return new PagePromise<PageT, Item>(
      this.#makeRequest(options),
      async (props: APIResponseProps) => {
        const body = await defaultParseResponse<unknown>(props);
        if (typeof body !== 'object' || body === null) {
          throw new ClientGenError(
            `Expected a JSON object or array as a list page, got ${typeof body}.`,
          );
        }
        return new Page<Item, object>(this, props, body, page) as PageT;
      },
    );
  }

  /** Fills a path template such as `/things/{id}`; each value becomes exactly one encoded segment. */
  buildPath(template: string, params: Record<string, unknown>, styles?: PathStyles): string {
    return buildPath(template, params, styles);
  }

  /** The full URL for a path (or an absolute URL) with the default, auth and per-call query parameters. */
  buildURL(
    path: string,
    query?: object | null,
    styles?: QueryStyles,
    authenticated = true,
  ): string {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(path) ? path : joinURL(this.baseURL, path));
    const params: Record<string, unknown> = {
      ...this.#defaultQuery,
      ...(authenticated ? this.authQuery() : {}),
      ...query,
    };
    // Parameters already in the URL (e.g. in a next-page link) are kept rather than repeated.
    for (const key of Object.keys(params)) if (url.searchParams.has(key)) delete params[key];
    const search = stringifyQuery(params, styles);
    if (search) url.search = url.search ? `${url.search.slice(1)}&${search}` : search;
    return url.toString();
  }

  /** Headers carrying the API key (override to implement another scheme). */
  protected authHeaders(): Record<string, string> {
    const key = this.#apiKey;
    if (!key) return {};
    if (this.#auth.type === 'bearer') return { authorization: `Bearer ${key}` };
    if (this.#auth.type === 'header') return { [this.#auth.name]: key };
    return {};
  }

  /** Query parameters carrying the API key (override to implement another scheme). */
  protected authQuery(): Record<string, string> {
    const key = this.#apiKey;
    return key && this.#auth.type === 'query' ? { [this.#auth.name]: key } : {};
  }

  /** Sends the request, retrying as allowed, and resolves once a successful response's headers have arrived. */
  async #makeRequest(options: FinalRequestOptions): Promise<APIResponseProps> {
    const url = this.buildURL(
      options.path,
      options.query,
      options.queryStyles,
      options.authenticated !== false,
    );
    return sendWithRetries(
      {
        fetch: this.#fetch,
        fetchOptions: this.#fetchOptions,
        timeout: this.timeout,
        maxRetries: this.maxRetries,
        log: this.#log,
        apiKey: this.#apiKey,
        // The auth scheme's own header is masked in logs along with the usual credential headers.
        sensitiveHeaders: this.#auth.type === 'header' ? [this.#auth.name] : [],
        buildHeaders: (attempt, contentType) => this.#buildHeaders(options, attempt, contentType),
      },
      url,
      options,
    );
  }

  /** Request headers, from lowest to highest precedence: client-set, auth, default, per-call. */
  #buildHeaders(
    options: FinalRequestOptions,
    attempt: number,
    contentType: string | undefined,
  ): Headers {
    const headers = mergeHeaders(
      {
        accept: options.stream ? 'text/event-stream' : (options.accept ?? 'application/json'),
        'content-type': contentType,
        'idempotency-key': options.idempotencyKey,
        'x-retry-count': String(attempt),
      },
      options.authenticated === false ? {} : this.authHeaders(),
      this.#defaultHeaders,
      options.headers,
    );
    // Cookie parameters join the cookies set above (one `Cookie` header, RFC 6265 §5.4).
    for (const [name, value] of options.cookies ?? []) appendCookie(headers, name, value);
    return headers;
  }
}

/** Joins the base URL and a path with exactly one slash between them. */
function joinURL(baseURL: string, path: string): string {
  return `${baseURL.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
