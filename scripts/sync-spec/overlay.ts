/**
 * Applies an OpenAPI Overlay 1.0 document (`actions: [{ target, update | remove }]`) with the subset of
 * JSONPath that names one node: `$`, `.name`, `['any name']`, `[index]`, and `[?(@.key=='value')]` (the one
 * array element whose `key` is `value`, e.g. a parameter by name). An `update` object is merged
 * into the target (objects recursively, other values replaced); a target that does not exist is an
 * error, so an overlay that no longer fits the official description says so instead of doing nothing.
 */
import { isObject, type Json, type JsonObject } from './schema-view';

export interface OverlayAction {
  target: string;
  description?: string;
  update?: Json;
  remove?: boolean;
}

/** Parses a single-node JSONPath into its keys. */
export type PathKey = string | number | { key: string; value: string };

export function parseJsonPath(path: string): PathKey[] {
  if (!path.startsWith('$')) throw new Error(`overlay target must start with $: ${path}`);
  const keys: PathKey[] = [];
  const re =
    /\.([A-Za-z0-9_$-]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]|\[\?\(@\.([A-Za-z0-9_-]+)=='([^']*)'\)\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) throw new Error(`unsupported JSONPath (only $.a['b'][0] paths): ${path}`);
    if (m[1] !== undefined) keys.push(m[1]);
    else if (m[2] !== undefined) keys.push(m[2].replace(/\\(.)/g, '$1'));
    else if (m[3] !== undefined) keys.push(Number(m[3]));
    else keys.push({ key: m[4] ?? '', value: m[5] ?? '' });
  }
  return keys;
}

/** Writes keys as a JSONPath (the inverse of `parseJsonPath`). */
export function toJsonPath(keys: (string | number)[]): string {
  return (
    '$' +
    keys
      .map((k) =>
        typeof k === 'number'
          ? `[${k}]`
          : /^[A-Za-z0-9_$-]+$/.test(k)
            ? `.${k}`
            : `['${k.replace(/['\\]/g, '\\$&')}']`,
      )
      .join('')
  );
}

function merge(target: JsonObject, update: JsonObject): void {
  for (const [k, v] of Object.entries(update)) {
    const cur = target[k];
    if (isObject(cur) && isObject(v)) merge(cur, v);
    else target[k] = structuredClone(v);
  }
}

/** Applies the actions in order, in place. */
export function applyOverlay(doc: JsonObject, actions: OverlayAction[]): void {
  for (const action of actions) {
    const keys = parseJsonPath(action.target);
    let parent: Json | undefined;
    let node: Json | undefined = doc;
    for (let i = 0; i < keys.length; i++) {
      let k: PathKey = keys[i]!;
      if (typeof k === 'object') {
        const { key, value } = k;
        const list: Json[] = Array.isArray(node) ? node : [];
        const hits: number[] = [];
        list.forEach((n, j) => {
          if (isObject(n) && n[key] === value) hits.push(j);
        });
        if (hits.length !== 1)
          throw new Error(
            `overlay target ${action.target}: ${hits.length} elements have ${key} == '${value}'`,
          );
        k = keys[i] = hits[0]!;
      }
      parent = node;
      node =
        Array.isArray(node) && typeof k === 'number'
          ? node[k]
          : isObject(node) && typeof k === 'string'
            ? node[k]
            : undefined;
      if (node === undefined)
        throw new Error(`overlay target ${action.target} does not exist (stopped at ${String(k)})`);
    }
    if (action.remove) {
      const last = keys[keys.length - 1];
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else if (isObject(parent) && typeof last === 'string') delete parent[last];
      else throw new Error(`overlay cannot remove ${action.target}`);
    } else if (action.update !== undefined) {
      if (Array.isArray(node)) node.push(structuredClone(action.update));
      else if (isObject(node) && isObject(action.update)) merge(node, action.update);
      else throw new Error(`overlay update of ${action.target} needs an object or array target`);
    }
  }
}
