import { childPointer } from '../../load/pointer';
import { camelCase } from '../../text/case';
import { fileNamed, report, type IrContext } from '../context';

/** Where a name came from, strongest first (docs/naming.md). */
export type NameSource =
  | 'x-clientgen'
  | 'config'
  | 'lock'
  | 'x-speakeasy'
  | 'x-fern'
  | 'operationId-namespace'
  | 'inferred'
  | 'operationId';

/** A resource or method name that some evidence gives, with its source. */
export interface Given<T> {
  value: T;
  source: NameSource;
}

interface OperationAt {
  pointer: string;
  file: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `x-clientgen-resource` / `x-clientgen-method`: our own extensions, validated as identifiers (a mistake is an
 * error, never escaped into code that happens to compile).
 */
export function readClientgenExtensions(
  ctx: IrContext,
  raw: Record<string, unknown>,
  op: OperationAt,
): { resource?: Given<string[]>; method?: Given<string> } {
  const resource = identifierList(ctx, raw['x-clientgen-resource'], op, 'x-clientgen-resource');
  const method = identifierList(ctx, raw['x-clientgen-method'], op, 'x-clientgen-method')?.join('');
  return {
    ...(resource ? { resource: { value: resource, source: 'x-clientgen' } } : {}),
    ...(method !== undefined ? { method: { value: method, source: 'x-clientgen' } } : {}),
  };
}

/**
 * The names other generators' users already wrote: `x-speakeasy-group` (dotted) with
 * `x-speakeasy-name-override`, and `x-fern-sdk-group-name` (a string or a list) with `x-fern-sdk-method-name`.
 * They were written for another tool, so they are camelCased; a value that gives no name is a warning.
 */
export function readVendorExtensions(
  ctx: IrContext,
  raw: Record<string, unknown>,
  op: OperationAt,
): { resource?: Given<string[]>; method?: Given<string> } {
  const result: { resource?: Given<string[]>; method?: Given<string> } = {};
  const vendors = [
    { source: 'x-fern', group: 'x-fern-sdk-group-name', method: 'x-fern-sdk-method-name' },
    { source: 'x-speakeasy', group: 'x-speakeasy-group', method: 'x-speakeasy-name-override' },
  ] as const;
  for (const v of vendors) {
    const group = raw[v.group];
    if (group !== undefined) {
      const parts = (
        Array.isArray(group) ? group : typeof group === 'string' ? group.split('.') : [null]
      ).map((p) => (typeof p === 'string' ? camelCase(p) : ''));
      if (parts.length && parts.every((p) => IDENTIFIER.test(p)))
        result.resource = { value: parts, source: v.source };
      else warnUnusable(ctx, op, v.group, group);
    }
    const method = raw[v.method];
    if (method !== undefined) {
      const name = typeof method === 'string' ? camelCase(method) : '';
      if (IDENTIFIER.test(name)) result.method = { value: name, source: v.source };
      else warnUnusable(ctx, op, v.method, method);
    }
  }
  return result;
}

function warnUnusable(ctx: IrContext, op: OperationAt, key: string, value: unknown): void {
  report(
    ctx,
    { file: fileNamed(ctx, op.file), pointer: childPointer(op.pointer, key) },
    'invalid-extension',
    `${key} gives no name (expected ${key.includes('group') ? 'a dotted name or a list of names' : 'a name'}, found ${JSON.stringify(value)}); the name is inferred instead`,
    'warning',
  );
}

/**
 * A spec whose operationIds are namespaced with `/` (`actions/add-custom-labels-to-self-hosted-runner-for-org`,
 * as GitHub's are for octokit) states its SDK grouping: when most operationIds have one, the namespace is the
 * resource and the rest the method.
 */
export function usesNamespacedOperationIds(operationIds: (string | undefined)[]): boolean {
  const namespaced = operationIds.filter(
    (id) => id !== undefined && /^[^/]+\/[^/]+$/.test(id),
  ).length;
  return namespaced >= 2 && namespaced * 2 > operationIds.length;
}

/** Google's discovery ids: a service, one or more resources and a method (`composer.projects.locations.create`). */
const DOTTED = /^[A-Za-z]\w*(\.[A-Za-z]\w*){2,}$/;

/**
 * A spec whose operationIds are Google's dotted discovery ids (`composer.projects.locations.environments.create`)
 * states its SDK grouping as Google's own clients have it: when most operationIds are such ids and all of those
 * begin with one service name, that name (returned) is dropped, the rest is the resource and the last part the method.
 */
export function dottedOperationIdService(operationIds: (string | undefined)[]): string | undefined {
  const dotted = operationIds.filter((id): id is string => id !== undefined && DOTTED.test(id));
  if (dotted.length < 2 || dotted.length * 2 <= operationIds.length) return undefined;
  const service = dotted[0]!.split('.')[0]!;
  return dotted.every((id) => id.startsWith(`${service}.`)) ? service : undefined;
}

/** `composer.projects.locations.environments.create` → resource `projects.locations.environments`, method `create`. */
export function readDottedOperationId(
  operationId: string | undefined,
  service: string,
): { resource: Given<string[]>; method: Given<string> } | undefined {
  if (operationId === undefined || !DOTTED.test(operationId)) return undefined;
  if (!operationId.startsWith(`${service}.`)) return undefined;
  const parts = operationId.split('.').slice(1).map(camelCase);
  const method = parts.pop()!;
  if (!parts.length || ![...parts, method].every((p) => IDENTIFIER.test(p))) return undefined;
  return {
    resource: { value: parts, source: 'operationId-namespace' },
    method: { value: method, source: 'operationId-namespace' },
  };
}

/** `actions/add-custom-labels` → resource `actions`, method `addCustomLabels`. */
export function readNamespacedOperationId(
  operationId: string | undefined,
): { resource: Given<string[]>; method: Given<string> } | undefined {
  const match = operationId === undefined ? null : /^([^/]+)\/([^/]+)$/.exec(operationId);
  if (!match) return undefined;
  const resource = match[1]!.split('.').map(camelCase);
  const method = camelCase(match[2]!);
  if (!resource.every((r) => IDENTIFIER.test(r)) || !IDENTIFIER.test(method)) return undefined;
  return {
    resource: { value: resource, source: 'operationId-namespace' },
    method: { value: method, source: 'operationId-namespace' },
  };
}

/** Reads a dotted list of identifiers from one of our extensions; anything else is an error. */
function identifierList(
  ctx: IrContext,
  value: unknown,
  op: OperationAt,
  key: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split('.') : [];
  if (!parts.length || !parts.every((p) => IDENTIFIER.test(p))) {
    report(
      ctx,
      { file: fileNamed(ctx, op.file), pointer: childPointer(op.pointer, key) },
      'invalid-extension',
      `${key} must be ${key === 'x-clientgen-method' ? 'an identifier' : 'dot-separated identifiers'} (letters, digits, _ or $), found ${JSON.stringify(value)}`,
    );
    return undefined;
  }
  return parts;
}
