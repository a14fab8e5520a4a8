import type { IrDocs } from '../ir/types';

/**
 * The text of a JSDoc comment, or undefined when there is nothing to say. Spec text is data: `*\/` cannot
 * close the comment and a line starting with `@` cannot become a tag.
 */
export function jsDocText(docs: IrDocs & { summary?: string }): string | undefined {
  const lines: string[] = [];
  const head = docs.summary ?? docs.title;
  if (head) lines.push(escapeDocText(head));
  if (docs.description && docs.description !== head) {
    if (lines.length) lines.push('');
    lines.push(escapeDocText(docs.description));
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

function jsonText(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
