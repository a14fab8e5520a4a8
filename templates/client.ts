/**
 * `BaseClient`: sends requests with fetch, adding authentication, default headers and query, a timeout
 * per attempt, and retries with backoff. The generated client extends it; resources call its methods.
 */

import { APIPromise, type APIResponseProps } from './api-promise';
import type { AppliedAuth, Credentials, SecurityConfig } from './auth';
import { authFor, credentialHeaders, legacySecurity, secretValues } from './client-auth';
import {
  defaultFetch,
  isValidURL,
  validCount,
  type AuthScheme,
  type ClientOptions,
  type ClientOptionsOverride,
  type Fetch,
  type TokenSource,
  type TokenSourceClass,
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
import { corsApplies, readEnv } from './env';
import { mergeHeaders } from './headers';
import { defaultLogger, levelLogger, resolveLogLevel, type Logger, type LogLevel } from './log';
import { defaultParseResponse } from './parse';
import { buildPath, type PathStyles } from './path';
import { stringifyQuery, type QueryStyles } from './query';
import { redactSecret } from './redact';
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
  // Private fields keep credentials out of `console.log(client)` and JSON.stringify.
  readonly #credentials: Credentials;
  readonly #security: SecurityConfig;
  readonly #tokenCache: TokenSourceClass | undefined;
  readonly #tokens: TokenSource | undefined;
  readonly #auth: AuthScheme | undefined;
  readonly #fetch: Fetch;
  readonly #fetchOptions: FetchOptions | undefined;
  readonly #defaultHeaders: Record<string, string | null | undefined>;
  readonly #defaultQuery: Record<string, string | undefined>;
  readonly #log: Logger;
  readonly #dangerouslyAllowBrowser: boolean | undefined;

  constructor(options: ClientOptions) {
    if (options.browserOptIn && !options.dangerouslyAllowBrowser && corsApplies()) {
      throw new ClientGenError(
        'This client does not run in a browser by default: its credentials would be readable by anyone who ' +
          'loads the page. If they are meant to be public, or a proxy adds them, pass ' +
          '{ dangerouslyAllowBrowser: true }.',
      );
    }
    this.#dangerouslyAllowBrowser = options.dangerouslyAllowBrowser;
    if (!options.baseURL || !isValidURL(options.baseURL)) {
      throw new ClientGenError(`Invalid baseURL: "${options.baseURL}"; expected an absolute URL.`);
    }
    this.baseURL = options.baseURL;
    this.timeout = validCount('timeout', options.timeout ?? 600_000);
    this.maxRetries = validCount('maxRetries', options.maxRetries ?? 2);
    this.#credentials = { ...options.credentials };
    // `apiKey` as given (null included) wins over a copy in `credentials` (withOptions passes both).
    if (options.apiKey !== undefined) this.#credentials['apiKey'] = options.apiKey;
    this.#auth = options.auth;
    this.#security = options.security ?? legacySecurity(options.auth);
    this.#fetch = options.fetch ?? defaultFetch();
    this.#fetchOptions = options.fetchOptions ? { ...options.fetchOptions } : undefined;
    this.#tokenCache = options.tokenCache;
    this.#tokens = options.tokenCache
      ? new options.tokenCache(this.#fetch, this.#fetchOptions, this.timeout, this.maxRetries)
      : undefined;
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
      // Credentials by option name, as the generated client's constructor takes them.
      ...this.#credentials,
      credentials: this.#credentials,
      baseURL: this.baseURL,
      auth: this.#auth,
      security: this.#security,
      tokenCache: this.#tokenCache,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      fetch: this.#fetch,
      fetchOptions: this.#fetchOptions,
      defaultHeaders: this.#defaultHeaders,
      defaultQuery: this.#defaultQuery,
      logLevel: this.logLevel,
      logger: this.logger,
      dangerouslyAllowBrowser: this.#dangerouslyAllowBrowser,
      ...options,
    });
  }

  /** The API key this client sends (null when none). */
  get apiKey(): string | null {
    return this.#credentials['apiKey'] ?? null;
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

  /**
   * Sends a request and resolves to its successful response, its body unread (auth, retries, timeouts and errors as
   * for `request`): what a list's pages are read from (`getAPIList`, core/pagination.ts).
   */
  requestResponse(options: FinalRequestOptions): Promise<APIResponseProps> {
    return this.#makeRequest(options);
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
    authQuery: Record<string, string> = {},
  ): string {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(path) ? path : joinURL(this.baseURL, path));
    const params: Record<string, unknown> = { ...this.#defaultQuery, ...authQuery, ...query };
    // Parameters already in the URL (e.g. in a next-page link) are kept rather than repeated.
    for (const key of Object.keys(params)) if (url.searchParams.has(key)) delete params[key];
    const search = stringifyQuery(params, styles);
    if (search) url.search = url.search ? `${url.search.slice(1)}&${search}` : search;
    return url.toString();
  }

  /**
   * Sends the request, retrying as allowed, and resolves once a successful response's headers have arrived.
   * Credentials are chosen first (a missing one fails here, before anything is sent); a 401 answered to a
   * fetched client-credentials token drops that token and sends the request once more with a new one.
   */
  async #makeRequest(options: FinalRequestOptions): Promise<APIResponseProps> {
    const secrets = secretValues(this.#security, this.#credentials);
    const redact = (err: unknown): never => {
      throw err instanceof Error ? redactSecret(err, secrets) : err;
    };
    const auth = (): AppliedAuth | Promise<AppliedAuth> => {
      try {
        const applied = authFor(
          this.#security,
          this.#credentials,
          this.#tokens,
          this.baseURL,
          options,
        );
        return applied instanceof Promise ? applied.catch(redact) : applied;
      } catch (err) {
        return redact(err);
      }
    };
    // No await unless a token must be fetched: the request starts as soon as the method is called.
    const maybe = auth();
    const first = maybe instanceof Promise ? await maybe : maybe;
    try {
      return await this.#send(options, first, secrets);
    } catch (err) {
      // A streamed upload has been consumed by the first round.
      const replayable =
        typeof ReadableStream === 'undefined' || !(options.body instanceof ReadableStream);
      if (!(err instanceof AuthenticationError) || !first.refreshable.length || !replayable)
        throw err;
      for (const { scheme, token } of first.refreshable) this.#tokens?.invalidate(scheme, token);
      return this.#send(options, await auth(), secrets);
    }
  }

  /** One round of attempts with the given credentials. */
  #send(
    options: FinalRequestOptions,
    auth: AppliedAuth,
    secrets: readonly string[],
  ): Promise<APIResponseProps> {
    const url = this.buildURL(options.path, options.query, options.queryStyles, auth.query);
    return sendWithRetries(
      {
        fetch: this.#fetch,
        fetchOptions: this.#fetchOptions,
        timeout: this.timeout,
        maxRetries: this.maxRetries,
        log: this.#log,
        secrets: [...secrets, ...auth.secrets],
        // The API's own credential headers are masked in logs along with the usual ones.
        sensitiveHeaders: [...credentialHeaders(this.#security), ...auth.sensitiveHeaders],
        buildHeaders: (attempt, contentType) =>
          this.#buildHeaders(options, attempt, contentType, auth),
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
    auth: AppliedAuth,
  ): Headers {
    const headers = mergeHeaders(
      {
        accept: options.stream ? 'text/event-stream' : (options.accept ?? 'application/json'),
        'content-type': contentType,
        'idempotency-key': options.idempotencyKey,
        // Not in a browser: a header outside CORS's safelist makes a call preflighted, and refused by an API whose
        // CORS settings do not list it.
        'x-retry-count': corsApplies() ? undefined : String(attempt),
      },
      auth.headers,
      this.#defaultHeaders,
      options.headers,
    );
    // Auth cookies, then cookie parameters, join the caller's (one `Cookie` header, RFC 6265 §5.4).
    for (const [name, value] of [...auth.cookies, ...(options.cookies ?? [])])
      appendCookie(headers, name, value);
    return headers;
  }
}

/** Joins the base URL and a path with exactly one slash between them. */
function joinURL(baseURL: string, path: string): string {
  return `${baseURL.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
