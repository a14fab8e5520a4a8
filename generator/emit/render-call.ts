import type { PlannedMethod } from '../plan/types';
import { renderRequirements } from './emit-security';
import { tsPropertyName, tsString } from './render-type';

/**
 * The expression a method returns: a call into the runtime with the path template, the params layout and
 * the page spec written as literals. Spec strings enter only through `tsString`/`tsPropertyName`.
 */
export function renderCall(m: PlannedMethod, typeArgs: string): string {
  const { op } = m;
  const path = m.pathArgs.length
    ? `this._client.buildPath(${tsString(op.path)}, { ${m.pathArgs.map((a) => (a.wireName === a.identifier ? a.identifier : `${tsPropertyName(a.wireName)}: ${a.identifier}`)).join(', ')} })`
    : tsString(op.path);
  const layout: string[] = [];
  if (op.queryParams.length)
    layout.push(`query: [${op.queryParams.map((p) => tsString(p.name)).join(', ')}]`);
  if (op.fixedQuery?.length)
    layout.push(
      `fixedQuery: { ${op.fixedQuery.map((q) => `${tsPropertyName(q.name)}: ${tsString(q.value)}`).join(', ')} }`,
    );
  if (op.headerParams.length)
    layout.push(`headers: [${op.headerParams.map((p) => tsString(p.name)).join(', ')}]`);
  layout.push(`body: ${tsString(m.params?.kind === 'merged' && op.body ? 'rest' : 'none')}`);
  if (m.params?.kind === 'merged' && op.body?.contentType === 'application/x-www-form-urlencoded')
    layout.push(`encoding: 'form'`);
  if (m.params?.kind === 'merged' && op.body?.contentType === 'multipart/form-data')
    layout.push(`encoding: 'multipart'`);
  const styles = op.queryParams.filter((p) => p.style !== undefined || p.explode !== undefined);
  if (styles.length) {
    const entries = styles.map(
      (p) =>
        `${tsPropertyName(p.name)}: { ${[p.style ? `style: ${tsString(p.style)}` : '', p.explode !== undefined ? `explode: ${p.explode}` : ''].filter(Boolean).join(', ')} }`,
    );
    layout.push(`queryStyles: { ${entries.join(', ')} }`);
  }
  const paramsArg = !m.params
    ? 'undefined'
    : m.params.kind === 'body' && !m.params.typeName
      ? 'undefined'
      : 'params';
  const bodyArg = m.params?.kind === 'body' ? ', body' : '';
  // No params: the caller's options go through as they are.
  let options =
    !m.params && !op.queryParams.length && !op.headerParams.length && !op.fixedQuery?.length
      ? 'options'
      : `requestOptions(${paramsArg}, { ${layout.join(', ')} }, options${bodyArg})`;
  const extra: string[] = [];
  if (op.stream && !op.stream.param) extra.push('stream: true');
  // Only an operation whose requirements are its own says so; the others use the client's (the document's).
  if (op.security)
    extra.push(
      op.authenticated ? `security: ${renderRequirements(op.security)}` : 'authenticated: false',
    );
  if (m.streaming) {
    const param = op.stream!.param!;
    const access = /^[A-Za-z_$][\w$]*$/.test(param) ? `.${param}` : `[${tsString(param)}]`;
    extra.push(`stream: params${m.params?.required ? '' : '?.'}${access} ?? false`);
  }
  if (
    op.response &&
    op.response.contentType !== 'application/json' &&
    !(op.response.type.kind === 'primitive' && op.response.type.name === 'string')
  ) {
    extra.push('binaryResponse: true');
  }
  if (extra.length) options = `{ ...${options}, ${extra.join(', ')} }`;
  if (m.pageTypeName && op.pagination) {
    const { itemType: _item, inferred: _inferred, ...spec } = op.pagination;
    const specText = `{ ${Object.entries(spec)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${tsString(String(v))}`)
      .join(', ')} }`;
    if (op.httpMethod === 'get')
      return `this._client.getAPIList<${typeArgs}>(${path}, ${specText}, ${options})`;
    return `this._client.requestAPIList<${typeArgs}>(${specText}, { ...${options}, method: ${tsString(op.httpMethod)}, path: ${path} })`;
  }
  return `this._client.${op.httpMethod}<${typeArgs}>(${path}, ${options})`;
}
