/**
 * JSON Schema keywords the types do not carry (`pattern`, `format`, `contains`, `dependentRequired`, subschemas...):
 * added, removed, or compared by containment or inside their subschemas where that is decidable.
 */
import { applies, instanceOf } from './constraints';
import { isRecord, note, sameJson, type WireContext } from './raw-spec';

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
  const sameBytes = sameJson(binaryForm(x), binaryForm(y));
  for (const [family, keywords] of KEYWORDS) {
    if (keywords.every((k) => sameJson(value(x, k), value(y, k)))) continue;
    if ((family === 'format' || family === 'content') && sameBytes) continue;
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

/**
 * What a string's `format` and `content…` keywords say, in OpenAPI 3.1's words: 3.0's `format: binary` is 3.1's
 * `contentMediaType: application/octet-stream`, and `format: byte` is `contentEncoding: base64` (OpenAPI 3.1,
 * "Working with Binary Data"). A spec moved from 3.0 to 3.1 as the standard says changes no bytes on the wire.
 */
function binaryForm(s: Record<string, unknown>): Record<string, unknown> {
  const { format, contentMediaType, contentEncoding, contentSchema } = s;
  return {
    format: format === 'binary' || format === 'byte' ? undefined : format,
    contentMediaType:
      contentMediaType ?? (format === 'binary' ? 'application/octet-stream' : undefined),
    contentEncoding: contentEncoding ?? (format === 'byte' ? 'base64' : undefined),
    contentSchema,
  };
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
