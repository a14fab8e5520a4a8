import type { FastPositions } from './fast-positions';
import { LEAF, MAPPING, PositionTree, SEQUENCE } from './position-tree';

/**
 * Offsets of the nodes JSON pointers name in a JSON text (one `JSON.parse` accepted), from one scan into a
 * `PositionTree` (position-tree.ts): where js-yaml's events (fast-positions.ts) took ~0.5 s and ~50 MB for the 13 MB
 * synthetic spec of `npm run bench`, this takes a small fraction of both. The offsets are those `yaml`'s locator gives
 * (a value's first character: its brace, bracket, quote, digit or letter), which test/load/json-positions.test.ts
 * checks on every node of the repository's JSON files and of JSON renderings of its YAML files. A key longer than
 * `yaml` reads as a key is left to `yaml` (undefined).
 */
export function jsonPositions(text: string): FastPositions {
  const tree = new PositionTree();
  // A string in an object, before its colon, is a key: its name until its value is added (null: none read yet).
  let key: string | undefined | null = null;
  const add = (start: number, kind: number) => {
    tree.add(start, kind, key ?? undefined);
    key = null;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      add(i, c === 0x7b ? MAPPING : SEQUENCE);
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      tree.close();
      i++;
    } else if (c === 0x22 /* " */) {
      const end = closingQuote(text, i);
      if (key === null && tree.openKind() === MAPPING) key = keyName(text, i + 1, end);
      else add(i, LEAF);
      i = end + 1;
    } else if (c === 0x3a /* : */ || c === 0x2c /* , */ || c <= 0x20) i++;
    else {
      // A number, true, false or null: up to the next delimiter.
      add(i, LEAF);
      i++;
      while (i < text.length && !DELIMITER.has(text.charCodeAt(i))) i++;
    }
  }
  return tree;
}

/** A key's name from its text between the quotes (escapes read as JSON reads them); undefined over 1,024 characters. */
function keyName(text: string, from: number, to: number): string | undefined {
  if (to - from > MAX_KEY) return undefined;
  const name = text.slice(from, to);
  return name.includes('\\') ? (JSON.parse(`"${name}"`) as string) : name;
}

/** `yaml` reads an implicit key of at most 1024 characters. */
const MAX_KEY = 1024;

const DELIMITER = new Set([0x2c, 0x5d, 0x7d, 0x3a, 0x20, 0x09, 0x0a, 0x0d]);

/** The offset of the quote closing the string opened at `open`. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
  return end === -1 ? text.length : end;
}

/** Whether the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n % 2 === 1;
}
