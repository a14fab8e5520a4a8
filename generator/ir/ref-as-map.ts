import { childPointer } from '../load/pointer';
import { derefNode, isRecord, type IrContext, type Location } from './context';

/**
 * A map (`properties`, `responses`, `content`, `paths`, `components.schemas`…) or a list (`parameters`) that is
 * itself a `$ref`, as published specs write it (DigitalOcean: `properties: { $ref: 'attributes.yml#/droplet' }`).
 * OpenAPI allows no `$ref` there, but the meaning is clear: the target, read where it is. The validator reports
 * the deviation (`ref-as-map`, generator/validate/deviations.ts); this reads it.
 */
export function derefMap(
  ctx: IrContext,
  value: unknown,
  at: Location,
): { value: Record<string, unknown>; at: Location } | undefined {
  const found = isRefOnly(value) ? derefNode(ctx, value, at) : { value, at };
  return found && isRecord(found.value) ? { value: found.value, at: found.at } : undefined;
}

/** The same for a list (`parameters: { $ref: 'parameters.yml#/paging' }`). */
export function derefList(
  ctx: IrContext,
  value: unknown,
  at: Location,
): { value: unknown[]; at: Location } | undefined {
  const found = isRefOnly(value) ? derefNode(ctx, value, at) : { value, at };
  return found && Array.isArray(found.value) ? { value: found.value, at: found.at } : undefined;
}

/** The location of an entry of a node (a location, or a map read through `derefMap`). */
export function entryAt(
  node: Location | { at: Location },
  ...segments: (string | number)[]
): Location {
  const at = 'at' in node ? node.at : node;
  return { file: at.file, pointer: childPointer(at.pointer, ...segments) };
}

/** `{ $ref: '…' }` and nothing else: a map with one entry named `$ref` would be odd, but is not this. */
function isRefOnly(value: unknown): value is { $ref: string } {
  return isRecord(value) && typeof value.$ref === 'string' && Object.keys(value).length === 1;
}
