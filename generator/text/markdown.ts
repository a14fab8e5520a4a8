/**
 * Spec text in Markdown is data: it must not become a link, an image, a heading, emphasis, an HTML tag or
 * math, and it stays on the line it was put on.
 */

/**
 * Plain text for inline Markdown (never at the start of a line), on one line. Code spans of the spec are kept
 * (nothing inside one is markup); links and images become their text; every other character that could start
 * markup is escaped: emphasis, links, HTML and entities, tables, strikethrough, math. An `_` inside a word
 * (`max_tokens`) is left alone, as it means nothing there.
 */
export function markdownText(text: string): string {
  const line = oneLine(text).replace(/!?\[([^[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1');
  // Balanced code spans pass through; an unbalanced backtick is escaped with the rest.
  return line
    .split(/(`+)(.+?)\1(?!`)/)
    .map((part, i, parts) => {
      if (i % 3 === 0) return escapeInline(part);
      if (i % 3 === 1) return '';
      const fence = parts[i - 1]!;
      return `${fence}${part}${fence}`;
    })
    .join('');
}

function escapeInline(text: string): string {
  return text
    .replace(/[\\`*[\]<|~$#]/g, (c) => `\\${c}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** A code span for any text: a fence of backticks longer than any run inside, padded when needed. */
export function markdownCode(text: string): string {
  const line = oneLine(text);
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/**
 * The first sentence or line of a description, for a one-line summary: at most `max` characters, cut at a
 * word with an ellipsis. Returns plain text, still to be escaped.
 */
export function summarize(text: string | undefined, max = 160): string | undefined {
  if (!text) return undefined;
  const paragraph =
    text
      .replace(/\r\n?/g, '\n')
      .trim()
      .split(/\n\s*\n/)[0] ?? '';
  const line = oneLine(paragraph);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  if (sentence.length <= max) return sentence || undefined;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}

/** Collapses line breaks (CR, LF, U+2028/9, NEL) and runs of blanks into single spaces; drops control characters. */
function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped here
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
      .replace(/[\s\u0085\u2028\u2029]+/g, ' ')
      .trim()
  );
}
