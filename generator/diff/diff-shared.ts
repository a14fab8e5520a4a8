/** What the parts of `diff` share: both sides, the verdict shorthands, and naming helpers. */

import { operationKey, pathQueryText } from '../ir/naming/operation-key';
import type { Ir, IrOperation } from '../ir/types';
import type { LoadedSpec } from '../load/load-spec';
import type { Plan, PlannedMethod } from '../plan/types';
import type { WireContext } from './wire/raw-spec';
import { emitRule, type CompareContext, type Direction } from './record';
import type { ApiChange } from './types';

/** Both sides of a comparison: the IR and the plan (for the generated names users see). */
export interface DiffSide {
  ir: Ir;
  plan: Plan;
  /** The raw spec, for what the IR does not keep (value constraints, status codes, headers...). */
  spec: LoadedSpec;
}

export type Shared = Omit<CompareContext, 'direction' | 'resource'>;

/** Records a change under a rule named in full (see rules.ts): the rule gives both verdicts. */
export function emitChange(
  shared: Shared,
  kind: ApiChange['kind'],
  rule: string,
  resource: string,
  location: string,
  message: string,
): void {
  emitRule(shared, kind, rule, resource, location, message);
}

export function methodsOf(plan: Plan): Map<IrOperation, PlannedMethod> {
  return new Map(plan.resources.flatMap((r) => r.methods.map((m) => [m.op, m] as const)));
}

export function exportedName(side: DiffSide, id: string): string {
  return side.plan.modelNames.get(id) ?? side.ir.models.find((m) => m.id === id)?.name ?? 'unknown';
}

export function wireName(op: IrOperation): string {
  return operationKey(op);
}

/**
 * Method and path with the path parameters' names left out: `/pets/{id}` and `/pets/{petId}` are one URL. The query
 * a path key carried (`/responses?beta=true`) is part of it: that is another operation than `/responses`.
 */
export function wireKey(op: IrOperation): string {
  return `${op.httpMethod} ${op.path.replace(/\{[^}]*\}/g, '{}')}${pathQueryText(op)}`;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The context of the raw-spec comparison (wire-*.ts), for one resource and direction. */
export function wireContext(
  before: DiffSide,
  after: DiffSide,
  shared: Shared,
  resource: string,
  direction: Direction,
): WireContext {
  return {
    oldSpec: before.spec,
    newSpec: after.spec,
    isOldModel: (id) => shared.oldModels.has(id),
    isNewModel: (id) => shared.newModels.has(id),
    sameModel: shared.sameModel,
    direction,
    resource,
    emit: shared.emit,
  };
}
