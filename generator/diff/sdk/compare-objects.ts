/** Objects compared property by property, by wire name. */
import type { IrObject, IrProperty } from '../../ir/types';
import { describeType, wasDeprecated } from './describe-type';
import { record, type CompareContext, type CompareTypes } from '../record';

/**
 * Compares two objects' properties by wire name; readOnly properties are not sent, writeOnly ones not received.
 * Property types are compared with `compareTypes` (passed in, so that this module does not import its caller).
 */
export function compareObjects(
  a: IrObject,
  b: IrObject,
  location: string,
  ctx: CompareContext,
  compareTypes: CompareTypes,
): void {
  const join = (name: string) => (location ? `${location}.${name}` : name);
  const visible = (p: IrProperty) => !(ctx.direction === 'request' ? p.readOnly : p.writeOnly);
  const before = a.properties.filter(visible);
  const after = b.properties.filter(visible);
  for (const p of before) {
    const q = after.find((n) => n.name === p.name);
    if (!q) {
      record(
        ctx,
        'property-removed',
        p.required ? 'property-removed-required' : 'property-removed-optional',
        join(p.name),
        `${p.required ? 'required' : 'optional'} property removed${wasDeprecated(p.docs)}`,
      );
      continue;
    }
    if (p.required !== q.required) {
      if (q.required)
        record(
          ctx,
          'required-changed',
          'property-became-required',
          join(p.name),
          'now required (was optional)',
        );
      else
        record(
          ctx,
          'required-changed',
          'property-became-optional',
          join(p.name),
          'now optional (was required)',
          'may be missing',
        );
    }
    if (!p.docs.deprecated && q.docs.deprecated)
      record(ctx, 'deprecated', 'property-deprecated', join(p.name), 'deprecated');
    compareTypes(p.type, q.type, join(p.name), ctx);
  }
  for (const q of after) {
    if (before.some((p) => p.name === q.name)) continue;
    record(
      ctx,
      'property-added',
      q.required ? 'property-added-required' : 'property-added-optional',
      join(q.name),
      `new ${q.required ? 'required' : 'optional'} property`,
    );
  }
  const keys = `${location}[key]`;
  if (a.additional && b.additional) compareTypes(a.additional, b.additional, keys, ctx);
  else if (a.additional)
    record(
      ctx,
      'type-changed',
      'additional-properties-refused',
      location,
      'no longer allows other keys',
    );
  else if (b.additional)
    record(
      ctx,
      'type-changed',
      'additional-properties-allowed',
      location,
      `now allows other keys (${describeType(b.additional, ctx.newName)})`,
    );
}
