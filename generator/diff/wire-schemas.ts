/**
 * The wire comparison of two raw schemas: what the generated types do not carry (value bounds, patterns, formats,
 * JSON Schema 2019+ keywords, `x-extensible-enum`, defaults, `required` through `allOf`/`anyOf`, overlapping
 * `oneOf` members). Structure (properties, types, enums) is compared on the IR by compare-types.ts; this walk
 * follows the same structure to reach the constraints, and stops at models, which are compared under their name.
 */
import type { ChangeKind } from './types';
import { deref, isRecord, sameJson, type RawNode, type WireContext } from './raw-spec';
import { record, type Emitted } from './record';

/** A bound: `value` undefined when there is none; `exclusive` for `exclusiveMinimum`/`exclusiveMaximum`. */
interface Bound {
  value: number | undefined;
  exclusive: boolean;
}

/** Records a change found in the raw spec: the rule is `<direction>-<suffix>`. */
export function note(
  ctx: WireContext,
  suffix: string,
  location: string,
  message: string,
  kind: ChangeKind = 'constraint-changed',
): void {
  // The generated client does not show what only the spec says (GET bodies, cookies, constraints): code
  // written against it still compiles.
  const emit = (c: Emitted) => ctx.emit({ ...c, sdk: 'compatible', fromSpec: true });
  record({ ...ctx, emit }, kind, suffix, location, message);
}

/** Compares two schemas (either may be a `$ref`) at `location`, recursing like the IR comparison does. */
export function compareSchemas(
  oldValue: unknown,
  newValue: unknown,
  oldFile: RawNode['file'],
  newFile: RawNode['file'],
  location: string,
  ctx: WireContext,
): void {
  const a = deref(ctx.oldSpec, oldValue, oldFile);
  const b = deref(ctx.newSpec, newValue, newFile);
  if (!a || !b) return;
  const oldModel = a.ids.find((id) => ctx.isOldModel(id));
  const newModel = b.ids.find((id) => ctx.isNewModel(id));
  // Both the same model: compared once, under the model's name.
  if (oldModel && newModel && ctx.sameModel(oldModel, newModel)) return;
  const pair = `${a.id ?? location}\0${b.id ?? location}`;
  if (ctx.visiting?.has(pair)) return;
  const inner: WireContext = { ...ctx, visiting: new Set([...(ctx.visiting ?? []), pair]) };
  compareNode(a, b, location, inner);
}

function compareNode(a: RawNode, b: RawNode, location: string, ctx: WireContext): void {
  const x = a.value;
  const y = b.value;
  compareBounds(x, y, location, ctx);
  compareKeywords(x, y, location, ctx);
  compareExtensibleEnum(x, y, location, ctx);
  if (ctx.direction === 'request' && !sameJson(x.default, y.default))
    note(
      ctx,
      'default-changed',
      location,
      `default ${describe(x.default)} → ${describe(y.default)}`,
      'parameter-changed',
    );
  compareRequired(x, y, location, ctx);
  compareOneOf(x, y, location, ctx);
  if (ctx.structural) compareStructure(x, y, location, ctx);
  // The generated types say `number` for both: an integer that may now have decimals widens.
  const integer = (t: unknown) =>
    t === 'integer' || (Array.isArray(t) && t.includes('integer') && !t.includes('number'));
  const number = (t: unknown) => t === 'number' || (Array.isArray(t) && t.includes('number'));
  if (integer(x.type) && number(y.type))
    note(ctx, 'type-widened', location, 'now any number (was integer)', 'type-changed');
  else if (number(x.type) && integer(y.type))
    note(ctx, 'type-narrowed', location, 'now an integer (was any number)', 'type-changed');

  // The same structure the IR compares: properties by name, items, extra keys, composition members by index.
  const visible = (p: unknown) =>
    !(isRecord(p) && p[ctx.direction === 'request' ? 'readOnly' : 'writeOnly'] === true);
  const px = isRecord(x.properties) ? x.properties : {};
  const py = isRecord(y.properties) ? y.properties : {};
  for (const [name, p] of Object.entries(px)) {
    if (!(name in py) || !visible(p) || !visible(py[name])) continue;
    compareSchemas(p, py[name], a.file, b.file, join(location, name), ctx);
  }
  if (x.items !== undefined && y.items !== undefined && !Array.isArray(x.items))
    compareSchemas(x.items, y.items, a.file, b.file, `${location}[]`, ctx);
  if (isRecord(x.additionalProperties) && isRecord(y.additionalProperties))
    compareSchemas(
      x.additionalProperties,
      y.additionalProperties,
      a.file,
      b.file,
      `${location}[key]`,
      ctx,
    );
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const mx = x[keyword];
    const my = y[keyword];
    if (!Array.isArray(mx) || !Array.isArray(my)) continue;
    mx.forEach((m, i) => {
      if (i < my.length) compareSchemas(m, my[i], a.file, b.file, location, ctx);
    });
  }
}

