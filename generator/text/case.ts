/** Splits any spelling (`foo_bar`, `fooBar`, `Foo-Bar`, `FOO BAR`, `HTTPServer`) into lower-case words. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** `chat_completion` → `ChatCompletion`. */
export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `chat_completion` → `chatCompletion`. */
export function camelCase(text: string): string {
  const p = pascalCase(text);
  return p.slice(0, 1).toLowerCase() + p.slice(1);
}

/** `completions` → `completion`; plain English rules, enough for resource names. */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/[^su]s$/i.test(word) && !/(is|us|ss)$/i.test(word)) return word.slice(0, -1);
  return word;
}
