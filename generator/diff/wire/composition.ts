/**
 * What composition says that types do not: `required` through `allOf` and `anyOf` members, overlapping `oneOf`
 * members in requests, and the structure of schemas no IR type is built for.
 */
import { deref, isRecord, join, note, sameJson, type RawNode, type WireContext } from './raw-spec';
import { effectiveRequired } from './effective';
import { isNullOnly } from '../../ir/build-schema';

/**
 * `required` listed in `allOf` members (`allOf: [Pet, {required: [tag]}]`), which the types may not show, and
 * alternatives of required sets (`anyOf: [{required: [a]}, {required: [b]}]`), which they never do. A name listed
 * in an `allOf` member is looked up in all the other side requires (its own list too), so a body rewritten as
 * `allOf: [Shared, {own fields, required}]` keeps what it required. A change inside a `$ref`'d member model is the model's, reported under it; a property
 * the IR already reports as newly required is reported once (see diff-ir.ts).
 */
export function compareRequired(a: RawNode, b: RawNode, location: string, ctx: WireContext): void {
  const x = a.value;
  const y = b.value;
  const from = effectiveRequired(a, ctx.oldSpec);
  const to = effectiveRequired(b, ctx.newSpec);
  const inModel = (name: string) =>
    [...from.byModel].some(([oldId, names]) =>
      [...to.byModel].some(
        ([newId, others]) => ctx.sameModel(oldId, newId) && names.has(name) !== others.has(name),
      ),
    );
  // A name required through `allOf` on one side is compared with all the other side requires; own `required`
  // lists are the types' business (the IR reports them).
  for (const name of to.throughAllOf)
    if (!from.names.has(name) && !inModel(name))
      note(
        ctx,
        'property-became-required',
        join(location, name),
        'now required (was optional)',
        'required-changed',
      );
  for (const name of from.throughAllOf)
    if (!to.names.has(name) && !inModel(name))
      note(
        ctx,
        'property-became-optional',
        join(location, name),
        'now optional (was required)',
        'required-changed',
      );
  const alternatives = (s: Record<string, unknown>) =>
    (['anyOf', 'oneOf'] as const)
      .map((k) => s[k])
      .filter(
        (list): list is unknown[] =>
          Array.isArray(list) && list.length > 0 && list.every(onlyRequired),
      )
      // Alternatives, and names in each, in any order: the same requirement.
      .map((list) =>
        list
          .map((m) => [...((m as { required: string[] }).required ?? [])].sort().join(' and '))
          .sort()
          .join(', or '),
      );
  const ax = alternatives(x);
  const ay = alternatives(y);
  if (sameJson(ax, ay)) return;
  if (ay.length)
    note(
      ctx,
      'required-alternatives-added',
      location,
      `now requires ${ay.join('; ')}${ax.length ? ` (was ${ax.join('; ')})` : ''}`,
    );
  else note(ctx, 'required-alternatives-removed', location, `no longer requires ${ax.join('; ')}`);
}

/** A composition member that only lists required properties. */
function onlyRequired(m: unknown): boolean {
  return (
    isRecord(m) &&
    Array.isArray(m.required) &&
    Object.keys(m).every((k) => k === 'required' || k === 'description' || k === 'title')
  );
}

/**
 * A request `oneOf` without discriminator must match exactly one member: a new member a value may also match can
 * make an old request invalid. A schema wrapped in `oneOf` with others counts as gaining members.
 */
export function compareOneOf(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  if (ctx.direction !== 'request' || !Array.isArray(y.oneOf) || y.discriminator !== undefined)
    return;
  if (y.oneOf.every(onlyRequired) || tagged(y.oneOf, ctx) || disjointTypes(y.oneOf, ctx)) return;
  // 3.0's `nullable: true` is a member that admits null, as 3.1 writes it (`oneOf: [..., {type: 'null'}]`).
  const count = (s: Record<string, unknown>, list: unknown[]) =>
    list.length + (s.nullable === true && !list.some(isNullOnly) ? 1 : 0);
  const before = count(x, Array.isArray(x.oneOf) ? x.oneOf : [x]);
  const after = count(y, y.oneOf);
  if (after > before)
    note(
      ctx,
      'one-of-member-added',
      location,
      `oneOf has ${y.oneOf.length} members (was ${Array.isArray(x.oneOf) ? `${x.oneOf.length}${x.nullable === true ? ' and nullable' : ''}` : 'not a oneOf'}): a value may now match more than one`,
    );
}

/** Members of pairwise different JSON types (`string`, `array`) cannot overlap; a member without `type` may. */
function disjointTypes(members: unknown[], ctx: WireContext): boolean {
  const types = members.map((m) => {
    const node = deref(ctx.newSpec, m, ctx.newSpec.entry)?.value;
    const t = node?.type;
    const list = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : undefined;
    // An integer is a number.
    return list?.map((name) => (name === 'integer' ? 'number' : name));
  });
  if (types.some((t) => t === undefined)) return false;
  const seen = new Set<string>();
  for (const list of types as string[][])
    for (const t of new Set(list)) {
      if (seen.has(t)) return false;
      seen.add(t);
    }
  return true;
}

