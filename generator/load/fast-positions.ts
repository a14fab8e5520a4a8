import {
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  getScalarValue,
  parseEvents,
  type Event,
} from 'js-yaml';
import { LEAF, MAPPING, PositionTree, SEQUENCE, UNKNOWN } from './position-tree';

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
): PositionTree | undefined {
  if (text.startsWith('\uFEFF')) return undefined;
  const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
  if (documents !== 1 || events[0]?.type !== EVENT_ID.DOCUMENT || events.length < 3)
    return undefined;
  return indexEvents(text, events);
}

/**
 * The document's nodes as a `PositionTree`: where `yaml` places each (`UNKNOWN` for an alias, an anchor or a tag, a
 * scalar `startOf` cannot place), and for a mapping's value the name of its key (undefined: a key only `yaml` can
 * read). A collection used as a key is skipped, with all it holds.
 */
function indexEvents(text: string, events: readonly Event[]): PositionTree {
  const tree = new PositionTree(events.length);
  // Per open collection: whether it is skipped (a key), and in a mapping the key read for the next value (null: none
  // yet, so the next node is a key) and where that key starts (-1: where `startOf` cannot place it).
  const open: { skipped: boolean; key: string | undefined | null; keyStart: number }[] = [];
  const startOfNode = (event: Event) =>
    plainProps(event) ? (startOf(text, event) ?? UNKNOWN) : UNKNOWN;
  for (let i = 1; i < events.length; i++) {
    const event = events[i]!;
    const collection = event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE;
    const parent = open[open.length - 1];
    if (event.type === EVENT_ID.POP) {
      if (open.pop()?.skipped === false) tree.close();
      continue;
    }
    if (parent?.skipped) {
      // Inside a collection used as a key: keep only the nesting.
      if (collection) open.push({ skipped: true, key: null, keyStart: -1 });
      continue;
    }
    if (parent && parent.key === null && tree.openKind() === MAPPING) {
      // A key: its name, or undefined when only `yaml` can read it.
      let name: string | undefined;
      parent.keyStart = -1;
      if (event.type === EVENT_ID.SCALAR && plainProps(event)) {
        name = getScalarValue(text, event);
        if (event.style === SCALAR_STYLE.PLAIN && readOtherwise(name)) name = undefined;
        parent.keyStart = startOf(text, event) ?? -1;
      }
      parent.key = name;
      if (collection) open.push({ skipped: true, key: null, keyStart: -1 });
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) continue;
    tree.add(
      startOfNode(event),
      event.type === EVENT_ID.MAPPING
        ? MAPPING
        : event.type === EVENT_ID.SEQUENCE
          ? SEQUENCE
          : LEAF,
      parent?.key ?? undefined,
      parent?.keyStart ?? -1,
      (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) &&
        event.style === COLLECTION_STYLE.FLOW,
    );
    if (parent) {
      parent.key = null;
      parent.keyStart = -1;
    }
    if (collection) open.push({ skipped: false, key: null, keyStart: -1 });
  }
  return tree;
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
