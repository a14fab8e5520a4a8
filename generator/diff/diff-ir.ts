import type { Ir, IrClient, IrModel, IrOperation, IrParameter, IrType } from '../ir/types';
import { walkType } from '../ir/walk';
import type { Plan, PlannedMethod } from '../plan/types';
import {
  compareIn,
  compareTypes,
  describeType,
  record,
  severity,
  wasDeprecated,
  worse,
  type CompareContext,
  type Direction,
  type Emitted,
  type Usage,
  type Verdict,
} from './compare-types';
import type { ApiChange } from './types';

/** Both sides of a comparison: the IR and the plan (for the generated names users see). */
export interface DiffSide {
  ir: Ir;
  plan: Plan;
}

type Shared = Omit<CompareContext, 'direction' | 'resource'>;

const BB: Verdict = { wire: 'breaking', sdk: 'breaking' };
const BC: Verdict = { wire: 'breaking', sdk: 'compatible' };
const CB: Verdict = { wire: 'compatible', sdk: 'breaking' };
const WC: Verdict = { wire: 'warning', sdk: 'compatible' };
const CC: Verdict = { wire: 'compatible', sdk: 'compatible' };

/**
 * Every change between two versions of an API, breaking ones first, then warnings, then by resource and location.
 * Each change is reported once: operations report what is inline in them, and a model's changes are reported
 * under the model (or, for a model that is only the request body of one operation, under that operation).
 */
