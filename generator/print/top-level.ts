/**
 * Splitting the one-line type and code texts emit writes, for print/break-lines.ts and print/final-code.ts.
 */

/**
 * The parts of `type` between its top-level `separator`s (outside brackets and string literals), each trimmed of
 * the spaces around a separator; undefined when the text is not one this scanner reads (unbalanced, a template
 * literal, an arrow at the top level).
 */
export function topLevel(
  type: string,
  separator: '|' | ',' | '&' | '?' | ';',
): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (c === "'" || c === '"') {
      i = stringEnd(type, i);
      if (i < 0) return undefined;
    } else if (c === '`') return undefined;
    else if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '}' || c === '>') {
      if (c === '>' && type[i - 1] === '=') {
        if (depth === 0) return undefined;
        continue;
      }
      if (--depth < 0) return undefined;
    } else if (c === separator && depth === 0) {
      parts.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(type.slice(start).trim());
  return parts;
}

/** Where the string literal opening at `start` closes (its closing quote, escapes skipped), or -1 if it does not. */
export function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}
