import { CORE_SCHEMA, EVENT_ID, constructFromEvents, parseEvents, type Event } from 'js-yaml';

/**
 * The value of a YAML text read by js-yaml (and js-yaml's events, from which source-file.ts indexes positions) (YAML 1.2 core schema), several times faster than the `yaml` parser (0.3 s
 * against 2.2 s of CPU on Stripe's 4 MB spec, on a busy machine), or undefined to say "let `yaml` read it": `yaml` stays
 * the reference, which reports every problem with its position. js-yaml gives the value `yaml` gives on every text it
 * reads without error, except for a few constructs; a text holding any of them is left to `yaml`
 * (test/load/fast-yaml.test.ts holds the two parsers to equal values on every YAML file of the repository and on each
 * construct):
 *
 * - a directive (`%YAML 1.1` changes `yaml`'s schema: `yes` is true there);
 * - a tag (`!!float 1` is a string with a warning for `yaml`, 1 for js-yaml): specs seldom use them;
 * - an anchor or alias whose name ends in `:` (a warning for `yaml`); other anchors and aliases read alike, an alias
 *   being the very object its anchor names in both;
 * - a null key (`~: x` is `''` for `yaml`, `'null'` for js-yaml): any key `null`;
 * - a key longer than 1024 characters (an error for `yaml`);
 * - more than one document, or none.
 *
 * Anything js-yaml rejects (duplicate keys, syntax errors, nesting deeper than its limit) also goes to `yaml`.
 */
export function fastYaml(
  text: string,
  maxDepth = MAX_DEPTH,
): { value: unknown; events: Event[] } | undefined {
  let events: Event[];
  let value: unknown;
  try {
    events = parseEvents(text, { maxDepth });
    if (!plainEvents(events, text)) return undefined;
    const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
    if (documents.length !== 1) return undefined;
    value = documents[0];
  } catch {
    return undefined;
  }
  return hasRiskyKey(value) ? undefined : { value, events };
}

/** Deeper than any spec; js-yaml's default (100) would send some to the slow path for nothing. */
export const MAX_DEPTH = 1000;

/** One document, no directive, no tag, and no anchor or alias whose name ends in `:` (`yaml` warns on those). */
function plainEvents(events: readonly Event[], text: string): boolean {
  let documents = 0;
  const ambiguous = (start: number, end: number) => start !== -1 && text[end - 1] === ':';
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length) return false;
        break;
      case EVENT_ID.ALIAS:
        if (ambiguous(event.anchorStart, event.anchorEnd)) return false;
        break;
      case EVENT_ID.SCALAR:
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING:
        if (event.tagStart !== -1 || ambiguous(event.anchorStart, event.anchorEnd)) return false;
        break;
      case EVENT_ID.POP:
        break;
    }
  }
  return documents === 1;
}

function hasRiskyKey(root: unknown): boolean {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key in node) {
      if (key === 'null' || key.length > 1024) return true;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}
