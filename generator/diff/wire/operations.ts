/**
 * The wire comparison of two versions of an operation, on the raw spec: parameter serialisation, defaults and
 * constraints, cookie parameters, bodies on GET, every media type, status codes, response headers, security.
 */
import { isJsonMediaType } from '../../ir/media-types';
import type { IrOperation } from '../../ir/types';
import type { LoadedSpec } from '../../load/load-spec';
import {
  child,
  deref,
  isRecord,
  note,
  rawOperation,
  type RawNode,
  type WireContext,
} from './raw-spec';
import type { ChangeKind } from '../types';
import { compareSecurity } from './document';
import { compareSchemas } from './schemas';

/** Compares what the IR does not keep of a pair of operations; `location` is the SDK method (`pets.list()`). */
export function wireOperation(
  a: IrOperation,
  b: IrOperation,
  location: string,
  ctx: WireContext,
): void {
  const x = rawOperation(ctx.oldSpec, a);
  const y = rawOperation(ctx.newSpec, b);
  if (!x || !y) return;
  const request: WireContext = { ...ctx, direction: 'request' };
  const response: WireContext = { ...ctx, direction: 'response' };
  compareParameters(a, b, x, y, location, request);
  compareBodies(a, b, x.op, y.op, location, request);
  compareResponses(a, b, x.op, y.op, location, response);
  compareSecurity(x.op, y.op, location, request);
}

type Param = { node: RawNode; name: string; in: string };

/** Path-item parameters, overridden by the operation's own (same name and place). */
function parametersOf(
  spec: WireContext['oldSpec'],
  raw: { op: RawNode; pathItem: RawNode },
): Param[] {
  const found = new Map<string, Param>();
  for (const owner of [raw.pathItem, raw.op]) {
    const list = owner.value.parameters;
    if (!Array.isArray(list)) continue;
    for (const p of list) {
      const node = deref(spec, p, owner.file);
      if (!node || typeof node.value.name !== 'string' || typeof node.value.in !== 'string')
        continue;
      found.set(`${node.value.in}.${node.value.name}`, {
        node,
        name: node.value.name,
        in: node.value.in,
      });
    }
  }
  return [...found.values()];
}

function compareParameters(
  a: IrOperation,
  b: IrOperation,
  x: { op: RawNode; pathItem: RawNode },
  y: { op: RawNode; pathItem: RawNode },
  location: string,
  ctx: WireContext,
): void {
  const before = parametersOf(ctx.oldSpec, x);
  const after = parametersOf(ctx.newSpec, y);
  // Path parameters pair by position (a renamed one is the same argument), others by place and name.
  const pathOrder = (ps: Param[], path: string) =>
    ps
      .filter((p) => p.in === 'path')
      .sort((m, n) => path.indexOf(`{${m.name}}`) - path.indexOf(`{${n.name}}`));
  const oldPath = pathOrder(before, a.path);
  const newPath = pathOrder(after, b.path);
  oldPath.forEach((p, i) => {
    const q = newPath[i];
    if (q) compareParameter(p, q, `${location} path.${q.name}`, ctx);
  });
  for (const p of before.filter((p) => p.in !== 'path')) {
    const q = after.find((n) => n.in === p.in && n.name === p.name);
    const where = `${location} ${p.in}.${p.name}`;
    if (q) compareParameter(p, q, where, ctx);
    else if (p.in === 'cookie')
      note(
        ctx,
        `parameter-removed-${p.node.value.required === true ? 'required' : 'optional'}`,
        where,
        'cookie parameter removed',
        'parameter-removed',
      );
  }
  for (const q of after.filter((q) => q.in === 'cookie')) {
    if (before.some((p) => p.in === 'cookie' && p.name === q.name)) continue;
    const required = q.node.value.required === true;
    note(
      ctx,
      `parameter-added-${required ? 'required' : 'optional'}`,
      `${location} cookie.${q.name}`,
      `new ${required ? 'required' : 'optional'} cookie parameter`,
      'parameter-added',
    );
  }
}

/** Serialisation defaults by place (OpenAPI 3 "style values"). */
function serialisation(p: Param): { style: string; explode: boolean } {
  const style =
    typeof p.node.value.style === 'string'
      ? p.node.value.style
      : p.in === 'query' || p.in === 'cookie'
        ? 'form'
        : 'simple';
  const explode =
    typeof p.node.value.explode === 'boolean' ? p.node.value.explode : style === 'form';
  return { style, explode };
}

