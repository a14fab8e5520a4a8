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
  const window = text.slice(start, end).replace(/\r$/, '');
  // `startLine` numbers the window's lines as the file's (the types predate the option).
  const options: BabelCodeFrameOptions & { startLine: number } = {
    highlightCode: color,
    linesAbove: 1,
    linesBelow: 1,
    startLine: first,
  };
  return codeFrameColumns(window, { start: { line: at.line, column: at.column } }, options);
}
