import type { IrOperation } from '../ir/types';
import type { CompareContext } from './sdk/compare-types';
import { emitChange } from './diff-shared';

/**
 * Path parameters are a method's positional arguments, in path order. When the same parameters come in another
 * order (`/orgs/{org}/teams/{team}` → `/teams/{team}/orgs/{org}`), every call still compiles when their types agree
 * and silently sends each value in the other's place: SDK-breaking under its own rule, whatever the wire says.
 */
export function diffPathArgumentOrder(
  a: IrOperation,
  b: IrOperation,
  location: string,
  ctx: CompareContext,
): void {
  const before = a.pathParams.map((p) => p.name);
  const after = b.pathParams.map((p) => p.name);
  if (before.length !== after.length || before.join('\0') === after.join('\0')) return;
  if ([...before].sort().join('\0') !== [...after].sort().join('\0')) return;
  emitChange(
    ctx,
    'parameter-changed',
    'path-arguments-reordered',
    ctx.resource,
    location,
    `positional arguments reordered: (${after.join(', ')}), was (${before.join(', ')})`,
  );
}
