/**
 * String literals as prettier prints them (`singleQuote`), shared by emit, which writes them so, and the layout, which
 * reads them back: a file that fits its lines is then final as printed (print/final-text.ts).
 */

/**
 * `raw` (a quoted literal: `'…'` or `"…"`) with prettier's quotes: single unless the content holds more single than
 * double quotes; the other quote unescaped, the chosen one escaped, every other escape kept as written.
 */
export function requote(raw: string): string {
  const content = raw.slice(1, -1);
  const singles = (content.match(/'/g) ?? []).length;
  const doubles = (content.match(/"/g) ?? []).length;
  const enclosing = singles > doubles ? '"' : "'";
  const other = enclosing === '"' ? "'" : '"';
  const body = content.replace(
    /\\(.)|(["'])/gs,
    (match, escaped: string | undefined, q: string) => {
      if (escaped === other) return escaped;
      if (q === enclosing) return `\\${q}`;
      if (q) return q;
      return match;
    },
  );
  return enclosing + body + enclosing;
}

/**
 * A string literal for any text, as prettier prints it: JSON's escapes (valid TypeScript), U+2028 and U+2029 escaped
 * too, in prettier's quotes.
 */
export function tsString(value: string): string {
  const json = JSON.stringify(value);
  // Most values hold no quote, backslash or line separator: their literal is JSON's with single quotes.
  if (!/["'\\\u2028\u2029]/.test(value)) return `'${json.slice(1, -1)}'`;
  return requote(jsonString(value));
}

/** A string literal in JSON's double quotes (U+2028 and U+2029 escaped too): what api.md has always shown. */
export function jsonString(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
