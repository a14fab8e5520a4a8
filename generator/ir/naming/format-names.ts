import type { IrOperation } from '../types';
import { operationKey } from './operation-key';

/**
 * `clientgen names`: every operation's name with where it came from, one line each in document order
 * (`POST /fine_tuning/jobs/{id}/cancel → fineTuning.jobs.cancel (inferred)`). `calls` spells each as the client
 * does, where that differs from the name (`orgs._128routers` for `orgs.128routers`: plan/resource-access.ts).
 */
export function formatNamesText(
  operations: IrOperation[],
  calls: ReadonlyMap<IrOperation, string> = new Map(),
): string {
  const keys = operations.map(operationKey);
  const width = Math.min(60, Math.max(...keys.map((k) => k.length)));
  return (
    operations
      .map(
        (op, i) =>
          `${keys[i]!.padEnd(width)} → ${calls.get(op) ?? [...op.resource, op.methodName].join('.')} (${op.nameSource ?? 'inferred'})`,
      )
      .join('\n') + '\n'
  );
}

/** `clientgen names --json`: the `names` section of a config, to check in and edit (document order). */
export function formatNamesConfig(operations: IrOperation[]): string {
  const names = Object.fromEntries(
    operations.map((op) => [operationKey(op), [...op.resource, op.methodName].join('.')]),
  );
  return JSON.stringify({ names }, null, 2) + '\n';
}
