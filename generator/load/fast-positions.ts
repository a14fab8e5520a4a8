import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event } from 'js-yaml';
import { parsePointer } from './pointer';

/**
 * Offsets of the nodes JSON pointers name, read from js-yaml's events: a few times faster than `yaml`'s syntax tree
 * (source-file.ts `locator`) and a fraction of its memory (OpenAI's spec: ~0.3 s against ~2 s, and no tree of
 * ~30 MB). `yaml` stays the reference: `offsetOf` answers only where the two agree by construction, and says
 * undefined ("ask `yaml`") for the rest: a block or empty scalar at the end of the walk (`yaml` places a block
 * scalar at its header), an alias, an anchor or a tag on the way, a key that is not a scalar or whose plain text
 * `yaml` reads as another string (`~`, `1.0`, `0x1F`...). test/load/fast-positions.test.ts holds it to `yaml`'s
 * positions on every node of every YAML file of the repository.
 */
export interface FastPositions {
  /** The offset `yaml`'s locator gives for this pointer, or undefined when only `yaml` can tell. */
  offsetOf(pointer: string): number | undefined;
}

/** Undefined when js-yaml does not read the text as one plain document (`yaml` then does all). */
export function fastPositions(text: string): FastPositions | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 1000 });
  } catch {
    return undefined;
  }
  return positionsFromEvents(text, events);
}

/**
 * The positions of `text` from the events js-yaml parsed it into, kept as an index (typed arrays and the keys' names,
 * a few MB for Stripe's spec) rather than the events (~50 MB), so the load stage builds it from the events it already
 * has and no diagnostic makes it parse the text again. Undefined when the events are not one plain document.
 */
export function positionsFromEvents(
  text: string,
  events: readonly Event[],
): FastPositions | undefined {
  if (text.startsWith('\uFEFF')) return undefined;
  const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
  if (documents !== 1 || events[0]?.type !== EVENT_ID.DOCUMENT || events.length < 3)
    return undefined;
  const index = indexEvents(text, events);
  return {
    offsetOf(pointer) {
      let node = 0;
      let offset = index.start[node]!;
      if (offset === UNKNOWN) return undefined;
      for (const segment of parsePointer(pointer)) {
        const next = child(index, node, segment);
        if (next === 'unknown') return undefined;
        if (next === undefined) break;
        const start = index.start[next]!;
        if (start === UNKNOWN) return undefined;
        node = next;
        offset = start;
      }
      return offset;
    },
  };
}

/**
 * The document's nodes (the root is 0): where `yaml` places each (`UNKNOWN` where only `yaml` can tell: an alias, an
 * anchor or a tag, a scalar `startOf` cannot place), its kind, its first child and next sibling (-1: none), and for a
 * mapping's value the name of its key (undefined: a key only `yaml` can read).
 */
interface EventIndex {
  start: Int32Array;
  kind: Uint8Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  keys: (string | undefined)[];
}

const UNKNOWN = -2;
const OTHER = 0;
const MAPPING = 1;
const SEQUENCE = 2;

