import type { IrConstraints } from '../ir/types';
import { matches, sampleFromPattern } from './pattern';

/** A value of each string format specs commonly use (JSON Schema's and OpenAPI's registry), valid for its format. */
const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com',
  url: 'https://example.com',
  iri: 'https://example.com',
  'uri-reference': 'https://example.com',
  'iri-reference': 'https://example.com',
  'uri-template': 'https://example.com/{id}',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'json-pointer': '/a',
  'relative-json-pointer': '0',
  regex: '^a$',
  byte: 'c2FtcGxl',
  password: 'password',
  int32: '1',
  int64: '1',
  decimal: '1.5',
};

/**
 * Checks of the formats whose values a validating server tells apart from other text (the shapes of RFC 3339, RFC 4122
 * and RFC 5321 as JSON Schema validators check them); a format not listed accepts any string.
 */
const FORMAT_CHECKS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?$/,
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  email: /^[^\s@]+@[^\s@]+$/,
  ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/,
};

/** Whether `text` has the shape of `format` (true for a format without a check). */
export function meetsFormat(text: string, format: string | undefined): boolean {
  const check = format !== undefined ? FORMAT_CHECKS[format] : undefined;
  return check === undefined || check.test(text);
}

/**
 * A string meeting the format, pattern and length constraints, as far as one can: `fallback` names what it is.
 * Where both are given, the format's sample when it matches the pattern, else the pattern's (a phone number's
 * pattern on a `format: password` string: the pattern is what a server checks).
 */
export function sampleString(c: IrConstraints | undefined, fallback = 'string'): string {
  let text = (c?.format !== undefined ? FORMATS[c.format] : undefined) ?? fallback;
  const pattern = c?.pattern;
  // The format's sample in the case the pattern asks for (loket's uuids allow `A-F` only), before a text written
  // from the pattern alone, which may meet it and not the format (`{00000000-…)` for `^[{(]?[0-9A-F]{8}…[)}]?$`).
  if (pattern !== undefined && !matches(pattern, text))
    text =
      [text.toUpperCase(), text.toLowerCase()].find((t) => matches(pattern, t)) ??
      sampleFromPattern(pattern) ??
      text;
  const min = c?.minLength;
  if (min !== undefined && text.length < min) {
    // Lengthened within its format (a date-time's fractional seconds), else padded with `a`, or with a character
    // that keeps the pattern matched (`^[0-9]*$`: the text's last one); one that keeps the format too first.
    const short = text;
    const padded = [
      lengthenFormatted(short, c?.format, min),
      ...['a', short.slice(-1), '1']
        .filter(Boolean)
        .map((pad) => short + pad.repeat(min - short.length)),
    ].filter((t) => t !== undefined);
    const fitsPattern = (t: string) => pattern === undefined || matches(pattern, t);
    text =
      padded.find((t) => fitsPattern(t) && meetsFormat(t, c?.format)) ??
      padded.find(fitsPattern) ??
      (pattern !== undefined ? sampleFromPattern(pattern, min) : undefined) ??
      padded[0]!;
  }
  if (c?.maxLength !== undefined && text.length > c.maxLength) {
    // The first stretch of that length that still matches: cleanrooms' `.*<uuid>.*` of 36 characters is written
    // `a<uuid>a`, whose first 36 cut the uuid short.
    const long = text;
    const max = c.maxLength;
    const cuts = Array.from({ length: Math.min(long.length - max, 64) + 1 }, (_, i) =>
      long.slice(i, i + max),
    );
    text = cuts.find((t) => pattern === undefined || matches(pattern, t)) ?? cuts[0]!;
  }
  return text;
}

/**
 * A format's sample made `length` long in its format, where the format allows it: a date-time or a time with
 * fractional seconds (`2024-01-01T00:00:00.0000Z`, 25 characters: unicourt's `minLength: 25`; RFC 3339 allows any
 * number of digits after the point, and one at least), an email with a longer local part.
 */
function lengthenFormatted(
  text: string,
  format: string | undefined,
  length: number,
): string | undefined {
  const extra = length - text.length;
  if (format === 'date-time' || format === 'time') {
    const at = /(?:[Zz]|[+-]\d{2}:\d{2})$/.exec(text)?.index ?? text.length;
    const point = /\.\d+$/.test(text.slice(0, at)) ? '' : '.';
    if (extra <= point.length) return undefined;
    return text.slice(0, at) + point + '0'.repeat(extra - point.length) + text.slice(at);
  }
  if (format === 'email' || format === 'idn-email') {
    const at = text.indexOf('@');
    return at > 0 ? text.slice(0, at) + 'a'.repeat(extra) + text.slice(at) : undefined;
  }
  return undefined;
}

/**
 * A number within the bounds, a multiple of `multipleOf`, whole for integers: 1 when that is allowed, else the
 * smallest value the lower bound allows (or the largest the upper one does).
 */
export function sampleNumber(c: IrConstraints | undefined): number {
  const integer = c?.integer === true || c?.format === 'int32' || c?.format === 'int64';
  const grid = c?.multipleOf ?? (integer ? 1 : undefined);
  const lower = c?.minimum ?? c?.exclusiveMinimum;
  const upper = c?.maximum ?? c?.exclusiveMaximum;
  const allowed = (v: number): boolean =>
    (c?.minimum === undefined || v >= c.minimum) &&
    (c?.exclusiveMinimum === undefined || v > c.exclusiveMinimum) &&
    (c?.maximum === undefined || v <= c.maximum) &&
    (c?.exclusiveMaximum === undefined || v < c.exclusiveMaximum) &&
    (grid === undefined || Math.abs(v / grid - Math.round(v / grid)) < 1e-9);
  if (allowed(1)) return 1;
  const onGrid = (v: number, up: boolean): number => {
    if (grid === undefined) return v;
    const steps = v / grid;
    const k = up ? Math.ceil(steps - 1e-9) : Math.floor(steps + 1e-9);
    // A whole grid is exact; rounding to 12 digits cleans only a fraction's noise (3 × 0.1), and took an int64
    // bound of 13 digits below itself (Azure NetApp's `minimum: 4398046511104` became 4398046511100).
    return Number.isInteger(grid) ? k * grid : Number((k * grid).toPrecision(12));
  };
  const step = grid ?? (lower !== undefined && upper !== undefined ? (upper - lower) / 2 : 1);
  if (lower !== undefined) {
    const v = onGrid(lower, true);
    return allowed(v) ? v : onGrid(v + step, true);
  }
  if (upper !== undefined) {
    const v = onGrid(upper, false);
    return allowed(v) ? v : onGrid(v - step, false);
  }
  return grid ?? 1;
}
