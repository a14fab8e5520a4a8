/** Value constraints of a raw schema: bounds, `multipleOf`, `uniqueItems`, `x-extensible-enum` (keywords: keywords.ts). */
import { describe, note, sameJson, type WireContext } from './raw-spec';

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
export function instanceOf(keyword: string): string | undefined {
  if (/Length$|^pattern$/.test(keyword)) return 'string';
  if (/Items$|^contains$|Contains$|^prefixItems$/.test(keyword)) return 'array';
  if (/Properties$|^dependent|^propertyNames$/.test(keyword)) return 'object';
  return undefined;
}

/**
 * False when both schemas say their `type` and neither admits `instance`: `maxItems` on a string schema, `required`
 * on an array one, change nothing any value can show.
 */
export function applies(
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
