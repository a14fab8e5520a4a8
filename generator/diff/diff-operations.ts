import type { IrOperation, IrParameter } from '../ir/types';
import type { PlannedMethod } from '../plan/types';
import {
  compareTypes,
  describeType,
  record,
  wasDeprecated,
  type CompareContext,
} from './sdk/compare-types';
import { soleBodyModels } from './diff-models';
import { diffPathArgumentOrder } from './path-argument-order';
import { acceptsMediaType, announcedRemoval, wireOperation } from './wire/operations';
import {
  emitChange,
  methodsOf,
  wireContext,
  wireKey,
  wireName,
  type DiffSide,
  type Shared,
} from './diff-shared';

/** The request-body models reported under their operation: model id → where and in which resource. */
export type Owners = Map<string, { location: string; resource: string; newModel: string }>;

export function diffOperations(
  before: DiffSide,
  after: DiffSide,
  shared: Shared,
  today: Date,
): Owners {
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
    // The new operations by key, in their order: each old one takes the first still unmatched (a scan of all of
    // them for each old one took Microsoft Graph's 20,000 operations, reordered, 4 minutes).
    const byKey = new Map<string, IrOperation[]>();
    for (const o of unmatched) {
      const key = by(o, newMethods);
      const list = byKey.get(key);
      if (list) list.push(o);
      else byKey.set(key, [o]);
    }
    for (const a of before.ir.operations) {
      if (pairs.has(a)) continue;
      const b = byKey.get(by(a, oldMethods))?.find((o) => unmatched.has(o));
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
      const announced = announcedRemoval(a, before.spec, today);
      emitChange(
        shared,
        'operation-removed',
        announced === undefined ? 'operation-removed' : 'operation-removed-deprecated',
        resource,
        location,
        `method removed (${wireName(a)})${announced ? ` after its sunset date, ${announced}` : wasDeprecated(a.docs)}`,
      );
      continue;
    }
    const pm = oldMethods.get(a);
    const qm = newMethods.get(b);
    const types = pm && qm ? methodTypes(pm, qm) : [];
    if (location !== sdk(newMethods, b)) {
      // The types named after the method follow it: said in the same line.
      const renamed = types
        .flatMap((t) => (t.to ? [`; its ${t.key} type \`${t.from}\` is now \`${t.to}\``] : []))
        .join('');
      emitChange(
        shared,
        'operation-renamed',
        'operation-renamed',
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
            'export-renamed',
            resource,
            t.from,
            `${t.key} type renamed to \`${t.to}\``,
          );
    }
    for (const t of types)
      if (!t.to)
        emitChange(
          shared,
          'export-removed',
          'export-removed',
          resource,
          t.from,
          `${t.key} type removed`,
        );
    if (!a.docs.deprecated && b.docs.deprecated)
      emitChange(
        shared,
        'operation-deprecated',
        'operation-deprecated',
        resource,
        location,
        'deprecated',
      );
    diffOperation(a, b, location, { ...shared, resource, direction: 'request' }, (type) =>
      acceptsMediaType(b, after.spec, type),
    );
    wireOperation(a, b, location, wireContext(before, after, shared, resource, 'request'));
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
        'operation-added',
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
  stillAccepts: (mediaType: string) => boolean,
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
  // The client now sends another media type, and the server still takes the old one: an old client's body is fine,
  // only the generated body type changes.
  if (
    a.body &&
    b.body &&
    a.body.contentType !== b.body.contentType &&
    stillAccepts(a.body.contentType)
  )
    emitChange(
      ctx,
      'request-body-changed',
      'request-body-media-type-switched',
      ctx.resource,
      body,
      `sent as ${b.body.contentType}, of type ${describeType(b.body.type, ctx.newName)} (was ${a.body.contentType}, of type ${describeType(a.body.type, ctx.oldName)}, still accepted)`,
    );
  else if (a.body && b.body) {
    if (a.body.contentType !== b.body.contentType)
      emitChange(
        ctx,
        'request-body-changed',
        'request-body-media-type-changed',
        ctx.resource,
        body,
        `sent as ${b.body.contentType} (was ${a.body.contentType})`,
      );
    if (a.body.required !== b.body.required)
      record(
        request,
        'request-body-changed',
        b.body.required ? 'body-became-required' : 'body-became-optional',
        body,
        b.body.required ? 'now required (was optional)' : 'now optional (was required)',
      );
    compareTypes(a.body.type, b.body.type, body, request);
  } else if (b.body) {
    record(
      request,
      'request-body-changed',
      b.body.required ? 'body-added-required' : 'body-added-optional',
      body,
      `now takes ${b.body.required ? 'a required' : 'an optional'} request body`,
    );
  } else if (a.body) {
    record(request, 'request-body-changed', 'body-removed', body, 'no longer takes a request body');
  }

  const returned = `${location} response`;
  if (a.response && b.response) {
    if (a.response.contentType !== b.response.contentType)
      emitChange(
        ctx,
        'response-changed',
        'response-body-media-type-changed',
        ctx.resource,
        returned,
        `now ${b.response.contentType} (was ${a.response.contentType})`,
      );
    compareTypes(a.response.type, b.response.type, returned, response);
  } else if (b.response) {
    emitChange(
      ctx,
      'response-changed',
      'response-body-added',
      ctx.resource,
      returned,
      `now returns ${describeType(b.response.type, ctx.newName)} (was no content)`,
    );
  } else if (a.response) {
    emitChange(
      ctx,
      'response-changed',
      'response-body-removed',
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
        'response-stream-option-added',
        ctx.resource,
        stream,
        `can now stream server-sent events (\`${b.stream.param}: true\`)`,
      );
    else
      emitChange(
        ctx,
        'response-changed',
        'response-stream-added',
        ctx.resource,
        location,
        'now returns a stream of server-sent events',
      );
  } else if (a.stream) {
    emitChange(
      ctx,
      'response-changed',
      'response-stream-removed',
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
      'response-pagination-changed',
      ctx.resource,
      location,
      `pagination changed from ${pa.style} to ${pb.style}`,
    );
  else if (pb && !pa)
    emitChange(
      ctx,
      'response-changed',
      'response-pagination-added',
      ctx.resource,
      location,
      `now returns pages (${pb.style} pagination)`,
    );
  else if (pa && !pb)
    emitChange(
      ctx,
      'response-changed',
      'response-pagination-removed',
      ctx.resource,
      location,
      'no longer returns pages',
    );
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
      grew ? 'request-path-parameter-added' : 'request-path-parameter-removed',
      ctx.resource,
      location,
      message,
    );
    return;
  }
  diffPathArgumentOrder(a, b, location, ctx);
  if (wireKey(a) !== wireKey(b))
    emitChange(
      ctx,
      'operation-moved',
      'operation-moved',
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
        p.required ? 'parameter-removed-required' : 'parameter-removed-optional',
        where,
        `${p.required ? 'required' : 'optional'} ${p.in} parameter removed${wasDeprecated(p.docs)}`,
      );
      continue;
    }
    if (p.required !== q.required)
      record(
        ctx,
        'required-changed',
        q.required ? 'parameter-became-required' : 'parameter-became-optional',
        where,
        q.required ? 'now required (was optional)' : 'now optional (was required)',
      );
    if (!p.docs.deprecated && q.docs.deprecated)
      record(ctx, 'deprecated', 'parameter-deprecated', where, 'deprecated');
    compareTypes(p.type, q.type, where, ctx);
  }
  for (const q of b) {
    if (!a.some((p) => key(p) === key(q)))
      record(
        ctx,
        'parameter-added',
        q.required ? 'parameter-added-required' : 'parameter-added-optional',
        `${location} ${key(q)}`,
        `new ${q.required ? 'required' : 'optional'} ${q.in} parameter`,
      );
  }
}
