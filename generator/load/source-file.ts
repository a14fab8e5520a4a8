import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { fastPositions, positionsFromEvents, type FastPositions } from './fast-positions';
import { fastYaml } from './fast-yaml';
import { jsonPositions } from './json-positions';
import { parsePointer } from './pointer';
import { anchorFree, reparse, type ParsedYaml } from './reparse';

/**
 * `yaml`, loaded when a file needs it (one the fast path does not read, or a position only its tree gives): most
 * runs never do, and loading it took ~30 ms of every run's start.
 */
let yamlModule: typeof Yaml | undefined;
const loadModule = createRequire(__filename);
function yaml(): typeof Yaml {
  return (yamlModule ??= loadModule('yaml') as typeof Yaml);
}

/** One parsed YAML or JSON file of a spec, with the positions of its nodes. */
export interface SourceFile {
  /** Absolute path (or URL for an allowed remote file). */
  id: string;
  /** Path shown to users: relative to the working directory when possible. */
  displayPath: string;
  text: string;
  /** The plain JS value (YAML aliases resolved). */
  value: unknown;
  /** Set when `value` is `JSON.parse(text)`: another thread given the text can make the value itself. */
  json?: true;
  /** 1-based line and column of the node a pointer names (or of its deepest existing ancestor). */
  locate(pointer: string): { line: number; column: number };
  /**
   * Drops the syntax tree `locate` parsed (tens of MB for a spec of a few MB; a later `locate` parses again): the
   * pipeline calls it once every diagnostic is located, so the tree is not held through emit and print.
   */
  releasePositions(): void;
  /** Whether `locate`'s syntax tree is held (parsed and not released). */
  holdsPositions(): boolean;
}

/** `locate` and the tree it holds. */
type Positions = Pick<SourceFile, 'locate' | 'releasePositions' | 'holdsPositions'>;

/**
 * Parses YAML (JSON is a subset); syntax problems become diagnostics. JSON goes through `JSON.parse` (10× faster than
 * a YAML parser), YAML through js-yaml where it gives what `yaml` gives (fast-yaml.ts; several times faster), else
 * through `yaml`, which reports the problems. Positions are found only when a diagnostic asks for one: `locate` parses
 * the text again with `yaml` on its first call, so no syntax tree is held for the (usual) run without diagnostics.
 *
 * With `previous` (the file as the last run read it, from the load record: its value is this call's to change), a
 * YAML text changed in one place is parsed in that place only (reparse.ts). `parsed` is the file as js-yaml read it,
 * for the next run's record: given for a YAML text with neither anchors nor aliases that the fast path read.
 */
export function parseSourceFile(
  id: string,
  displayPath: string,
  text: string,
  previous?: ParsedYaml,
): {
  file: SourceFile;
  diagnostics: Diagnostic[];
  parsed?: ParsedYaml;
  /** Set when the text was read from `previous`: the pointer of what was parsed (undefined: nothing changed). */
  reparsed?: { changed: string | undefined };
} {
  const read = (value: unknown, indexed: FastPositions | undefined) => ({
    id,
    displayPath,
    text,
    value,
    ...lazyPositions(text, { indexed }),
  });
  const again = previous && reparse(previous, text);
  if (again)
    return {
      file: read(again.value, again.tree),
      diagnostics: [],
      parsed: { text, value: again.value, tree: again.tree },
      reparsed: { changed: again.changed },
    };
  const json = parseJson(text);
  if (json !== undefined)
    return {
      file: {
        id,
        displayPath,
        text,
        value: json.value,
        json: true,
        ...lazyPositions(text, { json: true }),
      },
      diagnostics: [],
    };
  const fast = fastYaml(text);
  if (fast !== undefined) {
    // Indexed now from the events at hand (~0.05 s on Stripe's spec): the first diagnostic to locate would
    // otherwise parse the text again (~0.3–0.4 s). The events themselves are let go.
    const tree = positionsFromEvents(text, fast.events);
    return {
      file: read(fast.value, tree),
      diagnostics: [],
      ...(tree && anchorFree(fast.events) && { parsed: { text, value: fast.value, tree } }),
    };
  }
  const { doc, lineCounter } = parseYaml(text);
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      code: 'yaml-syntax',
      severity: doc.errors.includes(e) ? 'error' : 'warning',
      message:
        e.code === 'DUPLICATE_KEY'
          ? `duplicate key '${keyAt(text, e.pos[0])}': the keys of a mapping must be unique`
          : (e.message.split('\n')[0] ?? e.message),
      pointer: '#',
      file: displayPath,
      line: pos.line,
      column: pos.col,
    };
  });
  // `yaml` reports an alias to no anchor only when converting (a ReferenceError): an error of the spec, not a crash.
  if (!doc.errors.length)
    yaml().visit(doc, {
      Alias(_key, alias) {
        if (alias.resolve(doc) !== undefined) return;
        const pos = lineCounter.linePos(alias.range?.[0] ?? 0);
        diagnostics.push({
          code: 'yaml-syntax',
          severity: 'error',
          message: `alias '*${alias.source}' names no anchor before it`,
          pointer: '#',
          file: displayPath,
          line: pos.line,
          column: pos.col,
        });
        return yaml().visit.BREAK;
      },
    });
  const failed = diagnostics.some((d) => d.severity === 'error');
  const value: unknown = failed ? undefined : doc.toJS({ maxAliasCount: -1 });
  // With problems to report, positions will be asked for: keep this tree rather than parse again.
  const positions = lazyPositions(text, diagnostics.length ? { tree: { doc, lineCounter } } : {});
  return { file: { id, displayPath, text, value, ...positions }, diagnostics };
}

