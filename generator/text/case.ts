/**
 * Splits any spelling (`foo_bar`, `fooBar`, `Foo-Bar`, `FOO BAR`, `HTTPServer`) into lower-case words. An acronym's
 * plural is one word (`getURLs`: `get urls`, `IDs`: `ids`; they were `ur ls`, `i ds`), and so is an acronym before a
 * joining word in lower case (`CSVtoJSON`: `csv to json`, `RSbyCreditMemo`: `rs by credit memo`).
 */
export function words(text: string): string[] {
  return text
    .replace(/([A-Z]{2,})(to|of|for|by|vs|with|from)(?=[^a-z]|$)/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z](?!s(?:[^a-z]|$))[a-z])/g, '$1 $2')
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

/** `completions` → `completion`, `statuses` → `status`: English inflection, see inflect.ts. */
export { singular } from './inflect';
