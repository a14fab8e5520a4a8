import { report, type IrContext } from './context';
import { dereference } from './dereference';
import type { IrModel, IrObject, IrType, IrUnion } from './types';
import { irRootTypes, walkType } from './walk';

/**
 * Second pass over the built IR, once every model's type is known:
 * - a discriminator without a mapping entry for a member that pins the property to one value itself
 *   (`role: {enum: [user]}`) takes that value rather than the schema name, as the wire carries it (warned);
 * - an explicit discriminator whose member does not already pin the property to its value gets the
 *   member narrowed (`Cat & { petType: 'cat' }`), so TypeScript can narrow on it;
 * - a union with no discriminator whose object members all have a required property with one distinct
 *   literal value each gets a discriminator marked `inferred`.
 */
export function resolveDiscriminators(
  ctx: IrContext,
  ir: { models: IrModel[]; operations: Parameters<typeof irRootTypes>[0]['operations'] },
): void {
  const models = new Map(ir.models.map((m) => [m.id, m]));
  const unions = new Set<IrUnion>();
  for (const root of irRootTypes(ir)) walkType(root, (t) => t.kind === 'union' && unions.add(t));
  for (const u of unions) {
    if (u.discriminator && !u.discriminator.inferred) {
      readOwnValues(ctx, u, models);
      narrowMembers(u, models);
    } else if (!u.discriminator) inferDiscriminator(u, models);
  }
}

/**
 * OpenAPI's implicit mapping names a member by its schema name, but a member whose own schema fixes the
 * property to one string (enum of one, const) can only carry that string: the schema name would make the
 * member impossible (`UserMessage & { role: 'UserMessage' }` where `role: 'user'`). Its own value wins.
 */
function readOwnValues(ctx: IrContext, u: IrUnion, models: Map<string, IrModel>): void {
  const d = u.discriminator!;
  const implicit = ctx.implicitDiscriminators.get(d);
  if (!implicit) return;
  const ownValue = (member: number): string | undefined => {
    const property = objectOf(u.members[member]!, models)?.properties.find(
      (p) => p.name === d.property,
    );
    return property && onlyString(property.type);
  };
  const read: string[] = [];
  d.mapping = d.mapping.map((entry) => {
    if (!implicit.members.has(entry.member)) return entry;
    const own = ownValue(entry.member);
    if (own === undefined || own === entry.value) return entry;
    read.push(`${entry.value} → '${own}'`);
    return { value: own, member: entry.member };
  });
  // A member with no name has no implicit value to replace: the one it fixes is simply what it carries.
  for (const member of implicit.unnamed) {
    const own = ownValue(member);
    if (own !== undefined) d.mapping.push({ value: own, member });
  }
  if (!read.length) return;
  const shown = read.length > 3 ? [...read.slice(0, 3), `${read.length - 3} more`] : read;
  report(
    ctx,
    implicit.at,
    'spec-deviation',
    `discriminator '${d.property}' has no mapping, and members fix '${d.property}' themselves: read with their own values (${shown.join(', ')}), not their schema names`,
    'warning',
    'discriminator-own-values',
  );
}

/** The one string a type admits: a string literal, or one met with `string` (`allOf: [{type: string}, {enum: [x]}]`). */
function onlyString(type: IrType): string | undefined {
  if (type.kind === 'literal') return typeof type.value === 'string' ? type.value : undefined;
  if (type.kind !== 'intersection') return undefined;
  const literals = type.members.filter((m) => m.kind === 'literal');
  const rest = type.members.every(
    (m) =>
      m.kind === 'literal' ||
      (m.kind === 'primitive' && (m.name === 'string' || m.name === 'unknown')),
  );
  return rest && literals.length === 1 ? onlyString(literals[0]!) : undefined;
}

function narrowMembers(u: IrUnion, models: Map<string, IrModel>): void {
  const { property, mapping } = u.discriminator!;
  u.members = u.members.map((member, index) => {
    const values = mapping.filter((m) => m.member === index).map((m) => m.value);
    if (!values.length) return member;
    const existing = objectOf(member, models)?.properties.find((p) => p.name === property);
    if (existing && existing.required && sameLiterals(existing.type, values)) return member;
    const pinned: IrType =
      values.length === 1
        ? { kind: 'literal', value: values[0]! }
        : { kind: 'union', members: values.map((value) => ({ kind: 'literal', value })) };
    return {
      kind: 'intersection',
      members: [
        member,
        {
          kind: 'object',
          properties: [
            {
              name: property,
              type: pinned,
              required: true,
              readOnly: false,
              writeOnly: false,
              docs: {},
              pointer: '',
            },
          ],
          additional: undefined,
        },
      ],
    };
  });
}

function inferDiscriminator(u: IrUnion, models: Map<string, IrModel>): void {
  const objects = u.members.map((m) => objectOf(m, models));
  if (objects.length < 2 || objects.some((o) => !o)) return;
  for (const candidate of objects[0]!.properties) {
    const values: string[] = [];
    for (const object of objects) {
      const p = object!.properties.find((q) => q.name === candidate.name);
      if (!p || !p.required || p.type.kind !== 'literal' || typeof p.type.value !== 'string') break;
      values.push(p.type.value);
    }
    if (values.length === objects.length && new Set(values).size === values.length) {
      u.discriminator = {
        property: candidate.name,
        mapping: values.map((value, member) => ({ value, member })),
        inferred: true,
      };
      return;
    }
  }
}

/** The object a member stands for, following model refs. */
function objectOf(type: IrType, models: Map<string, IrModel>): IrObject | undefined {
  const t = dereference(type, models);
  return t?.kind === 'object' ? t : undefined;
}

function sameLiterals(type: IrType, values: string[]): boolean {
  const literals =
    type.kind === 'literal'
      ? [type.value]
      : type.kind === 'union'
        ? type.members.map((m) => (m.kind === 'literal' ? m.value : undefined))
        : [undefined];
  return (
    literals.length === values.length &&
    literals.every((l) => typeof l === 'string' && values.includes(l))
  );
}
