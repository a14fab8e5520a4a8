/** The wire comparison of what an API says once for all operations: security, servers, webhooks. */
import { emitRule, type Emitted } from '../record';
import { isRecord, note, rawRoot, type RawNode, type WireContext } from './raw-spec';
import type { ChangeKind } from '../types';
import { HTTP_METHODS } from '../../ir/types';

/** One way to authenticate: scheme name → scopes; `{}` is "no credentials". */
type Alternative = Map<string, string[]>;

function securityOf(list: unknown): Alternative[] {
  if (!Array.isArray(list) || !list.length) return [new Map<string, string[]>()];
  return list
    .filter(isRecord)
    .map(
      (r) => new Map(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : []])),
    );
}

/**
 * `security` is a list of alternatives: dropping the one an old client uses breaks it; more scopes may. An
 * operation that inherits the document's is compared once, with the document (see wireDocument).
 */
export function compareSecurity(x: RawNode, y: RawNode, location: string, ctx: WireContext): void {
  if (!Array.isArray(x.value.security) && !Array.isArray(y.value.security)) return;
  const inherited = (spec: WireContext['oldSpec'], op: RawNode) =>
    Array.isArray(op.value.security) ? op.value.security : rawRoot(spec).value.security;
  compareAlternatives(
    securityOf(inherited(ctx.oldSpec, x)),
    securityOf(inherited(ctx.newSpec, y)),
    location,
    ctx,
  );
}

function compareAlternatives(
  from: Alternative[],
  to: Alternative[],
  location: string,
  ctx: WireContext,
): void {
  const key = (alt: Alternative) => [...alt.keys()].sort().join(' + ') || 'no credentials';
  const kind: ChangeKind = 'security-changed';
  // Where no credentials are needed now, the ones an old client sends are simply not needed: nothing it did fails.
  const openNow = to.some((alt) => !alt.size);
  for (const alt of from) {
    const same = counterpart(
      alt,
      to.filter((n) => key(n) === key(alt)),
    );
    if (!same) {
      if (openNow) continue;
      // From none to some: the generated client sends what it is configured with; only a client without fails.
      if (!alt.size)
        note(
          ctx,
          'security-added',
          location,
          `credentials now required (${to.map(key).join(' or ')})`,
          kind,
        );
      else
        note(ctx, 'security-alternative-removed', location, `no longer accepts ${key(alt)}`, kind);
      continue;
    }
    for (const [scheme, scopes] of same) {
      const old = alt.get(scheme) ?? [];
      const added = scopes.filter((s) => !old.includes(s));
      const removed = old.filter((s) => !scopes.includes(s));
      if (added.length)
        note(
          ctx,
          'security-scope-added',
          location,
          `${scheme} now needs scope ${added.join(', ')}`,
          kind,
        );
      if (removed.length)
        note(
          ctx,
          'security-scope-removed',
          location,
          `${scheme} no longer needs scope ${removed.join(', ')}`,
          kind,
        );
    }
  }
  // Where no credentials were needed, any way to send them is new: the removal above says it.
  const open = from.length === 1 && !from[0]!.size;
  for (const alt of to)
    if (!open && !from.some((o) => key(o) === key(alt)))
      note(
        ctx,
        'security-alternative-added',
        location,
        alt.size ? `now also accepts ${key(alt)}` : 'now also accepts no credentials',
        kind,
      );
}

/**
 * The new alternative an old one became, among those of the same schemes: the one that needs the fewest scopes the
 * old one lacked, then drops the fewest (the same one when it is still there). Google's specs list one alternative
 * per scope, all of the same schemes (`[{ Oauth2: [cloud-platform] }, { Oauth2: [dialogflow] }]`): pairing each with
 * the first of its schemes reported every scope but the first as changed when nothing was.
 */
function counterpart(alt: Alternative, candidates: Alternative[]): Alternative | undefined {
  let best: Alternative | undefined;
  let bestCost = [Infinity, Infinity];
  for (const candidate of candidates) {
    let added = 0;
    let removed = 0;
    for (const [scheme, scopes] of candidate) {
      const old = alt.get(scheme) ?? [];
      added += scopes.filter((s) => !old.includes(s)).length;
      removed += old.filter((s) => !scopes.includes(s)).length;
    }
    if (added < bestCost[0]! || (added === bestCost[0] && removed < bestCost[1]!)) {
      best = candidate;
      bestCost = [added, removed];
    }
  }
  return best;
}

/** Servers and webhooks: changes of the document, not of an operation. */
export function wireDocument(ctx: WireContext): void {
  const x = rawRoot(ctx.oldSpec).value;
  const y = rawRoot(ctx.newSpec).value;
  const urls = (root: Record<string, unknown>) =>
    Array.isArray(root.servers) ? root.servers.filter(isRecord).map((s) => String(s.url)) : [];
  const emit = (kind: ChangeKind, id: string, location: string, message: string) =>
    emitRule(
      { emit: (c) => ctx.emit({ ...c, fromSpec: true }) },
      kind,
      id,
      'client',
      location,
      message,
    );
  for (const url of urls(y))
    if (!urls(x).includes(url))
      emit('server-changed', 'server-added', 'servers', `server ${url} added`);
  for (const url of urls(x))
    if (!urls(y).includes(url))
      emit('server-changed', 'server-removed', 'servers', `server ${url} removed`);
  const document = {
    ...ctx,
    direction: 'request' as const,
    emit: (c: Emitted) => ctx.emit({ ...c, fromSpec: true }),
  };
  // The document's security is what operations without their own inherit: where none does on a side (OpenAI's
  // `security` moved onto every operation), each operation is compared with its own (compareSecurity).
  if (inheritsSecurity(x) && inheritsSecurity(y))
    compareAlternatives(securityOf(x.security), securityOf(y.security), 'security', document);
  const hooks = (root: Record<string, unknown>) =>
    isRecord(root.webhooks) ? Object.keys(root.webhooks) : [];
  for (const name of hooks(y))
    if (!hooks(x).includes(name))
      emit('webhook-changed', 'webhook-added', `webhooks.${name}`, 'new webhook');
  for (const name of hooks(x))
    if (!hooks(y).includes(name))
      emit('webhook-changed', 'webhook-removed', `webhooks.${name}`, 'webhook removed');
}

/** Whether some operation declares no `security` of its own (one in a path item `$ref`'d elsewhere counts). */
function inheritsSecurity(root: Record<string, unknown>): boolean {
  const items = isRecord(root.paths) ? Object.values(root.paths) : [];
  return items.some(
    (item) =>
      !isRecord(item) ||
      typeof item.$ref === 'string' ||
      HTTP_METHODS.some((m) => isRecord(item[m]) && !('security' in item[m])),
  );
}
