import { childPointer } from '../load/pointer';
import { camelCase, pascalCase, singular } from '../text/case';
import { fileNamed, isRecord, report, type IrContext } from './context';
import type { IrOperation } from './types';

type Unnamed = Omit<IrOperation, 'resource' | 'methodName' | 'typePrefix'>;

/**
 * Gives each operation its resource path and method name:
 * - `x-clientgen-resource` / `x-clientgen-method` when present;
 * - else the first tag and the operationId (`client.pets.listPets()`), when the spec has tags;
 * - else the path's static segments and a CRUD verb (`GET /v1/customers/{id}` → `customers.retrieve`).
 * Names that would collide inside a resource fall back to the operationId, for every member of the clash,
 * so adding an operation never renames another one silently.
 */
export function nameOperations(
  ctx: IrContext,
  ops: Unnamed[],
  raw: Record<string, unknown>[],
): IrOperation[] {
  const resources =
    isRecord(ctx.spec.entry.value) &&
    isRecord(ctx.spec.entry.value['x-clientgen']) &&
    isRecord(ctx.spec.entry.value['x-clientgen'].resources)
      ? ctx.spec.entry.value['x-clientgen'].resources
      : {};
  const fromOperationId = new Set<Unnamed>();
  const named = ops.map((op, i) => {
    const ext = raw[i]!;
    const explicitResource = identifierList(
      ctx,
      ext['x-clientgen-resource'],
      op.pointer,
      op.file,
      'x-clientgen-resource',
    );
    const explicitMethod = identifierList(
      ctx,
      ext['x-clientgen-method'],
      op.pointer,
      op.file,
      'x-clientgen-method',
    )?.join('');
    const resource =
      explicitResource ?? (op.tags[0] ? [camelCase(op.tags[0])] : resourceFromPath(op.path));
    const methodName = explicitMethod ?? (op.tags[0] ? camelCase(op.operationId) : crudVerb(op));
    if (!explicitMethod && op.tags[0]) fromOperationId.add(op);
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
        report(
          ctx,
          {
            file: fileNamed(ctx, n.op.file),
            pointer: childPointer(n.op.pointer, 'x-clientgen-method'),
          },
          'duplicate-method',
          `two operations are both named ${key}`,
        );
      } else {
        n.methodName = camelCase(n.op.operationId);
        fromOperationId.add(n.op);
      }
    }
  }
  numberRepeats(named);
  return named.map(({ op, resource, methodName }) => {
    const config = resources[resource.join('.')];
    const configured =
      isRecord(config) && typeof config.typePrefix === 'string' ? config.typePrefix : undefined;
    if (configured !== undefined && !IDENTIFIER.test(configured)) {
      report(
        ctx,
        {
          file: ctx.spec.entry,
          pointer: childPointer('#/x-clientgen/resources', resource.join('.'), 'typePrefix'),
        },
        'invalid-extension',
        `typePrefix must be an identifier (letters, digits, _ or $), found ${JSON.stringify(configured)}`,
      );
    }
    // A method named after its operationId already says what it is: `findPetsByStatus` → FindPetsByStatusParams.
    const typePrefix =
      configured !== undefined && IDENTIFIER.test(configured)
        ? configured
        : fromOperationId.has(op)
          ? ''
          : pascalCase(singular(resource[resource.length - 1] ?? 'api'));
    return { ...op, resource, methodName, typePrefix };
  });
}

/**
 * Distinct operationIds can still give one method name (`list-pets` and `list_pets` are both `listPets`):
 * the later ones, in document order, get `2`, `3`… (an explicit name clash is already an error).
 */
function numberRepeats(
  named: { resource: string[]; methodName: string; explicit: boolean }[],
): void {
  const taken = new Set<string>();
  for (const n of named) {
    const key = (name: string) => [...n.resource, name].join('.');
    let name = n.methodName;
    for (let i = 2; !n.explicit && taken.has(key(name)); i++) name = `${n.methodName}${i}`;
    n.methodName = name;
    taken.add(key(name));
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Reads a dotted list of identifiers from an extension. These names become code, so anything else is an
 * error (never escaped into something that happens to compile).
 */
function identifierList(
  ctx: IrContext,
  value: unknown,
  opPointer: string,
  opFile: string,
  key: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split('.') : [];
  if (!parts.length || !parts.every((p) => IDENTIFIER.test(p))) {
    report(
      ctx,
      { file: fileNamed(ctx, opFile), pointer: childPointer(opPointer, key) },
      'invalid-extension',
      `${key} must be ${key === 'x-clientgen-method' ? 'an identifier' : 'dot-separated identifiers'} (letters, digits, _ or $), found ${JSON.stringify(value)}`,
    );
    return undefined;
  }
  return parts;
}

/** `/v1/customers/{customer}/sources/{id}` → ['customers', 'sources']. */
function resourceFromPath(path: string): string[] {
  const segments = path
    .split('/')
    .filter((s) => s && !s.startsWith('{') && !/^v\d+(\.\d+)?$/.test(s));
  const names = segments.map(camelCase).filter(Boolean);
  return names.length ? names : ['api'];
}

function crudVerb(op: Unnamed): string {
  const onItem = /\}\/?$/.test(op.path);
  switch (op.httpMethod) {
    case 'get':
      return onItem
        ? 'retrieve'
        : op.pagination || op.response?.type.kind === 'array'
          ? 'list'
          : 'retrieve';
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
