/**
 * Security schemes (OpenAPI `components.securitySchemes`) and how a request meets them: per request, the
 * operation's requirements (an OR of ANDs) are read, an alternative whose credentials the client was given
 * is chosen, and each of its schemes adds a header, a query parameter or a cookie. See docs/authentication.md.
 */

import { describeAlternatives, MissingCredentialsError } from './missing-credentials';

/** A credential the user gives: the client option that holds it, and the variable it defaults to. */
export type CredentialOption = { option: string; env?: string | undefined };

/** One security scheme, as the generated client describes it. */
export type SecurityScheme =
  /** Sent exactly as given (no prefix), whatever the header is named. */
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; key: CredentialOption }
  /** `Authorization: <scheme> <token>`; `bearer` is written `Bearer`. */
  | { type: 'http'; scheme: string; token: CredentialOption }
  /** `Authorization: Basic base64(username:password)`. */
  | { type: 'basic'; username: CredentialOption; password: CredentialOption }
  /** A bearer token given directly, or fetched with the client-credentials flow. */
  | {
      type: 'oauth2';
      token: CredentialOption;
      clientCredentials?: {
        tokenUrl: string;
        clientId: CredentialOption;
        clientSecret: CredentialOption;
      };
    }
  | { type: 'openIdConnect'; token: CredentialOption };

/** One alternative: every scheme named must be applied (with the scopes an oauth2 scheme asks for). */
export type SecurityRequirement = Record<string, readonly string[]>;

/** Every scheme by its name in the spec, and the document's requirements (used when an operation names none). */
export type SecurityConfig = {
  schemes: Record<string, SecurityScheme>;
  requirements: readonly SecurityRequirement[];
};

/** Credential values by option name (`apiKey`, `username`, …); empty strings count as not given. */
export type Credentials = Record<string, string | null | undefined>;

/** What applying an alternative adds to a request, and the values to mask in logs and errors. */
export type AppliedAuth = {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** `[name, value]`, the value already encoded: sent with `appendCookie`, as cookie parameters are. */
  cookies: Array<readonly [string, string]>;
  /** Header names whose values are credentials. */
  sensitiveHeaders: string[];
  /** Every credential value sent (keys, tokens, passwords, the encoded basic value). */
  secrets: string[];
  /** The fetched client-credentials tokens used: dropped, and fetched again once, if the server answers 401. */
  refreshable: Array<{ scheme: string; token: string }>;
};

/** Whether a credential was given. */
function has(credentials: Credentials, ref: CredentialOption): boolean {
  const value = credentials[ref.option];
  return typeof value === 'string' && value !== '';
}

function value(credentials: Credentials, ref: CredentialOption): string {
  return credentials[ref.option] ?? '';
}

/** Whether the client holds what a scheme needs: a direct token, or the client id and secret to fetch one. */
export function canApply(scheme: SecurityScheme, credentials: Credentials): boolean {
  switch (scheme.type) {
    case 'apiKey':
      return has(credentials, scheme.key);
    case 'http':
    case 'openIdConnect':
      return has(credentials, scheme.token);
    case 'basic':
      return has(credentials, scheme.username) && has(credentials, scheme.password);
    case 'oauth2': {
      const cc = scheme.clientCredentials;
      return (
        has(credentials, scheme.token) ||
        (cc !== undefined && has(credentials, cc.clientId) && has(credentials, cc.clientSecret))
      );
    }
  }
}

/**
 * The alternative to use: the first non-empty one whose credentials were all given, else an empty one
 * (no credentials needed), else a `MissingCredentialsError` naming what to set. Credentials are sent when
 * given even if an operation also allows anonymous calls, as users who set a key expect.
 */
export function chooseRequirement(
  config: SecurityConfig,
  requirements: readonly SecurityRequirement[],
  credentials: Credentials,
  what: string,
): SecurityRequirement {
  const usable = requirements.find((alt) => {
    const names = Object.keys(alt);
    return (
      names.length > 0 &&
      names.every((name) => {
        const scheme = config.schemes[name];
        return scheme !== undefined && canApply(scheme, credentials);
      })
    );
  });
  if (usable) return usable;
  const anonymous = requirements.find((alt) => Object.keys(alt).length === 0);
  if (anonymous) return anonymous;
  throw new MissingCredentialsError(what, describeAlternatives(config, requirements));
}

/** The oauth2 schemes of an alternative that have no token given, so need one fetched (client credentials). */
export function tokensToFetch(
  config: SecurityConfig,
  requirement: SecurityRequirement,
  credentials: Credentials,
): string[] {
  return Object.keys(requirement).filter((name) => {
    const scheme = config.schemes[name];
    return scheme?.type === 'oauth2' && !has(credentials, scheme.token);
  });
}

/** Applies every scheme of an alternative; `fetched` holds the client-credentials tokens, by scheme. */
export function applyRequirement(
  config: SecurityConfig,
  requirement: SecurityRequirement,
  credentials: Credentials,
  fetched: Readonly<Record<string, string>> = {},
): AppliedAuth {
  const out: AppliedAuth = {
    headers: {},
    query: {},
    cookies: [],
    sensitiveHeaders: [],
    secrets: [],
    refreshable: [],
  };
  const header = (name: string, text: string, secret: string): void => {
    out.headers[name] = text;
    out.sensitiveHeaders.push(name);
    out.secrets.push(secret);
  };
  for (const name of Object.keys(requirement)) {
    const scheme = config.schemes[name];
    if (!scheme) continue;
    switch (scheme.type) {
      case 'apiKey': {
        const key = value(credentials, scheme.key);
        out.secrets.push(key);
        if (scheme.in === 'header') header(scheme.name, key, key);
        else if (scheme.in === 'query') out.query[scheme.name] = key;
        else out.cookies.push([scheme.name, cookieValue(key)]);
        break;
      }
      case 'http': {
        const token = value(credentials, scheme.token);
        const word = scheme.scheme.toLowerCase() === 'bearer' ? 'Bearer' : scheme.scheme;
        header('authorization', `${word} ${token}`, token);
        break;
      }
      case 'basic': {
        const password = value(credentials, scheme.password);
        const encoded = base64UTF8(`${value(credentials, scheme.username)}:${password}`);
        header('authorization', `Basic ${encoded}`, encoded);
        out.secrets.push(password);
        break;
      }
      case 'openIdConnect':
        header(
          'authorization',
          `Bearer ${value(credentials, scheme.token)}`,
          value(credentials, scheme.token),
        );
        break;
      case 'oauth2': {
        let token = value(credentials, scheme.token);
        if (!token) {
          token = fetched[name] ?? '';
          out.refreshable.push({ scheme: name, token });
        }
        header('authorization', `Bearer ${token}`, token);
        break;
      }
    }
  }
  return out;
}

/** Cookie values may not hold `;`, `,`, spaces, quotes or controls: those are percent-encoded (RFC 6265). */
function cookieValue(text: string): string {
  return /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/.test(text)
    ? text
    : encodeURIComponent(text);
}

/** Base64 of a text's UTF-8 bytes, with platform globals only (`btoa` takes Latin-1 characters). */
export function base64UTF8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
