import type { Ir } from '../ir/types';
import type { Plan, PlannedResource } from './types';

/**
 * Narrows a plan of the whole API to a selected part of it (`selectOperations`): only the kept operations,
 * the resources that lead to them, and the kept models. Every identifier and file name is the one the whole
 * plan gave, so generating another subset, or everything, never renames what both have.
 */
export function restrictPlan(plan: Plan, selected: Ir): Plan {
  const operations = new Set(selected.operations);
  const modelIds = new Set(selected.models.map((m) => m.id));
  const leadsToKept = new Set<string>();
  for (const op of selected.operations) {
    for (let i = 1; i <= op.resource.length; i++)
      leadsToKept.add(op.resource.slice(0, i).join('.'));
  }
  const keptFiles = new Set(
    plan.resources.filter((r) => leadsToKept.has(r.path.join('.'))).map((r) => r.file),
  );
  const resources = plan.resources
    .filter((r) => keptFiles.has(r.file))
    .map((r): PlannedResource => ({
      ...r,
      children: r.children.filter((c) => keptFiles.has(c.file)),
      methods: r.methods.filter((m) => operations.has(m.op)),
    }));
  const only = (names: ReadonlyMap<string, string>) =>
    new Map([...names].filter(([id]) => modelIds.has(id)));
  return {
    ...plan,
    ir: selected,
    modelNames: only(plan.modelNames),
    inputNames: only(plan.inputNames),
    models: plan.models.filter((m) => modelIds.has(m.model.id)),
    resources,
  };
}
