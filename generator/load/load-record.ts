import { deserialize, serialize } from 'node:v8';
import { PositionTree } from './position-tree';
import type { ParsedYaml } from './reparse';

/**
 * The load record: a YAML spec's entry file as the last run read it (text, value, positions), kept so that a spec
 * changed in one place is parsed in that place only (reparse.ts). V8's serializer keeps what JSON would not: the
 * typed arrays of the positions, `undefined` keys, `-0`, `Infinity`. Keyed by clientgen's code identity: other code
 * may read a text otherwise.
 */
const VERSION = 1;

interface Stored {
  version: number;
  key: string;
  text: string;
  value: unknown;
  tree: ReturnType<PositionTree['data']>;
}

export function encodeLoadRecord(key: string, parsed: ParsedYaml): Uint8Array {
  const data = parsed.tree.data();
  // Copies trimmed to the nodes: the serializer writes a view's whole buffer.
  const tree = {
    ...data,
    start: data.start.slice(),
    kind: data.kind.slice(),
    firstChild: data.firstChild.slice(),
    nextSibling: data.nextSibling.slice(),
    keyStart: data.keyStart.slice(),
    flow: data.flow.slice(),
  };
  const stored: Stored = { version: VERSION, key, text: parsed.text, value: parsed.value, tree };
  return serialize(stored);
}

/** The parsed file a record holds, or undefined when it is not one this code wrote under `key`. */
export function decodeLoadRecord(bytes: Uint8Array, key: string): ParsedYaml | undefined {
  let stored: Partial<Stored>;
  try {
    stored = deserialize(bytes) as Partial<Stored>;
  } catch {
    return undefined;
  }
  if (stored.version !== VERSION || stored.key !== key || typeof stored.text !== 'string')
    return undefined;
  // Typed arrays by tag, not `instanceof`: a test's sandbox has other globals than the serializer.
  if (Object.prototype.toString.call(stored.tree?.start) !== '[object Int32Array]')
    return undefined;
  return { text: stored.text, value: stored.value, tree: PositionTree.fromData(stored.tree!) };
}