function join(location: string, name: string): string {
  return location ? `${location}.${name}` : name;
}

function describe(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

/** Upper and lower bounds: a narrower range narrows (breaks requests), a wider one widens (warns on responses). */
function compareBounds(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  // [keyword, family, narrowing suffix, widening suffix, true when a larger value narrows]
  const sizes: [string, string, string, string, boolean][] = [
    ['maxLength', 'max-length', 'decreased', 'increased', false],
    ['minLength', 'min-length', 'increased', 'decreased', true],
    ['maxItems', 'max-items', 'decreased', 'increased', false],
    ['minItems', 'min-items', 'increased', 'decreased', true],
    ['maxProperties', 'max-properties', 'decreased', 'increased', false],
    ['minProperties', 'min-properties', 'increased', 'decreased', true],
  ];
  for (const [keyword, family, narrow, widen, larger] of sizes) {
    const from = num(x[keyword]);
    const to = num(y[keyword]);
    if (from === to) continue;
    // No minimum is 0, no maximum is unbounded.
    const f = from ?? (larger ? 0 : Infinity);
    const t = to ?? (larger ? 0 : Infinity);
    if (f === t) continue;
    const narrows = larger ? t > f : t < f;
    note(
      ctx,
      `${family}-${narrows ? narrow : widen}`,
      location,
      `${keyword} ${describe(from)} → ${describe(to)}`,
    );
  }
  for (const upper of [true, false]) {
    const from = bound(x, upper);
    const to = bound(y, upper);
    if (from.value === to.value && from.exclusive === to.exclusive) continue;
    const none = upper ? Infinity : -Infinity;
    const f = from.value ?? none;
    const t = to.value ?? none;
    const tighter = upper ? t < f : t > f;
    const narrows = tighter || (f === t && to.exclusive && !from.exclusive);
    if (f === t && from.exclusive === to.exclusive) continue;
    const family = upper ? 'maximum' : 'minimum';
    const suffix = upper
      ? narrows
        ? 'decreased'
        : 'increased'
      : narrows
        ? 'increased'
        : 'decreased';
    note(
      ctx,
      `${family}-${suffix}`,
      location,
      `${family} ${describeBound(from)} → ${describeBound(to)}`,
    );
  }
  const m = num(x.multipleOf);
  const n = num(y.multipleOf);
  if (m !== n) {
    // Every old value stays valid when the new divisor divides the old one.
    const kept = n === undefined || (m !== undefined && Number.isInteger(m / n));
    note(
      ctx,
      `multiple-of-${kept ? 'widened' : 'narrowed'}`,
      location,
      `multipleOf ${describe(m)} → ${describe(n)}`,
    );
  }
  if ((x.uniqueItems === true) !== (y.uniqueItems === true))
    note(
      ctx,
      `unique-items-${y.uniqueItems === true ? 'added' : 'removed'}`,
      location,
      `uniqueItems ${y.uniqueItems === true ? 'added' : 'removed'}`,
    );
}

/** OpenAPI 3.0 writes `exclusiveMaximum: true` beside `maximum`; 3.1 (JSON Schema) writes the bound itself. */
function bound(s: Record<string, unknown>, upper: boolean): Bound {
  const plain = upper ? s.maximum : s.minimum;
  const exclusive = upper ? s.exclusiveMaximum : s.exclusiveMinimum;
  if (typeof exclusive === 'number') {
    if (typeof plain === 'number' && (upper ? plain < exclusive : plain > exclusive))
      return { value: plain, exclusive: false };
    return { value: exclusive, exclusive: true };
  }
  return {
    value: typeof plain === 'number' ? plain : undefined,
    exclusive: exclusive === true && typeof plain === 'number',
  };
}

function describeBound(b: Bound): string {
  return b.value === undefined ? 'none' : `${b.value}${b.exclusive ? ' (exclusive)' : ''}`;
}

/** Keywords compared as a whole: added narrows, removed widens, changed may do either. */
const KEYWORDS: [string, string[]][] = [
  ['pattern', ['pattern']],
  ['format', ['format']],
  ['contains', ['contains', 'minContains', 'maxContains']],
  ['dependent-required', ['dependentRequired']],
  ['dependent-schemas', ['dependentSchemas']],
  ['prefix-items', ['prefixItems']],
  ['unevaluated-properties', ['unevaluatedProperties']],
  ['unevaluated-items', ['unevaluatedItems']],
  ['property-names', ['propertyNames']],
  ['pattern-properties', ['patternProperties']],
  ['content', ['contentMediaType', 'contentEncoding', 'contentSchema']],
  ['not', ['not']],
  ['conditional', ['if', 'then', 'else']],
];

function compareKeywords(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  for (const [family, keywords] of KEYWORDS) {
    const from = keywords.filter((k) => x[k] !== undefined);
    const to = keywords.filter((k) => y[k] !== undefined);
    if (keywords.every((k) => sameJson(x[k], y[k]))) continue;
    const what = (to.length ? to : from).join('/');
    if (!from.length) note(ctx, `${family}-added`, location, `${what} added: ${summary(y, to)}`);
    else if (!to.length)
      note(ctx, `${family}-removed`, location, `${what} removed (was ${summary(x, from)})`);
    else
      note(
        ctx,
        `${family}-changed`,
        location,
        `${what} changed from ${summary(x, from)} to ${summary(y, to)}`,
      );
  }
}

/** A short rendering of keyword values for messages; long schemas are cut. */
function summary(s: Record<string, unknown>, keywords: string[]): string {
  const text = keywords
    .map((k) => (keywords.length > 1 ? `${k}: ` : '') + JSON.stringify(s[k]))
    .join(', ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `x-extensible-enum` (Zalando's guidelines): a list of known values that clients must expect to grow. */
function compareExtensibleEnum(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  const from = x['x-extensible-enum'];
  const to = y['x-extensible-enum'];
  if (!Array.isArray(from) || !Array.isArray(to)) return;
  for (const v of to)
    if (!from.some((w) => sameJson(v, w)))
      note(
        ctx,
        'extensible-enum-value-added',
        location,
        `extensible enum value ${JSON.stringify(v)} added`,
        'enum-value-added',
      );
  for (const v of from)
    if (!to.some((w) => sameJson(v, w)))
      note(
        ctx,
        'extensible-enum-value-removed',
        location,
        `extensible enum value ${JSON.stringify(v)} removed`,
        'enum-value-removed',
      );
}

/**
 * `required` listed in `allOf` members (`allOf: [Pet, {required: [tag]}]`), which the types may not show, and
 * alternatives of required sets (`anyOf: [{required: [a]}, {required: [b]}]`), which they never do. A property
 * the IR already reports as newly required is reported once (see diff-ir.ts).
 */
function compareRequired(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  const from = requiredThroughAllOf(x);
  const to = requiredThroughAllOf(y);
  for (const name of to)
    if (!from.has(name))
      note(
        ctx,
        'property-became-required',
        join(location, name),
        'now required (was optional)',
        'required-changed',
      );
  for (const name of from)
    if (!to.has(name))
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
      .map((list) =>
        list.map((m) => ((m as { required: string[] }).required ?? []).join(' and ')).join(', or '),
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

function requiredThroughAllOf(s: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const members = Array.isArray(s.allOf) ? s.allOf.filter(isRecord) : [];
  for (const m of members)
    if (Array.isArray(m.required) && !('$ref' in m))
      for (const r of m.required) if (typeof r === 'string') names.add(r);
  return names;
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
function compareOneOf(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
): void {
  if (ctx.direction !== 'request' || !Array.isArray(y.oneOf) || y.discriminator !== undefined)
    return;
  if (y.oneOf.every(onlyRequired) || tagged(y.oneOf, ctx)) return;
  const before = Array.isArray(x.oneOf) ? x.oneOf.length : 1;
  if (y.oneOf.length > before)
    note(
      ctx,
      'one-of-member-added',
      location,
      `oneOf has ${y.oneOf.length} members (was ${Array.isArray(x.oneOf) ? before : 'not a oneOf'}): a value may now match more than one`,
    );
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
      const value =
        'const' in p
          ? p.const
          : Array.isArray(p.enum) && p.enum.length === 1
            ? p.enum[0]
            : undefined;
      return value === undefined ? [] : [`${name}=${JSON.stringify(value)}`];
    });
  });
  const names = new Set(pins.flat().map((p) => p.split('=')[0]));
  return [...names].some((name) => {
    const values = pins.map((p) => p.find((q) => q.startsWith(`${name}=`)));
    return values.every((v) => v !== undefined) && new Set(values).size === values.length;
  });
}

/** Properties, `required`, `type` and `enum` of a schema no IR type is built for (see WireContext.structural). */
function compareStructure(
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
  const types = (s: Record<string, unknown>) =>
    Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [];
  const [tx, ty] = [types(x), types(y)];
  if (tx.length && ty.length && !sameJson([...tx].sort(), [...ty].sort())) {
    const widened = tx.every((t) => ty.includes(t));
    const narrowed = ty.every((t) => tx.includes(t));
    const suffix = widened ? 'type-widened' : narrowed ? 'type-narrowed' : 'type-changed';
    note(ctx, suffix, location, `type ${tx.join(' | ')} → ${ty.join(' | ')}`, 'type-changed');
  }
  if (Array.isArray(x.enum) && Array.isArray(y.enum)) {
    const [ex, ey] = [x.enum, y.enum];
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
