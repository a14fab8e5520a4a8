/**
 * Header merging. Later sources win, names compare case-insensitively, and `null` removes a header
 * set by an earlier source (for example to drop a default header for one call).
 */

/** Headers as accepted by the client: a Headers object, a list of pairs, or a record (null removes, undefined skips). */
export type HeadersInput =
  | Headers
  | ReadonlyArray<readonly [string, string]>
  | Record<string, string | null | undefined>
  | null
  | undefined;

/** Merges header sources from lowest to highest precedence into one Headers object. */
export function mergeHeaders(...sources: HeadersInput[]): Headers {
  const merged = new Headers();
  for (const source of sources) {
    if (!source) continue;
    // Names set by this source replace earlier values; repeated names inside one source are appended.
    const seen = new Set<string>();
    for (const [name, value] of entriesOf(source)) {
      const lower = name.toLowerCase();
      if (value === undefined) continue;
      if (value === null) {
        merged.delete(lower);
        seen.delete(lower);
        continue;
      }
      if (seen.has(lower)) merged.append(lower, value);
      else merged.set(lower, value);
      seen.add(lower);
    }
  }
  return merged;
}

/** Any header source as a record (null values kept, so that they can still remove a header when merged). */
export function headersRecord(source: HeadersInput): Record<string, string | null | undefined> {
  const out: Record<string, string | null | undefined> = {};
  if (!source) return out;
  for (const [name, value] of entriesOf(source)) {
    const previous = out[name];
    out[name] =
      typeof previous === 'string' && typeof value === 'string' ? `${previous}, ${value}` : value;
  }
  return out;
}

/** Lists the [name, value] pairs of any supported header source. */
function entriesOf(
  source: Exclude<HeadersInput, null | undefined>,
): ReadonlyArray<readonly [string, string | null | undefined]> {
  if (source instanceof Headers) {
    const entries: Array<[string, string]> = [];
    source.forEach((value, name) => entries.push([name, value]));
    return entries;
  }
  return isPairList(source) ? source : Object.entries(source);
}

/** Tells a list of [name, value] pairs from a record (Array.isArray does not narrow readonly arrays). */
function isPairList(source: object): source is ReadonlyArray<readonly [string, string]> {
  return Array.isArray(source);
}
