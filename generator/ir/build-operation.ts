import { childPointer } from '../load/pointer';
import { camelCase } from '../text/case';
import { derefNode, isRecord, report, type IrContext, type Location } from './context';
import { buildDocs } from './build-docs';
import { buildPagination } from './build-pagination';
import { operationSecurity } from './build-security';
import { buildParameters } from './build-parameters';
import { buildType } from './build-schema';
import { dereference } from './dereference';
import type { HttpMethod, IrBody, IrOperation, IrParameter, IrSecurity, IrType } from './types';

type Node = Location & { value: Record<string, unknown> };

const BODY_TYPES: IrBody['contentType'][] = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/octet-stream',
  'text/plain',
];

/** One operation, before resource and method names are settled (see `name-operations.ts`). */
export function buildOperation(
  ctx: IrContext,
  pathKey: string,
  httpMethod: HttpMethod,
  pathItem: Node,
  op: Node,
  security: IrSecurity,
): Omit<IrOperation, 'resource' | 'methodName' | 'typePrefix'> {
  const { path, fixedQuery } = splitPathKey(pathKey);
  const params = buildParameters(ctx, pathItem, op);
  // GET and HEAD bodies have no defined meaning (RFC 9110 §9.3.1); clients do not send them.
  const body = httpMethod === 'get' || httpMethod === 'head' ? undefined : buildBody(ctx, op);
  const { response, stream } = buildResponses(ctx, op, body);
  const queryParams = params.filter((p) => p.in === 'query');
  for (const name of path.match(/\{[^}]+\}/g) ?? []) {
    if (!params.some((p) => p.in === 'path' && `{${p.name}}` === name)) {
      report(
        ctx,
        op,
        'spec-invalid',
        `path ${path} has ${name} but the operation declares no such path parameter`,
      );
    }
  }
  return {
    operationId:
      typeof op.value.operationId === 'string'
        ? op.value.operationId
        : camelCase(`${httpMethod} ${path}`),
    tags: Array.isArray(op.value.tags)
      ? op.value.tags.filter((t): t is string => typeof t === 'string')
      : [],
    httpMethod,
    path,
    ...(fixedQuery.length ? { fixedQuery } : {}),
    // Path parameters in the order the path names them.
    pathParams: params
      .filter((p) => p.in === 'path')
      .sort((a, b) => path.indexOf(`{${a.name}}`) - path.indexOf(`{${b.name}}`)),
    queryParams,
    headerParams: headerParams(ctx, op, params, queryParams),
    body,
    response,
    stream,
    pagination:
      httpMethod === 'get' || op.value['x-clientgen-pagination'] !== undefined
        ? buildPagination(ctx, op, response?.type, queryParams)
        : undefined,
    docs: {
      ...buildDocs(op.value),
      ...(typeof op.value.summary === 'string' ? { summary: op.value.summary.trim() } : {}),
    },
    pointer: op.pointer,
    file: op.file.displayPath,
    ...operationSecurity(ctx, op, security),
  };
}

/**
 * Header parameters that go in the params object. One named exactly as a query parameter cannot share that
 * object (one key, two meanings): it is left out, with a warning, and can still be sent in `options.headers`.
 */
function headerParams(
  ctx: IrContext,
  op: Node,
  params: IrParameter[],
  query: IrParameter[],
): IrParameter[] {
  return params.filter((p) => {
    if (
      p.in !== 'header' ||
      ['accept', 'content-type', 'authorization'].includes(p.name.toLowerCase())
    )
      return false;
    if (!query.some((q) => q.name === p.name)) return true;
    report(
      ctx,
      { file: op.file, pointer: p.pointer },
      'unsupported-keyword',
      `header parameter '${p.name}' has the name of a query parameter, and both cannot be keys of the params object: pass the header in options.headers`,
      'warning',
    );
    return false;
  });
}

function buildBody(ctx: IrContext, op: Node): IrBody | undefined {
  if (op.value.requestBody === undefined) return undefined;
  const found = derefNode(ctx, op.value.requestBody, {
    file: op.file,
    pointer: childPointer(op.pointer, 'requestBody'),
  });
  if (!found || !isRecord(found.value) || !isRecord(found.value.content)) return undefined;
  const content = found.value.content;
  const contentType =
    BODY_TYPES.find((t) => t in content) ??
    (Object.keys(content).find((k) => /\+json$/.test(k)) ? 'application/json' : undefined);
  if (!contentType) {
    report(
      ctx,
      found.at,
      'unsupported-keyword',
      `request body types ${Object.keys(content).join(', ')} are not supported: the body is sent as given`,
      'warning',
    );
    return {
      contentType: 'application/octet-stream',
      type: { kind: 'primitive', name: 'unknown' },
      required: found.value.required === true,
      pointer: found.at.pointer,
    };
  }
  const mediaKey =
    contentType in content ? contentType : Object.keys(content).find((k) => /\+json$/.test(k))!;
  const media = content[mediaKey];
  const schemaAt = {
    file: found.at.file,
    pointer: childPointer(found.at.pointer, 'content', mediaKey, 'schema'),
  };
  const type: IrType =
    isRecord(media) && media.schema !== undefined
      ? buildType(ctx, media.schema, schemaAt)
      : {
          kind: 'primitive',
          name: contentType === 'application/octet-stream' ? 'binary' : 'unknown',
        };
  return { contentType, type, required: found.value.required === true, pointer: schemaAt.pointer };
}

