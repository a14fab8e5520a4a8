import { assertNever } from '../errors';
import { dereference } from '../ir/dereference';
import type { IrDocs, IrObject, IrType, IrUnion } from '../ir/types';
import { fits } from './fits';
import { sampleNumber, sampleString } from './scalars';
import { isSampleObject, SampleBinary, type SampleContext, type SampleValue } from './sample-types';

/** How deep optional properties are filled in; required ones go on to `MAX_DEPTH` (recursion is bounded). */
const OPTIONAL_DEPTH = 5;
const MAX_DEPTH = 16;

/**
 * A request value of `type`: the first of the spec's examples and default (`docs`, then the schema's own) that is
 * valid, else one built from the schema. Undefined when no value can be built (`never`, recursion without end).
 */
export function sampleValue(
  type: IrType,
  ctx: SampleContext,
  docs?: IrDocs,
  depth = 0,
): SampleValue | undefined {
  const given = [...(docs?.examples ?? []), ...(docs && 'default' in docs ? [docs.default] : [])];
  // `default: null` on a nullable property says nothing of the value: a real one is a better test.
  for (const example of given)
    if ((example !== null || isNull(type)) && usable(example, type, ctx))
      return example as SampleValue;
  return build(type, ctx, depth);
}

function build(type: IrType, ctx: SampleContext, depth: number): SampleValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (type.kind) {
    case 'primitive': {
      const own = type.constraints?.examples?.find((e) => usable(e, type, ctx));
      if (own !== undefined) return own as SampleValue;
      switch (type.name) {
        case 'string':
          return sampleString(type.constraints);
        case 'number':
          return sampleNumber(type.constraints);
        case 'boolean':
          return true;
        case 'null':
          return null;
        case 'unknown':
          return 'value';
        case 'never':
          return undefined;
        case 'binary':
          return new SampleBinary();
      }
      return assertNever(type.name);
    }
    case 'literal':
      return type.value;
    case 'array':
      return buildArray(type, ctx, depth);
    case 'object':
      return buildObject(type, ctx, depth);
    case 'union':
      return buildUnion(type, ctx, depth);
    case 'intersection': {
      const parts = type.members.map((m) => build(m, ctx, depth));
      if (parts.some((p) => p === undefined)) return undefined;
      const objects = parts.filter(isSampleObject);
      // Not all objects: the part's value that fits every member (`type: array` beside a `oneOf` of an object and an
      // array: the array, where the union alone would give the object).
      if (objects.length !== parts.length)
        return (
          parts.find((p) => type.members.every((m) => fits(m, p, { models: ctx.models }))) ??
          parts[0]
        );
      // A union's value goes in last: its discriminator value (`type: 'user'`) is not overwritten by a sibling's
      // plain property of that name (Jira's `CustomContextVariable`: a `oneOf` beside `properties: {type: string}`).
      const merged: { [key: string]: SampleValue } = {};
      for (const union of [false, true])
        objects.forEach((o, i) => {
          if (isUnion(type.members[i]!, ctx) === union) Object.assign(merged, o);
        });
      return merged;
    }
    case 'ref': {
      const model = ctx.models.get(type.target);
      if (!model) return undefined;
      const example = model.docs.examples?.find((e) => usable(e, model.type, ctx));
      if (example !== undefined) return example as SampleValue;
      // Recursion: a model inside itself gets only its required properties, and never a third level.
      const seen = ctx.stack?.filter((id) => id === model.id).length ?? 0;
      if (seen >= 2) return undefined;
      const inner = {
        ...ctx,
        mode: seen ? ('required' as const) : ctx.mode,
        stack: [...(ctx.stack ?? []), model.id],
      };
      return build(model.type, inner, depth);
    }
    default:
      return assertNever(type);
  }
}

function buildArray(
  type: IrType & { kind: 'array' },
  ctx: SampleContext,
  depth: number,
): SampleValue[] | undefined {
  const c = type.constraints;
  const own = c?.examples?.find((e) => usable(e, type, ctx));
  if (own !== undefined) return own as SampleValue[];
  const min = c?.minItems ?? 0;
  const count = Math.min(Math.max(min, 1), c?.maxItems ?? Infinity);
  const item = build(type.items, ctx, depth + 1);
  if (item === undefined) return min === 0 ? [] : undefined;
  return Array.from({ length: count }, (_, i) =>
    c?.uniqueItems && i > 0 ? distinct(item, i) : item,
  );
}

/** Another item for a `uniqueItems` array: strings (at the front, which keeps an email one) and numbers are varied. */
function distinct(item: SampleValue, i: number): SampleValue {
  if (typeof item === 'string') return `${i}${item}`;
  if (typeof item === 'number') return item + i;
  return item;
}

