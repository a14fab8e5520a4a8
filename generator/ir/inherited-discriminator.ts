import { resolveRef } from '../load/load-spec';
import type { SourceFile } from '../load/source-file';
import { isRecord, type IrContext, type Location } from './context';
import type { IrProperty, IrType } from './types';

/** How far up `allOf` a child looks for the schema that discriminates it (cycles stop sooner). */
const MAX_ANCESTORS = 16;

/**
 * A schema that `allOf`s a parent with a `discriminator` (and no `oneOf`/`anyOf`: inheritance, as Java and Azure
 * specs write it) carries its own value of the parent's property: `Cat: allOf: [Pet, …]` under
 * `Pet: {discriminator: {propertyName: petType}}` is `{ petType: 'Cat'; … }`, so a union of the children narrows on
 * it and a request carries the value the server dispatches on. The value is the parent's `mapping` entry that names
 * the child, else Azure's `x-ms-discriminator-value`, else the child's schema name (OpenAPI's implicit mapping); a
 * value the child's own schema fixes (`petType: {enum: [cat]}`) is kept. Only a named schema has a value: an inline
 * `allOf` is left as it is, as is a parent that discriminates a `oneOf` of its own.
 */
export function pinInheritedDiscriminator(
  ctx: IrContext,
  schema: Record<string, unknown>,
  at: Location,
  name: string | undefined,
  type: IrType,
): IrType {
  if (name === undefined) return type;
  const parent = discriminatingAncestor(ctx, schema, at);
  if (!parent) return type;
  const { property } = parent;
  if (ownsValue(schema, property)) return type;
  const own = schema['x-ms-discriminator-value'];
  const value =
    mappedValue(ctx, parent, at.file.id + at.pointer, name) ??
    (typeof own === 'string' ? own : name);
  const pinned: IrType = { kind: 'literal', value };
  if (type.kind === 'object') {
    const found = type.properties.find((p) => p.name === property);
    const properties = found
      ? type.properties.map((p) => (p === found ? { ...p, type: pinned, required: true } : p))
      : [...type.properties, pinProperty(property, pinned, at)];
    return { ...type, properties };
  }
  return {
    kind: 'intersection',
    members: [
      type,
      { kind: 'object', properties: [pinProperty(property, pinned, at)], additional: undefined },
    ],
  };
}

interface Ancestor {
  property: string;
  mapping: Record<string, unknown> | undefined;
  file: SourceFile;
}

/** The nearest schema up the `allOf` `$ref`s that has a discriminator and no union of its own. */
function discriminatingAncestor(
  ctx: IrContext,
  schema: Record<string, unknown>,
  at: Location,
): Ancestor | undefined {
  // Not itself, through an `allOf` cycle.
  const seen = new Set([at.file.id + at.pointer]);
  let level: { schema: Record<string, unknown>; file: SourceFile }[] = [{ schema, file: at.file }];
  for (let depth = 0; depth < MAX_ANCESTORS && level.length; depth++) {
    const next: typeof level = [];
    for (const child of level) {
      for (const member of Array.isArray(child.schema.allOf) ? child.schema.allOf : []) {
        if (!isRecord(member) || typeof member.$ref !== 'string') continue;
        const target = resolveRef(ctx.spec, child.file, member.$ref);
        if (!target || !isRecord(target.value)) continue;
        const id = target.file.id + target.pointer;
        if (seen.has(id)) continue;
        seen.add(id);
        const d = target.value.discriminator;
        if (
          isRecord(d) &&
          typeof d.propertyName === 'string' &&
          d.propertyName !== '' &&
          !Array.isArray(target.value.oneOf) &&
          !Array.isArray(target.value.anyOf)
        )
          return {
            property: d.propertyName,
            mapping: isRecord(d.mapping) ? d.mapping : undefined,
            file: target.file,
          };
        next.push({ schema: target.value, file: target.file });
      }
    }
    level = next;
  }
  return undefined;
}

/** The parent's mapping entry whose `$ref` (or bare schema name) names the child. */
function mappedValue(
  ctx: IrContext,
  parent: Ancestor,
  childId: string,
  childName: string,
): string | undefined {
  for (const [value, ref] of Object.entries(parent.mapping ?? {})) {
    if (typeof ref !== 'string') continue;
    if (!ref.includes('#') && !ref.includes('/')) {
      if (ref === childName) return value;
      continue;
    }
    const target = resolveRef(ctx.spec, parent.file, ref);
    if (target && target.file.id + target.pointer === childId) return value;
  }
  return undefined;
}

/** Whether the child's own properties (or an inline `allOf` member's) fix the property to one value. */
function ownsValue(schema: Record<string, unknown>, property: string): boolean {
  const members: unknown[] = Array.isArray(schema.allOf) ? schema.allOf : [];
  const inline = members.filter((m) => isRecord(m) && typeof m.$ref !== 'string');
  return [schema, ...inline].some((s) => {
    const own = isRecord(s) && isRecord(s.properties) ? s.properties[property] : undefined;
    return isRecord(own) && ('const' in own || (Array.isArray(own.enum) && own.enum.length === 1));
  });
}

function pinProperty(name: string, type: IrType, at: Location): IrProperty {
  return {
    name,
    type,
    required: true,
    readOnly: false,
    writeOnly: false,
    docs: {},
    pointer: at.pointer,
  };
}
