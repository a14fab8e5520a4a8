import { resolveRef } from '../load/load-spec';
import { childPointer } from '../load/pointer';
import type { SourceFile } from '../load/source-file';
import { addedProperty } from './added-property';
import { isRecord, quietDeref, report, type IrContext, type Location } from './context';
import type { IrType } from './types';

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
  // A value the child or a schema on its way up fixes itself (`Fish: petType: {enum: [fish]}` above `Goldfish`) is
  // the child's: another would make it `never`.
  if ([schema, ...parent.between].some((s) => ownsValue(s, property) !== undefined)) return type;
  // The child's own value, and those of the named schemas that `allOf` it in turn under the same parent: a `Lion`
  // that is a `Cat` is a `Cat` too, so `Cat`'s property admits both, and `Lion` (`Cat & { petType: 'Lion' }`) is not
  // `never`. A value the parent's own property does not allow (an enum without it) is no value of the child.
  const allowed = allowedValues(ctx, parent);
  const own = childValue(ctx, parent, schema, at.file.id + at.pointer, name);
  // A value the spec states (a mapping entry, `x-ms-discriminator-value`) that the enum forbids is said, not dropped
  // silently: Azure's application insights' `availabilityResult`, where the enum has `availabilityResults`. An
  // implicit one (the schema's name) is often an abstract schema's between parent and children, and is not.
  if (allowed && !allowed.has(own) && own !== name) {
    const some = [...allowed].slice(0, 4).join(', ') + (allowed.size > 4 ? ', …' : '');
    report(
      ctx,
      at,
      'spec-deviation',
      `${name} gives the discriminator '${property}' the value '${own}', which its enum does not allow (${some}): ${name} is not given that value`,
      'warning',
      'discriminator-value-not-allowed',
    );
  }
  const values = [own, ...descendantValues(ctx, parent, at.file.id + at.pointer)].filter(
    (v, i, all) => all.indexOf(v) === i && (!allowed || allowed.has(v)),
  );
  if (!values.length) return type;
  const pinned: IrType =
    values.length === 1
      ? { kind: 'literal', value: values[0]! }
      : { kind: 'union', members: values.map((value) => ({ kind: 'literal', value })) };
  if (type.kind === 'object') {
    const found = type.properties.find((p) => p.name === property);
    const properties = found
      ? type.properties.map((p) => (p === found ? { ...p, type: pinned, required: true } : p))
      : [...type.properties, addedProperty(property, pinned, true, at.pointer)];
    return { ...type, properties };
  }
  return {
    kind: 'intersection',
    members: [
      type,
      {
        kind: 'object',
        properties: [addedProperty(property, pinned, true, at.pointer)],
        additional: undefined,
      },
    ],
  };
}

/** A named child's value: the parent's mapping entry, else `x-ms-discriminator-value`, else its schema name. */
function childValue(
  ctx: IrContext,
  parent: Ancestor,
  schema: Record<string, unknown>,
  id: string,
  name: string,
): string {
  const own = schema['x-ms-discriminator-value'];
  return mappedValue(ctx, parent, id, name) ?? (typeof own === 'string' ? own : name);
}

/** The values the parent's own property schema allows (its `enum`/`const`, through `$ref`s); undefined: any. */
function allowedValues(ctx: IrContext, parent: Ancestor): Set<string> | undefined {
  const properties = parent.schema.properties;
  const prop = isRecord(properties)
    ? quietDeref(ctx, properties[parent.property], parent.file)?.value
    : undefined;
  if (!isRecord(prop)) return undefined;
  if ('const' in prop) return new Set(typeof prop.const === 'string' ? [prop.const] : []);
  if (Array.isArray(prop.enum))
    return new Set(prop.enum.filter((v): v is string => typeof v === 'string'));
  return undefined;
}

/** Named schemas (of the entry's `components.schemas`) keyed by the schema each `allOf`s through a `$ref`. */
const childrenIndex = new WeakMap<
  IrContext,
  Map<string, { schema: Record<string, unknown>; id: string; name: string; file: SourceFile }[]>
>();

function childrenOf(ctx: IrContext, id: string) {
  let index = childrenIndex.get(ctx);
  if (!index) {
    index = new Map();
    const root = ctx.spec.entry.value;
    const components = isRecord(root) ? root.components : undefined;
    const schemas = isRecord(components) ? components.schemas : undefined;
    for (const [name, schema] of Object.entries(isRecord(schemas) ? schemas : {})) {
      if (!isRecord(schema) || !Array.isArray(schema.allOf)) continue;
      const childId = ctx.spec.entry.id + childPointer('#/components/schemas', name);
      for (const member of schema.allOf) {
        if (!isRecord(member) || typeof member.$ref !== 'string') continue;
        const target = resolveRef(ctx.spec, ctx.spec.entry, member.$ref);
        if (!target) continue;
        const key = target.file.id + target.pointer;
        const list = index.get(key) ?? [];
        list.push({ schema, id: childId, name, file: ctx.spec.entry });
        index.set(key, list);
      }
    }
    childrenIndex.set(ctx, index);
  }
  return index.get(id) ?? [];
}

/** The values of the named schemas below `id` (through `allOf` `$ref`s) that the same parent discriminates. */
function descendantValues(ctx: IrContext, parent: Ancestor, id: string): string[] {
  const values: string[] = [];
  const seen = new Set([id]);
  let level = [id];
  for (let depth = 0; depth < MAX_ANCESTORS && level.length; depth++) {
    const next: string[] = [];
    for (const at of level) {
      for (const child of childrenOf(ctx, at)) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        const pointer = child.id.slice(child.file.id.length);
        const nearest = discriminatingAncestor(ctx, child.schema, { file: child.file, pointer });
        if (!nearest || nearest.id !== parent.id) continue;
        // Below a schema that fixes its value, every schema carries that value.
        const owned = ownsValue(child.schema, parent.property);
        if (owned === undefined) next.push(child.id);
        values.push(owned ?? childValue(ctx, parent, child.schema, child.id, child.name));
      }
    }
    level = next;
  }
  return values;
}

interface Ancestor {
  id: string;
  schema: Record<string, unknown>;
  property: string;
  mapping: Record<string, unknown> | undefined;
  file: SourceFile;
  /** The schemas met on the way up before it (those that `allOf` it, and so on). */
  between: Record<string, unknown>[];
}

/** The nearest schema up the `allOf` `$ref`s that has a discriminator and no union of its own. */
function discriminatingAncestor(
  ctx: IrContext,
  schema: Record<string, unknown>,
  at: Location,
): Ancestor | undefined {
  // Not itself, through an `allOf` cycle.
  const seen = new Set([at.file.id + at.pointer]);
  const between: Record<string, unknown>[] = [];
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
            id,
            schema: target.value,
            property: d.propertyName,
            mapping: isRecord(d.mapping) ? d.mapping : undefined,
            file: target.file,
            between,
          };
        between.push(target.value);
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

/** The one value the child's own properties (or an inline `allOf` member's) fix the property to, if any. */
function ownsValue(schema: Record<string, unknown>, property: string): string | undefined {
  const members: unknown[] = Array.isArray(schema.allOf) ? schema.allOf : [];
  const inline = members.filter((m) => isRecord(m) && typeof m.$ref !== 'string');
  for (const s of [schema, ...inline]) {
    const own = isRecord(s) && isRecord(s.properties) ? s.properties[property] : undefined;
    if (!isRecord(own)) continue;
    if ('const' in own) return String(own.const);
    if (Array.isArray(own.enum) && own.enum.length === 1) return String(own.enum[0]);
  }
  return undefined;
}
