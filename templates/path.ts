/**
 * Fills path templates like `/things/{thing_id}`. Every value becomes exactly one path segment, so a
 * value such as `../admin?x=1` cannot change which endpoint is called.
 */

import { ClientGenError } from './errors';

/** Replaces each `{name}` in `template` with the percent-encoded value of `params[name]`. */
export function buildPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{([^{}]+)\}/g, (_placeholder, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      throw new ClientGenError(`Missing value for path parameter "${name}" in "${template}".`);
    }
    return encodeSegment(name, params[name]);
  });
}

/** Encodes one path parameter, refusing values that would be read as "this" or "parent" directory. */
function encodeSegment(name: string, value: string | number | undefined): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new ClientGenError(`Path parameter "${name}" must be a finite number, got ${value}.`);
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ClientGenError(
      `Path parameter "${name}" must be a string or a number, got ${value === null ? 'null' : typeof value}.`,
    );
  }
  const text = String(value);
  // URL parsers resolve `.` and `..` segments (even when written as `%2e`), so they must never be sent.
  if (text === '' || text === '.' || text === '..') {
    throw new ClientGenError(
      `Path parameter "${name}" must not be ${text === '' ? 'empty' : `"${text}"`}.`,
    );
  }
  return encodeURIComponent(text);
}
