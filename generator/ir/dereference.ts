import type { IrType } from './types';

/** Models by id, as far as following a reference needs them. */
export type ModelTypes = { get(id: string): { type: IrType } | undefined };

/** The type a chain of model references ends at; undefined for a missing target or a cycle. */
export function dereference(type: IrType, models: ModelTypes): IrType | undefined {
  let current: IrType | undefined = type;
  for (let hops = 0; current?.kind === 'ref'; hops++) {
    if (hops > 32) return undefined;
    current = models.get(current.target)?.type;
  }
  return current;
}

/**
 * An IR's models by id, built once per models array (emit asks for it per method and per path parameter: building it
 * each time was quadratic on Stripe). The IR is not changed after it is built; a different size means a different
 * list, and a new map.
 */
export function modelsById<M extends { id: string }>(models: readonly M[]): ReadonlyMap<string, M> {
  const cached = byIdCache.get(models) as ReadonlyMap<string, M> | undefined;
  if (cached && cached.size === models.length) return cached;
  const map = new Map(models.map((m) => [m.id, m]));
  byIdCache.set(models, map);
  return map;
}

const byIdCache = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();
