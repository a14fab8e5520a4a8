import type { IrOperation } from './types';

/**
 * A selector of `--include` / `--exclude`: `<kind>:<pattern>`.
 * - `tag:Chat`: operations carrying that tag (`*` matches any characters);
 * - `op:createChatCompletion`: the operation with that operationId (`*` matches any characters);
 * - `path:/chat/completions/**`: operations whose path matches the glob (`*` stays inside one segment,
 *   `**` spans any number of segments, none included);
 * - `resource:chat.completions`: operations of that generated resource and of its sub-resources.
 */
export interface Selector {
  kind: SelectorKind;
  pattern: string;
  /** The selector as the user wrote it, for messages. */
  text: string;
}

export type SelectorKind = 'tag' | 'op' | 'path' | 'resource';

export const SELECTOR_KINDS: readonly SelectorKind[] = ['tag', 'op', 'path', 'resource'];

/** One line of help shown with every selector error. */
export const SELECTOR_USAGE =
  'a selector is <kind>:<pattern> with kind tag, op, path or resource, e.g. tag:Chat, op:createChatCompletion, ' +
  'path:/chat/completions/**, resource:chat.completions';

const RESOURCE_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** Parses one selector; a malformed one gives the reason instead, for a usage error. */
export function parseSelector(text: string): { selector: Selector } | { error: string } {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  if (colon === -1) return { error: `"${text}" has no kind` };
  const kind = trimmed.slice(0, colon).trim();
  const pattern = trimmed.slice(colon + 1).trim();
  if (!(SELECTOR_KINDS as readonly string[]).includes(kind))
    return { error: `"${text}" has an unknown kind "${kind}"` };
  if (!pattern) return { error: `"${text}" has an empty pattern` };
  if (kind === 'path') {
    if (!pattern.startsWith('/')) return { error: `"${text}": a path pattern starts with /` };
    const bad = pattern.split('/').find((segment) => segment.includes('**') && segment !== '**');
    if (bad !== undefined)
      return { error: `"${text}": ** must be a whole path segment (found "${bad}")` };
  }
  if (kind === 'resource' && !RESOURCE_PATH.test(pattern)) {
    return {
      error: `"${text}": a resource is dot-separated identifiers as in the client (chat.completions)`,
    };
  }
  return { selector: { kind: kind as SelectorKind, pattern, text: trimmed } };
}

/** True when the selector picks the operation. */
export function matchesSelector(selector: Selector, op: IrOperation): boolean {
  switch (selector.kind) {
    case 'tag':
      return op.tags.some((tag) => matchesWildcard(selector.pattern, tag));
    case 'op':
      return matchesWildcard(selector.pattern, op.operationId);
    case 'path':
      return matchesPathGlob(selector.pattern, op.path);
    case 'resource': {
      const resource = op.resource.join('.');
      return resource === selector.pattern || resource.startsWith(`${selector.pattern}.`);
    }
  }
}

/** `*` matches any run of characters; everything else is literal. */
function matchesWildcard(pattern: string, value: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === value;
  const regex = new RegExp(`^${parts.map(escapeRegExp).join('.*')}$`, 's');
  return regex.test(value);
}

/** Segment-wise glob: `**` is any number of whole segments, `*` any characters within one segment. */
export function matchesPathGlob(pattern: string, path: string): boolean {
  const want = trimSlash(pattern).split('/');
  const have = trimSlash(path).split('/');
  const match = (i: number, j: number): boolean => {
    if (i === want.length) return j === have.length;
    if (want[i] === '**') return match(i + 1, j) || (j < have.length && match(i, j + 1));
    if (j === have.length) return false;
    const segment = new RegExp(`^${want[i]!.split('*').map(escapeRegExp).join('[^/]*')}$`);
    return segment.test(have[j]!) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

/** `/a/b/` and `/a/b` are the same path; the root stays one empty segment. */
function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
