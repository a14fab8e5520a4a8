import type { Ir, IrModel, IrOperation, IrParameter, IrType } from '../ir/types';
import { walkType } from '../ir/walk';
import type { Plan } from '../plan/types';
import { compareObjects, compareTypes, describeType, type CompareContext, type Direction } from './compare-types';
import type { ApiChange } from './types';

/** Both sides of a comparison: the IR and the plan (for the generated names users see). */
export interface DiffSide {
  ir: Ir;
  plan: Plan;
}

/** Every change between two versions of an API, breaking ones first, then by resource and location. */
export function diffIr(before: DiffSide, after: DiffSide): ApiChange[] {
  const changes: ApiChange[] = [];
  const emit = (c: Omit<ApiChange, 'breaking'>) => changes.push({ ...c, breaking: c.wire === 'breaking' || c.sdk === 'breaking' });
  const oldModels = new Map(before.ir.models.map((m) => [m.id, m]));
  const newModels = new Map(after.ir.models.map((m) => [m.id, m]));
  diffOperations(before, after, { oldModels, newModels, emit });
  diffModels(before, after, { oldModels, newModels, emit });
  const rank = (c: ApiChange) => (c.breaking ? 0 : c.wire === 'warning' ? 1 : 2);
  return changes.sort((a, b) => rank(a) - rank(b) || cmp(a.resource, b.resource) || cmp(a.location, b.location) || cmp(a.message, b.message));
}

type Shared = Pick<CompareContext, 'oldModels' | 'newModels' | 'emit'>;

function diffOperations(before: DiffSide, after: DiffSide, shared: Shared): void {
  const sdkName = (op: IrOperation) => [...op.resource, op.methodName].join('.');
  const wireName = (op: IrOperation) => `${op.httpMethod.toUpperCase()} ${op.path}`;
  const matched = new Set<IrOperation>();
  for (const a of before.ir.operations) {
    const b = after.ir.operations.find((o) => sdkName(o) === sdkName(a)) ?? after.ir.operations.find((o) => wireName(o) === wireName(a));
    const resource = a.resource.join('.');
    if (!b) {
      shared.emit({ kind: 'operation-removed', wire: 'breaking', sdk: 'breaking', location: `${sdkName(a)}()`, resource, message: `operation \`${sdkName(a)}()\` (${wireName(a)}) removed` });
      continue;
    }
    matched.add(b);
    if (sdkName(a) !== sdkName(b)) {
      shared.emit({ kind: 'operation-renamed', wire: 'compatible', sdk: 'breaking', location: `${sdkName(a)}()`, resource, message: `method renamed to \`${sdkName(b)}()\`` });
    }
    if (wireName(a) !== wireName(b)) {
      shared.emit({ kind: 'operation-moved', wire: 'breaking', sdk: 'compatible', location: `${sdkName(a)}()`, resource, message: `moved from ${wireName(a)} to ${wireName(b)}` });
    }
    diffOperation(a, b, `${sdkName(a)}()`, { ...shared, resource, direction: 'request' });
  }
  for (const b of after.ir.operations) {
    if (!matched.has(b)) shared.emit({ kind: 'operation-added', wire: 'compatible', sdk: 'compatible', location: `${sdkName(b)}()`, resource: b.resource.join('.'), message: `operation \`${sdkName(b)}()\` (${wireName(b)}) added` });
  }
}