/** Members that each pin one property to a different single value (`kind: {const: cat}`) cannot overlap. */
function tagged(members: unknown[], ctx: WireContext): boolean {
  const pins = members.map((m) => {
    const node =
      isRecord(m) && typeof m.$ref === 'string'
        ? deref(ctx.newSpec, m, ctx.newSpec.entry)?.value
        : m;
    const props = isRecord(node) && isRecord(node.properties) ? node.properties : {};
    return Object.entries(props).flatMap(([name, p]) => {
      if (!isRecord(p)) return [];
      const value: unknown =
        'const' in p
          ? p.const
          : Array.isArray(p.enum) && p.enum.length === 1
            ? p.enum[0]
            : undefined;
      return value === undefined ? [] : [`${name}=${JSON.stringify(value)}`];
    });
  });
  const names = new Set(pins.flat().map((p) => p.slice(0, p.indexOf('='))));
  return [...names].some((name) => {
    const values = pins.map((p) => p.find((q) => q.startsWith(`${name}=`)));
    return values.every((v) => v !== undefined) && new Set(values).size === values.length;
  });
}

/** Properties, `required`, `type` and `enum` of a schema no IR type is built for (see WireContext.structural). */
export function compareStructure(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  const props = (s: Record<string, unknown>) => (isRecord(s.properties) ? s.properties : {});
  const required = (s: Record<string, unknown>) =>
    new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const [px, py, rx, ry] = [props(x), props(y), required(x), required(y)];
  const how = (r: Set<string>, name: string) => (r.has(name) ? 'required' : 'optional');
  for (const name of Object.keys(px))
    if (!(name in py))
      note(
        ctx,
        `property-removed-${how(rx, name)}`,
        join(location, name),
        `${how(rx, name)} property removed`,
        'property-removed',
      );
  for (const name of Object.keys(py)) {
    if (!(name in px)) {
      note(
        ctx,
        `property-added-${how(ry, name)}`,
        join(location, name),
        `new ${how(ry, name)} property`,
        'property-added',
      );
      continue;
    }
    if (rx.has(name) !== ry.has(name))
      note(
        ctx,
        `property-became-${how(ry, name)}`,
        join(location, name),
        ry.has(name) ? 'now required (was optional)' : 'now optional (was required)',
        'required-changed',
      );
  }
  // OpenAPI 3.0's `nullable: true` is 3.1's `null` in `type` and `enum`, as the IR reads it (build-schema.ts).
  const orNull = <T>(s: Record<string, unknown>, list: T[], none: T): T[] =>
    s.nullable === true && list.length && !list.some((v) => sameJson(v, none))
      ? [...list, none]
      : list;
  const types = (s: Record<string, unknown>) =>
    orNull(
      s,
      Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [],
      'null',
    );
  const [tx, ty] = [types(x), types(y)];
  if (tx.length && ty.length && !sameJson([...tx].sort(), [...ty].sort())) {
    const widened = tx.every((t) => ty.includes(t));
    const narrowed = ty.every((t) => tx.includes(t));
    const suffix = widened ? 'type-widened' : narrowed ? 'type-narrowed' : 'type-changed';
    note(ctx, suffix, location, `type ${tx.join(' | ')} → ${ty.join(' | ')}`, 'type-changed');
  }
  if (x.const !== undefined && y.const !== undefined && !sameJson(x.const, y.const))
    note(
      ctx,
      'value-changed',
      location,
      `const ${JSON.stringify(x.const)} → ${JSON.stringify(y.const)}`,
      'type-changed',
    );
  else if ((x.const === undefined) !== (y.const === undefined))
    note(
      ctx,
      x.const === undefined ? 'type-narrowed' : 'type-widened',
      location,
      x.const === undefined
        ? `now only ${JSON.stringify(y.const)}`
        : `no longer only ${JSON.stringify(x.const)}`,
      'type-changed',
    );
  if (Array.isArray(x.enum) && Array.isArray(y.enum)) {
    const [ex, ey] = [orNull<unknown>(x, x.enum, null), orNull<unknown>(y, y.enum, null)];
    for (const v of ey)
      if (!ex.some((w) => sameJson(v, w)))
        note(
          ctx,
          'enum-value-added',
          location,
          `enum value ${JSON.stringify(v)} added`,
          'enum-value-added',
        );
    for (const v of ex)
      if (!ey.some((w) => sameJson(v, w)))
        note(
          ctx,
          'enum-value-removed',
          location,
          `enum value ${JSON.stringify(v)} removed`,
          'enum-value-removed',
        );
  }
}
