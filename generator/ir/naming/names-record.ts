import type { NameRecord, PinnedName } from '../name-operations';
import { HTTP_METHODS, type IrOperation } from '../types';
import { operationKey } from './operation-key';

/** The file, in the output folder beside the manifest, that records the names a client has (docs/naming.md). */
export const NAMES_LOCK = '.clientgen-names.json';

/**
 * A part of a name, as inference gives them: an identifier's characters, a digit first included (`1Clicks` from
 * DigitalOcean's `/v2/1-clicks`, which emit writes `_1Clicks` and `Model1Clicks`). A lock with such a name was
 * refused, and the spec's every regeneration with it.
 */
const NAME_PART = /^[A-Za-z0-9_$]+$/;

/**
 * What `operationKey` writes: any method the IR reads (a lock with a `HEAD` key was refused: S3's spec regenerated
 * into its own output failed), then the path as the spec has it (a space included).
 */
const OPERATION_KEY = new RegExp(`^(${HTTP_METHODS.map((m) => m.toUpperCase()).join('|')}) \\S.*$`);

/**
 * The record of every operation's name, `METHOD /path` → `resource.method`, sorted by key so it is the same bytes on
 * every machine. Written with the client; read back on the next run so that names never move.
 */
export function serializeNames(operations: IrOperation[]): string {
  const byKey = <T>(entries: (readonly [string, T])[]) =>
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = byKey(
    operations.map((op) => [operationKey(op), [...op.resource, op.methodName].join('.')] as const),
  );
  const prefixes = new Map<string, string>();
  for (const op of operations)
    if (op.typePrefix) prefixes.set(op.resource.join('.'), op.typePrefix);
  const unprefixed = operations
    .filter((op) => !op.typePrefix)
    .map(operationKey)
    .sort();
  return (
    JSON.stringify(
      {
        about:
          'The names clientgen gave each operation and its types; a regenerated client keeps them (docs/naming.md). ' +
          '`clientgen generate --rename` takes newly inferred names.',
        names: Object.fromEntries(names),
        typePrefixes: Object.fromEntries(byKey([...prefixes])),
        unprefixed,
      },
      null,
      2,
    ) + '\n'
  );
}

/** Reads `resource.method` names by operation key from a lock's or a config's `names`; a problem is a message. */
export function readNameMap(
  value: unknown,
  source: PinnedName['source'],
): { names: Map<string, PinnedName> } | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected an object of "METHOD /path": "resource.method"' };
  const names = new Map<string, PinnedName>();
  for (const [key, name] of Object.entries(value)) {
    if (!OPERATION_KEY.test(key))
      return {
        error: `"${key}" is no operation key (expected "METHOD /path", as \`clientgen names\` prints)`,
      };
    const parts = typeof name === 'string' ? name.split('.') : [];
    if (parts.length < 2 || !parts.every((p) => NAME_PART.test(p)))
      return {
        error: `"${key}": expected "resource.method" (dot-separated identifiers), found ${JSON.stringify(name)}`,
      };
    names.set(key, { resource: parts.slice(0, -1), method: parts[parts.length - 1]!, source });
  }
  return { names };
}

/** Parses a names lock written by `serializeNames`. */
export function parseNamesLock(text: string): NameRecord | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || !('names' in parsed))
    return { error: 'no "names" object' };
  const names = readNameMap(parsed.names, 'lock');
  if ('error' in names) return names;
  const prefixes = 'typePrefixes' in parsed ? parsed.typePrefixes : {};
  const unprefixed = 'unprefixed' in parsed ? parsed.unprefixed : [];
  if (
    typeof prefixes !== 'object' ||
    prefixes === null ||
    !Object.values(prefixes).every((p) => typeof p === 'string' && NAME_PART.test(p))
  )
    return { error: '"typePrefixes" must map resource paths to identifiers' };
  if (!Array.isArray(unprefixed) || !unprefixed.every((k) => typeof k === 'string'))
    return { error: '"unprefixed" must be a list of operation keys' };
  return {
    names: names.names,
    typePrefixes: new Map(Object.entries(prefixes as Record<string, string>)),
    unprefixed: new Set(unprefixed),
  };
}

/** The record a run starts from: the lock's names with the config's over them (the config is stronger). */
export function mergeNameRecords(
  lock: NameRecord | undefined,
  config: ReadonlyMap<string, PinnedName>,
): NameRecord {
  return {
    names: new Map([...(lock?.names ?? []), ...config]),
    typePrefixes: lock?.typePrefixes ?? new Map(),
    unprefixed: lock?.unprefixed ?? new Set(),
  };
}