function indexEvents(text: string, events: readonly Event[]): EventIndex {
  const capacity = events.length;
  const index: EventIndex = {
    start: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    firstChild: new Int32Array(capacity),
    nextSibling: new Int32Array(capacity),
    keys: [],
  };
  let count = 0;
  // Open collections: their node (-1: a collection used as a key, whose nodes are skipped), last child so far, and
  // for a mapping whether a key is awaited and the name of the key read (null: none yet).
  const open: { node: number; last: number; mapping: boolean; key: string | undefined | null }[] =
    [];
  const add = (event: Event, kind: number): number => {
    const node = count++;
    index.start[node] = plainProps(event) ? (startOf(text, event) ?? UNKNOWN) : UNKNOWN;
    index.kind[node] = kind;
    index.firstChild[node] = -1;
    index.nextSibling[node] = -1;
    const parent = open[open.length - 1];
    if (parent) {
      if (parent.last === -1) index.firstChild[parent.node] = node;
      else index.nextSibling[parent.last] = node;
      parent.last = node;
      if (parent.mapping) {
        index.keys[node] = parent.key ?? undefined;
        parent.key = null;
      }
    }
    return node;
  };
  for (let i = 1; i < events.length; i++) {
    const event = events[i]!;
    const parent = open[open.length - 1];
    if (parent && parent.node === -1) {
      // Inside a collection used as a key: skip its nodes, keep only the nesting.
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)
        open.push({ node: -1, last: -1, mapping: false, key: null });
      else if (event.type === EVENT_ID.POP) open.pop();
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (parent?.mapping && parent.key === null) {
      // A key: its name, or undefined when only `yaml` can read it.
      let name: string | undefined;
      if (event.type === EVENT_ID.SCALAR && plainProps(event)) {
        name = getScalarValue(text, event);
        if (event.style === SCALAR_STYLE.PLAIN && readOtherwise(name)) name = undefined;
      }
      parent.key = name;
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)
        open.push({ node: -1, last: -1, mapping: false, key: null });
      continue;
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const mapping = event.type === EVENT_ID.MAPPING;
      const node = add(event, mapping ? MAPPING : SEQUENCE);
      open.push({ node, last: -1, mapping, key: null });
    } else if (event.type !== EVENT_ID.DOCUMENT) add(event, OTHER);
  }
  return index;
}

/** The node `segment` names under `node`, undefined when there is none, 'unknown' when only `yaml` can tell. */
function child(index: EventIndex, node: number, segment: string): number | undefined | 'unknown' {
  const kind = index.kind[node];
  if (kind === MAPPING) {
    for (let c = index.firstChild[node]!; c !== -1; c = index.nextSibling[c]!) {
      const name = index.keys[c];
      if (name === undefined) return 'unknown';
      if (name === segment) return c;
    }
    return undefined;
  }
  if (kind === SEQUENCE) {
    const position = Number(segment);
    if (!Number.isInteger(position) || position < 0) return undefined;
    let i = 0;
    for (let c = index.firstChild[node]!; c !== -1; c = index.nextSibling[c]!, i++)
      if (i === position) return c;
    return undefined;
  }
  return undefined;
}

/**
 * Whether `yaml` reads a plain key as something whose string is not its text: null, booleans other than
 * `true`/`false`, numbers other than short canonical decimal integers (`1.0` is 1, `0x1F` is 31, `+5` is 5),
 * infinities and NaN; an empty key too.
 */
function readOtherwise(text: string): boolean {
  return NOT_A_STRING.test(text) && !CANONICAL_INTEGER.test(text);
}

const NOT_A_STRING =
  /^(?:|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0o[0-7]+|0x[\dA-Fa-f]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const CANONICAL_INTEGER = /^(?:0|-?[1-9]\d{0,14}|true|false|null)$/;

/** No anchor and no tag (where `yaml` may place the node otherwise), and not an alias. */
function plainProps(event: Event): boolean {
  if (event.type === EVENT_ID.ALIAS) return false;
  if (event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT) return false;
  return event.anchorStart === -1 && event.tagStart === -1;
}

/** Where `yaml` places the node: a collection's start, a non-empty plain scalar's first character, a quote. */
function startOf(text: string, event: Event): number | undefined {
  if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
  if (event.type !== EVENT_ID.SCALAR) return undefined;
  if (event.style === SCALAR_STYLE.PLAIN)
    return event.valueEnd > event.valueStart ? event.valueStart : undefined;
  const quote = QUOTES.get(event.style);
  // js-yaml's value starts after the opening quote, `yaml`'s node at it.
  return quote && text[event.valueStart - 1] === quote ? event.valueStart - 1 : undefined;
}

const QUOTES = new Map<number, string>([
  [SCALAR_STYLE.SINGLE_QUOTED, "'"],
  [SCALAR_STYLE.DOUBLE_QUOTED, '"'],
]);
