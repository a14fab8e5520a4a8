import type { IrDocs } from '../ir/types';

/**
 * The text of a JSDoc comment, or undefined when there is nothing to say. Spec text is data: `*\/` cannot
 * close the comment and a line starting with `@` cannot become a tag.
 */
export function jsDocText(docs: IrDocs & { summary?: string }): string | undefined {
  const lines: string[] = [];
  const head = docs.summary ?? docs.title;
  if (head) lines.push(wrapText(escapeDocText(head)));
  if (docs.description && docs.description !== head) {
    if (lines.length) lines.push('');
    lines.push(wrapText(escapeDocText(docs.description)));
  }
  const tags: string[] = [];
  if (docs.default !== undefined) tags.push(`@default ${escapeDocText(jsonText(docs.default))}`);
  for (const example of docs.examples ?? []) tags.push(`@example ${escapeDocText(jsonText(example))}`);
  if (docs.deprecated) tags.push('@deprecated');
  if (tags.length) {
    if (lines.length) lines.push('');
    lines.push(...tags);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** Renders a block comment from JSDoc text, for type text that ts-morph does not comment itself. */
export function jsDocComment(text: string | undefined): string {
  if (!text) return '';
  const lines = text.split('\n');
  return lines.length === 1 ? `/** ${lines[0]} */\n` : `/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */\n`;
}

/** Escapes comment terminators and tag starts; normalises line breaks (CR, CRLF, U+2028/9) to LF. */
export function escapeDocText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/** Column at which prose is wrapped: comments are not wrapped by prettier, and spec text often comes as one line. */
const WRAP = 88;

/**
 * Wraps long prose lines at word boundaries. Markdown keeps its meaning: fenced code, tables and indented
 * lines are left alone, and a wrapped list item's continuation is indented under its text.
 */
export function wrapText(text: string): string {
  let fenced = false;
  return text
    .split('\n')
    .flatMap((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || line.length <= WRAP || /^\s*\|/.test(line) || /^( {4}|\t)/.test(line) || /^\s*```/.test(line)) return [line];
      const bullet = /^(\s*(?:[-*+]|\d+\.)\s+)/.exec(line)?.[1] ?? '';
      const indent = ' '.repeat(bullet.length);
      const out: string[] = [];
      let current = '';
      for (const word of line.slice(bullet.length).split(/ +/)) {
        const prefix = out.length ? indent : bullet;
        if (current && prefix.length + current.length + 1 + word.length > WRAP) {
          out.push(prefix + current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push((out.length ? indent : bullet) + current);
      return out;
    })
    .join('\n');
}

function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