function buildResponses(
  ctx: IrContext,
  op: Node,
  body: IrBody | undefined,
): Pick<IrOperation, 'response' | 'stream'> {
  const responses = isRecord(op.value.responses) ? op.value.responses : {};
  // With no 2xx declared, `default` is the success response (it describes every status the others do not).
  const code =
    Object.keys(responses)
      .filter((c) => /^2(\d\d|XX)$/i.test(c))
      .sort()[0] ?? ('default' in responses ? 'default' : undefined);
  if (!code) return { response: undefined, stream: undefined };
  const at = { file: op.file, pointer: childPointer(op.pointer, 'responses', code) };
  const found = derefNode(ctx, responses[code], at);
  if (!found || !isRecord(found.value) || !isRecord(found.value.content))
    return { response: undefined, stream: undefined };
  const content = found.value.content;
  const schemaOf = (mediaType: string): IrType => {
    const media = content[mediaType];
    return isRecord(media) && media.schema !== undefined
      ? buildType(ctx, media.schema, {
          file: found.at.file,
          pointer: childPointer(found.at.pointer, 'content', mediaType, 'schema'),
        })
      : { kind: 'primitive', name: 'unknown' };
  };
  const json = Object.keys(content).find(
    (k) => k === 'application/json' || /\+json$/.test(k) || k === '*/*',
  );
  const sse = 'text/event-stream' in content ? 'text/event-stream' : undefined;
  const other = Object.keys(content).find((k) => k !== sse && k !== json);
  const response = json
    ? { type: schemaOf(json), contentType: 'application/json' }
    : other
      ? {
          type: { kind: 'primitive', name: /^text\//.test(other) ? 'string' : 'binary' } as IrType,
          contentType: other,
        }
      : undefined;
  let stream: IrOperation['stream'];
  if (sse) {
    const ext = op.value['x-clientgen-streaming'];
    let param = isRecord(ext) && typeof ext.param === 'string' ? ext.param : undefined;
    // A JSON-or-stream (or binary-or-stream) operation switched by a body field named `stream` needs no extension.
    const alt = json ?? other;
    if (!param && alt && body && hasProperty(ctx, body.type, 'stream')) param = 'stream';
    if (!param && alt) {
      // Without a switch the caller cannot ask for events: what a plain call gets is the other response
      // (OpenAI's speech endpoint sends audio unless `stream_format: sse`), so that is what the method returns.
      report(
        ctx,
        found.at,
        'invalid-extension',
        `the operation answers both ${alt} and text/event-stream, and no boolean body field switches them: the method returns the ${alt} response; name the field that asks for events in x-clientgen-streaming.param`,
        'warning',
      );
    } else stream = { eventType: schemaOf(sse), param };
  }
  return { response, stream };
}

/**
 * Whether a body type has a property of that name, through model refs (`$ref: CreateRequest`) and what
 * `allOf` could not merge into one object (an intersection has it when any member does).
 */
function hasProperty(ctx: IrContext, type: IrType, name: string): boolean {
  const t = dereference(type, { get: (id) => ctx.models.get(id) });
  if (t?.kind === 'object') return t.properties.some((p) => p.name === name);
  return t?.kind === 'intersection' && t.members.some((m) => hasProperty(ctx, m, name));
}

/**
 * A path key with a query string (`/responses?beta=true`, a deviation published specs use to tell two variants of
 * one path apart): the path, and the query's parameters, which the operation sends on every call.
 */
export function splitPathKey(key: string): {
  path: string;
  fixedQuery: { name: string; value: string }[];
} {
  const at = key.indexOf('?');
  if (at === -1) return { path: key, fixedQuery: [] };
  const fixedQuery = [...new URLSearchParams(key.slice(at + 1))].map(([name, value]) => ({
    name,
    value,
  }));
  return { path: key.slice(0, at), fixedQuery };
}
