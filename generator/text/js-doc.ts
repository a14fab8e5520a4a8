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
  for (const example of docs.examples ?? [])
    tags.push(`@example ${escapeDocText(jsonText(example))}`);
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
  return lines.length === 1
    ? `/** ${text} */\n`
    : `/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */\n`;
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
 * Reflows prose to WRAP columns. Markdown keeps its meaning: lines of one paragraph or list item are
 * joined before wrapping (Markdown joins them anyway), while fenced code, tables, headings, quotes,
 * indented lines and hard breaks are left exactly as they are.
 */
export function wrapText(text: string): string {
  const out: string[] = [];
  let paragraph: string | undefined;
  let fenced = false;
  const flush = () => {
    if (paragraph !== undefined) out.push(...wrapLine(paragraph));
    paragraph = undefined;
  };
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      flush();
      fenced = !fenced;
      out.push(line);
    } else if (fenced || !line.trim() || /^(\s*[|#>]| {4}|\t)/.test(line)) {
      flush();
      out.push(line);
    } else if (LIST_ITEM.test(line) || paragraph === undefined || / {2}$|\\$/.test(paragraph)) {
      flush();
      paragraph = line;
    } else paragraph = `${paragraph} ${line.trim()}`;
  }
  flush();
  return out.join('\n');
}

const LIST_ITEM = /^(\s*(?:[-*+]|\d+[.)])\s+)/;

function wrapLine(line: string): string[] {
  if (line.length <= WRAP) return [line];
  const bullet = LIST_ITEM.exec(line)?.[1] ?? /^\s*/.exec(line)![0];
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
}

/**
 * A value as JSON, but a number JSON cannot write as what it is (YAML's `.inf`, `-.inf`, `.nan`), which
 * `JSON.stringify` writes as `null`: `@default null` would say the opposite of the spec.
 */
function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  // Only a text with `null` in it can hold one (a replacer for every value is the slow path of JSON.stringify).
  if (text === undefined || !text.includes('null')) return text ?? String(value);
  let nonFinite = false;
  JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) nonFinite = true;
    return v;
  });
  return nonFinite ? looseJson(value) : text;
}

function looseJson(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : looseJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${looseJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? String(value);
}
