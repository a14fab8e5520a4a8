import type { IrContext } from './context';
import type { IrObject, IrProperty, IrType } from './types';

/**
 * `allOf` becomes one object when every member is (or names) an object: properties in member order, a later
 * member's property replacing an earlier one's type, required if any member requires it. Anything else
 * (a union member, a model still being built because of recursion) stays an intersection.
 */
export function mergeAllOf(
  ctx: IrContext,
  members: IrType[],
  required: ReadonlySet<string> = new Set(),
): IrType {
  // `allOf: []` constrains nothing.
  if (members.length === 0) return { kind: 'primitive', name: 'unknown' };
  if (members.length === 1 && ![...required].some((r) => !requires(ctx, members[0]!, r)))
    return members[0]!;
  const objects: IrObject[] = [];
  for (const member of members) {
    const object = objectOf(ctx, member, new Set());
    if (!object) return { kind: 'intersection', members };
    objects.push(object);
  }
  const properties: IrProperty[] = [];
  for (const object of objects) {
    for (const property of object.properties) {
      const index = properties.findIndex((p) => p.name === property.name);
      if (index === -1) properties.push(property);
      else {
        const earlier = properties[index]!;
        properties[index] = {
          ...property,
          // Both inline objects: the property must be both (SendGrid's `from`, declared with its fields in one member
          // and `required: [email]` in another), so their properties merge, where the later one replaced the first.
          ...(earlier.type.kind === 'object' &&
            property.type.kind === 'object' && {
              type: mergeAllOf(ctx, [earlier.type, property.type]),
            }),
          // A later schema that gives no type (linode's `inbound: {required: [action, …]}` beside the rules' own
          // `inbound` array) constrains the earlier type, it does not replace it with `unknown`.
          ...(isUnknown(property.type) && { type: earlier.type }),
          required: earlier.required || property.required,
          docs: { ...earlier.docs, ...property.docs },
        };
      }
    }
  }
  // Required by the schema, or by a member that names it without declaring it.
  const named = new Set([...required, ...objects.flatMap((o) => o.requiredUndeclared ?? [])]);
  for (const [i, p] of properties.entries())
    if (!p.required && named.has(p.name)) properties[i] = { ...p, required: true };
  // Extra keys are allowed when every member allows them, or when a member declares what they are and none forbids
  // them: a member that only lists properties says nothing of other keys (zuora's `allOf` of an object's fields and
  // its custom fields, `additionalProperties: {…}`; LUIS's entity and its score). The last declaration is kept.
  const declared = objects.filter((o) => o.extras === 'declared');
  const forbidden = objects.some((o) => o.extras === 'forbidden');
  const additional = objects.every((o) => o.additional)
    ? objects[objects.length - 1]!.additional
    : declared.length && !forbidden
      ? declared[declared.length - 1]!.additional
      : undefined;
  // Names required that no member declares stay so (ir/required-names.ts).
  const undeclared = [...named].filter((n) => !properties.some((p) => p.name === n));
  return {
    kind: 'object',
    properties,
    additional,
    ...(undeclared.length && { requiredUndeclared: undeclared }),
    ...(forbidden
      ? { extras: 'forbidden' as const }
      : declared.length && { extras: 'declared' as const }),
  };
}

function objectOf(ctx: IrContext, type: IrType, seen: Set<string>): IrObject | undefined {
  if (type.kind === 'object') return type;
  if (type.kind === 'ref') {
    if (seen.has(type.target) || ctx.building.has(type.target)) return undefined;
    const model = ctx.models.get(type.target);
    // A placeholder (recursion) still has the `unknown` type: it cannot be merged.
    if (!model || (model.type.kind === 'primitive' && model.type.name === 'unknown'))
      return undefined;
    seen.add(type.target);
    return objectOf(ctx, model.type, seen);
  }
  return undefined;
}

/**
 * True unless `type` is an object (inline or a model's) whose property `name` is optional or undeclared: only then
 * does `required` change it (linode's `allOf: [$ref: Domain], required: [domain, type]`, where `Domain` leaves both
 * optional; gerermesaffaires' social regime, `allOf: [{properties: {About, …}}], required: [Name]`, where no member
 * declares `Name`: the server asks for it, and the type let no caller send it).
 */
function requires(ctx: IrContext, type: IrType, name: string): boolean {
  const object = objectOf(ctx, type, new Set());
  return !object || object.properties.some((p) => p.name === name && p.required);
}

/** `unknown`: what a schema that constrains nothing the types show is. */
export function isUnknown(type: IrType): boolean {
  return type.kind === 'primitive' && type.name === 'unknown';
}
