import { codeFrameColumns, type BabelCodeFrameOptions } from '@babel/code-frame';

/** The start offset of every line of a text, for cutting out windows of it. */
export function indexLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * A code frame (one line above and below) of a position in a text whose lines were indexed once: only the window's
 * lines are handed to @babel/code-frame (with its `startLine`), so a frame costs the same in a 3 MB spec as in a
 * small one, and reads exactly as a frame of the whole text.
 */
export function renderCodeFrame(
  text: string,
  lines: readonly number[],
  at: { line: number; column: number },
  color: boolean,
): string {
  const first = Math.max(1, at.line - 1);
  const last = Math.min(lines.length, at.line + 1);
  const start = lines[first - 1] ?? 0;
  const end = last < lines.length ? (lines[last] ?? text.length) - 1 : text.length;
  const cut = columnWindow(text.slice(start, end).replace(/\r$/, ''), at.column);
  // `startLine` numbers the window's lines as the file's (the types predate the option).
  const options: BabelCodeFrameOptions & { startLine: number } = {
    highlightCode: color,
    linesAbove: 1,
    linesBelow: 1,
    startLine: first,
  };
  return codeFrameColumns(cut.text, { start: { line: at.line, column: cut.column } }, options);
}

/** The widest line a frame shows whole; a longer one is cut to this many characters around the column. */
const FRAME_WIDTH = 160;

/**
 * A frame's lines cut to the same `FRAME_WIDTH` columns around `column` (1-based), with `…` where text was cut, and
 * the column within the cut lines. A minified JSON spec is one line: a frame of it printed the whole spec for each
 * diagnostic (176 KB of output for one error in a 67 KB spec). Never splits a surrogate pair.
 */
export function columnWindow(lines: string, column: number): { text: string; column: number } {
  const split = lines.split('\n');
  if (split.every((l) => l.length <= FRAME_WIDTH)) return { text: lines, column };
  let from = Math.max(0, column - 1 - Math.floor(FRAME_WIDTH / 2));
  while (from < column - 1 && isLowSurrogate(split, from)) from++;
  const to = from + FRAME_WIDTH;
  const cut = split.map((line) => {
    if (line.length <= from) return '';
    let end = Math.min(line.length, to);
    if (end < line.length && isLowSurrogate([line], end)) end--;
    return `${from > 0 ? '…' : ''}${line.slice(from, end)}${end < line.length ? '…' : ''}`;
  });
  return { text: cut.join('\n'), column: column - from + (from > 0 ? 1 : 0) };
}

/** True when `index` of any of the lines is the second half of a surrogate pair (slicing there would split it). */
function isLowSurrogate(lines: readonly string[], index: number): boolean {
  return lines.some((l) => {
    const code = l.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff && index > 0 && /[\ud800-\udbff]/.test(l[index - 1]!);
  });
}
