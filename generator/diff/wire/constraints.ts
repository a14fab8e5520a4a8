/** Value constraints of a raw schema: bounds, `multipleOf`, `uniqueItems`, keywords compared whole, `x-extensible-enum`. */
import { describe, isRecord, note, sameJson, type WireContext } from './raw-spec';

/** A bound: `value` undefined when there is none; `exclusive` for `exclusiveMinimum`/`exclusiveMaximum`. */
interface Bound {
  value: number | undefined;
  exclusive: boolean;
}

/** Upper and lower bounds: a narrower range narrows (breaks requests), a wider one widens (warns on responses). */
export function compareBounds(
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
    if (!applies(x, y, instanceOf(keyword))) continue;
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
    if (!applies(x, y, 'number')) continue;
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

/** The JSON type a keyword constrains: on a schema of other types only, it says nothing. */
function instanceOf(keyword: string): string | undefined {
  if (/Length$|^pattern$/.test(keyword)) return 'string';
  if (/Items$|^contains$|Contains$|^prefixItems$/.test(keyword)) return 'array';
  if (/Properties$|^dependent|^propertyNames$/.test(keyword)) return 'object';
  return undefined;
}

/**
 * False when both schemas say their `type` and neither admits `instance`: `maxItems` on a string schema, `required`
 * on an array one, change nothing any value can show.
 */
function applies(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  instance?: string,
): boolean {
  if (!instance) return true;
  const admits = (s: Record<string, unknown>) => {
    const t = s.type;
    const types = Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : undefined;
    return (
      !types || types.some((n) => n === instance || (instance === 'number' && n === 'integer'))
    );
  };
  return admits(x) || admits(y);
}

/** ±2^63: `maximum: 9223372036854775807` on an integer (read as 2^63) only says "an int64". */
const INT64_LIMIT = 2 ** 63;

/**
 * OpenAPI 3.0 writes `exclusiveMaximum: true` beside `maximum`; 3.1 (JSON Schema) writes the bound itself. A bound
 * of an integer at the int64 range or beyond is none: no server reads a wider integer, so it excludes nothing.
 */
function bound(s: Record<string, unknown>, upper: boolean): Bound {
  const b = rawBound(s, upper);
  const integer = s.type === 'integer' || (Array.isArray(s.type) && s.type.includes('integer'));
  if (b.value !== undefined && integer && (upper ? b.value : -b.value) >= INT64_LIMIT)
    return { value: undefined, exclusive: false };
  return b;
}

function rawBound(s: Record<string, unknown>, upper: boolean): Bound {
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

/**
 * Compares two subschemas at a location (schemas.ts: the whole wire comparison, structure included); `inverted` for
 * `not`, where a looser subschema makes a stricter schema: read in the other direction.
 */
export type CompareSubschemas = (
  a: unknown,
  b: unknown,
  location: string,
  inverted?: boolean,
) => void;

/** Keywords that hold one subschema, a list of them, or a map of them: what changes inside is compared. */
const SUBSCHEMA = new Set([
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
  'then',
  'else',
]);
const SUBSCHEMA_MAP = new Set(['dependentSchemas', 'patternProperties']);

/**
 * Keywords the types do not carry, one family at a time (KEYWORDS). A keyword added narrows, removed widens; a
 * keyword on both sides is compared by what it means where that is decidable (a larger `minContains` narrows,
 * a name added to a `dependentRequired` list narrows, a subschema is compared inside through `recurse`), else it is
 * a change that may go either way. `pattern: ""` matches everything: no pattern.
 */
export function compareKeywords(
  x: Record<string, unknown>,
  y: Record<string, unknown>,
  location: string,
  ctx: WireContext,
  recurse: CompareSubschemas,
): void {
  const value = (s: Record<string, unknown>, k: string) =>
    k === 'pattern' && s[k] === '' ? undefined : s[k];
  for (const [family, keywords] of KEYWORDS) {
    if (keywords.every((k) => sameJson(value(x, k), value(y, k)))) continue;
    if (!applies(x, y, instanceOf(keywords[0]!))) continue;
    const from = keywords.filter((k) => value(x, k) !== undefined);
    const to = keywords.filter((k) => value(y, k) !== undefined);
    const what = (to.length ? to : from).join('/');
    if (!from.length) note(ctx, `${family}-added`, location, `${what} added: ${summary(y, to)}`);
    else if (!to.length)
      note(ctx, `${family}-removed`, location, `${what} removed (was ${summary(x, from)})`);
    else
      for (const k of keywords)
        if (!sameJson(value(x, k), value(y, k)))
          compareKeyword(family, k, value(x, k), value(y, k), location, ctx, recurse);
  }
}

/** One keyword of a family that the other keywords of which are on both sides. */
function compareKeyword(
  family: string,
  k: string,
  a: unknown,
  b: unknown,
  location: string,
  ctx: WireContext,
  recurse: CompareSubschemas,
): void {
  const show = (v: unknown) => summary({ [k]: v }, [k]);
  if (a === undefined) return note(ctx, `${family}-added`, location, `${k} added: ${show(b)}`);
  if (b === undefined)
    return note(ctx, `${family}-removed`, location, `${k} removed (was ${show(a)})`);
  if (
    (k === 'minContains' || k === 'maxContains') &&
    typeof a === 'number' &&
    typeof b === 'number'
  ) {
    const narrows = k === 'minContains' ? b > a : b < a;
    return note(ctx, `${family}-${narrows ? 'narrowed' : 'widened'}`, location, `${k} ${a} → ${b}`);
  }
  if (k === 'dependentRequired' && isRecord(a) && isRecord(b)) {
    const within = (p: Record<string, unknown>, q: Record<string, unknown>) =>
      Object.entries(p).every(
        ([name, list]) =>
          Array.isArray(list) &&
          Array.isArray(q[name]) &&
          list.every((n) => (q[name] as unknown[]).includes(n)),
      );
    const message = `${k} ${show(a)} → ${show(b)}`;
    if (within(a, b)) return note(ctx, `${family}-narrowed`, location, message);
    if (within(b, a)) return note(ctx, `${family}-widened`, location, message);
  }
  // A subschema on both sides is compared inside; a boolean schema (`true`, `false`) only as a whole.
  const inside = (p: unknown, q: unknown, at: string) => {
    if (isRecord(p) && isRecord(q)) recurse(p, q, at);
    else if (!sameJson(p, q))
      note(ctx, `${family}-changed`, location, `${k} changed from ${show(p)} to ${show(q)}`);
  };
  if (SUBSCHEMA.has(k)) return inside(a, b, `${location}(${k})`);
  if (k === 'not' && isRecord(a) && isRecord(b)) return recurse(a, b, `${location}(not)`, true);
  if (k === 'prefixItems' && Array.isArray(a) && Array.isArray(b)) {
    a.forEach((item, i) => {
      if (i < b.length) inside(item, b[i], `${location}(${k}[${i}])`);
    });
    if (a.length === b.length) return;
    // More leading items constrain more positions.
    const suffix = b.length > a.length ? 'added' : 'removed';
    return note(
      ctx,
      `${family}-${suffix}`,
      location,
      `${k} has ${b.length} items (was ${a.length})`,
    );
  }
  if (SUBSCHEMA_MAP.has(k) && isRecord(a) && isRecord(b)) {
    for (const [key, sub] of Object.entries(b)) {
      const at = `${location}(${k} ${JSON.stringify(key)})`;
      if (key in a) inside(a[key], sub, at);
      else note(ctx, `${family}-added`, location, `${k} ${JSON.stringify(key)} added`);
    }
    for (const key of Object.keys(a))
      if (!(key in b))
        note(ctx, `${family}-removed`, location, `${k} ${JSON.stringify(key)} removed`);
    return;
  }
  note(ctx, `${family}-changed`, location, `${k} changed from ${show(a)} to ${show(b)}`);
}

/** A short rendering of keyword values for messages; long schemas are cut. */
function summary(s: Record<string, unknown>, keywords: string[]): string {
  const text = keywords
    .map((k) => (keywords.length > 1 ? `${k}: ` : '') + JSON.stringify(s[k]))
    .join(', ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `x-extensible-enum` (Zalando's guidelines): a list of known values that clients must expect to grow. */
export function compareExtensibleEnum(
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