function parseYaml(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  return { doc, lineCounter };
}

/**
 * The value of a JSON text, or undefined when it is not JSON or has duplicate keys (which JSON.parse would silently
 * merge): the YAML parser then reports them with their position, as for YAML.
 */
function parseJson(text: string): { value: unknown } | undefined {
  if (!/^\s*[{[]/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return countKeysInText(text) === countKeys(value) ? { value } : undefined;
}

/**
 * The keys of a JSON text (one that JSON.parse read): its strings followed by ':'. More keys in the text than in the
 * value means duplicates. A scan with indexOf: a regular expression's matchAll over Stripe's 7 MB took 2-3 times as
 * long.
 */
export function countKeysInText(text: string): number {
  let keys = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at)) {
    // The closing quote: the next one after an even number of backslashes.
    let end = text.indexOf('"', at + 1);
    for (;;) {
      if (end === -1) return keys; // Not JSON: an unterminated string.
      let backslashes = 0;
      while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    at = end + 1;
    let c = text.charCodeAt(at);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++at);
    if (c === 58) keys++;
  }
  return keys;
}

function countKeys(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countKeys(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  for (const key in value) n += 1 + countKeys((value as Record<string, unknown>)[key]);
  return n;
}

/**
 * Positions of `text` until released: from an index of js-yaml's events (fast-positions.ts: `indexed`, made by the
 * load, or read from the text on the first `locate`) or of a JSON text (json-positions.ts, with `json`) where they
 * give what `yaml` gives, else from `yaml`'s syntax tree (`tree`, when the load parsed one). After a release, a
 * `locate` reads the text again.
 */
function lazyPositions(
  text: string,
  given: {
    tree?: { doc: Document.Parsed; lineCounter: LineCounter };
    indexed?: FastPositions | undefined;
    json?: boolean;
  },
): Positions {
  let tree = given.tree && locator(given.tree.doc, given.tree.lineCounter);
  let indexed = given.indexed;
  let fast: { positions: FastPositions; lineStarts: number[] } | null | undefined;
  return {
    locate: (pointer) => {
      if (!tree) {
        if (fast === undefined) {
          // A JSON text (JSON.parse read it) is scanned for its positions: much faster than js-yaml's events.
          const positions = indexed ?? (given.json ? jsonPositions(text) : fastPositions(text));
          indexed = undefined;
          fast = positions ? { positions, lineStarts: lineStartsOf(text) } : null;
        }
        const offset = fast?.positions.offsetOf(pointer);
        if (fast && offset !== undefined) return linePos(fast.lineStarts, offset);
      }
      tree ??= locateWithYaml(text);
      return tree(pointer);
    },
    releasePositions: () => {
      tree = undefined;
      indexed = undefined;
      fast = undefined;
    },
    holdsPositions: () => tree !== undefined || indexed !== undefined || Boolean(fast),
  };
}

/** `locate` by `yaml`'s syntax tree, the reference for positions. */
export function locateWithYaml(text: string): SourceFile['locate'] {
  const { doc, lineCounter } = parseYaml(text);
  return locator(doc, lineCounter);
}

/** Where each line starts, as `yaml`'s LineCounter records them (it counts the line feeds inside scalars too). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** `yaml`'s LineCounter.linePos: the 1-based line and column of an offset. */
function linePos(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, column: 1 };
  if (low === 0) return { line: 0, column: offset };
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

function locator(doc: Document.Parsed, lineCounter: LineCounter): SourceFile['locate'] {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  return (pointer) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of parsePointer(pointer)) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
        );
        next = pair?.value ?? undefined;
        // A key with no value still has a position: point at the key.
        if (pair && !next && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
      } else if (isSeq(node)) next = node.items[Number(segment)];
      if (!next) break;
      node = next;
      offset = (next as Node).range?.[0] ?? offset;
    }
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/**
 * The key written at `offset` (yaml's error position covers only its first character): a quoted key whole, else the
 * text up to the `:` that ends it.
 */
function keyAt(text: string, offset: number): string {
  const line = text.slice(
    offset,
    text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset),
  );
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(line);
  if (quoted) return quoted[1]!.slice(1, -1);
  return /^(.*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? line.trim();
}
