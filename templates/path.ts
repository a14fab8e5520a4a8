/**
 * Fills path templates like `/things/{thing_id}` in OpenAPI's path styles: `simple` (the default),
 * `label` (`.x`) and `matrix` (`;id=x`), exploded or not, for scalars, arrays and objects (OpenAPI 3.1
 * §4.8.12.4, as RFC 6570). Every value stays inside its segment, so a value such as `../admin?x=1`
 * cannot change which endpoint is called: `/`, `?`, `#` and `%` are always encoded, even with
 * `allowReserved`, and a segment that would read as "this" or "parent" directory is refused.
 */

import { ClientGenError } from './errors';
import {
  contentText,
  encodeRFC3986,
  encodeReserved,
  isAbsent,
  isPlainObject,
  presentEntries,
  scalarText,
  type ParamStyle,
} from './style';

/** Serialization rules per path parameter name (only those that are not `simple`, unexploded). */
export type PathStyles = Record<string, ParamStyle>;

/** Replaces each `{name}` in `template` with the serialized, percent-encoded value of `params[name]`. */
export function buildPath(
  template: string,
  params: Record<string, unknown>,
  styles: PathStyles = {},
): string {
  return template.replace(/\{([^{}]+)\}/g, (_placeholder, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      throw new ClientGenError(`Missing value for path parameter "${name}" in "${template}".`);
    }
    const text = expand(name, checked(name, params[name]), styles[name] ?? {});
    // URL parsers resolve `.` and `..` segments (even when written as `%2e`), so they must never be sent.
    if (text === '' || text === '.' || text === '..') {
      throw new ClientGenError(
        `Path parameter "${name}" must not be ${text === '' ? 'empty' : `"${text}"`}.`,
      );
    }
    return text;
  });
}

/** The value, once it is known to be one the path styles can write. */
function checked(name: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ClientGenError(`Path parameter "${name}" must be a finite number, got ${value}.`);
  }
  if (isAbsent(value) || typeof value === 'function' || typeof value === 'symbol') {
    throw new ClientGenError(
      `Path parameter "${name}" must be a string, a number, a boolean, an array or an object, got ${value === null ? 'null' : typeof value}.`,
    );
  }
  return value;
}

/** One parameter's expansion (RFC 6570 `{name}`, `{.name}`, `{;name}`, with `*` when exploded). */
function expand(name: string, value: unknown, style: ParamStyle): string {
  const encode = style.allowReserved
    ? (text: string) => encodeReserved(text, ":@!$&'()*+,;=[]")
    : encodeRFC3986;
  const kind = style.style ?? 'simple';
  const explode = style.explode ?? false;
  // The text before each value, and between values of an exploded list.
  const lead = kind === 'label' ? '.' : kind === 'matrix' ? ';' : '';
  const named = (text: string) => (text === '' ? encode(name) : `${encode(name)}=${text}`);
  if (style.contentType !== undefined || (!Array.isArray(value) && !isPlainObject(value))) {
    const text = encode(
      style.contentType !== undefined ? contentText(value, style.contentType) : scalarText(value),
    );
    return kind === 'matrix' ? `;${named(text)}` : `${lead}${text}`;
  }
  if (Array.isArray(value)) {
    const items = value.filter((v) => !isAbsent(v)).map((v) => encode(scalarText(v)));
    if (items.length === 0) return '';
    if (kind === 'matrix') {
      return explode ? items.map((t) => `;${named(t)}`).join('') : `;${named(items.join(','))}`;
    }
    return `${lead}${items.join(explode && lead ? lead : ',')}`;
  }
  const entries = presentEntries(value).map(([k, v]): [string, string] => [
    encode(k),
    encode(scalarText(v)),
  ]);
  if (entries.length === 0) return '';
  if (explode) {
    const separator = lead || ',';
    return `${lead}${entries.map(([k, v]) => `${k}=${v}`).join(separator)}`;
  }
  const flat = entries.flat().join(',');
  return kind === 'matrix' ? `;${named(flat)}` : `${lead}${flat}`;
}
