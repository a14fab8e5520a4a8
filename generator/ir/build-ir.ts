import { childPointer } from '../load/pointer';
import type { LoadedSpec } from '../load/load-spec';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { derefNode, fileNamed, isRecord, report, type IrContext } from './context';
import { breakAliasCycles } from './break-alias-cycles';
import { buildClient } from './build-client';
import { buildOperation } from './build-operation';
import { buildType, ensureModel, findComponentAliases } from './build-schema';
import { resolveDiscriminators } from './discriminators';
import { nameOperations, type NameRecord } from './name-operations';
import type { HttpMethod, Ir, IrClient, IrOperation } from './types';

/** Methods in the order operations of one path are listed (STYLE: get, put, post, patch, delete). */
const METHODS: HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const SUPPORTED = new Set<HttpMethod>(['get', 'put', 'post', 'patch', 'delete']);

/** Builds the IR of a loaded spec; problems come back as diagnostics, never exceptions. */
export function buildIr(
  spec: LoadedSpec,
  source: string,
  names?: NameRecord,
): { ir: Ir | undefined; diagnostics: Diagnostic[] } {
  const root = spec.entry.value;
  const ctx: IrContext = {
    spec,
    version: '3.1',
    diagnostics: [],
    models: new Map(),
    building: new Set(),
    aliases: new Map(),
    implicitDiscriminators: new Map(),
  };
  if (!isRecord(root) || typeof root.openapi !== 'string' || !/^3\.[01]\./.test(root.openapi)) {
    report(
      ctx,
      { file: spec.entry, pointer: isRecord(root) && 'openapi' in root ? '#/openapi' : '#' },
      'not-openapi',
      `expected an OpenAPI 3.0 or 3.1 document (openapi: 3.x.y), found ${isRecord(root) && root.openapi !== undefined ? `openapi: ${JSON.stringify(root.openapi)}` : isRecord(root) && root.swagger ? 'Swagger 2.0' : 'no openapi field'}`,
    );
    return { ir: undefined, diagnostics: ctx.diagnostics };
  }
  ctx.version = root.openapi.startsWith('3.0') ? '3.0' : '3.1';

  // Every component schema is a model, used or not: it is part of the API's vocabulary.
  const components =
    isRecord(root.components) && isRecord(root.components.schemas) ? root.components.schemas : {};
  findComponentAliases(ctx, components);
  for (const [name, schema] of Object.entries(components)) {
    const pointer = childPointer('#/components/schemas', name);
    if (ctx.aliases.has(spec.entry.id + pointer))
      buildType(ctx, { $ref: `#${pointer.slice(1)}` }, { file: spec.entry, pointer });
    else ensureModel(ctx, spec.entry.id + pointer, name, schema, { file: spec.entry, pointer });
  }

  const unnamed = [];
  const raw: Record<string, unknown>[] = [];
  const paths = isRecord(root.paths) ? root.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    // A path item may itself be a `$ref` to another file (`/pets: {$ref: paths.yaml#/pets}`).
    const found = derefNode(ctx, pathItem, {
      file: spec.entry,
      pointer: childPointer('#/paths', path),
    });
    if (!found || !isRecord(found.value)) continue;
    const item = found.value;
    const itemAt = { ...found.at, value: item };
    for (const method of METHODS) {
      // An operation may be a `$ref` too (`get: {$ref: ops/list.yaml}`), as published specs split them out.
      const foundOp = isRecord(item[method])
        ? derefNode(ctx, item[method], {
            file: itemAt.file,
            pointer: childPointer(itemAt.pointer, method),
          })
        : undefined;
      const op = foundOp?.value;
      if (!foundOp || !isRecord(op)) continue;
      if (!SUPPORTED.has(method)) {
        report(
          ctx,
          { file: itemAt.file, pointer: childPointer(itemAt.pointer, method) },
          'unsupported-keyword',
          `${method.toUpperCase()} operations are not generated: the client has methods for GET, PUT, POST, PATCH and DELETE`,
          'warning',
        );
        continue;
      }
      const opAt = { ...foundOp.at, value: op };
      unnamed.push(buildOperation(ctx, path, method, itemAt, opAt));
      raw.push(op);
    }
  }
  checkOperationIds(ctx, unnamed);
  const operations = nameOperations(ctx, unnamed, raw, names);
  const models = [...ctx.models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  resolveDiscriminators(ctx, { models, operations });
  breakAliasCycles(ctx, models);
  const client = buildClient(ctx, root);
  warnOtherSchemes(ctx, client, operations);
  return { ir: { client, models, operations, source }, diagnostics: ctx.diagnostics };
}

/** The client sends one kind of credential; an operation that asks only for another one is told about. */
function warnOtherSchemes(ctx: IrContext, client: IrClient, operations: IrOperation[]): void {
  for (const op of operations) {
    const schemes = op.securitySchemes;
    if (!client.auth || !schemes?.length || schemes.includes(client.auth.scheme)) continue;
    report(
      ctx,
      { file: fileNamed(ctx, op.file), pointer: childPointer(op.pointer, 'security') },
      'unsupported-keyword',
      `this operation asks for ${schemes.join(' or ')}, but the client sends only its ${client.auth.scheme} credentials`,
      'warning',
    );
  }
}

function checkOperationIds(
  ctx: IrContext,
  ops: { operationId: string; pointer: string; file: string }[],
): void {
  const seen = new Map<string, string>();
  for (const op of ops) {
    const first = seen.get(op.operationId);
    if (first) {
      report(
        ctx,
        { file: fileNamed(ctx, op.file), pointer: childPointer(op.pointer, 'operationId') },
        'duplicate-operation-id',
        `operationId '${op.operationId}' is already used at ${first}`,
      );
    } else seen.set(op.operationId, op.pointer);
  }
}
