import { EVENT_ID, type Event } from 'js-yaml';
import { positionsFromEvents } from './fast-positions';
import { formatPointer } from './pointer';
import { MAX_DEPTH, fastYaml } from './fast-yaml';
import { MAPPING, PositionTree, SEQUENCE, type TreeData } from './position-tree';

/** A YAML file as js-yaml read it: its text, its value and its nodes' positions. */
export interface ParsedYaml {
  text: string;
  value: unknown;
  tree: PositionTree;
}

/**
 * `text` read from `previous` (the same file as the last run read it, its value this caller's to change): the deepest
 * block mapping member that holds every changed character and reads alone (else the next one holding it) is parsed
 * alone and put in place of the old one, in the value and in the positions (`changed`: its pointer; undefined when
 * the text is the previous one). Undefined when that cannot be known to give what a parse of the whole text gives
 * (then the caller parses it whole):
 *
 * - the member must be in block context all the way up (a flow collection's lines are not read alone), start its
 *   line (only spaces before its key, in both texts), and its text ends where the next node after it starts its
 *   line, with a line break still;
 * - its text, parsed as a document, must be one block mapping holding only that key, at the same column, through
 *   js-yaml's fast path (fast-yaml.ts: no tag, no directive, no risky key), with no document marker (`---`, `...`),
 *   anchor or alias (the previous text had none either: see `anchorFree`). A line of the new text at or left of the
 *   key's column would end the member in the whole text, and is a second key or an error in the member's own parse.
 *
 * test/load/reparse.test.ts holds the result to a parse of the whole text (value, and every array of the positions)
 * on random edits of the repository's YAML specs.
 */
export function reparse(
  previous: ParsedYaml,
  text: string,
): { value: unknown; tree: PositionTree; changed: string | undefined } | undefined {
  const old = previous.text;
  if (old === text) return { value: previous.value, tree: previous.tree, changed: undefined };
  const d = previous.tree.data();
  // Text put in at the boundary of two members could be either's: the diff is tried with the change as late as it
  // can be, then as early (a property added at the end of a schema's `properties`, just before the next schema's
  // key, is the next schema's for the first). For each, the deepest member first, then the members holding it: a
  // property added at the end of `properties`, just before a changed `required`, reads only in the schema that
  // holds both. An outer member larger than a quarter of the text is not tried: a whole parse costs little more.
  const late = changedRange(old, text, 'start');
  const tried = reparseIn(previous, d, text, late);
  if (tried) return tried;
  const early = changedRange(old, text, 'end');
  if (early.start === late.start && early.oldEnd === late.oldEnd) return undefined;
  return reparseIn(previous, d, text, early);
}

/** `reparse` with the change at `range`: the deepest member holding it, then the members holding that. */
function reparseIn(
  previous: ParsedYaml,
  d: TreeData,
  text: string,
  range: { start: number; oldEnd: number },
): { value: unknown; tree: PositionTree; changed: string } | undefined {
  const old = previous.text;
  const members = membersHolding(d, old, range.start, range.oldEnd).reverse();
  for (const [i, target] of members.entries()) {
    if (i > 0 && target.end - target.lineStart > old.length / 4) break;
    const again = reparseMember(previous, d, text, target);
    if (again) return again;
  }
  return undefined;
}

