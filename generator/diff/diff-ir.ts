import { assertNever } from '../errors';
import { schemeCredentialGroups } from '../ir/security-credentials';
import type { IrClient } from '../ir/types';
import { severity, worse, type Direction, type Emitted } from './record';
import { diffModels, matchModels } from './diff-models';
import { diffOperations } from './diff-operations';
import {
  cmp,
  emitChange,
  exportedName,
  wireContext,
  type DiffSide,
  type Shared,
} from './diff-shared';
import type { ApiChange } from './types';
import { wireDocument } from './wire/document';

/** What a report depends on besides the two specs. */
export interface DiffOptions {
  /** The day `x-sunset` dates are compared with (default: now), so that a report can be reproduced. */
  today?: Date;
}

/**
 * Every change between two versions of an API, breaking ones first, then warnings, then by resource and location.
 * Each change is reported once: operations report what is inline in them, and a model's changes are reported
 * under the model (or, for a model that is only the request body of one operation, under that operation).
 */
export function diffIr(before: DiffSide, after: DiffSide, options: DiffOptions = {}): ApiChange[] {
  // A model used both ways is compared as a request and as a response: the same change comes twice, and is kept
  // once with the worse verdicts; `worseIn` says which use made it worse, when the two differ.
  const merged = new Map<string, Emitted & { worseIn?: Direction }>();
  const emit = (c: Emitted) => {
    const key = [c.resource, c.location, c.kind, c.message].join('\0');
    const prev = merged.get(key);
    if (!prev) return void merged.set(key, c);
    const note = prev.note ?? c.note;
    const worst = severity(c) > severity(prev) ? c : prev;
    // Only a model used both ways is worse in one direction; the types and the spec walk may both find a change.
    const worseIn =
      severity(c) !== severity(prev) && c.direction !== prev.direction
        ? worst.direction
        : prev.worseIn;
    merged.set(key, {
      ...prev,
      ...worse(prev, c),
      rule: worst.rule,
      ...(note ? { note } : {}),
      ...(worseIn ? { worseIn } : {}),
    });
  };
  const match = matchModels(before, after);
  const shared: Shared = {
    oldModels: new Map(before.ir.models.map((m) => [m.id, m])),
    newModels: new Map(after.ir.models.map((m) => [m.id, m])),
    oldName: (id) => exportedName(before, id),
    newName: (id) => exportedName(after, id),
    sameModel: (a, b) => match.pairs.get(a) === b,
    emit,
  };
  match.findRenames(shared);
  diffClient(before, after, shared);
  const owners = diffOperations(before, after, shared, options.today ?? new Date());
  diffModels(before, after, match, owners, shared);
  wireDocument(wireContext(before, after, shared, 'client', 'request'));
  // The spec walk sees `required` through `allOf`; where the types already say the property is new or gone, or
  // newly required, that says it.
  const seen = new Set(
    [...merged.values()]
      .filter((c) => !c.fromSpec && /^(property|required)-/.test(c.kind))
      .map((c) => `${c.resource}\0${c.location}`),
  );
  const kept = [...merged.values()].filter(
    (c) =>
      !(c.fromSpec && c.kind === 'required-changed' && seen.has(`${c.resource}\0${c.location}`)),
  );
  const changes = kept.map(({ note, direction: _, worseIn, fromSpec: __, ...c }): ApiChange => ({
    ...c,
    message: note ? `${c.message}: ${note}` : worseIn ? `${c.message} (in ${worseIn}s)` : c.message,
    breaking: c.wire === 'breaking' || c.sdk === 'breaking',
  }));
  return changes.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      cmp(a.resource, b.resource) ||
      cmp(a.location, b.location) ||
      cmp(a.message, b.message),
  );
}

/** 0 for breaking, 1 for a wire warning, 2 for compatible: the order of the report. */
export function rank(c: Pick<ApiChange, 'breaking' | 'wire'>): number {
  return c.breaking ? 0 : c.wire === 'warning' ? 1 : 2;
}

