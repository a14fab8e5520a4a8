import { childPointer } from '../load/pointer';
import { camelCase } from '../text/case';
import { addedProperty } from './added-property';
import { derefNode, isRecord, quietDeref, report, type IrContext, type Location } from './context';
import { buildDocs } from './build-docs';
import { buildPagination } from './build-pagination';
import { HTTP_TOKEN, operationSecurity } from './build-security';
import { buildParameters } from './build-parameters';
import { buildEncoding } from './build-encoding';
import { buildType, isFileSchema } from './build-schema';
import { dereference } from './dereference';
import {
  bodyEncoding,
  headerMediaType,
  isJsonMediaType,
  isMediaRange,
  pickBodyMediaType,
} from './media-types';
import { isQueryTemplate, splitPathKey } from './path-key';
import { derefMap, entryAt } from './ref-as-map';
import type {
  HttpMethod,
  IrBody,
  IrOperation,
  IrParameter,
  IrSecurity,
  IrSecurityRequirement,
  IrSerialization,
  IrType,
} from './types';

type Node = Location & { value: Record<string, unknown> };

/** One operation, before resource and method names are settled (see `name-operations.ts`). */
export function buildOperation(
  ctx: IrContext,
  pathKey: string,
  httpMethod: HttpMethod,
  pathItem: Node,
  op: Node,
  security: IrSecurity,
): Omit<IrOperation, 'resource' | 'methodName' | 'typePrefix'> {
  const { path, query } = splitPathKey(pathKey);
  const fixedQuery = query.filter((q) => !isQueryTemplate(q.value));
  const params = queryTemplateParams(path, query, buildParameters(ctx, pathItem, op), op).map(
    constantParameter,
  );
  // GET and HEAD bodies have no defined meaning (RFC 9110 §9.3.1), TRACE may not have one (§9.3.8).
  const body = ['get', 'head', 'trace'].includes(httpMethod) ? undefined : buildBody(ctx, op);
  // A HEAD response has no body (RFC 9110 §9.3.2), whatever content its 2xx declares.
  const { response, stream, accept } =
    httpMethod === 'head'
      ? { response: undefined, stream: undefined, accept: undefined }
      : buildResponses(ctx, op, body);
  const queryParams = params.filter((p) => p.in === 'query');
  params.push(...undeclaredPathParams(ctx, path, params, op));
  const secured = operationSecurity(ctx, op, security);
  const ignored = ignoredHeaders(
    security,
    secured.security ?? security.requirements,
    body !== undefined,
  );
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
    ...(query.length ? { pathQuery: query } : {}),
    ...(fixedQuery.length ? { fixedQuery } : {}),
    // Path parameters in the order the path names them.
    pathParams: params
      .filter((p) => p.in === 'path')
      .sort((a, b) => path.indexOf(`{${a.name}}`) - path.indexOf(`{${b.name}}`)),
    queryParams,
    headerParams: headerParams(ctx, op, params, queryParams, ignored),
    body,
    ...bodylessHeaders(params, body),
    response,
    ...(accept !== undefined ? { accept } : {}),
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
    ...secured,
  };
}

/**
 * The header parameters OpenAPI says to ignore (`Accept`, `Content-Type`, `Authorization`: the client writes them from
 * the responses, the body and the security schemes), except where the client writes no such header: `Authorization`
 * where no scheme of the operation's security sends it, `Content-Type` where the operation has no body. There the
 * parameter is the only way to send what the API asks for (Azure's LUIS authoring API takes an ARM token in
 * `Authorization` beside its subscription key; VTEX requires `Content-Type` on its GETs), and a server that ignores it
 * loses nothing.
 */
function ignoredHeaders(
  security: IrSecurity,
  requirements: readonly IrSecurityRequirement[],
  hasBody: boolean,
): ReadonlySet<string> {
  const byName = new Map(security.schemes.map((s) => [s.name, s]));
  const sendsAuthorization = requirements.some((alternative) =>
    alternative.some(({ scheme }) => {
      const s = byName.get(scheme);
      return (
        s !== undefined &&
        (s.kind !== 'apiKey' ||
          (s.in === 'header' && s.paramName.toLowerCase() === 'authorization'))
      );
    }),
  );
  return new Set([
    'accept',
    ...(hasBody ? ['content-type'] : []),
    ...(sendsAuthorization ? ['authorization'] : []),
  ]);
}