/** `reparse` of one member that holds the change, or undefined when it cannot be read alone. */
function reparseMember(
  previous: ParsedYaml,
  d: TreeData,
  text: string,
  { node, path, lineStart, end }: Member,
): { value: unknown; tree: PositionTree; changed: string } | undefined {
  const old = previous.text;
  const delta = text.length - old.length;
  const key = path[path.length - 1] as string;
  const column = d.keyStart[node]! - lineStart;
  // Only spaces before the key, in the old text as in the new: a `- ` taken out changes what the member belongs to.
  if (!/^ *$/.test(old.slice(lineStart, lineStart + column))) return undefined;
  // The member's last line break may be what changed: its text must still end a line.
  if (end + delta !== text.length && text.charCodeAt(end + delta - 1) !== 10) return undefined;
  const fragment = text.slice(lineStart, end + delta);
  const parsed = fastYaml(fragment, MAX_DEPTH - path.length);
  if (!parsed || !plainFragment(parsed.events)) return undefined;
  const value = parsed.value as Record<string, unknown>;
  if (!isObject(value) || Object.keys(value).length !== 1 || !Object.hasOwn(value, key))
    return undefined;
  const f = positionsFromEvents(fragment, parsed.events)?.data();
  if (!f || f.kind[0] !== MAPPING || f.flow[0]) return undefined;
  const member = f.firstChild[0]!;
  if (member === -1 || f.nextSibling[member] !== -1 || f.keys[member] !== key) return undefined;
  if (f.keyStart[member] !== column || !/^ *$/.test(fragment.slice(0, column))) return undefined;

  let parent: unknown = previous.value;
  for (const segment of path.slice(0, -1)) {
    if (!isObject(parent) || !Object.hasOwn(parent, segment)) return undefined;
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  if (!isObject(parent) || Array.isArray(parent) || !Object.hasOwn(parent, key)) return undefined;
  // Nothing is changed before this point: a member that does not read leaves the value for the next one to try.
  (parent as Record<string, unknown>)[key] = value[key];
  return {
    value: previous.value,
    tree: PositionTree.fromData(splice(d, node, f, member, lineStart, delta)),
    changed: formatPointer(path),
  };
}

/**
 * Whether a text is one block-mapping-member-sized document js-yaml can read alone: no marker that would end the
 * document early (`...`) or start it (`---`), and no anchor or alias (which would tie it to the rest of the text).
 */
function plainFragment(events: readonly Event[]): boolean {
  const document = events[0];
  if (document?.type !== EVENT_ID.DOCUMENT || document.explicitStart || document.explicitEnd)
    return false;
  return anchorFree(events);
}

/** No anchor and no alias in the events: a part of the text can then be read without the rest. */
export function anchorFree(events: readonly Event[]): boolean {
  for (const event of events) {
    if (event.type === EVENT_ID.ALIAS) return false;
    if (
      (event.type === EVENT_ID.SCALAR ||
        event.type === EVENT_ID.MAPPING ||
        event.type === EVENT_ID.SEQUENCE) &&
      event.anchorStart !== -1
    )
      return false;
  }
  return true;
}

/**
 * Where two texts differ, in the old text (`start` is the same in both): from the end of their common start to the
 * start of their common end. Where text was put in or taken out between two equal runs, it could be placed further
 * left or right: `first` says which common part is taken whole, the start (the change as late as it can be) or the
 * end (as early).
 */
export function changedRange(
  old: string,
  text: string,
  first: 'start' | 'end' = 'start',
): { start: number; oldEnd: number } {
  const shorter = Math.min(old.length, text.length);
  if (first === 'start') {
    const start = commonStart(old, text, shorter);
    return { start, oldEnd: old.length - commonEnd(old, text, shorter - start) };
  }
  const same = commonEnd(old, text, shorter);
  return { start: commonStart(old, text, shorter - same), oldEnd: old.length - same };
}

// Compared a chunk at a time (string equality is a memory compare), then character by character.
const CHUNK = 4096;

/** The length of the texts' common start, at most `most`. */
function commonStart(old: string, text: string, most: number): number {
  let start = 0;
  while (
    start + CHUNK <= most &&
    old.slice(start, start + CHUNK) === text.slice(start, start + CHUNK)
  )
    start += CHUNK;
  while (start < most && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  return start;
}

/** The length of the texts' common end, at most `most`. */
function commonEnd(old: string, text: string, most: number): number {
  let same = 0;
  while (
    same + CHUNK <= most &&
    old.slice(old.length - same - CHUNK, old.length - same) ===
      text.slice(text.length - same - CHUNK, text.length - same)
  )
    same += CHUNK;
  while (
    same < most &&
    old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)
  )
    same++;
  return same;
}

/** A block mapping member of the old text: its node, the path of keys and indexes to it, and its lines. */
interface Member {
  node: number;
  path: (string | number)[];
  /** Where its key's line starts. */
  lineStart: number;
  /** Where its text ends: the start of the line where the next node after it starts. */
  end: number;
}

/**
 * The block mapping members of the old text whose lines hold the changed range `[a, b)`, outermost first. Empty when
 * none does; the walk stops at a node that cannot be placed or a flow collection.
 */
function membersHolding(d: TreeData, text: string, a: number, b: number): Member[] {
  let node = 0;
  let end = text.length;
  const path: (string | number)[] = [];
  const found: Member[] = [];
  while ((d.kind[node] === MAPPING || d.kind[node] === SEQUENCE) && !d.flow[node]) {
    const mapping = d.kind[node] === MAPPING;
    // A member starts at its key; a sequence's item where `yaml` places it (on its `- ` line when it has one).
    const from = (c: number) => (mapping ? d.keyStart[c]! : d.start[c]!);
    let next = -1;
    let nextStart = 0;
    let nextEnd = 0;
    let index = 0;
    for (let c = d.firstChild[node]!; c !== -1; c = d.nextSibling[c]!, index++) {
      const at = from(c);
      if (at < 0) return found;
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      if (lineStart > a) break;
      const sibling = d.nextSibling[c]!;
      let cEnd = end;
      if (sibling !== -1) {
        const then = from(sibling);
        if (then < 0) return found;
        cEnd = text.lastIndexOf('\n', then - 1) + 1;
      }
      if (b <= cEnd) {
        next = c;
        nextStart = lineStart;
        nextEnd = cEnd;
        break;
      }
    }
    if (next === -1) break;
    if (mapping) {
      const key = d.keys[next];
      if (key === undefined) break;
      path.push(key);
      found.push({ node: next, path: [...path], lineStart: nextStart, end: nextEnd });
    } else path.push(index);
    node = next;
    end = nextEnd;
  }
  return found;
}

/**
 * The old tree with node `node`'s subtree replaced by the fragment tree's subtree at `member`, whose offsets are
 * `lineStart` short of the text's; nodes after it move by `delta` characters.
 */
function splice(
  d: TreeData,
  node: number,
  f: TreeData,
  member: number,
  lineStart: number,
  delta: number,
): TreeData {
  let last = node;
  for (let c = d.firstChild[last]!; c !== -1; c = d.firstChild[last]!) {
    while (d.nextSibling[c] !== -1) c = d.nextSibling[c]!;
    last = c;
  }
  const after = last + 1;
  const added = f.count - member;
  const shift = added - (after - node);
  const count = d.count + shift;
  const out: TreeData = {
    count,
    start: new Int32Array(count),
    kind: new Uint8Array(count),
    firstChild: new Int32Array(count),
    nextSibling: new Int32Array(count),
    keyStart: new Int32Array(count),
    flow: new Uint8Array(count),
    keys: new Array<string | undefined>(count),
  };
  const link = (x: number) => (x >= after ? x + shift : x);
  for (let i = 0; i < node; i++) copy(d, i, i, (x) => x, link);
  for (let i = member; i < f.count; i++)
    copy(
      f,
      i,
      node + i - member,
      (x) => x + lineStart,
      (x) => (x === -1 ? -1 : x - member + node),
    );
  out.nextSibling[node] = d.nextSibling[node] === -1 ? -1 : d.nextSibling[node]! + shift;
  for (let i = after; i < d.count; i++)
    copy(
      d,
      i,
      i + shift,
      (x) => x + delta,
      (x) => (x === -1 ? -1 : x + shift),
    );
  return out;

  function copy(
    from: TreeData,
    i: number,
    to: number,
    move: (offset: number) => number,
    relink: (node: number) => number,
  ): void {
    const start = from.start[i]!;
    const keyStart = from.keyStart[i]!;
    out.start[to] = start >= 0 ? move(start) : start;
    out.keyStart[to] = keyStart >= 0 ? move(keyStart) : keyStart;
    out.kind[to] = from.kind[i]!;
    out.flow[to] = from.flow[i]!;
    out.firstChild[to] = relink(from.firstChild[i]!);
    out.nextSibling[to] = relink(from.nextSibling[i]!);
    out.keys[to] = from.keys[i];
  }
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
