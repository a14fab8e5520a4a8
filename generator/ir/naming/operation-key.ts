import type { IrOperation } from '../types';

/**
 * An operation's key in `clientgen names`, the config's `names` and the lock: `POST /jobs/{id}/cancel`, with the
 * path key's query when it has one (`POST /responses?beta=true`), so two operations never share a key.
 */
export function operationKey(op: Pick<IrOperation, 'httpMethod' | 'path' | 'pathQuery'>): string {
  return `${op.httpMethod.toUpperCase()} ${op.path}${pathQueryText(op)}`;
}

/** The path key's query as written, `?beta=true`, or nothing. */
export function pathQueryText(op: Pick<IrOperation, 'pathQuery'>): string {
  const query = op.pathQuery?.map((q) => `${q.name}=${q.value}`).join('&');
  return query ? `?${query}` : '';
}
