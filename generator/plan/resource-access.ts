import type { IrOperation } from '../ir/types';
import type { Plan, PlannedResource } from './types';

/**
 * How a resource is reached from the client: the properties of its parents and of itself (`users._2faLogin`). They
 * are its path's names made identifiers, so they may differ from the path (a name that starts with a digit).
 */
export function resourceAccess(plan: Plan): (resource: PlannedResource) => string[] {
  const byPath = new Map(plan.resources.map((r) => [r.path.join('\0'), r]));
  return (resource) =>
    resource.path.map((_, i) => byPath.get(resource.path.slice(0, i + 1).join('\0'))!.property);
}

/** Each operation's call as the client spells it (`users._2faLogin.create`), by operation. */
export function clientCalls(plan: Plan): Map<IrOperation, string> {
  const access = resourceAccess(plan);
  return new Map(
    plan.resources.flatMap((r) => r.methods.map((m) => [m.op, [...access(r), m.name].join('.')])),
  );
}
