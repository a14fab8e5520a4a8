import type { FastPositions } from './fast-positions';
import { parsePointer } from './pointer';

/**
 * Offsets of the nodes JSON pointers name in a JSON text (one `JSON.parse` accepted), from one scan into typed
 * arrays: where js-yaml's events (fast-positions.ts) took ~0.5 s and ~50 MB for the 13 MB synthetic spec of
 * `npm run bench`, this takes a small fraction of both. The offsets are those `yaml`'s locator gives (a value's first
 * character: its brace, bracket, quote, digit or letter), which test/load/json-positions.test.ts checks on every node
 * of the repository's JSON files and of JSON renderings of its YAML files. A key holding an escape, or longer than
 * `yaml` reads as a key, is left to `yaml` (undefined).
 */
export function jsonPositions(text: string): FastPositions {
  const nodes = scan(text);
  return {
    offsetOf(pointer) {
      let node = 0;
      for (const segment of parsePointer(pointer)) {
        const next = childOf(text, nodes, node, segment);
        if (next === 'unknown') return undefined;
        if (next === -1) break;
        node = next;
      }
      return nodes.start[node];
    },
  };
}

/** The scanned tree: per node its start, first child and next sibling (-1: none), and for a member its key's quotes. */
interface Nodes {
  start: Int32Array;
  kind: Uint8Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  keyStart: Int32Array;
  keyEnd: Int32Array;
}

const SCALAR = 0;
const OBJECT = 1;
const ARRAY = 2;

/** `yaml` reads an implicit key of at most 1024 characters. */
const MAX_KEY = 1024;

function childOf(text: string, nodes: Nodes, node: number, segment: string): number | 'unknown' {
  const kind = nodes.kind[node];
  if (kind === OBJECT) {
    for (let child = nodes.firstChild[node]!; child !== -1; child = nodes.nextSibling[child]!) {
      const from = nodes.keyStart[child]! + 1;
      const to = nodes.keyEnd[child]!;
      if (to - from > MAX_KEY) return 'unknown';
      const key = text.slice(from, to);
      if (key.includes('\\')) return 'unknown';
      if (key === segment) return child;
    }
    return -1;
  }
  if (kind === ARRAY) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0) return -1;
    let i = 0;
    for (let child = nodes.firstChild[node]!; child !== -1; child = nodes.nextSibling[child]!, i++)
      if (i === index) return child;
    return -1;
  }
  return -1;
}

/** One pass over a valid JSON text. */
function scan(text: string): Nodes {
  let capacity = 1024;
  let nodes: Nodes = allocate(capacity);
  let count = 0;
  // Per open container: its node, and its last child so far (-1: none yet).
  const open: number[] = [];
  const lastChild: number[] = [];
  let pendingKey = -1;
  let pendingKeyEnd = -1;
  const add = (start: number, kind: number): number => {
    if (count === capacity) nodes = grow(nodes, (capacity *= 2));
    const node = count++;
    nodes.start[node] = start;
    nodes.kind[node] = kind;
    nodes.firstChild[node] = -1;
    nodes.nextSibling[node] = -1;
    nodes.keyStart[node] = pendingKey;
    nodes.keyEnd[node] = pendingKeyEnd;
    pendingKey = pendingKeyEnd = -1;
    const depth = open.length;
    if (depth) {
      const previous = lastChild[depth - 1]!;
      if (previous === -1) nodes.firstChild[open[depth - 1]!] = node;
      else nodes.nextSibling[previous] = node;
      lastChild[depth - 1] = node;
    }
    return node;
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      open.push(add(i, c === 0x7b ? OBJECT : ARRAY));
      lastChild.push(-1);
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
      lastChild.pop();
      i++;
    } else if (c === 0x22 /* " */) {
      const end = closingQuote(text, i);
      // A string in an object, before its colon, is a key.
      const depth = open.length;
      if (depth && nodes.kind[open[depth - 1]!] === OBJECT && pendingKey === -1) {
        pendingKey = i;
        pendingKeyEnd = end;
      } else add(i, SCALAR);
      i = end + 1;
    } else if (c === 0x3a /* : */ || c === 0x2c /* , */ || c <= 0x20) i++;
    else {
      // A number, true, false or null: up to the next delimiter.
      add(i, SCALAR);
      i++;
      while (i < text.length && !DELIMITER.has(text.charCodeAt(i))) i++;
    }
  }
  return nodes;
}

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

function allocate(capacity: number): Nodes {
  return {
    start: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    firstChild: new Int32Array(capacity),
    nextSibling: new Int32Array(capacity),
    keyStart: new Int32Array(capacity),
    keyEnd: new Int32Array(capacity),
  };
}

function grow(nodes: Nodes, capacity: number): Nodes {
  const bigger = allocate(capacity);
  bigger.start.set(nodes.start);
  bigger.kind.set(nodes.kind);
  bigger.firstChild.set(nodes.firstChild);
  bigger.nextSibling.set(nodes.nextSibling);
  bigger.keyStart.set(nodes.keyStart);
  bigger.keyEnd.set(nodes.keyEnd);
  return bigger;
}