function buildObject(
  type: IrObject,
  ctx: SampleContext,
  depth: number,
): { [key: string]: SampleValue } | undefined {
  const out: { [key: string]: SampleValue } = {};
  // With required alternatives, the first set is required, and under `oneOf` the names only others list are left out.
  const alternatives = type.requiredAlternatives;
  const chosen = new Set(alternatives?.sets[0] ?? []);
  const excluded = new Set(
    alternatives?.exclusive
      ? alternatives.sets.slice(1).flatMap((set) => set.filter((n) => !chosen.has(n)))
      : [],
  );
  for (const p of type.properties) {
    if (p.readOnly || excluded.has(p.name)) continue;
    const wanted =
      p.required ||
      chosen.has(p.name) ||
      type.requiredUndeclared?.includes(p.name) === true ||
      (ctx.mode === 'all' && depth < OPTIONAL_DEPTH);
    if (!wanted) continue;
    const value = sampleValue(p.type, ctx, p.docs, depth + 1);
    if (value === undefined) {
      if (p.required) return undefined;
      continue;
    }
    out[p.name] = value;
  }
  // `minProperties` of a map (Jira's entity `properties`): keys of its own, each with the smallest value.
  for (let i = 1; type.additional && Object.keys(out).length < (type.minProperties ?? 0); i++) {
    const value = sampleValue(type.additional, { ...ctx, mode: 'required' }, undefined, depth + 1);
    if (value === undefined) break;
    out[i === 1 ? 'key' : `key${i}`] = value;
  }
  // A nested object with nothing in it vanishes in a form or query encoding (`components[]`): one property keeps it.
  if (depth > 0 && !Object.keys(out).length) {
    for (const p of type.properties) {
      if (p.readOnly) continue;
      const value = sampleValue(p.type, { ...ctx, mode: 'required' }, p.docs, depth + 1);
      if (value === undefined) continue;
      out[p.name] = value;
      break;
    }
  }
  return out;
}

/**
 * A member of the union that validates alone (a server checking `oneOf` refuses a value that matches two), with
 * its discriminator value; `null` only when nothing else can be built.
 */
function buildUnion(type: IrUnion, ctx: SampleContext, depth: number): SampleValue | undefined {
  const { discriminator } = type;
  const candidates: SampleValue[] = [];
  // A value that does not fit its own member (its `required` names a property no schema declares) comes last.
  const lenient: SampleValue[] = [];
  const rank = (t: IrType) => (isNull(t) ? 2 : ctx.text && !isString(t, ctx) ? 1 : 0);
  const order = type.members
    .map((member, index) => ({ member, index }))
    .sort((a, b) => rank(a.member) - rank(b.member));
  for (const { member, index } of order) {
    const tries: SampleValue[] = [];
    // With fewer properties a value matches fewer members (`oneOf` of objects that differ by what they require).
    for (const mode of ctx.mode === 'all'
      ? (['all', 'required'] as const)
      : (['required', 'all'] as const)) {
      let value = build(member, { ...ctx, mode }, depth);
      if (value === undefined) continue;
      const tag = discriminator?.mapping.find((m) => m.member === index);
      if (discriminator && tag && isSampleObject(value))
        value = { ...value, [discriminator.property]: tag.value };
      tries.push(value);
    }
    for (const value of tries) {
      if (!fits(member, value, ctx, true)) {
        lenient.push(value);
        continue;
      }
      const others = type.members.filter((_, i) => i !== index);
      // The others are read as open objects, as JSON Schema reads an object without `additionalProperties` (the IR
      // types them closed): nexmo's `EndpointSip` requires only `type`, so a phone endpoint's value fits it too.
      if (discriminator || !others.some((o) => fits(o, value, ctx, true))) return value;
    }
    candidates.push(...tries.filter((t) => !lenient.includes(t)));
  }
  return candidates[0] ?? lenient[0];
}

function isUnion(t: IrType, ctx: SampleContext): boolean {
  return dereference(t, ctx.models)?.kind === 'union';
}

/**
 * Whether a type is a string, a string literal, or a union of those (an enum of strings), through `$ref`s; a union
 * that holds itself (`A: anyOf: [{allOf: [A]}, …]`) is none, at whatever depth it is met again.
 */
function isString(t: IrType, ctx: SampleContext, depth = 0): boolean {
  const shown = dereference(t, ctx.models);
  if (shown?.kind === 'primitive') return shown.name === 'string';
  if (shown?.kind === 'literal') return typeof shown.value === 'string';
  return (
    shown?.kind === 'union' &&
    depth < MAX_DEPTH &&
    shown.members.every((m) => isString(m, ctx, depth + 1))
  );
}

function isNull(t: IrType): boolean {
  return t.kind === 'primitive' && t.name === 'null';
}

/**
 * A spec-given value is used only when valid for the type, and only JSON (an object's example may be anything); an
 * object only where every union in it takes it by one member (whatsapp's media provider example, `config: {bearer}`,
 * which both of `Config`'s `oneOf` members take: Steady refused it).
 */
function usable(value: unknown, type: IrType, ctx: SampleContext): boolean {
  return (
    value !== undefined &&
    isJson(value) &&
    fits(type, value, { models: ctx.models, exclusive: true })
  );
}

function isJson(value: unknown): boolean {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (isSampleObject(value)) return Object.values(value).every(isJson);
  return false;
}
