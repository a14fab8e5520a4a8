import type { FastPositions } from './fast-positions';
import { parsePointer } from './pointer';

/** A node's kind in a `PositionTree`. */
export const LEAF = 0;
export const MAPPING = 1;
export const SEQUENCE = 2;

/** A start no position can be taken from: only `yaml` can tell (an alias, an anchor or a tag on the way...). */
export const UNKNOWN = -2;

/** A `PositionTree`'s contents, as kept between runs (load-record.ts). Nodes are numbered in document order. */
export interface TreeData {
  count: number;
  start: Int32Array;
  kind: Uint8Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Where a mapping member's key starts (-1: not a member, or a key `startOf` cannot place). */
  keyStart: Int32Array;
  /** 1 for a flow collection (`{...}`, `[...]`). */
  flow: Uint8Array;
  keys: (string | undefined)[];
}

/**
 * The nodes of a document as typed arrays (the root is the first node added): where `yaml` places each, its kind, its
 * first child and next sibling (-1: none), and for a mapping's member the name of its key (undefined: a key only
 * `yaml` can read) and where the key starts. Built by a parser's walk (fast-positions.ts from js-yaml's events,
 * json-positions.ts from a JSON text), a few MB where the events they come from are tens; read by walking a pointer
 * down the links.
 */
export class PositionTree implements FastPositions {
  private start: Int32Array;
  private kind: Uint8Array;
  private firstChild: Int32Array;
  private nextSibling: Int32Array;
  private keyStart: Int32Array;
  private flow: Uint8Array;
  private keys: (string | undefined)[] = [];
  private count = 0;
  /** The open collections: their node and last child so far (-1: none). */
  private readonly open: { node: number; last: number }[] = [];

  constructor(capacity = 1024) {
    capacity = Math.max(capacity, 16);
    this.start = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.firstChild = new Int32Array(capacity);
    this.nextSibling = new Int32Array(capacity);
    this.keyStart = new Int32Array(capacity);
    this.flow = new Uint8Array(capacity);
  }

  /** A tree with these contents (`data()` of another), which it takes over. */
  static fromData(data: TreeData): PositionTree {
    const tree = new PositionTree(16);
    tree.count = data.count;
    tree.start = data.start;
    tree.kind = data.kind;
    tree.firstChild = data.firstChild;
    tree.nextSibling = data.nextSibling;
    tree.keyStart = data.keyStart;
    tree.flow = data.flow;
    tree.keys = data.keys;
    return tree;
  }

  /** The tree's contents (views of its arrays, trimmed to its nodes: not copies). */
  data(): TreeData {
    const n = this.count;
    return {
      count: n,
      start: this.start.subarray(0, n),
      kind: this.kind.subarray(0, n),
      firstChild: this.firstChild.subarray(0, n),
      nextSibling: this.nextSibling.subarray(0, n),
      keyStart: this.keyStart.subarray(0, n),
      flow: this.flow.subarray(0, n),
      keys: this.keys,
    };
  }

  /**
   * Adds a node as the next child of the innermost open collection (`key`: its name, in a mapping, and `keyStart`
   * where the key starts), and opens it when it is a collection (`close` closes it).
   */
  add(start: number, kind: number, key?: string, keyStart = -1, flow = false): void {
    if (this.count === this.start.length) this.grow();
    const node = this.count++;
    this.start[node] = start;
    this.kind[node] = kind;
    this.firstChild[node] = -1;
    this.nextSibling[node] = -1;
    this.keyStart[node] = keyStart;
    this.flow[node] = flow ? 1 : 0;
    const parent = this.open[this.open.length - 1];
    if (parent) {
      if (parent.last === -1) this.firstChild[parent.node] = node;
      else this.nextSibling[parent.last] = node;
      parent.last = node;
      if (this.kind[parent.node] === MAPPING) this.keys[node] = key;
    }
    if (kind !== LEAF) this.open.push({ node, last: -1 });
  }

  close(): void {
    this.open.pop();
  }

  /** The kind of the innermost open collection, or undefined at the top. */
  openKind(): number | undefined {
    const parent = this.open[this.open.length - 1];
    return parent && this.kind[parent.node];
  }

  offsetOf(pointer: string): number | undefined {
    if (this.count === 0) return undefined;
    let node = 0;
    let offset = this.start[node]!;
    if (offset === UNKNOWN) return undefined;
    for (const segment of parsePointer(pointer)) {
      const next = this.child(node, segment);
      if (next === 'unknown') return undefined;
      if (next === undefined) break;
      const start = this.start[next]!;
      if (start === UNKNOWN) return undefined;
      node = next;
      offset = start;
    }
    return offset;
  }

  /** The node `segment` names under `node`, undefined when there is none, 'unknown' when only `yaml` can tell. */
  private child(node: number, segment: string): number | undefined | 'unknown' {
    const kind = this.kind[node];
    if (kind === MAPPING) {
      for (let c = this.firstChild[node]!; c !== -1; c = this.nextSibling[c]!) {
        const name = this.keys[c];
        if (name === undefined) return 'unknown';
        if (name === segment) return c;
      }
      return undefined;
    }
    if (kind === SEQUENCE) {
      const position = Number(segment);
      if (!Number.isInteger(position) || position < 0) return undefined;
      let i = 0;
      for (let c = this.firstChild[node]!; c !== -1; c = this.nextSibling[c]!, i++)
        if (i === position) return c;
    }
    return undefined;
  }

  private grow(): void {
    const bigger = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = bigger(this.start);
    this.kind = bigger(this.kind);
    this.firstChild = bigger(this.firstChild);
    this.nextSibling = bigger(this.nextSibling);
    this.keyStart = bigger(this.keyStart);
    this.flow = bigger(this.flow);
  }
}