/**
 * A `Content-Type` header parameter of an operation without a body, which no body writes: a required one is sent as
 * declared, by the client when the schema gives its value (VTEX's GETs require `Content-Type`, default
 * `application/json`); an optional one says nothing and is left out. Any other parameter is as it is.
 */
function bodylessContentType(p: IrParameter): IrParameter | undefined {
  if (p.name.toLowerCase() !== 'content-type' || p.constant !== undefined) return p;
  if (!p.required) return undefined;
  return typeof p.docs.default === 'string'
    ? { ...p, required: false, constant: p.docs.default }
    : p;
}

/**
 * A required `Content-Type` parameter beside a body the spec does not require: the body's media type goes out when
 * the call sends one, and the parameter's value (its schema's `default` or one-value enum, else the body's media type)
 * when it sends none (VTEX requires the header on every call). The parameter itself stays out of the params object, as OpenAPI says.
 */
function bodylessHeaders(
  params: readonly IrParameter[],
  body: IrBody | undefined,
): Pick<IrOperation, 'bodylessHeaders'> {
  if (!body || body.required) return {};
  const headers = params.flatMap((p) => {
    if (p.in !== 'header' || p.name.toLowerCase() !== 'content-type') return [];
    // Without a value of its own (VTEX gives an `example` only), the media type the body would have sent.
    const value = p.constant ?? p.docs.default ?? body.contentType;
    return (p.required || p.constant !== undefined) && typeof value === 'string'
      ? [{ name: p.name, value }]
      : [];
  });
  return headers.length ? { bodylessHeaders: headers.slice(0, 1) } : {};
}

/**
 * Headers of the connection, which fetch writes itself from the body and refuses from the caller: Node's fetch fails
 * with `invalid transfer-encoding header` before it connects, browsers drop them. Azure's Data Lake declares a
 * required `Transfer-Encoding: chunked`.
 */
