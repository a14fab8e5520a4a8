import type { Ir, IrModel, IrType } from '../ir/types';
import { walkType } from '../ir/walk';
import { compareIn, describeType, wasDeprecated, type Usage } from './sdk/compare-types';
import type { Owners } from './diff-operations';
import { rawModel, type WireContext } from './wire/raw-spec';
import { compareSchemas } from './wire/schemas';
import { emitChange, wireContext, exportedName, type DiffSide, type Shared } from './diff-shared';

interface ModelMatch {
  /** Old model id → new model id: same spec name, or renamed with the same shape. */
  pairs: Map<string, string>;
  renamed: Set<string>;
  removed: IrModel[];
  added: IrModel[];
  /** Pairs each removed model with the one added model of the same shape, if there is exactly one. */
  findRenames(shared: Shared): void;
}

export function matchModels(before: DiffSide, after: DiffSide): ModelMatch {
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

export function diffModels(
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
        'model-removed',
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
        'model-renamed',
        resource,
        from,
        `exported type renamed to \`${to}\` (same shape)`,
      );
    else if (from !== to)
      emitChange(
        shared,
        'model-renamed',
        'model-renamed',
        resource,
        from,
        `now exported as \`${to}\``,
      );
    diffInputName(before, after, a, b, shared);
    if (!a.docs.deprecated && b.docs.deprecated)
      emitChange(shared, 'deprecated', 'model-deprecated', resource, to, 'deprecated');
    const owner = owners.get(a.id);
    const owned = owner?.newModel === b.id;
    const how = owned ? 'request' : (usage.get(a.id) ?? 'both');
    const where = owned ? owner.location : to;
    const by = owned ? owner.resource : resource;
    compareIn(how, a.type, b.type, where, { ...shared, resource: by });
    for (const direction of how === 'both' ? (['request', 'response'] as const) : [how])
      wireModel(a, b, where, wireContext(before, after, shared, by, direction));
  }
  for (const m of match.added)
    emitChange(
      shared,
      'model-added',
      'model-added',
      resource,
      exportedName(after, m.id),
      'new exported type',
    );
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
    emitChange(
      shared,
      'export-renamed',
      'export-renamed',
      'models',
      from,
      `request type renamed to \`${to}\``,
    );
  else if (from)
    emitChange(
      shared,
      'export-removed',
      'export-removed',
      'models',
      from,
      `exported type removed: requests now use \`${exportedName(after, b.id)}\` itself`,
    );
  else if (to)
    emitChange(
      shared,
      'export-added',
      'export-added',
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
export function soleBodyModels(ir: Ir): Set<string> {
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

/** The constraints of a model's schema (what its type does not show), compared on the raw spec. */
function wireModel(a: IrModel, b: IrModel, location: string, ctx: WireContext): void {
  const x = rawModel(ctx.oldSpec, a);
  const y = rawModel(ctx.newSpec, b);
  if (x && y) compareSchemas(x.value, y.value, x.file, y.file, location, ctx);
}
