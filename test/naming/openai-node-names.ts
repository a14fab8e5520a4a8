/**
 * openai-node's method names, read from the installed `openai` package: the client's resource tree is walked
 * from a client instance, and each method's compiled source names its HTTP call
 * (`this._client.post(path\`/fine_tuning/jobs/${id}/cancel\`)`). Nothing here lists OpenAI's names. The same
 * reader reads any Stainless SDK (`npm run names:sdks`: Increase's, Telnyx's, Mux's).
 */

interface ResourceLike {
  [key: string]: unknown;
}

/** `METHOD /path/{}/with/blanks` → every `resource.path.method` openai-node has for it. */
export function readOpenAINodeNames(): Map<string, string[]> {
  return readStainlessNames(require, 'openai');
}

/**
 * A Stainless SDK's names, `METHOD /path/{}` → every `resource.path.method` it has for it: `pkg` as `load` requires
 * it, its client made with `options` (besides an unused key and a `fetch` that never answers).
 */
export function readStainlessNames(
  load: NodeJS.Require,
  pkg: string,
  options: object = {},
): Map<string, string[]> {
  const Client = (load(pkg) as { default: new (options: object) => ResourceLike }).default;
  const { APIResource } = load(`${pkg}/core/resource`) as {
    APIResource: abstract new () => object;
  };
  const client = new Client({
    apiKey: 'unused',
    fetch: () => Promise.reject(new Error('offline')),
    ...options,
  });
  const names = new Map<string, string[]>();
  const seen = new Set<object>();
  const call =
    /this\._client\.(get|post|put|patch|delete|getAPIList)\(\s*(?:\(0, [\w$]+\.path\)\s*`([^`]*)`|'([^']*)'|`([^`]*)`)/g;
  const walk = (node: ResourceLike, prefix: string[]) => {
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (!(child instanceof APIResource) || seen.has(child)) continue;
      seen.add(child);
      const at = [...prefix, key];
      for (
        let proto = Object.getPrototypeOf(child) as object | null;
        proto && proto !== APIResource.prototype;
        proto = Object.getPrototypeOf(proto) as object | null
      ) {
        for (const method of Object.getOwnPropertyNames(proto)) {
          const fn = (proto as Record<string, unknown>)[method];
          if (method === 'constructor' || typeof fn !== 'function') continue;
          const source = Function.prototype.toString.call(fn);
          for (const m of source.matchAll(call)) {
            // A page is read by GET unless its call says another method (Telnyx's `method: 'post'` searches).
            const verb =
              m[1] === 'getAPIList'
                ? (/method:\s*'(\w+)'/.exec(source)?.[1] ?? 'get').toUpperCase()
                : m[1]!.toUpperCase();
            const path = (m[2] ?? m[3] ?? m[4]!).replace(/\$\{[^}]*\}/g, '{}');
            const key = `${verb} ${path}`;
            const name = [...at, method].join('.');
            names.set(key, [...new Set([...(names.get(key) ?? []), name])]);
          }
        }
      }
      walk(child as ResourceLike, at);
    }
  };
  walk(client, []);
  return names;
}