function compareParameter(p: Param, q: Param, where: string, ctx: WireContext): void {
  const s = serialisation(p);
  const t = serialisation(q);
  if (s.style !== t.style)
    note(
      ctx,
      'parameter-style-changed',
      where,
      `serialised with style ${t.style} (was ${s.style})`,
      'parameter-changed',
    );
  else if (s.explode !== t.explode)
    note(
      ctx,
      'parameter-explode-changed',
      where,
      `explode ${t.explode} (was ${s.explode})`,
      'parameter-changed',
    );
  if (p.in === 'cookie' && (p.node.value.required === true) !== (q.node.value.required === true))
    note(
      ctx,
      q.node.value.required === true ? 'parameter-became-required' : 'parameter-became-optional',
      where,
      q.node.value.required === true
        ? 'now required (was optional)'
        : 'now optional (was required)',
      'required-changed',
    );
  compareSchemas(p.node.value.schema, q.node.value.schema, p.node.file, q.node.file, where, {
    ...ctx,
    parameterAt: where,
  });
}

/** JSON as the IR reads it (`application/json; charset=utf-8` too: the IR's body, not another media type beside it). */
const isJson = (type: string) => isJsonMediaType(type) || type === '*/*';

/** Request bodies: on GET and HEAD (the IR ignores those), media types, and every media type's schema. */
function compareBodies(
  a: IrOperation,
  b: IrOperation,
  x: RawNode,
  y: RawNode,
  location: string,
  ctx: WireContext,
): void {
  const body = `${location} body`;
  const bx = deref(ctx.oldSpec, x.value.requestBody, x.file);
  const by = deref(ctx.newSpec, y.value.requestBody, y.file);
  const ignored = (op: IrOperation) => op.httpMethod === 'get' || op.httpMethod === 'head';
  if (ignored(a) || ignored(b)) {
    const rx = bx?.value.required === true;
    const ry = by?.value.required === true;
    const kind: ChangeKind = 'request-body-changed';
    if (!bx && by)
      note(
        ctx,
        `body-added-${ry ? 'required' : 'optional'}`,
        body,
        `now takes ${ry ? 'a required' : 'an optional'} request body (on ${b.httpMethod.toUpperCase()})`,
        kind,
      );
    else if (bx && !by)
      note(
        ctx,
        'body-removed',
        body,
        `no longer takes a request body (on ${b.httpMethod.toUpperCase()})`,
        kind,
      );
    else if (bx && by && rx !== ry)
      note(
        ctx,
        ry ? 'body-became-required' : 'body-became-optional',
        body,
        ry ? 'now required (was optional)' : 'now optional (was required)',
        kind,
      );
  }
  if (bx && by)
    compareContent(
      child(bx, 'content'),
      child(by, 'content'),
      body,
      a.body?.contentType,
      b.body?.contentType,
      ctx,
    );
}

/**
 * Media types of a body: added and removed ones (a single type replaced by another is the IR's body type change),
 * then each one both sides have, compared schema to schema.
 */
function compareContent(
  x: RawNode | undefined,
  y: RawNode | undefined,
  where: string,
  primaryOld: string | undefined,
  primaryNew: string | undefined,
  ctx: WireContext,
): void {
  if (!x || !y) return;
  const from = Object.keys(x.value);
  const to = Object.keys(y.value);
  const replaced = from.length === 1 && to.length === 1;
  const kind: ChangeKind = 'media-type-changed';
  // Server-sent events are the IR's streams, compared by diff-operations.ts.
  const listed = (t: string) => t !== 'text/event-stream';
  if (!replaced) {
    for (const t of to)
      if (!from.includes(t) && listed(t)) note(ctx, 'media-type-added', where, `${t} added`, kind);
    for (const t of from)
      if (!to.includes(t) && listed(t))
        note(ctx, 'media-type-removed', where, `${t} removed`, kind);
  }
  const primary = (t: string) =>
    t === primaryOld || t === primaryNew || (isJson(t) && primaryOld === 'application/json');
  for (const t of from) {
    if (!to.includes(t)) continue;
    const mx = child(x, t);
    const my = child(y, t);
    if (!mx || !my) continue;
    // The IR builds one media type per body; the others' structure is compared here.
    const main = primary(t);
    compareSchemas(
      mx.value.schema,
      my.value.schema,
      mx.file,
      my.file,
      main ? where : `${where} (${t})`,
      {
        ...ctx,
        structural: !main,
      },
    );
  }
}

