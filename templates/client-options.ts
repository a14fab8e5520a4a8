/** The options of `BaseClient`, and their checks (so that a typo fails at construction, not on the first request). */

import type { Credentials, SecurityConfig } from './auth';
import { ClientGenError } from './errors';
import type { Logger, LogLevel } from './log';
import type { FetchOptions } from './request-options';

/** Where the API key goes: `Authorization: Bearer <key>`, a named header, or a named query parameter. */
export type AuthScheme =
  { type: 'bearer' } | { type: 'header'; name: string } | { type: 'query'; name: string };

/** A fetch-compatible function (the global fetch, or e.g. one with a proxy agent or a test double). */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What a client-credentials token request needs. */
export type TokenRequest = {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
};

/** A client's OAuth 2 client-credentials tokens: a valid one for a scheme and scopes, and dropping one a 401 refused. */
export interface TokenSource {
  get(scheme: string, request: TokenRequest): Promise<string>;
  invalidate(scheme: string, token: string): void;
}

/** How a client makes its `TokenSource` (`timeout`, in ms, and `maxRetries`: the client's). */
export type TokenSourceClass = new (
  fetch: Fetch,
  fetchOptions: FetchOptions | undefined,
  timeout: number,
  maxRetries: number,
) => TokenSource;

/** Options for constructing a client. */
export type ClientOptions = {
  /** The API root, e.g. `https://api.example.com/v1`; paths are appended to it. */
  baseURL: string;
  /** The API key; null or undefined sends no credentials. */
  apiKey?: string | null | undefined;
  /** How the API key is sent when `security` is not given (default: bearer). */
  auth?: AuthScheme | undefined;
  /** Every credential by option name (`bearerToken`, `username`, …), as `security` names them; `apiKey` joins them. */
  credentials?: Credentials | undefined;
  /** The API's security schemes and the document's requirements (see docs/authentication.md). */
  security?: SecurityConfig | undefined;
  /**
   * Fetches and caches OAuth 2 client-credentials tokens (`TokenCache`, core/oauth2.ts): passed by generated clients
   * whose API has such a flow, so that the others ship no OAuth 2 code.
   */
  tokenCache?: TokenSourceClass | undefined;
  /** Milliseconds before an attempt is abandoned (default 600000, i.e. 10 minutes; Infinity disables it). */
  timeout?: number | undefined;
  /** How many times failed requests are retried (default 2). */
  maxRetries?: number | undefined;
  /** The fetch implementation (default: the global fetch, looked up at call time). */
  fetch?: Fetch | undefined;
  /** Headers sent with every request; `null` removes a header the client would otherwise send. */
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /** Extra `fetch` options for every request (e.g. a proxy `dispatcher`); method, headers, body and signal are the client's. */
  fetchOptions?: FetchOptions | undefined;
  /** How much to log (default: the `logEnv` variable, else 'warn'). */
  logLevel?: LogLevel | undefined;
  /** Where log messages go (default: the global console). */
  logger?: Logger | undefined;
  /** The environment variable read for the log level when `logLevel` is not given, e.g. `OPENAI_LOG`. */
  logEnv?: string | undefined;
  /**
   * Refuse to be made in a browser unless `dangerouslyAllowBrowser`: passed by generated clients whose spec says
   * `x-clientgen.browser: opt-in`, an API whose credentials are secrets.
   */
  browserOptIn?: boolean | undefined;
  /** Be made in a browser all the same, where `browserOptIn` would refuse. */
  dangerouslyAllowBrowser?: boolean | undefined;
};

/** What `withOptions` takes: any option; `null` or `undefined` for a generated client's option means its default. */
export type ClientOptionsOverride = {
  [K in keyof ClientOptions]?: ClientOptions[K] | null | undefined;
};

/** The global fetch, looked up at call time so that later patches (test mocks, polyfills) are used. */
export function defaultFetch(): Fetch {
  if (typeof globalThis.fetch !== 'function') {
    throw new ClientGenError(
      'fetch is not available in this runtime; pass a `fetch` function in the client options.',
    );
  }
  return (input, init) => globalThis.fetch(input, init);
}

/** Whether a string parses as an absolute URL (URL.canParse is missing from older runtimes). */
export function isValidURL(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/** Checks a numeric option, so that a typo fails at construction rather than on the first request. */
export function validCount(name: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new ClientGenError(`${name} must be a non-negative number, got ${String(value)}.`);
  }
  return value;
}