function diffClient(before: DiffSide, after: DiffSide, shared: Shared): void {
  const a = before.ir.client;
  const b = after.ir.client;
  const change = (rule: string, location: string, message: string) =>
    emitChange(shared, 'client-changed', rule, 'client', location, message);
  if (before.plan.clientClass !== after.plan.clientClass)
    change(
      'client-renamed',
      before.plan.clientClass,
      `client class renamed to \`${after.plan.clientClass}\``,
    );
  if (a.browser !== b.browser)
    change(
      b.browser === 'opt-in' ? 'client-browser-opt-in' : 'client-browser-allowed',
      'browser',
      b.browser === 'opt-in'
        ? 'made in a browser, the client now throws unless `dangerouslyAllowBrowser: true`'
        : 'the client now runs in a browser as it is: `dangerouslyAllowBrowser` is no longer an option',
    );
  if (a.baseURL !== b.baseURL)
    change(
      'client-base-url-changed',
      'baseURL',
      `default base URL changed from ${a.baseURL} to ${b.baseURL}`,
    );
  if (describeAuth(a.security) !== describeAuth(b.security))
    change(
      'client-auth-changed',
      'auth',
      `authentication changed from ${describeAuth(a.security)} to ${describeAuth(b.security)}`,
    );
  // What a call sends is judged per operation (wire/document.ts, with inherited security); what code written
  // against the old client needs is its credential options: `new Client({ apiKey })` stops compiling without it.
  const newOptions = new Set(credentialOptions(b.security));
  for (const option of credentialOptions(a.security).filter((o) => !newOptions.has(o)))
    change(
      'client-credential-option-removed',
      option,
      `client option \`${option}\` removed (credentials now: ${
        credentialOptions(b.security)
          .map((o) => `\`${o}\``)
          .join(', ') || 'none'
      })`,
    );
  // Each variable the client reads: a deployment that sets the old one no longer configures the client.
  const credentialEnv = credentialEnvs(b.security);
  for (const [option, was] of credentialEnvs(a.security)) {
    const now = credentialEnv.get(option);
    if (now !== undefined && now !== was)
      change(
        'client-env-changed',
        `env.${option}`,
        `\`${option}\` read from \`${now}\` (was \`${was}\`)`,
      );
  }
  for (const key of ['baseURL', 'log'] as const)
    if (a.env[key] !== b.env[key])
      change(
        'client-env-changed',
        `env.${key}`,
        `${key === 'log' ? 'log level' : 'base URL'} read from ${envName(b.env[key])} (was ${envName(a.env[key])})`,
      );
  if (a.timeout !== b.timeout)
    change(
      'client-timeout-changed',
      'timeout',
      `default timeout changed from ${a.timeout} ms to ${b.timeout} ms`,
    );
  if (a.maxRetries !== b.maxRetries)
    change(
      'client-max-retries-changed',
      'maxRetries',
      `default retries changed from ${a.maxRetries} to ${b.maxRetries}`,
    );
}

/** The credentials the document's first alternative asks for, as a reader would name them. */
function describeAuth(security: IrClient['security']): string {
  const first = security.requirements.find((alt) => alt.length > 0);
  if (!first) return 'none';
  return first
    .map(({ scheme }) => {
      const s = security.schemes.find((x) => x.name === scheme);
      if (!s) return scheme;
      switch (s.kind) {
        case 'apiKey':
          return `the ${s.in} parameter \`${s.paramName}\``;
        case 'http':
          return s.scheme === 'bearer' ? 'a bearer token' : `an HTTP ${s.scheme} token`;
        case 'basic':
          return 'HTTP basic credentials';
        case 'oauth2':
          return 'an OAuth 2 token';
        case 'openIdConnect':
          return 'an OpenID Connect token';
        default:
          return assertNever(s);
      }
    })
    .join(' and ');
}

/** Every client option that carries a credential, sorted. */
function credentialOptions(security: IrClient['security']): string[] {
  const options = security.schemes.flatMap((s) => schemeCredentialGroups(s).flat());
  return [...new Set(options.map((c) => c.option))].sort();
}

/** The environment variable each credential option defaults to. */
function credentialEnvs(security: IrClient['security']): Map<string, string> {
  const credentials = security.schemes.flatMap((s) => schemeCredentialGroups(s).flat());
  return new Map(credentials.map((c) => [c.option, c.env]));
}

function envName(name: string | undefined): string {
  return name ? `\`${name}\`` : 'no environment variable';
}
