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
