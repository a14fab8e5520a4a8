import { dereference, type ModelTypes } from '../ir/dereference';
import { isJsonMediaType } from '../ir/media-types';
import type { IrParameter, IrType } from '../ir/types';
import { walkType } from '../ir/walk';
import type { PlannedMethod } from '../plan/types';
import { renderRequirements } from './emit-security';
import {
  renderFormEncoding,
  renderHeaderLayout,
  renderPathStyles,
  renderQueryStyles,
} from './render-layout';
import { tsPropertyName } from './render-type';
import { tsString } from '../text/string-literal';

const SHORTHANDS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * The expression a method returns: a call into the runtime with the path template, the params layout and
 * the page spec written as literals. Spec strings enter only through `tsString`/`tsPropertyName`. The runtime values
 * it writes (`requestOptions`, `Stream`, `getAPIList`…) are added to `core`, the file's value imports from `core/`.
 */
export function renderCall(
  m: PlannedMethod,
  typeArgs: string,
  models: ModelTypes,
  core: Set<string>,
): string {
  const { op } = m;
  const pathStyles = renderPathStyles(op);
  const path = m.pathArgs.length
    ? `this._client.buildPath(${tsString(op.path)}, { ${m.pathArgs.map((a) => (a.wireName === a.identifier ? a.identifier : `${tsPropertyName(a.wireName)}: ${a.identifier}`)).join(', ')} }${pathStyles ? `, ${pathStyles}` : ''})`
    : tsString(op.path);
  const layout: string[] = [];
  if (op.queryParams.length)
    layout.push(`query: [${op.queryParams.map((p) => tsString(p.name)).join(', ')}]`);
  // Sent on every call unless the caller gives them: the path key's query, and parameters of one value.
  const fixed = (list: { name: string; value: string }[]): string =>
    `{ ${list.map((q) => `${tsPropertyName(q.name)}: ${tsString(q.value)}`).join(', ')} }`;
  const constants = (params: IrParameter[]): { name: string; value: string }[] =>
    params.flatMap((p) =>
      p.constant === undefined ? [] : [{ name: p.name, value: String(p.constant) }],
    );
  const fixedQuery = [...(op.fixedQuery ?? []), ...constants(op.queryParams)];
  if (fixedQuery.length) layout.push(`fixedQuery: ${fixed(fixedQuery)}`);
  const headerLayout = renderHeaderLayout(op.headerParams);
  layout.push(...headerLayout.names);
  const fixedHeaders = constants(op.headerParams);
  if (fixedHeaders.length) layout.push(`fixedHeaders: ${fixed(fixedHeaders)}`);
  if (op.bodylessHeaders?.length) layout.push(`bodylessHeaders: ${fixed(op.bodylessHeaders)}`);
  // An optional body goes out only when the call gives one of its fields (taggun's, whose schema requires some).
  const bodyLayout =
    m.params?.kind !== 'merged' || !op.body ? 'none' : op.body.required ? 'rest' : 'optional';
  layout.push(`body: ${tsString(bodyLayout)}`);
  // A body passed as its own argument (a map of fields) is encoded as merged fields are.
  const fields = m.params?.kind === 'merged' || m.params?.kind === 'body';
  if (fields && op.body?.encoding === 'form') {
    layout.push(`encoding: 'form'`);
    const encoding = renderFormEncoding(op);
    if (encoding) layout.push(`formEncoding: ${encoding}`);
  }
  const multipart = fields && op.body?.encoding === 'multipart';
  if (multipart) {
    layout.push(`encoding: 'multipart'`);
    const encoding = renderFormEncoding(op);
    if (encoding) layout.push(`formEncoding: ${encoding}`);
    const parts = Object.entries(op.body?.partContentTypes ?? {});
    if (parts.length)
      layout.push(
        `partContentTypes: { ${parts.map(([k, v]) => `${tsPropertyName(k)}: ${tsString(v)}`).join(', ')} }`,
      );
  }
  const queryStyles = renderQueryStyles(op, models);
  if (queryStyles) layout.push(`queryStyles: ${queryStyles}`);
  layout.push(...headerLayout.styles);
  const paramsArg = !m.params
    ? 'undefined'
    : m.params.kind === 'body' && !m.params.typeName
      ? 'undefined'
      : 'params';
  const bodyArg = m.params?.kind === 'body' ? ', body' : '';
  // No params: the caller's options go through as they are.
  const layoutFree =
    !m.params && !op.queryParams.length && !op.headerParams.length && !op.fixedQuery?.length;
  if (!layoutFree) core.add('requestOptions');
  let options = layoutFree
    ? 'options'
    : `requestOptions(${paramsArg}, { ${layout.join(', ')} }, options${bodyArg})`;
  const extra: string[] = [];
  // A call that can stream passes the runtime's `Stream`, which reads the events: only such clients ship it.
  if (op.stream && !op.stream.param) {
    core.add('Stream');
    extra.push('stream: true', 'streamClass: Stream');
  }
  // Only an operation whose requirements are its own says so; the others use the client's (the document's).
  if (op.security)
    extra.push(
      op.authenticated ? `security: ${renderRequirements(op.security)}` : 'authenticated: false',
    );
  if (m.streaming) {
    const param = op.stream!.param!;
    // `params.stream ?? false` when the params are there and the field is an identifier; otherwise the runtime's
    // `wantsStream` (the layout's parser reads no optional chain or element access: print/layout/parse-subset.ts).
    const plain = m.params?.required && /^[A-Za-z_$][\w$]*$/.test(param);
    core.add('Stream');
    if (!plain) core.add('wantsStream');
    extra.push(
      plain
        ? `stream: params.${param} ?? false`
        : `stream: wantsStream(params, ${tsString(param)})`,
      'streamClass: Stream',
    );
  }
  if (
    op.response &&
    op.response.contentType !== 'application/json' &&
    !isString(op.response.type)
  ) {
    extra.push('binaryResponse: true');
  }
  // The declared media types, where they are not what the runtime sends by default (JSON both ways). A form body
  // passed as it is (a string: the form already encoded, as libretranslate's converted spec has it) keeps its type,
  // and so does a multipart body that is a string (its `/translate_file`), which the runtime cannot make parts of.
  const asIs =
    m.params?.kind !== 'merged' &&
    (op.body?.encoding === 'form' ||
      (op.body?.encoding === 'multipart' && isString(dereference(op.body.type, models))));
  if (op.body && (asIs || (op.body.encoding !== 'form' && op.body.encoding !== 'multipart'))) {
    // A JSON body names its type only when it is another JSON type (`application/merge-patch+json`): a media range
    // sent as JSON (`*/*` with an object schema) is labelled `application/json`, the runtime's default.
    const json = op.body.encoding === 'json';
    if (
      op.body.contentType !== 'application/json' &&
      (!json || isJsonMediaType(op.body.contentType))
    )
      extra.push(`contentType: ${tsString(op.body.contentType)}`);
  }
  if (op.accept !== undefined) extra.push(`accept: ${tsString(op.accept)}`);
  // Fields sent as multipart parts are written out by the runtime's encoder, which only such clients ship.
  if (multipart) {
    core.add('encodeMultipart');
    extra.push('multipartEncoder: encodeMultipart');
  }
  // A body that is or may hold a file (a Blob, a stream, bytes in JSON) is read by the runtime's file encoder, which
  // only clients with such bodies ship; the multipart encoder reads its parts' files itself.
  if (
    op.body &&
    !multipart &&
    op.body.encoding !== 'form' &&
    (op.body.encoding === 'binary' || holdsFile(op.body.type, models))
  ) {
    core.add('encodeFiles');
    extra.push('fileEncoder: encodeFiles');
  }
  if (extra.length) options = `{ ...${options}, ${extra.join(', ')} }`;
  if (m.pageTypeName && op.pagination) {
    const { itemType: _item, inferred: _inferred, ...spec } = op.pagination;
    const specText = `{ ${Object.entries(spec)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${tsString(String(v))}`)
      .join(', ')} }`;
    // The runtime's list calls are functions of the client (core/pagination.ts): only clients with a list ship them.
    if (op.httpMethod === 'get') {
      core.add('getAPIList');
      return `getAPIList<${typeArgs}>(this._client, ${path}, ${specText}, ${options})`;
    }
    core.add('methodAPIList');
    return `methodAPIList<${typeArgs}>(this._client, ${tsString(op.httpMethod)}, ${path}, ${specText}, ${options})`;
  }
  // HEAD, OPTIONS and TRACE have no shorthand on the client (whose members a resource must not shadow).
  if (!SHORTHANDS.has(op.httpMethod))
    return `this._client.methodRequest<${typeArgs}>(${tsString(op.httpMethod)}, ${path}, ${options})`;
  return `this._client.${op.httpMethod}<${typeArgs}>(${path}, ${options})`;
}

/** Whether a type is or holds a file (`format: binary`), through the models it names (read through `models`). */
function holdsFile(type: IrType, models: ModelTypes): boolean {
  const seen = new Set<string>();
  const holds = (root: IrType): boolean => {
    let found = false;
    walkType(root, (t) => {
      if (found) return;
      if (t.kind === 'primitive' && t.name === 'binary') found = true;
      else if (t.kind === 'ref' && !seen.has(t.target)) {
        seen.add(t.target);
        const model = models.get(t.target);
        if (model && holds(model.type)) found = true;
      }
    });
    return found;
  };
  return holds(type);
}

/** A string type (a `$ref` already followed). */
function isString(type: IrType | undefined): boolean {
  return type?.kind === 'primitive' && type.name === 'string';
}
