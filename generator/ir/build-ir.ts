import { childPointer } from '../load/pointer';
import type { LoadedSpec } from '../load/load-spec';
import type { SourceFile } from '../load/source-file';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { derefNode, fileNamed, isRecord, report, type IrContext } from './context';
import { breakAliasCycles } from './break-alias-cycles';
import { buildClient } from './build-client';
import { withClientSettings, type ClientSettings } from './client-settings';
import { buildOperation, isSuccessCode } from './build-operation';
import { buildType, ensureModel, findComponentAliases } from './build-schema';
import { hoistSharedSecurity } from './build-security';
import { resolveDiscriminators } from './discriminators';
import { declareRequiredNames } from './required-names';
import { nameOperations, type NameRecord } from './name-operations';
import { derefMap, entryAt } from './ref-as-map';
import { HTTP_METHODS, type Ir } from './types';

/** Methods in the order operations of one path are listed (STYLE: get, put, post, patch, delete, then the rest). */

/** What a spec alone does not say: names fixed before inference, and the client's settings over `x-clientgen`. */
export interface IrOptions {
  /** The previous run's names lock and the config's `names` (docs/naming.md). */
  names?: NameRecord;
  /** The config's `client` block (ir/client-settings.ts). */
  client?: ClientSettings;
  /** The config file these came from: what the IR says of them points into it. */
  config?: SourceFile;
}

/** Builds the IR of a loaded spec; problems come back as diagnostics, never exceptions. */
export function buildIr(
  spec: LoadedSpec,
  source: string,
  options: IrOptions = {},
): { ir: Ir | undefined; diagnostics: Diagnostic[] } {
  const inlined = new Map<string, number>();
  const first = buildIrWith(spec, source, options, inlined, new Set());
  // Schemas that are no component, named by several `$ref`s: models of their own at every `$ref` (build-schema.ts).
  const shared = new Set([...inlined].filter(([, n]) => n > 1).map(([id]) => id));
  return shared.size ? buildIrWith(spec, source, options, new Map(), shared) : first;
}

/** One run of buildIr; `inlined` is filled with how often each schema that is no component was written inline. */
function buildIrWith(
  spec: LoadedSpec,
  source: string,
  { names, client: settings, config }: IrOptions,
  inlined: Map<string, number>,
  sharedTargets: ReadonlySet<string>,
): { ir: Ir | undefined; diagnostics: Diagnostic[] } {
  const root = spec.entry.value;
  const ctx: IrContext = {
    spec,
    version: '3.1',
    diagnostics: [],
    models: new Map(),
    building: new Set(),
    inlined,
    sharedTargets,
    readingMaps: new Set(),
    aliases: new Map(),
    implicitDiscriminators: new Map(),
    clientgen: withClientSettings(
      isRecord(root) && isRecord(root['x-clientgen']) ? root['x-clientgen'] : {},
      settings,
    ),
    ...(config && { config }),
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
  // `components.schemas` (or `paths`) may itself be a `$ref` to a map in another file (ref-as-map.ts).
  const schemas = isRecord(root.components)
    ? derefMap(ctx, root.components.schemas, { file: spec.entry, pointer: '#/components/schemas' })
    : undefined;
  const components = schemas && schemas.at.file === spec.entry ? schemas.value : {};
  findComponentAliases(ctx, components);
  // In the order of their names, not of the document: where schemas hold each other through `allOf`, the one built
  // first is merged and the other left an intersection (merge-all-of.ts), so the document's order would decide the
  // types, and reordering a spec's schemas would change its client.
  for (const [name, schema] of Object.entries(components).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const pointer = childPointer('#/components/schemas', name);
    if (ctx.aliases.has(spec.entry.id + pointer))
      buildType(ctx, { $ref: `#${pointer.slice(1)}` }, { file: spec.entry, pointer });
    else ensureModel(ctx, spec.entry.id + pointer, name, schema, { file: spec.entry, pointer });
  }

  // The client first: operations inherit the document's security requirements.
  let client = buildClient(ctx, root);
  const unnamed = [];
  const raw: Record<string, unknown>[] = [];
  const paths = derefMap(ctx, root.paths, { file: spec.entry, pointer: '#/paths' });
  for (const [path, pathItem] of Object.entries(paths?.value ?? {})) {
    // A path item may itself be a `$ref` to another file (`/pets: {$ref: paths.yaml#/pets}`).
    const found = derefNode(ctx, pathItem, entryAt(paths!, path));
    if (!found || !isRecord(found.value)) continue;
    const item = found.value;
    const itemAt = { ...found.at, value: item };
    for (const method of HTTP_METHODS) {
      // An operation may be a `$ref` too (`get: {$ref: ops/list.yaml}`), as published specs split them out.
      const foundOp = isRecord(item[method])
        ? derefNode(ctx, item[method], {
            file: itemAt.file,
            pointer: childPointer(itemAt.pointer, method),
          })
        : undefined;
      const op = foundOp?.value;
      if (!foundOp || !isRecord(op)) continue;
      if (method === 'trace') {
        report(
          ctx,
          { file: itemAt.file, pointer: childPointer(itemAt.pointer, method) },
          'unsupported-keyword',
          'TRACE is a method the Fetch standard forbids (browsers, Node, Deno and Bun refuse it): the generated method works only with a `fetch` client option that can send it',
          'warning',
        );
      }
      const opAt = { ...foundOp.at, value: op };
      if (switchesProtocols(op)) {
        report(
          ctx,
          {
            file: opAt.file,
            pointer: childPointer(childPointer(opAt.pointer, 'responses'), '101'),
          },
          'unsupported-keyword',
          'the operation answers only 101 Switching Protocols (a WebSocket or other upgrade), which fetch cannot take: it is left out of the client',
          'warning',
        );
        continue;
      }
      unnamed.push(buildOperation(ctx, path, method, itemAt, opAt, client.security));
      raw.push(op);
    }
  }
  client = { ...client, security: hoistSharedSecurity(root, client.security, unnamed) };
  checkOperationIds(ctx, unnamed);
  const operations = nameOperations(ctx, unnamed, raw, names, client.baseURL);
  const models = [...ctx.models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  resolveDiscriminators(ctx, { models, operations });
  breakAliasCycles(ctx, models);
  declareRequiredNames({ models, operations });
  return { ir: { client, models, operations, source }, diagnostics: ctx.diagnostics };
}

/**
 * Whether an operation's only success is a protocol switch (`101` and no 2xx: Docker's `POST /session`, osisoft's
 * channels, edrv's realtime feed). fetch fails on a 101 ("bad upgrade" in Node, a network error in browsers), so a
 * method for it could never return.
 */
function switchesProtocols(op: Record<string, unknown>): boolean {
  const codes = isRecord(op.responses) ? Object.keys(op.responses) : [];
  return codes.includes('101') && !codes.some(isSuccessCode);
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
        `operationId '${op.operationId}' is already used at ${first}: the operations that share it are named from their method and path`,
        'warning',
      );
    } else seen.set(op.operationId, op.pointer);
  }
}
