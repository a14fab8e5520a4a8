import { deserialize, serialize } from 'node:v8';
import { PositionTree, type TreeData } from './position-tree';
import type { ParsedYaml } from './reparse';

/**
 * The load record: a YAML spec's entry file as the last run read it (text, value, positions), kept so that a spec
 * changed in one place is parsed in that place only (reparse.ts). Written as two parts: the length of the text's
 * bytes (4 bytes, little-endian) and the bytes themselves (UTF-8, the file as read: half of V8's two bytes a character
 * for a text with any character past Latin-1), then the rest as V8's serializer writes it, which keeps what JSON
 * would not (the positions' typed arrays, `-0`, `Infinity`). The parts are written one after the other rather than
 * joined: one buffer of the whole (~12 MB for Stripe's spec) raised the run's peak memory. Keyed by clientgen's code
 * identity: other code may read a text otherwise.
 */
const VERSION = 3;

interface Stored {
  version: number;
  key: string;
  value: unknown;
  tree: TreeData;
}

/**
 * The record of a parsed file, as the parts of its bytes. `bytes`, when given, are those its text was decoded from as
 * UTF-8 (the file as read): kept as they are, where encoding the text again took ~27 ms for Stripe's spec.
 */
export function encodeLoadRecord(
  key: string,
  parsed: ParsedYaml,
  bytes?: Uint8Array,
): Uint8Array[] {
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
  const length = Buffer.alloc(4);
  length.writeUInt32LE(text.byteLength);
  const stored: Stored = { version: VERSION, key, value: parsed.value, tree };
  return [length, text, serialize(stored)];
}

/** The parsed file a record holds (its parts' bytes joined), or undefined when this code did not write it under `key`. */
export function decodeLoadRecord(bytes: Uint8Array, key: string): ParsedYaml | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4) return undefined;
  const end = 4 + buffer.readUInt32LE(0);
  if (end > buffer.length) return undefined;
  let stored: Partial<Stored>;
  try {
    stored = deserialize(buffer.subarray(end)) as Partial<Stored>;
  } catch {
    return undefined;
  }
  if (stored.version !== VERSION || stored.key !== key) return undefined;
  // Typed arrays by tag, not `instanceof`: a test's sandbox has other globals than the serializer.
  if (Object.prototype.toString.call(stored.tree?.start) !== '[object Int32Array]')
    return undefined;
  return {
    text: buffer.toString('utf8', 4, end),
    value: stored.value,
    tree: PositionTree.fromData(stored.tree!),
  };
}
