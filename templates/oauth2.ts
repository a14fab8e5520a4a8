/**
 * The OAuth 2.0 client-credentials flow (RFC 6749 §4.4): an access token fetched from the scheme's
 * `tokenUrl` with the client id and secret, cached until shortly before it expires, fetched once for any
 * number of concurrent requests, and dropped when the API answers 401 so that the next request fetches anew.
 * The token request is retried as API requests are (the client's `maxRetries`, retry.ts's policy).
 */

import { base64UTF8 } from './auth';
import type { Fetch, TokenRequest, TokenSource } from './client-options';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  castToError,
  ClientGenError,
} from './errors';
import { safeJSON } from './json';
import type { Logger } from './log';
import { readBody } from './parse';
import { redactSecret } from './redact';
import { sendWithRetries } from './request-loop';
import type { FetchOptions } from './request-options';

export type { TokenRequest } from './client-options';

const FORM = 'application/x-www-form-urlencoded';

/** The token request logs nothing: it is the client's, not a call's (a call's own lines name its request). */
const quiet = (): void => undefined;
const SILENT: Logger = { error: quiet, warn: quiet, info: quiet, debug: quiet };

/** A token and when it stops being used (ms since the epoch; Infinity when the server gave no `expires_in`). */
type CachedToken = { token: string; expiresAt: number };

/** Tokens are renewed this long before they expire (at most half their lifetime), so none expires in flight. */
const EXPIRY_MARGIN_MS = 30_000;

/** One client's tokens, by scheme and scope set. Each client (and each `withOptions` copy) has its own. */
export class TokenCache implements TokenSource {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #inFlight = new Map<string, Promise<string>>();
  readonly #fetch: Fetch;
  readonly #fetchOptions: FetchOptions | undefined;
  readonly #timeout: number;
  readonly #maxRetries: number;
  readonly #now: () => number;

  /**
   * `timeout` (ms) and `maxRetries`: the client's; a token request serves many requests, so no one request's own
   * options apply.
   */
  constructor(
    fetch: Fetch,
    fetchOptions: FetchOptions | undefined,
    timeout: number,
    maxRetries = 2,
    now: () => number = Date.now,
  ) {
    this.#fetch = fetch;
    this.#fetchOptions = fetchOptions;
    this.#timeout = timeout;
    this.#maxRetries = maxRetries;
    this.#now = now;
  }

  /** A valid token for the scheme and scopes: the cached one, the one being fetched, or a new one. */
  get(scheme: string, request: TokenRequest): Promise<string> {
    const key = cacheKey(scheme, request.scopes);
    const cached = this.#tokens.get(key);
    if (cached && this.#now() < cached.expiresAt) return Promise.resolve(cached.token);
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const started = this.#now();
    const fetching = requestToken(
      this.#fetch,
      this.#fetchOptions,
      { timeout: this.#timeout, maxRetries: this.#maxRetries },
      request,
    )
      .then(({ token, expiresIn }) => {
        const lifetime = expiresIn === undefined ? Infinity : expiresIn * 1000;
        const margin = Math.min(EXPIRY_MARGIN_MS, lifetime / 2);
        this.#tokens.set(key, { token, expiresAt: started + lifetime - margin });
        return token;
      })
      .finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, fetching);
    return fetching;
  }

  /** Forgets a scheme's tokens (after a 401), unless a newer token has already replaced `token`. */
  invalidate(scheme: string, token: string): void {
    for (const [key, cached] of this.#tokens) {
      if (key.startsWith(`${scheme}\n`) && cached.token === token) this.#tokens.delete(key);
    }
  }
}

function cacheKey(scheme: string, scopes: readonly string[]): string {
  return `${scheme}\n${[...scopes].sort().join(' ')}`;
}

/**
 * POSTs `grant_type=client_credentials` (and `scope`) as a form, the client authenticating with HTTP basic
 * auth over the form-encoded id and secret (RFC 6749 §2.3.1); reads `access_token` and `expires_in`.
 */
async function requestToken(
  fetch: Fetch,
  fetchOptions: FetchOptions | undefined,
  limits: { timeout: number; maxRetries: number },
  request: TokenRequest,
): Promise<{ token: string; expiresIn: number | undefined }> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (request.scopes.length) form.set('scope', request.scopes.join(' '));
  const basic = base64UTF8(`${formEncode(request.clientId)}:${formEncode(request.clientSecret)}`);
  // The secret and the header carrying it are masked in whatever a failure says.
  const secrets = [request.clientSecret, basic];
  try {
    return await sendTokenRequest(fetch, fetchOptions, limits, request, form, basic);
  } catch (err) {
    throw err instanceof Error ? redactSecret(err, secrets) : err;
  }
}

async function sendTokenRequest(
  fetch: Fetch,
  fetchOptions: FetchOptions | undefined,
  { timeout, maxRetries }: { timeout: number; maxRetries: number },
  request: TokenRequest,
  form: URLSearchParams,
  basic: string,
): Promise<{ token: string; expiresIn: number | undefined }> {
  // The API's requests' own loop: the same retries, timeout and errors; no log lines, no `x-retry-count`.
  const { response, controller } = await sendWithRetries(
    {
      fetch,
      fetchOptions,
      timeout,
      maxRetries,
      log: SILENT,
      // requestToken masks the secret in whatever this throws.
      secrets: [],
      sensitiveHeaders: [],
      buildHeaders: (_attempt, contentType) =>
        new Headers({
          accept: 'application/json',
          'content-type': contentType ?? FORM,
          authorization: `Basic ${basic}`,
        }),
      failure: `the token request to ${request.tokenUrl} failed`,
    },
    request.tokenUrl,
    { method: 'post', path: request.tokenUrl, body: form.toString(), contentType: FORM },
  );
  // The token's body under the same timeout as its headers (parse.ts): a body that stalls fails the request.
  const text = await readBody(response, controller, timeout).catch((err: unknown) => {
    if (err instanceof APIConnectionTimeoutError) throw err;
    throw new APIConnectionError({ cause: castToError(err) });
  });
  const body = safeJSON(text);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const token = fields['access_token'];
  if (typeof token !== 'string' || token === '') {
    throw new ClientGenError(`The token response from ${request.tokenUrl} has no access_token.`);
  }
  const expiresIn = Number(fields['expires_in']);
  return {
    token,
    expiresIn:
      fields['expires_in'] !== undefined && Number.isFinite(expiresIn) && expiresIn > 0
        ? expiresIn
        : undefined,
  };
}

/** `application/x-www-form-urlencoded` for one value, as RFC 6749 asks for the client id and secret. */
function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}
