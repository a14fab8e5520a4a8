import { deserialize, serialize } from 'node:v8';
import { PositionTree } from './position-tree';
import type { ParsedYaml } from './reparse';

/**
 * The load record: a YAML spec's entry file as the last run read it (text, value, positions), kept so that a spec
 * changed in one place is parsed in that place only (reparse.ts). V8's serializer keeps what JSON would not: the
 * typed arrays of the positions, `undefined` keys, `-0`, `Infinity`. Keyed by clientgen's code identity: other code
 * may read a text otherwise.
 */
const VERSION = 2;

interface Stored {
  version: number;
  key: string;
  /** UTF-8: half the size of V8's two bytes a character for a text with any character past Latin-1. */
  text: Uint8Array;
  value: unknown;
  tree: ReturnType<PositionTree['data']>;
}

/**
 * The record of a parsed file. `bytes`, when given, are those its text was decoded from as UTF-8 (the file as read):
 * kept as they are, where encoding the text again took ~27 ms for Stripe's spec.
 */
export function encodeLoadRecord(key: string, parsed: ParsedYaml, bytes?: Uint8Array): Uint8Array {
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
  const text = bytes ?? Buffer.from(parsed.text, 'utf8');
  const stored: Stored = { version: VERSION, key, text, value: parsed.value, tree };
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
  if (stored.version !== VERSION || stored.key !== key || !ArrayBuffer.isView(stored.text))
    return undefined;
  // Typed arrays by tag, not `instanceof`: a test's sandbox has other globals than the serializer.
  if (Object.prototype.toString.call(stored.tree?.start) !== '[object Int32Array]')
    return undefined;
  const text = Buffer.from(stored.text.buffer, stored.text.byteOffset, stored.text.byteLength);
  return {
    text: text.toString('utf8'),
    value: stored.value,
    tree: PositionTree.fromData(stored.tree!),
  };
}