export function diffIr(before: DiffSide, after: DiffSide): ApiChange[] {
  // A model used both ways is compared as a request and as a response: the same change comes twice, and is kept
  // once with the worse verdicts; `worseIn` says which use made it worse, when the two differ.
  const merged = new Map<string, Emitted & { worseIn?: Direction }>();
  const emit = (c: Emitted) => {
    const key = [c.resource, c.location, c.kind, c.message].join('\0');
    const prev = merged.get(key);
    if (!prev) return void merged.set(key, c);
    const note = prev.note ?? c.note;
    const worst = severity(c) > severity(prev) ? c : prev;
    const worseIn = severity(c) !== severity(prev) ? worst.direction : prev.worseIn;
    merged.set(key, {
      ...prev,
      ...worse(prev, c),
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
  const owners = diffOperations(before, after, shared);
  diffModels(before, after, match, owners, shared);
  const changes = [...merged.values()].map(({ note, direction: _, worseIn, ...c }): ApiChange => ({
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

function emitChange(
  shared: Shared,
  kind: ApiChange['kind'],
  verdict: Verdict,
  resource: string,
  location: string,
  message: string,
): void {
  shared.emit({ kind, ...verdict, resource, location, message });
}

// ---------------------------------------------------------------- client

function diffClient(before: DiffSide, after: DiffSide, shared: Shared): void {
  const a = before.ir.client;
  const b = after.ir.client;
  const change = (verdict: Verdict, location: string, message: string) =>
    emitChange(shared, 'client-changed', verdict, 'client', location, message);
  if (before.plan.clientClass !== after.plan.clientClass)
    change(CB, before.plan.clientClass, `client class renamed to \`${after.plan.clientClass}\``);
  if (a.baseURL !== b.baseURL)
    change(WC, 'baseURL', `default base URL changed from ${a.baseURL} to ${b.baseURL}`);
  if (describeAuth(a.auth) !== describeAuth(b.auth))
    change(
      BC,
      'auth',
      `authentication changed from ${describeAuth(a.auth)} to ${describeAuth(b.auth)}`,
    );
  if (a.env.apiKey !== b.env.apiKey)
    change(WC, 'env', `API key read from ${envName(b.env.apiKey)} (was ${envName(a.env.apiKey)})`);
  if (a.env.baseURL !== b.env.baseURL)
    change(
      WC,
      'env',
      `base URL read from ${envName(b.env.baseURL)} (was ${envName(a.env.baseURL)})`,
    );
}

function describeAuth(auth: IrClient['auth']): string {
  if (!auth) return 'none';
  return auth.type === 'bearer' ? 'a bearer token' : `the ${auth.type} parameter \`${auth.name}\``;
}

function envName(name: string | undefined): string {
  return name ? `\`${name}\`` : 'no environment variable';
}

// ---------------------------------------------------------------- operations

/** The request-body models reported under their operation: model id → where and in which resource. */
type Owners = Map<string, { location: string; resource: string; newModel: string }>;

function diffOperations(before: DiffSide, after: DiffSide, shared: Shared): Owners {
  const owners: Owners = new Map();
  const oldMethods = methodsOf(before.plan);
  const newMethods = methodsOf(after.plan);
  const sdk = (methods: Map<IrOperation, PlannedMethod>, op: IrOperation) =>
    `${[...op.resource, methods.get(op)?.name ?? op.methodName].join('.')}()`;
  const pairs = new Map<IrOperation, IrOperation>();
  const unmatched = new Set(after.ir.operations);
  // Same method and URL first, then same method (moved), then same URL (renamed).
  const keys: ((op: IrOperation, methods: Map<IrOperation, PlannedMethod>) => string)[] = [
    (op, methods) => `${sdk(methods, op)} ${wireKey(op)}`,
    (op, methods) => sdk(methods, op),
    (op) => wireKey(op),
  ];
  for (const by of keys) {
    for (const a of before.ir.operations) {
      if (pairs.has(a)) continue;
      const b = [...unmatched].find((o) => by(o, newMethods) === by(a, oldMethods));
      if (!b) continue;
      pairs.set(a, b);
      unmatched.delete(b);
    }
  }
  const bodyModels = soleBodyModels(before.ir);
  for (const a of before.ir.operations) {
    const resource = a.resource.join('.');
    const location = sdk(oldMethods, a);
    const b = pairs.get(a);
    if (!b) {
      emitChange(
        shared,
        'operation-removed',
        BB,
        resource,
        location,
        `method removed (${wireName(a)})${wasDeprecated(a.docs)}`,
      );
      continue;
    }
    const pm = oldMethods.get(a);
    const qm = newMethods.get(b);
    const types = pm && qm ? methodTypes(pm, qm) : [];
    if (location !== sdk(newMethods, b)) {
      // The types named after the method follow it: said in the same line.
      const renamed = types
        .filter((t) => t.to)
        .map((t) => `; its ${t.key} type \`${t.from}\` is now \`${t.to}\``)
        .join('');
      emitChange(
        shared,
        'operation-renamed',
        CB,
        resource,
        location,
        `renamed to \`${sdk(newMethods, b)}\` (${wireName(b)})${renamed}`,
      );
    } else {
      for (const t of types)
        if (t.to)
          emitChange(
            shared,
            'export-renamed',
            CB,
            resource,
            t.from,
            `${t.key} type renamed to \`${t.to}\``,
          );
    }
    for (const t of types)
      if (!t.to)
        emitChange(shared, 'export-removed', CB, resource, t.from, `${t.key} type removed`);
    if (!a.docs.deprecated && b.docs.deprecated)
      emitChange(shared, 'operation-deprecated', CC, resource, location, 'deprecated');
    diffOperation(a, b, location, { ...shared, resource, direction: 'request' });
    if (
      a.body?.type.kind === 'ref' &&
      b.body?.type.kind === 'ref' &&
      bodyModels.has(a.body.type.target) &&
      shared.sameModel(a.body.type.target, b.body.type.target)
    ) {
      owners.set(a.body.type.target, {
        location: `${location} body`,
        resource,
        newModel: b.body.type.target,
      });
    }
  }
  for (const b of after.ir.operations) {
    if (unmatched.has(b))
      emitChange(
        shared,
        'operation-added',
        CC,
        b.resource.join('.'),
        sdk(newMethods, b),
        `new method (${wireName(b)})`,
      );
  }
  return owners;
}

/** The exported types named after a method that are renamed (`to`) or disappear. */
function methodTypes(
  a: PlannedMethod,
  b: PlannedMethod,
): { key: string; from: string; to?: string }[] {
  const names = (m: PlannedMethod): Record<string, string | undefined> => ({
    // A params type that is the body model itself (`reuses`) is the model's export, diffed with the models.
    params: m.params?.kind === 'merged' && m.params.reuses ? undefined : m.params?.typeName,
    page: m.pageTypeName,
    'streaming params': m.streaming?.streamingName,
    'non-streaming params': m.streaming?.nonStreamingName,
  });
  const before = names(a);
  const after = names(b);
  const found: { key: string; from: string; to?: string }[] = [];
  for (const [key, from] of Object.entries(before)) {
    const to = after[key];
    if (!from || from === to) continue;
    if (to) found.push({ key, from, to });
    // Still exported when the body model took the name over.
    else if (!(key === 'params' && b.params?.kind === 'merged' && b.params.reuses === from))
      found.push({ key, from });
  }
  return found;
}

function diffOperation(
  a: IrOperation,
  b: IrOperation,
  location: string,
  ctx: CompareContext,
): void {
  const request = { ...ctx, direction: 'request' as const };
  const response = { ...ctx, direction: 'response' as const };
  diffPath(a, b, location, request);
  diffParameters(
    [...a.queryParams, ...a.headerParams],
    [...b.queryParams, ...b.headerParams],
    location,
    request,
  );

  const body = `${location} body`;
  if (a.body && b.body) {
    if (a.body.contentType !== b.body.contentType)
      emitChange(
        ctx,
        'request-body-changed',
        BC,
        ctx.resource,
        body,
        `sent as ${b.body.contentType} (was ${a.body.contentType})`,
      );
    if (a.body.required !== b.body.required)
      record(
        request,
        'request-body-changed',
        b.body.required ? 'became-required' : 'became-optional',
        body,
        b.body.required ? 'now required (was optional)' : 'now optional (was required)',
      );
    compareTypes(a.body.type, b.body.type, body, request);
  } else if (b.body) {
    record(
      request,
      'request-body-changed',
      b.body.required ? 'added-required' : 'added-optional',
      body,
      `now takes ${b.body.required ? 'a required' : 'an optional'} request body`,
    );
  } else if (a.body) {
    record(
      request,
      'request-body-changed',
      a.body.required ? 'removed-required' : 'removed-optional',
      body,
      'no longer takes a request body',
    );
  }

  const returned = `${location} response`;
  if (a.response && b.response) {
    if (a.response.contentType !== b.response.contentType)
      emitChange(
        ctx,
        'response-changed',
        BC,
        ctx.resource,
        returned,
        `now ${b.response.contentType} (was ${a.response.contentType})`,
      );
    compareTypes(a.response.type, b.response.type, returned, response);
  } else if (b.response) {
    emitChange(
      ctx,
      'response-changed',
      CC,
      ctx.resource,
      returned,
      `now returns ${describeType(b.response.type, ctx.newName)} (was no content)`,
    );
  } else if (a.response) {
    emitChange(
      ctx,
      'response-changed',
      BB,
      ctx.resource,
      returned,
      `now returns no content (was ${describeType(a.response.type, ctx.oldName)})`,
    );
  }

  const stream = `${location} stream`;
  if (a.stream && b.stream)
    compareTypes(a.stream.eventType, b.stream.eventType, `${stream}[]`, response);
  else if (b.stream) {
    if (b.stream.param)
      emitChange(
        ctx,
        'response-changed',
        CC,
        ctx.resource,
        stream,
        `can now stream server-sent events (\`${b.stream.param}: true\`)`,
      );
    else
      emitChange(
        ctx,
        'response-changed',
        BB,
        ctx.resource,
        location,
        'now returns a stream of server-sent events',
      );
  } else if (a.stream) {
    emitChange(
      ctx,
      'response-changed',
      BB,
      ctx.resource,
      a.stream.param ? stream : location,
      a.stream.param ? 'can no longer stream' : 'no longer returns a stream of server-sent events',
    );
  }

  const pa = a.pagination;
  const pb = b.pagination;
  if (pa && pb && pa.style !== pb.style)
    emitChange(
      ctx,
      'response-changed',
      BC,
      ctx.resource,
      location,
      `pagination changed from ${pa.style} to ${pb.style}`,
    );
  else if (pb && !pa)
    emitChange(
      ctx,
      'response-changed',
      CB,
      ctx.resource,
      location,
      `now returns pages (${pb.style} pagination)`,
    );
  else if (pa && !pb)
    emitChange(ctx, 'response-changed', CB, ctx.resource, location, 'no longer returns pages');
}

/**
 * Path parameters are positional arguments: renaming one changes neither the URL nor a call, so they are paired by
 * position. A new or removed one changes both the path and every call.
 */
function diffPath(a: IrOperation, b: IrOperation, location: string, ctx: CompareContext): void {
  const was = `now ${wireName(b)}, was ${wireName(a)}`;
  if (a.pathParams.length !== b.pathParams.length) {
    const added = b.pathParams.filter((q) => !a.pathParams.some((p) => p.name === q.name));
    const removed = a.pathParams.filter((p) => !b.pathParams.some((q) => q.name === p.name));
    const grew = b.pathParams.length > a.pathParams.length;
    const list = (ps: IrParameter[]) => ps.map((p) => `\`${p.name}\``).join(', ');
    const message = grew
      ? `new path parameter${added.length > 1 ? 's' : ''} ${list(added)}: a new positional argument (${was})`
      : `path parameter${removed.length > 1 ? 's' : ''} ${list(removed)} removed: one positional argument less (${was})`;
    emitChange(
      ctx,
      grew ? 'parameter-added' : 'parameter-removed',
      BB,
      ctx.resource,
      location,
      message,
    );
    return;
  }
  if (wireKey(a) !== wireKey(b))
    emitChange(
      ctx,
      'operation-moved',
      BC,
      ctx.resource,
      location,
      `moved from ${wireName(a)} to ${wireName(b)}`,
    );
  a.pathParams.forEach((p, i) =>
    compareTypes(p.type, b.pathParams[i]!.type, `${location} path.${b.pathParams[i]!.name}`, ctx),
  );
}

/** Query and header parameters, by place and name (the SDK takes them in the params object). */
function diffParameters(
  a: IrParameter[],
  b: IrParameter[],
  location: string,
  ctx: CompareContext,
): void {
  const key = (p: IrParameter) => `${p.in}.${p.name}`;
  for (const p of a) {
    const q = b.find((n) => key(n) === key(p));
    const where = `${location} ${key(p)}`;
    if (!q) {
      record(
        ctx,
        'parameter-removed',
        p.required ? 'removed-required' : 'removed-optional',
        where,
        `${p.required ? 'required' : 'optional'} ${p.in} parameter removed${wasDeprecated(p.docs)}`,
      );
      continue;
    }
    if (p.required !== q.required)
      record(
        ctx,
        'required-changed',
        q.required ? 'became-required' : 'became-optional',
        where,
        q.required ? 'now required (was optional)' : 'now optional (was required)',
      );
    if (!p.docs.deprecated && q.docs.deprecated)
      record(ctx, 'deprecated', 'deprecated', where, 'deprecated');
    compareTypes(p.type, q.type, where, ctx);
  }
  for (const q of b) {
    if (!a.some((p) => key(p) === key(q)))
      record(
        ctx,
        'parameter-added',
        q.required ? 'added-required' : 'added-optional',
        `${location} ${key(q)}`,
        `new ${q.required ? 'required' : 'optional'} ${q.in} parameter`,
      );
  }
}

// ---------------------------------------------------------------- models

interface ModelMatch {
  /** Old model id → new model id: same spec name, or renamed with the same shape. */
  pairs: Map<string, string>;
  renamed: Set<string>;
  removed: IrModel[];
  added: IrModel[];
  /** Pairs each removed model with the one added model of the same shape, if there is exactly one. */
  findRenames(shared: Shared): void;
}

function matchModels(before: DiffSide, after: DiffSide): ModelMatch {
  const pairs = new Map<string, string>();
  const free = new Set(after.ir.models);
  for (const same of [
    (a: IrModel, b: IrModel) => a.name === b.name && a.file === b.file,
    (a: IrModel, b: IrModel) => a.name === b.name,
  ]) {
    for (const a of before.ir.models) {
      if (pairs.has(a.id)) continue;
      const b = [...free].find((m) => same(a, m));
      if (!b) continue;
      pairs.set(a.id, b.id);
      free.delete(b);
    }
  }
  const match: ModelMatch = {
    pairs,
    renamed: new Set(),
    removed: before.ir.models.filter((m) => !pairs.has(m.id)),
    added: [...free],
    findRenames(shared) {
      for (const a of [...match.removed]) {
        if (!renameable(a.type)) continue;
        const twins = match.added.filter(
          (b) => renameable(b.type) && sameShape(a.type, b.type, shared),
        );
        if (twins.length !== 1) continue;
        const twin = twins[0]!;
        pairs.set(a.id, twin.id);
        match.renamed.add(a.id);
        match.removed.splice(match.removed.indexOf(a), 1);
        match.added.splice(match.added.indexOf(twin), 1);
      }
    },
  };
  return match;
}

function diffModels(
  before: DiffSide,
  after: DiffSide,
  match: ModelMatch,
  owners: Owners,
  shared: Shared,
): void {
  const usage = modelUsage(before.ir);
  const resource = 'models';
  for (const a of before.ir.models) {
    const from = exportedName(before, a.id);
    const id = match.pairs.get(a.id);
    const b = id === undefined ? undefined : shared.newModels.get(id);
    if (!b) {
      emitChange(
        shared,
        'model-removed',
        CB,
        resource,
        from,
        `exported type removed${wasDeprecated(a.docs)}`,
      );
      continue;
    }
    const to = exportedName(after, b.id);
    if (match.renamed.has(a.id))
      emitChange(
        shared,
        'model-renamed',
        CB,
        resource,
        from,
        `exported type renamed to \`${to}\` (same shape)`,
      );
    else if (from !== to)
      emitChange(shared, 'model-renamed', CB, resource, from, `now exported as \`${to}\``);
    diffInputName(before, after, a, b, shared);
    if (!a.docs.deprecated && b.docs.deprecated)
      emitChange(shared, 'deprecated', CC, resource, to, 'deprecated');
    const owner = owners.get(a.id);
    if (owner?.newModel === b.id)
      compareIn('request', a.type, b.type, owner.location, { ...shared, resource: owner.resource });
    else compareIn(usage.get(a.id) ?? 'both', a.type, b.type, to, { ...shared, resource });
  }
  for (const m of match.added)
    emitChange(shared, 'model-added', CC, resource, exportedName(after, m.id), 'new exported type');
}

/** The request shape of a model with readOnly or writeOnly properties is exported as its own type (`PetInput`). */
function diffInputName(
  before: DiffSide,
  after: DiffSide,
  a: IrModel,
  b: IrModel,
  shared: Shared,
): void {
  const from = before.plan.inputNames.get(a.id);
  const to = after.plan.inputNames.get(b.id);
  if (from === to) return;
  if (from && to)
    emitChange(shared, 'export-renamed', CB, 'models', from, `request type renamed to \`${to}\``);
  else if (from)
    emitChange(
      shared,
      'export-removed',
      CB,
      'models',
      from,
      `exported type removed: requests now use \`${exportedName(after, b.id)}\` itself`,
    );
  else if (to)
    emitChange(
      shared,
      'export-added',
      CC,
      'models',
      to,
      `new exported type: the request shape of \`${exportedName(after, b.id)}\``,
    );
}

/** How each model is used by the operations (through any chain of refs); unused models count as both. */
function modelUsage(ir: Ir): Map<string, Usage> {
  const models = new Map(ir.models.map((m) => [m.id, m]));
  const found = new Map<string, Usage>();
  const mark = (root: IrType, direction: 'request' | 'response') => {
    const stack = [root];
    const seen = new Set<string>();
    while (stack.length) {
      walkType(stack.pop()!, (t) => {
        if (t.kind !== 'ref' || seen.has(t.target)) return;
        seen.add(t.target);
        const prev = found.get(t.target);
        found.set(t.target, prev && prev !== direction ? 'both' : direction);
        const m = models.get(t.target);
        if (m) stack.push(m.type);
      });
    }
  };
  for (const op of ir.operations) {
    for (const p of [...op.queryParams, ...op.headerParams, ...op.pathParams])
      mark(p.type, 'request');
    if (op.body) mark(op.body.type, 'request');
    if (op.response) mark(op.response.type, 'response');
    if (op.stream) mark(op.stream.eventType, 'response');
  }
  return found;
}

/** Models referenced exactly once in the whole API, as the request body of an operation. */
function soleBodyModels(ir: Ir): Set<string> {
  const counts = new Map<string, number>();
  const count = (t: IrType) =>
    walkType(t, (n) => n.kind === 'ref' && counts.set(n.target, (counts.get(n.target) ?? 0) + 1));
  for (const m of ir.models) count(m.type);
  for (const op of ir.operations) {
    for (const p of [...op.pathParams, ...op.queryParams, ...op.headerParams]) count(p.type);
    if (op.body) count(op.body.type);
    if (op.response) count(op.response.type);
    if (op.stream) count(op.stream.eventType);
  }
  const sole = new Set<string>();
  for (const op of ir.operations)
    if (op.body?.type.kind === 'ref' && counts.get(op.body.type.target) === 1)
      sole.add(op.body.type.target);
  return sole;
}

/** Only models with some structure can be told renamed: two string aliases look alike whatever they mean. */
function renameable(t: IrType): boolean {
  return (
    (t.kind === 'object' && t.properties.length > 0) ||
    t.kind === 'union' ||
    t.kind === 'intersection'
  );
}

function sameShape(a: IrType, b: IrType, shared: Shared): boolean {
  let differs = false;
  compareIn('both', a, b, '', { ...shared, resource: '', emit: () => (differs = true) });
  return !differs && describeType(a, shared.oldName) === describeType(b, shared.newName);
}

// ---------------------------------------------------------------- helpers

function methodsOf(plan: Plan): Map<IrOperation, PlannedMethod> {
  return new Map(plan.resources.flatMap((r) => r.methods.map((m) => [m.op, m] as const)));
}

function exportedName(side: DiffSide, id: string): string {
  return side.plan.modelNames.get(id) ?? side.ir.models.find((m) => m.id === id)?.name ?? 'unknown';
}

function wireName(op: IrOperation): string {
  return `${op.httpMethod.toUpperCase()} ${op.path}`;
}

/** Method and path with the path parameters' names left out: `/pets/{id}` and `/pets/{petId}` are one URL. */
function wireKey(op: IrOperation): string {
  return `${op.httpMethod} ${op.path.replace(/\{[^}]*\}/g, '{}')}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
