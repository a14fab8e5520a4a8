import { camelCase, words } from '../text/case';
import type { IrCredential } from './types';

/** One credential a scheme needs, before it is named: `base` is the option a user knows (`apiKey`, `username`). */
export interface CredentialSlot {
  scheme: string;
  base: string;
  /** Filled in by `nameCredentials`. */
  credential: IrCredential;
}

/** Names of the other client options: a credential option never takes one. */
const RESERVED = new Set([
  'auth',
  'baseURL',
  'browserOptIn',
  'credentials',
  'dangerouslyAllowBrowser',
  'defaultHeaders',
  'defaultQuery',
  'fetch',
  'fetchOptions',
  'logEnv',
  'logger',
  'logLevel',
  'maxRetries',
  'security',
  'timeout',
  'tokenCache',
]);

/** Trailing words of a scheme name that say nothing about which credential it is (`AdminAuth` → `admin`). */
const NOISE = new Set([
  'auth',
  'authentication',
  'authorization',
  'security',
  'scheme',
  'credentials',
]);

/**
 * Names each credential's option and environment variable, in place. A credential that no other scheme
 * also needs keeps its plain name (`apiKey`, `username`/`password`, `bearerToken`, `accessToken`,
 * `clientId`/`clientSecret`); one that several schemes need is named after each scheme
 * (`AdminApiKeyAuth` → `adminApiKey`, `partner` → `partnerApiKey`). Schemes are taken in name order, so
 * names never depend on where a scheme sits in the file. The variable is `x-clientgen.env.<option>` when
 * set, else the prefix plus the option in capitals (`OPENAI_` + `apiKey` → `OPENAI_API_KEY`).
 */
export function nameCredentials(
  slots: CredentialSlot[],
  naming: { envPrefix: string; env: Readonly<Record<string, string>> },
): void {
  const users = new Map<string, Set<string>>();
  for (const s of slots) users.set(s.base, (users.get(s.base) ?? new Set()).add(s.scheme));
  const isShared = (s: CredentialSlot): boolean => (users.get(s.base)?.size ?? 0) > 1;
  const taken = new Set(RESERVED);
  const derived = slots
    .filter(isShared)
    .sort((a, b) => (a.scheme < b.scheme ? -1 : a.scheme > b.scheme ? 1 : 0));
  for (const s of slots.filter((x) => !isShared(x))) s.credential.option = unique(s.base, taken);
  for (const s of derived) s.credential.option = unique(derivedName(s.scheme, s.base), taken);
  for (const s of slots) {
    const option = s.credential.option;
    s.credential.env =
      naming.env[option] ?? `${naming.envPrefix}${words(option).join('_').toUpperCase()}`;
  }
}

/** `AdminApiKeyAuth` + `apiKey` → `adminApiKey`; `partner` + `clientId` → `partnerClientId`. */
function derivedName(scheme: string, base: string): string {
  const own = words(scheme);
  while (own.length > 1 && NOISE.has(own[own.length - 1]!)) own.pop();
  const wanted = words(base);
  const endsWith = (tail: string[]): boolean =>
    tail.length <= own.length && tail.every((w, i) => own[own.length - tail.length + i] === w);
  // `adminApiKey` already says apiKey; `adminKey` says key, which is what it is.
  const name = endsWith(wanted) || endsWith(wanted.slice(-1)) ? own : [...own, ...wanted];
  const text = camelCase(name.join(' '));
  return /^[A-Za-z]/.test(text) ? text : camelCase(`scheme ${text}`);
}

/** The name, or the name with the first free number after it. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
