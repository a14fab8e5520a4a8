import { childPointer } from '../load/pointer';
import { camelCase, pascalCase, singular } from '../text/case';
import { isRecord, report, type IrContext } from './context';
import type { IrOperation } from './types';

type Unnamed = Omit<IrOperation, 'resource' | 'methodName' | 'typePrefix'> & { tags: string[] };

/**
 * Gives each operation its resource path and method name:
 * - `x-clientgen-resource` / `x-clientgen-method` when present;
 * - else the first tag and the operationId (`client.pets.listPets()`), when the spec has tags;
 * - else the path's static segments and a CRUD verb (`GET /v1/customers/{id}` → `customers.retrieve`).
 * Names that would collide inside a resource fall back to the operationId, for every member of the clash,
 * so adding an operation never renames another one silently.
 */
export function nameOperations(ctx: IrContext, ops: Unnamed[], raw: Record<string, unknown>[]): IrOperation[] {
  const resources = isRecord(ctx.spec.entry.value) && isRecord(ctx.spec.entry.value['x-clientgen']) && isRecord(ctx.spec.entry.value['x-clientgen'].resources)
    ? ctx.spec.entry.value['x-clientgen'].resources
    : {};
  const named = ops.map((op, i) => {
    const ext = raw[i]!;
    const explicitResource = typeof ext['x-clientgen-resource'] === 'string' ? ext['x-clientgen-resource'].split('.').filter(Boolean) : undefined;
    const explicitMethod = typeof ext['x-clientgen-method'] === 'string' ? ext['x-clientgen-method'] : undefined;
    const resource = explicitResource ?? (op.tags[0] ? [camelCase(op.tags[0])] : resourceFromPath(op.path));
    const methodName = explicitMethod ?? (op.tags[0] ? camelCase(op.operationId) : crudVerb(op));
    return { op, resource, methodName, explicit: explicitMethod !== undefined };
  });
  const groups = new Map<string, typeof named>();
  for (const n of named) {
    const key = [...n.resource, n.methodName].join('.');
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const [key, clash] of groups) {
    if (clash.length < 2) continue;
    for (const n of clash) {
      if (n.explicit) {
        report(ctx, { file: ctx.spec.entry, pointer: childPointer(n.op.pointer, 'x-clientgen-method') }, 'duplicate-method', `two operations are both named ${key}`);
      } else n.methodName = camelCase(n.op.operationId);
    }
  }
  return named.map(({ op, resource, methodName }) => {
    const config = resources[resource.join('.')];
    const typePrefix = isRecord(config) && typeof config.typePrefix === 'string' ? config.typePrefix : pascalCase(singular(resource[resource.length - 1] ?? 'api'));
    const { tags: _tags, ...rest } = op;
    return { ...rest, resource, methodName, typePrefix };
  });
}

/** `/v1/customers/{customer}/sources/{id}` → ['customers', 'sources']. */
function resourceFromPath(path: string): string[] {
  const segments = path.split('/').filter((s) => s && !s.startsWith('{') && !/^v\d+(\.\d+)?$/.test(s));
  const names = segments.map(camelCase).filter(Boolean);
  return names.length ? names : ['api'];
}

function crudVerb(op: Unnamed): string {
  const onItem = /\}\/?$/.test(op.path);
  switch (op.httpMethod) {
    case 'get':
      return onItem ? 'retrieve' : op.pagination || op.response?.type.kind === 'array' ? 'list' : 'retrieve';
    case 'post':
      return onItem ? 'update' : 'create';
    case 'put':
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      return op.httpMethod;
  }
}
