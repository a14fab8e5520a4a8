import { pascalCase, singular } from '../../text/case';

/**
 * The prefix of a resource's type names, so that type names follow method names (`chat.completions.create` →
 * `ChatCompletionCreateParams`): the resource's last segment, singular, preceded by the namespaces above it that
 * have no methods of their own (`chat`, `fineTuning`). Types are exported side by side, so when two resources
 * would share a prefix (`files` and `vectorStores.files`), the deeper one takes its parent's name too
 * (`VectorStoreFile`), until every prefix is distinct or a resource has no parents left. Independent of order.
 */
export function planTypePrefixes(resources: string[][]): Map<string, string> {
  const keys = [...new Set(resources.map((r) => r.join('.')))].sort();
  const withMethods = new Set(keys);
  const start = new Map<string, number>();
  for (const key of keys) {
    const path = key.split('.');
    let from = path.length - 1;
    while (from > 0 && !withMethods.has(path.slice(0, from).join('.'))) from--;
    start.set(key, from);
  }
  const prefixOf = (key: string) =>
    key
      .split('.')
      .slice(start.get(key))
      .map((s) => pascalCase(singular(s)))
      .join('');
  const depth = (k: string) => k.split('.').length;
  for (let changed = true; changed;) {
    changed = false;
    const groups = new Map<string, string[]>();
    for (const key of keys) groups.set(prefixOf(key), [...(groups.get(prefixOf(key)) ?? []), key]);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      // The shallowest resource keeps the short prefix when it alone is shallowest; the others grow.
      const least = Math.min(...group.map(depth));
      const keeper =
        group.filter((k) => depth(k) === least).length === 1
          ? group.find((k) => depth(k) === least)
          : undefined;
      for (const key of group) {
        if (key === keeper || start.get(key)! === 0) continue;
        start.set(key, start.get(key)! - 1);
        changed = true;
      }
    }
  }
  return new Map(keys.map((k) => [k, prefixOf(k) || 'Api']));
}