function diffOperation(a: IrOperation, b: IrOperation, location: string, ctx: CompareContext): void {
  const request = { ...ctx, direction: 'request' as const };
  const response = { ...ctx, direction: 'response' as const };
  if (a.pathParams.map((p) => p.name).join() !== b.pathParams.map((p) => p.name).join()) {
    ctx.emit({ kind: 'parameter-removed', wire: 'breaking', sdk: 'breaking', location, resource: ctx.resource, message: `path parameters changed from (${names(a.pathParams)}) to (${names(b.pathParams)})` });
  }
  const params = (op: IrOperation) => ({ kind: 'object' as const, additional: undefined, properties: [...op.queryParams, ...op.headerParams].map((p) => ({ name: p.name, type: p.type, required: p.required, readOnly: false, writeOnly: false, docs: {}, pointer: p.pointer })) });
  compareObjects(params(a), params(b), `${location} params`, request);
  if (a.body && b.body) compareTypes(a.body.type, b.body.type, `${location} body`, request);
  else if (a.body || b.body) {
    ctx.emit({ kind: 'type-changed', wire: 'breaking', sdk: 'breaking', location: `${location} body`, resource: ctx.resource, message: b.body ? 'now takes a request body' : 'no longer takes a request body' });
  }
  compareTypes(a.response?.type ?? VOID, b.response?.type ?? VOID, `${location} response`, response);
  if (!!a.stream !== !!b.stream || a.pagination?.style !== b.pagination?.style) {
    ctx.emit({ kind: 'response-changed', wire: 'breaking', sdk: 'breaking', location, resource: ctx.resource, message: `returns ${shape(b)} instead of ${shape(a)}` });
  } else if (a.stream && b.stream) compareTypes(a.stream.eventType, b.stream.eventType, `${location} stream events`, response);
}

/** Models by spec name: removed and added ones, renames (same shape, new name), and the changes inside each. */
function diffModels(before: DiffSide, after: DiffSide, shared: Shared): void {
  const directions = modelDirections(before.ir);
  const newByName = new Map(after.ir.models.map((m) => [m.name, m]));
  const oldByName = new Map(before.ir.models.map((m) => [m.name, m]));
  const exported = (side: DiffSide, m: IrModel) => side.plan.modelNames.get(m.id) ?? m.name;
  const added = after.ir.models.filter((m) => !oldByName.has(m.name));
  for (const a of before.ir.models) {
    const b = newByName.get(a.name);
    const direction = directions.get(a.id) ?? 'both';
    if (!b) {
      const twin = added.find((m) => sameShape(a.type, m.type, shared));
      if (twin) {
        added.splice(added.indexOf(twin), 1);
        shared.emit({ kind: 'model-renamed', wire: 'compatible', sdk: 'breaking', location: exported(before, a), resource: 'models', message: `type \`${exported(before, a)}\` renamed to \`${exported(after, twin)}\`` });
      } else {
        shared.emit({ kind: 'model-removed', wire: 'compatible', sdk: 'breaking', location: exported(before, a), resource: 'models', message: `type \`${exported(before, a)}\` removed` });
      }
      continue;
    }
    if (exported(before, a) !== exported(after, b)) {
      shared.emit({ kind: 'model-renamed', wire: 'compatible', sdk: 'breaking', location: exported(before, a), resource: 'models', message: `type \`${exported(before, a)}\` is now exported as \`${exported(after, b)}\`` });
    }
    compareTypes(a.type, b.type, exported(after, b), { ...shared, direction, resource: 'models' });
  }
  for (const m of added) shared.emit({ kind: 'model-added', wire: 'compatible', sdk: 'compatible', location: exported(after, m), resource: 'models', message: `type \`${exported(after, m)}\` added` });
}

/** How each model is used by the operations (through any chain of refs); unused models count as both. */
function modelDirections(ir: Ir): Map<string, Direction> {
  const models = new Map(ir.models.map((m) => [m.id, m]));
  const found = new Map<string, Direction>();
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
    for (const p of [...op.queryParams, ...op.headerParams, ...op.pathParams]) mark(p.type, 'request');
    if (op.body) mark(op.body.type, 'request');
    if (op.response) mark(op.response.type, 'response');
    if (op.stream) mark(op.stream.eventType, 'response');
  }
  return found;
}

function sameShape(a: IrType, b: IrType, shared: Shared): boolean {
  let differs = false;
  compareTypes(a, b, '', { ...shared, direction: 'both', resource: '', emit: () => (differs = true) });
  return !differs && describeType(a, shared.oldModels) === describeType(b, shared.newModels);
}

function shape(op: IrOperation): string {
  if (op.stream) return 'a stream';
  if (op.pagination) return `${op.pagination.style} pages`;
  return 'a single response';
}

function names(params: IrParameter[]): string {
  return params.map((p) => p.name).join(', ');
}

const VOID: IrType = { kind: 'primitive', name: 'unknown' };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