const FETCH_MANAGED_HEADERS = new Set([
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Header and cookie parameters that go in the params object. One named exactly as a query parameter (or a
 * cookie named as a header) cannot share that object (one key, two meanings): it is left out, with a
 * warning, and can still be sent in `options.headers`.
 */
function headerParams(
  ctx: IrContext,
  op: Node,
  params: IrParameter[],
  query: IrParameter[],
  ignored: ReadonlySet<string>,
): IrParameter[] {
  const taken = new Set(query.map((q) => q.name));
  // Each declared parameter kept, as it is kept.
  const kept = new Map<IrParameter, IrParameter>();
  // Headers first, so that a cookie, not a header, gives way when both have one name.
  for (const declared of [
    ...params.filter((x) => x.in === 'header'),
    ...params.filter((x) => x.in === 'cookie'),
  ]) {
    if (declared.in === 'header' && ignored.has(declared.name.toLowerCase())) continue;
    const p = declared.in === 'header' ? bodylessContentType(declared) : declared;
    if (!p) continue;
    // A header's name is a token (RFC 9110 §5.1), and so is a cookie's (RFC 6265 §4.1.1).
    if (!HTTP_TOKEN.test(p.name)) {
      // Headers.set throws on it (notion's `GET /v1/pages/{id}` declares a header named ''): no call could be made.
      report(
        ctx,
        { file: op.file, pointer: p.pointer },
        'spec-invalid',
        `${p.in} parameter ${JSON.stringify(p.name)} is no valid ${p.in === 'header' ? 'header' : 'cookie'} name (RFC 9110 §5.1): the client leaves it out`,
        'warning',
      );
      continue;
    }
    if (p.in === 'header' && FETCH_MANAGED_HEADERS.has(p.name.toLowerCase())) {
      report(
        ctx,
        { file: op.file, pointer: p.pointer },
        'unsupported-keyword',
        `header parameter '${p.name}' is one fetch writes itself and refuses from the caller (Node's fetch fails the request, browsers drop it): the client leaves it out`,
        'warning',
      );
      continue;
    }
    if (!taken.has(p.name)) {
      taken.add(p.name);
      kept.set(declared, p);
      continue;
    }
    const other = query.some((q) => q.name === p.name) ? 'a query' : 'a header';
    report(
      ctx,
      { file: op.file, pointer: p.pointer },
      'unsupported-keyword',
      `${p.in} parameter '${p.name}' has the name of ${other} parameter, and both cannot be keys of the params object: pass the ${p.in === 'cookie' ? 'cookie in options.headers.cookie' : 'header in options.headers'}`,
      'warning',
    );
  }
  // In the spec's order, as before.
  return params.flatMap((p) => kept.get(p) ?? []);
}

/**
 * Whether a text body's schema is a string, through `$ref`s: its constraints and docs are kept (conjur's API key,
 * `$ref`'d, is 55 characters at least); any other schema under a text media type is sent as a string.
 */
function isStringSchema(ctx: IrContext, schema: unknown, file: Location['file']): boolean {
  const found = quietDeref(ctx, schema, file);
  return isRecord(found?.value) && found.value.type === 'string';
}

function buildBody(ctx: IrContext, op: Node): IrBody | undefined {
  if (op.value.requestBody === undefined) return undefined;
  const found = derefNode(ctx, op.value.requestBody, {
    file: op.file,
    pointer: childPointer(op.pointer, 'requestBody'),
  });
  if (!found || !isRecord(found.value)) return undefined;
  const contentMap = derefMap(ctx, found.value.content, entryAt(found, 'content'));
  if (!contentMap) return undefined;
  const content = contentMap.value;
  // Several media types: one is sent, chosen by kind (see pickBodyMediaType); the others are alternatives.
  const contentType = loneFileAsBytes(
    ctx,
    contentMap,
    pickMediaTypeForFiles(ctx, contentMap, pickBodyMediaType(Object.keys(content))),
  );
  if (contentType === undefined) return undefined;
  const media = content[contentType];
  const schemaAt = entryAt(contentMap, contentType, 'schema');
  const schema = isRecord(media) ? media.schema : undefined;
  // A media range (`*/*`, Kubernetes' bodies) names no format: a schema of anything but a string is sent as JSON,
  // where it was bytes (the method took a file for an object).
  const ranged =
    isMediaRange(contentType) && schema !== undefined
      ? buildType(ctx, schema, schemaAt)
      : undefined;
  // Through a `$ref` too: a named binary schema under `*/*` stays bytes.
  const shown = ranged?.kind === 'ref' ? ctx.models.get(ranged.target)?.type : ranged;
  const structured = ranged !== undefined && !(shown?.kind === 'primitive' && isText(shown.name));
  const encoding = structured ? 'json' : bodyEncoding(contentType);
  const type: IrType = structured
    ? ranged
    : encoding === 'binary'
      ? // Bytes whatever the schema says (`type: string`, `format: binary`, none): the caller passes a file.
        { kind: 'primitive', name: 'binary' }
      : encoding === 'text' && !isStringSchema(ctx, schema, schemaAt.file)
        ? { kind: 'primitive', name: 'string' }
        : schema !== undefined
          ? buildType(ctx, schema, schemaAt)
          : { kind: 'primitive', name: 'unknown' };
  // A form or multipart body is named fields; an array has none (peertube's `studio/edit`): no form encoding is right.
  const shape = dereference(type, ctx.models);
  if ((encoding === 'form' || encoding === 'multipart') && shape?.kind === 'array') {
    report(
      ctx,
      schemaAt,
      'spec-invalid',
      `${contentType} carries named fields, and this body's schema is an array, which has none: the client sends it as JSON text under that media type`,
      'warning',
    );
  }
  // Nor has a scalar (libretranslate's `/translate_file`, spoonacular's `visualizeRecipe`; a file is `binary`, sent as
  // a part below). A form's string may be the form already encoded; a multipart one is too only with its boundary in
  // a `content-type` header the caller passes (docs/media-types-and-files.md), which the warning says.
  const scalar =
    shape?.kind === 'literal' ||
    (shape?.kind === 'primitive' && ['string', 'number', 'boolean'].includes(shape.name));
  if (encoding === 'multipart' && scalar) {
    report(
      ctx,
      schemaAt,
      'spec-invalid',
      `${contentType} carries named parts, and this body's schema is a ${shape.kind === 'primitive' ? shape.name : 'single value'}, which has none: the client sends the value as it is, which a server reads as parts only when it is the body already encoded, with its boundary given in a \`content-type\` header`,
      'warning',
    );
  }
  const sent =
    encoding === 'form'
      ? formFieldsAsText(type)
      : encoding === 'multipart' && isLoneFile(ctx, contentMap, contentType)
        ? asFilePart(ctx, type, schemaAt)
        : type;
  const encodingMap =
    (encoding === 'form' || encoding === 'multipart') && isRecord(media)
      ? derefMap(ctx, media.encoding, entryAt(contentMap, contentType, 'encoding'))
      : undefined;
  // Form fields follow every entry; multipart parts follow an entry's style (Stripe's `expand: { style:
  // deepObject }` on its uploads) or, without one, its content type.
  const fields = encodingMap
    ? buildEncoding(ctx, encodingMap.value, entryAt(contentMap, contentType))
    : undefined;
  const { fieldEncoding, partContentTypes } =
    encoding === 'multipart' ? splitMultipartEncoding(fields) : { fieldEncoding: fields };
  return {
    contentType: sentMediaType(ctx, contentType, entryAt(contentMap, contentType)),
    encoding,
    ...(partContentTypes ? { partContentTypes } : {}),
    ...(fieldEncoding ? { fieldEncoding } : {}),
    type: sent,
    required: found.value.required === true,
    pointer: schemaAt.pointer,
  };
}

/**
 * A URL-encoded form is text: a `format: binary` field of the body's own object (or an array of them) is a string
 * the caller encodes, as a binary parameter is (fungenerators' barcode decoder: the runtime cannot read a file into a
 * form, and its Blob went out as nothing). A named model the body refers to is left as it is: other bodies share it.
 */
function formFieldsAsText(type: IrType): IrType {
  if (type.kind !== 'object') return type;
  const text = (t: IrType): IrType =>
    t.kind === 'primitive' && t.name === 'binary'
      ? { ...t, name: 'string' }
      : t.kind === 'array'
        ? { ...t, items: text(t.items) }
        : t;
  return { ...type, properties: type.properties.map((p) => ({ ...p, type: text(p.type) })) };
}

/**
 * A declared media type as the `Content-Type` or `Accept` header it becomes: a parameter that is not `name=value`
 * (`text/plain; utf-8`) is left out, with a warning, since a server may refuse the header (Steady does).
 */
function sentMediaType(ctx: IrContext, mediaType: string, at: Location): string {
  const { value, dropped } = headerMediaType(mediaType);
  if (dropped.length)
    report(
      ctx,
      at,
      'spec-deviation',
      `media type '${mediaType}' has ${dropped.length > 1 ? 'parameters' : 'a parameter'} that ${dropped.length > 1 ? 'are' : 'is'} not name=value (${dropped.map((d) => `'${d}'`).join(', ')}): sent as '${value}'`,
      'warning',
      'media-type-parameter',
    );
  return value;
}

function isText(name: string): boolean {
  return name === 'string' || name === 'binary';
}

/**
 * JSON cannot carry a file: when the body declares multipart beside JSON (OpenAI's `/skills`) and the multipart
 * schema has a file field, multipart is sent.
 */
function pickMediaTypeForFiles(
  ctx: IrContext,
  contentMap: { value: Record<string, unknown>; at: Location },
  picked: string | undefined,
): string | undefined {
  if (picked === undefined || bodyEncoding(picked) !== 'json') return picked;
  const multipart = Object.keys(contentMap.value).find((k) => bodyEncoding(k) === 'multipart');
  const media = multipart === undefined ? undefined : contentMap.value[multipart];
  if (multipart === undefined || !isRecord(media)) return picked;
  return hasFileField(ctx, media.schema, entryAt(contentMap, multipart, 'schema'), 0)
    ? multipart
    : picked;
}

/**
 * A multipart or form body that is one file names no field to send it in: a bytes media type declared beside it
 * (Azure Computer Vision's `application/octet-stream` beside `multipart/form-data`, both one file) sends the file.
 */
function loneFileAsBytes(
  ctx: IrContext,
  contentMap: { value: Record<string, unknown>; at: Location },
  picked: string | undefined,
): string | undefined {
  const encoding = picked === undefined ? undefined : bodyEncoding(picked);
  if (encoding !== 'multipart' && encoding !== 'form') return picked;
  if (!isLoneFile(ctx, contentMap, picked!)) return picked;
  return Object.keys(contentMap.value).find((k) => bodyEncoding(k) === 'binary') ?? picked;
}

/** Whether the body schema of `mediaType` is one file (isFileSchema: `format: binary`, a `contentMediaType`…). */
function isLoneFile(
  ctx: IrContext,
  contentMap: { value: Record<string, unknown>; at: Location },
  mediaType: string,
): boolean {
  const media = contentMap.value[mediaType];
  const found = isRecord(media)
    ? derefNode(ctx, media.schema, entryAt(contentMap, mediaType, 'schema'))
    : undefined;
  const schema = found && isRecord(found.value) ? found.value : undefined;
  return schema !== undefined && isFileSchema(schema);
}

/**
 * A multipart body that is one file, with no bytes media type beside it (Jira's attachments, noosh's files, codat's
 * and loket's uploads): a multipart body is named parts, and the spec names none. Sent as the part `file`, the name
 * such APIs document (Jira: "the name of the multipart/form-data parameter that contains attachments must be
 * file"), where the file went out as `application/octet-stream`, a media type the operation does not take.
 */
function asFilePart(ctx: IrContext, type: IrType, at: Location): IrType {
  report(
    ctx,
    at,
    'spec-deviation',
    'a multipart/form-data body that is one file names no part to send it in: sent as the part `file`',
    'warning',
    'multipart-lone-file',
  );
  return {
    kind: 'object',
    properties: [addedProperty('file', type, true, at.pointer)],
    additional: undefined,
  };
}

/** Whether a schema (through `$ref`s, unions and arrays, a few levels deep) has a file field (isFileSchema). */
function hasFileField(ctx: IrContext, raw: unknown, at: Location, depth: number): boolean {
  if (depth > 4) return false;
  const found = derefNode(ctx, raw, at);
  if (!found || !isRecord(found.value)) return false;
  const schema = found.value;
  if (isFileSchema(schema)) return true;
  const children: [unknown, Location][] = [];
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((m, i) => children.push([m, entryAt(found, key, i)]));
  }
  if (schema.items !== undefined) children.push([schema.items, entryAt(found, 'items')]);
  if (isRecord(schema.properties))
    for (const [name, p] of Object.entries(schema.properties))
      children.push([p, entryAt(found, 'properties', name)]);
  return children.some(([child, childAt]) => hasFileField(ctx, child, childAt, depth + 1));
}

/**
 * A multipart `encoding` map, read once by buildEncoding: the entries that give a style are serialized as form
 * fields; the others name a part's content type (OpenAPI 3.1 §4.8.15).
 */
function splitMultipartEncoding(map: Record<string, IrSerialization> | undefined): {
  fieldEncoding?: Record<string, IrSerialization>;
  partContentTypes?: Record<string, string>;
} {
  const entries = Object.entries(map ?? {});
  const styled = entries.filter(([, e]) => e.style !== undefined || e.explode !== undefined);
  const typed = entries.flatMap(([name, e]): [string, string][] =>
    e.contentType !== undefined ? [[name, e.contentType]] : [],
  );
  return {
    ...(styled.length ? { fieldEncoding: Object.fromEntries(styled) } : {}),
    ...(typed.length ? { partContentTypes: Object.fromEntries(typed) } : {}),
  };
}

/**
 * Whether a media type with no schema shows an array as its example (`example`, or the first of `examples`): what
 * naming reads of a response the spec gives by examples only. A schema, when there is one, says more. Read quietly:
 * examples are not otherwise read, and a `$ref` among them that leads nowhere is no problem of the client.
 */
function exampleIsArray(ctx: IrContext, media: unknown, file: Location['file']): boolean {
  if (!isRecord(media) || media.schema !== undefined) return false;
  if (media.example !== undefined) return Array.isArray(media.example);
  const examples = quietDeref(ctx, media.examples, file);
  const first = isRecord(examples?.value) ? Object.values(examples.value)[0] : undefined;
  const example = first === undefined ? undefined : quietDeref(ctx, first, examples!.file);
  return isRecord(example?.value) && Array.isArray(example.value.value);
}

/** A 2xx status code or range (`201`, `2XX`): what a call succeeds with. */
export function isSuccessCode(code: string): boolean {
  return /^2(\d\d|XX)$/i.test(code);
}

function buildResponses(
  ctx: IrContext,
  op: Node,
  body: IrBody | undefined,
): Pick<IrOperation, 'response' | 'stream' | 'accept'> {
  const responseMap = derefMap(ctx, op.value.responses, entryAt(op, 'responses'));
  const responses = responseMap?.value ?? {};
  // With no 2xx declared, `default` is the success response (it describes every status the others do not).
  const code =
    Object.keys(responses).filter(isSuccessCode).sort()[0] ??
    ('default' in responses ? 'default' : undefined);
  if (!code) return { response: undefined, stream: undefined };
  const found = derefNode(ctx, responses[code], entryAt(responseMap!, code));
  const contentMap =
    found && isRecord(found.value)
      ? derefMap(ctx, found.value.content, entryAt(found, 'content'))
      : undefined;
  if (!found || !contentMap) return { response: undefined, stream: undefined };
  const content = contentMap.value;
  const schemaOf = (mediaType: string): IrType => {
    const media = content[mediaType];
    return isRecord(media) && media.schema !== undefined
      ? buildType(ctx, media.schema, entryAt(contentMap, mediaType, 'schema'))
      : { kind: 'primitive', name: 'unknown' };
  };
  const json = Object.keys(content).find((k) => isJsonMediaType(k) || k === '*/*');
  const sse = 'text/event-stream' in content ? 'text/event-stream' : undefined;
  const other = Object.keys(content).find((k) => k !== sse && k !== json);
  const response = json
    ? {
        type: schemaOf(json),
        contentType: 'application/json',
        ...(exampleIsArray(ctx, content[json], contentMap.at.file) && {
          exampleArray: true as const,
        }),
      }
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
  // Ask for what the success response declares: a `+json` type by its name, else the other type
  // (a binary download asked for as `application/json` is refused by a strict server with 406).
  const declared = json ?? other;
  const accept =
    declared === undefined || declared === '*/*' || /^application\/json\s*(;|$)/i.test(declared)
      ? undefined
      : sentMediaType(ctx, declared, entryAt(contentMap, declared));
  return { response, stream, ...(accept !== undefined ? { accept } : {}) };
}

/**
 * Whether a body type has a property of that name, through model refs (`$ref: CreateRequest`) and what
 * `allOf` could not merge into one object (an intersection has it when any member does).
 */
function hasProperty(ctx: IrContext, type: IrType, name: string): boolean {
  const t = dereference(type, ctx.models);
  if (t?.kind === 'object') return t.properties.some((p) => p.name === name);
  return t?.kind === 'intersection' && t.members.some((m) => hasProperty(ctx, m, name));
}

/**
 * A required query or header parameter that can take one value only is the client's to send: AWS's query APIs
 * declare `Action` and `Version` on every operation, its JSON APIs `X-Amz-Target`, each a one-value enum.
 */
function constantParameter(p: IrParameter): IrParameter {
  if (!p.required || (p.in !== 'query' && p.in !== 'header')) return p;
  if (p.type.kind !== 'literal' || p.contentType !== undefined) return p;
  return { ...p, required: false, constant: p.type.value };
}

/**
 * The parameters a path key's query names (`/current?lat={lat}&lon={lon}`) are query parameters under the query's
 * names, whatever `in` they declare (weatherbit declares them `in: path`, since they are in the path key; learnifier's
 * `?key={APIKEY}` sends `APIKEY` as `key`), in the query's default style. One the operation does not declare is an
 * optional string (the template says where it goes, not that it must be sent).
 */
function queryTemplateParams(
  path: string,
  query: { name: string; value: string }[],
  params: IrParameter[],
  op: Node,
): IrParameter[] {
  const templates = query.filter((q) => isQueryTemplate(q.value));
  if (!templates.length) return params;
  const out = [...params];
  for (const { name, value } of templates) {
    const param = value.slice(1, -1);
    const at = out.findIndex(
      (p) => p.name === param && (p.in === 'query' || (p.in === 'path' && !path.includes(value))),
    );
    const declared = out[at];
    if (declared?.in === 'query') out[at] = { ...declared, name };
    else if (declared) {
      // A path parameter's style is no query style: the query's default is used.
      const { style: _style, explode: _explode, ...rest } = declared;
      out[at] = { ...rest, in: 'query', name };
    } else if (!out.some((p) => p.in === 'query' && p.name === name)) {
      out.push({
        name,
        in: 'query',
        type: { kind: 'primitive', name: 'string' },
        required: false,
        docs: {},
        pointer: op.pointer,
      });
    }
  }
  return out;
}

/**
 * A `{name}` of the path that no parameter declares: every path segment is text on the wire, so the method takes
 * it as a required string (style `simple`) and says so, a deviation rather than a refusal (docs/spec-problems.md).
 */
function undeclaredPathParams(
  ctx: IrContext,
  path: string,
  params: IrParameter[],
  op: Node,
): IrParameter[] {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const missing = [...new Set(names)].filter(
    (name) => !params.some((p) => p.in === 'path' && p.name === name),
  );
  if (!missing.length) return [];
  report(
    ctx,
    op,
    'spec-deviation',
    `path ${path} uses ${missing.map((n) => `{${n}}`).join(', ')}, which no parameter declares: read as ${missing.length > 1 ? 'required string path parameters' : 'a required string path parameter'}`,
    'warning',
    'undeclared-path-parameter',
  );
  return missing.map((name) => ({
    name,
    in: 'path',
    type: { kind: 'primitive', name: 'string' },
    required: true,
    docs: {},
    pointer: op.pointer,
  }));
}
