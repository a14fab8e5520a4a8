// Positions of Redocly's findings in our own parsed files: values, keys, and the file's line starts.
import { findByPointer, parsePointer } from '../load/pointer';
import type { SourceFile } from '../load/source-file';

export type Position = { line: number; column: number };

/** The node a pointer names; a pointer that is not well-formed falls back to the file's start. */
export function locate(file: SourceFile, pointer: string): Position {
  try {
    return file.locate(pointer);
  } catch {
    return file.locate('#');
  }
}

export function safeFind(root: unknown, pointer: string): unknown {
  try {
    return findByPointer(root, pointer);
  } catch {
    return undefined;
  }
}

/**
 * The key a pointer ends with (`get:` for '#/paths/~1pets/get'), for problems Redocly reports on a key. SourceFile
 * locates values, so the key is the nearest `key:` before its value in the text; when the key is not there (the
 * problem is a missing key) this is the position of the deepest node that exists.
 */
export function locateKey(file: SourceFile, pointer: string): Position {
  const at = locate(file, pointer);
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return at;
  }
  const key = segments[segments.length - 1];
  const parent = safeFind(
    file.value,
    '#' +
      segments
        .slice(0, -1)
        .map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1'))
        .join(''),
  );
  if (key === undefined || !isRecord(parent) || !Object.hasOwn(parent, key)) return at;
  const starts = lineStarts(file);
  const offset = (starts[at.line - 1] ?? 0) + at.column - 1;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<=^|[\\s{,?])(["']?)${escaped}\\1[ \\t]*:`, 'gm');
  const window = Math.max(0, offset - 4096);
  const text = file.text.slice(window, offset + key.length + 3);
  let found: number | undefined;
  for (const match of text.matchAll(pattern)) {
    const start = window + (match.index ?? 0);
    if (start <= offset) found = start;
  }
  if (found === undefined) return at;
  let line = at.line;
  while (line > 1 && (starts[line - 1] ?? 0) > found) line--;
  return { line, column: found - (starts[line - 1] ?? 0) + 1 };
}

const lineStartsCache = new WeakMap<SourceFile, number[]>();

function lineStarts(file: SourceFile): number[] {
  let starts = lineStartsCache.get(file);
  if (!starts) {
    starts = [0];
    for (let i = file.text.indexOf('\n'); i !== -1; i = file.text.indexOf('\n', i + 1))
      starts.push(i + 1);
    lineStartsCache.set(file, starts);
  }
  return starts;
}

/** Narrows an unknown value to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
