import { derefNode, isRecord, type IrContext, type Location } from './context';
import { buildSerialization, childAt } from './build-serialization';
import type { IrSerialization } from './types';

/**
 * A form or multipart body's `encoding` map (OpenAPI 3.1 §4.8.15): per field, its style, explode and
 * allowReserved, or its content type. As the specification says, an explicit `style`, `explode` or
 * `allowReserved` makes `contentType` ignored. Undefined when the map names no field.
 */
export function buildEncoding(
  ctx: IrContext,
  raw: unknown,
  at: Location,
): Record<string, IrSerialization> | undefined {
  if (!isRecord(raw)) return undefined;
  // Entries, then fromEntries: a field named `__proto__` stays a field.
  const out: Array<[string, IrSerialization]> = [];
  for (const [name, value] of Object.entries(raw)) {
    const found = derefNode(ctx, value, childAt(at, 'encoding', name));
    if (!found || !isRecord(found.value)) continue;
    const entry = found.value;
    const styled = ['style', 'explode', 'allowReserved'].some((k) => entry[k] !== undefined);
    out.push([
      name,
      !styled && typeof entry.contentType === 'string'
        ? { contentType: entry.contentType }
        : buildSerialization(ctx, entry, 'form-field', found.at, `the encoding of field '${name}'`),
    ]);
  }
  return out.length ? Object.fromEntries(out) : undefined;
}
