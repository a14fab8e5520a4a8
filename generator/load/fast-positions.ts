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
  if (text.startsWith('\uFEFF')) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 1000 });
  } catch {
    return undefined;
  }
  const documents = events.filter((e) => e.type === EVENT_ID.DOCUMENT).length;
  if (documents !== 1 || events[0]?.type !== EVENT_ID.DOCUMENT || events.length < 3)
    return undefined;
  const ends = subtreeEnds(events);
  const root = 1;
  return {
    offsetOf(pointer) {
      let node = root;
      if (!plainProps(events[node]!)) return undefined;
      let offset = startOf(text, events[node]!);
      if (offset === undefined) return undefined;
      for (const segment of parsePointer(pointer)) {
        const next = child(text, events, ends, node, segment);
        if (next === 'unknown') return undefined;
        if (next === undefined) break;
        const event = events[next]!;
        if (!plainProps(event)) return undefined;
        const start = startOf(text, event);
        if (start === undefined) return undefined;
        node = next;
        offset = start;
      }
      return offset;
    },
  };
}

/** For each event, the index of the last event of the node it opens (itself for a scalar or an alias). */
function subtreeEnds(events: readonly Event[]): Int32Array {
  const ends = new Int32Array(events.length);
  const open: number[] = [];
  events.forEach((event, i) => {
    if (event.type === EVENT_ID.POP) {
      const opened = open.pop();
      if (opened !== undefined) ends[opened] = i;
      ends[i] = i;
    } else if (
      event.type === EVENT_ID.MAPPING ||
      event.type === EVENT_ID.SEQUENCE ||
      event.type === EVENT_ID.DOCUMENT
    )
      open.push(i);
    else ends[i] = i;
  });
  return ends;
}

/** The index of the child `segment` names, undefined when there is none, 'unknown' when only `yaml` can tell. */
function child(
  text: string,
  events: readonly Event[],
  ends: Int32Array,
  node: number,
  segment: string,
): number | undefined | 'unknown' {
  const event = events[node]!;
  if (event.type === EVENT_ID.MAPPING) {
    for (let key = node + 1; events[key]!.type !== EVENT_ID.POP; key = ends[key + 1]! + 1) {
      const k = events[key]!;
      if (k.type !== EVENT_ID.SCALAR || !plainProps(k)) return 'unknown';
      const name = getScalarValue(text, k);
      if (k.style === SCALAR_STYLE.PLAIN && readOtherwise(name)) return 'unknown';
      if (name === segment) return key + 1;
    }
    return undefined;
  }
  if (event.type === EVENT_ID.SEQUENCE) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0) return undefined;
    let item = node + 1;
    for (let i = 0; events[item]!.type !== EVENT_ID.POP; i++, item = ends[item]! + 1)
      if (i === index) return item;
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