/** Status codes, and for each code both sides have: headers, media types and schemas. */
function compareResponses(
  a: IrOperation,
  b: IrOperation,
  x: RawNode,
  y: RawNode,
  location: string,
  ctx: WireContext,
): void {
  const rx = child(x, 'responses');
  const ry = child(y, 'responses');
  if (!rx || !ry) return;
  const from = Object.keys(rx.value);
  const to = Object.keys(ry.value);
  const success = (code: string) => /^[123]/.test(code);
  const primaryCode = (codes: string[]) =>
    codes.filter((c) => /^2/.test(c)).sort()[0] ??
    (codes.includes('default') ? 'default' : undefined);
  const kind: ChangeKind = 'status-changed';
  for (const code of to)
    if (!from.includes(code))
      note(
        ctx,
        success(code) ? 'success-status-added' : 'error-status-added',
        `${location} response`,
        `status ${code} added`,
        kind,
      );
  for (const code of from)
    if (!to.includes(code))
      note(ctx, 'status-removed', `${location} response`, `status ${code} removed`, kind);
  const main = primaryCode(from) === primaryCode(to) ? primaryCode(from) : undefined;
  for (const code of from) {
    if (!to.includes(code)) continue;
    const cx = deref(ctx.oldSpec, rx.value[code], rx.file);
    const cy = deref(ctx.newSpec, ry.value[code], ry.file);
    if (!cx || !cy) continue;
    const where = code === main ? `${location} response` : `${location} response ${code}`;
    compareHeaders(cx, cy, where, ctx);
    compareContent(
      child(cx, 'content'),
      child(cy, 'content'),
      where,
      code === main ? a.response?.contentType : undefined,
      code === main ? b.response?.contentType : undefined,
      ctx,
    );
  }
}

function compareHeaders(x: RawNode, y: RawNode, where: string, ctx: WireContext): void {
  const hx = isRecord(x.value.headers) ? x.value.headers : {};
  const hy = isRecord(y.value.headers) ? y.value.headers : {};
  const kind: ChangeKind = 'header-changed';
  for (const [name, h] of Object.entries(hx)) {
    const p = deref(ctx.oldSpec, h, x.file);
    const q = name in hy ? deref(ctx.newSpec, hy[name], y.file) : undefined;
    const at = `${where} header.${name}`;
    if (!q) {
      note(
        ctx,
        p?.value.required === true ? 'required-header-removed' : 'optional-header-removed',
        at,
        'response header removed',
        kind,
      );
      continue;
    }
    if (p?.value.required === true && q.value.required !== true)
      note(ctx, 'header-became-optional', at, 'may now be missing (was required)', kind);
    if (p) compareSchemas(p.value.schema, q.value.schema, p.file, q.file, at, ctx);
  }
  for (const name of Object.keys(hy))
    if (!(name in hx))
      note(ctx, 'header-added', `${where} header.${name}`, 'new response header', kind);
}

/**
 * Whether removing a deprecated operation is what the spec announced: deprecated with no sunset date, or with an
 * `x-sunset` date (as oasdiff reads it) that has passed. Undefined when it was not deprecated, or when its sunset is
 * still ahead (removed before the date it promised); else the date, or '' for none.
 */
export function announcedRemoval(
  op: IrOperation,
  spec: LoadedSpec,
  today: Date,
): string | undefined {
  const raw = rawOperation(spec, op)?.op.value;
  if (raw?.deprecated !== true) return undefined;
  const sunset = raw['x-sunset'];
  if (typeof sunset !== 'string') return '';
  const date = Date.parse(sunset);
  return Number.isNaN(date) ? '' : date > today.getTime() ? undefined : sunset;
}

/** True when the operation's request body (through `$ref`s) lists the media type. */
export function acceptsMediaType(op: IrOperation, spec: LoadedSpec, mediaType: string): boolean {
  const raw = rawOperation(spec, op)?.op;
  const body = raw && deref(spec, raw.value.requestBody, raw.file)?.value;
  return !!body && isRecord(body.content) && mediaType in body.content;
}
