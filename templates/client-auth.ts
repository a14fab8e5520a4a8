/**
 * The client's side of authentication: the security config a `BaseClient` uses when none is given (the
 * single `apiKey` of older clients), which values to mask, and how a request's credentials are found.
 */

import {
  applyRequirement,
  chooseRequirement,
  tokensToFetch,
  type AppliedAuth,
  type Credentials,
  type SecurityConfig,
  type SecurityScheme,
} from './auth';
import type { AuthScheme, TokenSource } from './client-options';
import { APIUserAbortError } from './errors';
import type { FinalRequestOptions } from './request-options';

/** What a request sends when it needs no credentials. */
export const NO_AUTH: AppliedAuth = {
  headers: {},
  query: {},
  cookies: [],
  sensitiveHeaders: [],
  secrets: [],
  refreshable: [],
};

/** `apiKey` sent as `auth` says, when the client has one; nothing otherwise (the options of older clients). */
export function legacySecurity(auth: AuthScheme | undefined): SecurityConfig {
  const key = { option: 'apiKey' };
  const scheme: SecurityScheme =
    !auth || auth.type === 'bearer'
      ? { type: 'http', scheme: 'bearer', token: key }
      : { type: 'apiKey', in: auth.type, name: auth.name, key };
  return { schemes: { apiKey: scheme }, requirements: [{ apiKey: [] }, {}] };
}

/** The credential values to mask: all but the ones that only identify (basic usernames, oauth2 client ids). */
export function secretValues(config: SecurityConfig, credentials: Credentials): string[] {
  const identifiers = new Set<string>();
  for (const scheme of Object.values(config.schemes)) {
    if (scheme.type === 'basic') identifiers.add(scheme.username.option);
    if (scheme.type === 'oauth2' && scheme.clientCredentials)
      identifiers.add(scheme.clientCredentials.clientId.option);
  }
  return Object.entries(credentials)
    .filter(([option, value]) => !identifiers.has(option) && typeof value === 'string' && value)
    .map(([, value]) => value as string);
}

/** Header names that hold credentials in this API (its apiKey headers), masked in logs whatever the request. */
export function credentialHeaders(config: SecurityConfig): string[] {
  return Object.values(config.schemes).flatMap((s) =>
    s.type === 'apiKey' && s.in === 'header' ? [s.name] : [],
  );
}

/**
 * The credentials for one request: none for `authenticated: false`, else the chosen alternative of the
 * operation's requirements (or the document's) applied. Throws `MissingCredentialsError` before sending.
 * Synchronous unless a client-credentials token must be fetched, so that a request starts at once.
 */
export function authFor(
  config: SecurityConfig,
  credentials: Credentials,
  tokens: TokenSource | undefined,
  baseURL: string,
  options: FinalRequestOptions,
): AppliedAuth | Promise<AppliedAuth> {
  if (options.authenticated === false) return NO_AUTH;
  const requirement = chooseRequirement(
    config,
    options.security ?? config.requirements,
    credentials,
    `${options.method.toUpperCase()} ${options.path}`,
  );
  const needed = tokensToFetch(config, requirement, credentials);
  if (!needed.length) return applyRequirement(config, requirement, credentials);
  const fetched = Promise.all(
    needed.map((name) => {
      const scheme = config.schemes[name];
      const flow = scheme?.type === 'oauth2' ? scheme.clientCredentials : undefined;
      // chooseRequirement took this alternative, so the flow exists and its id and secret were given; a client
      // whose security has a flow is made with a token cache (its generated constructor passes `tokenCache`).
      if (!flow) throw new Error(`no client-credentials flow for ${name}`);
      if (!tokens) throw new Error(`no token cache for ${name}: pass tokenCache to the client`);
      return tokens.get(name, {
        // A relative token URL is resolved against the API root, as OpenAPI resolves URLs against the server.
        tokenUrl: new URL(flow.tokenUrl, `${baseURL.replace(/\/+$/, '')}/`).toString(),
        clientId: credentials[flow.clientId.option] ?? '',
        clientSecret: credentials[flow.clientSecret.option] ?? '',
        scopes: requirement[name] ?? [],
      });
    }),
  );
  return untilAborted(fetched, options.signal).then((list) =>
    applyRequirement(
      config,
      requirement,
      credentials,
      Object.fromEntries(needed.map((name, i) => [name, list[i] ?? ''])),
    ),
  );
}

/**
 * A token fetch serves every request waiting for it, so a caller's signal abandons only its own wait
 * (`APIUserAbortError`), not the fetch.
 */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return pending;
  if (signal.aborted) return Promise.reject(new APIUserAbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new APIUserAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    void pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
