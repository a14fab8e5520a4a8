import { childPointer } from '../load/pointer';
import { isRecord, report, type IrContext, type Location } from './context';
import { dereference } from './dereference';
import type { IrObject, IrPagination, IrParameter, IrType } from './types';

const CURSOR_PARAMS = [
  'after',
  'starting_after',
  'cursor',
  'page_token',
  'pageToken',
  'next_token',
];
const NEXT_FIELDS = ['next', 'next_url', 'nextUrl', 'next_page_url'];

/**
 * The page style of a list operation: from `x-clientgen-pagination` when present, else inferred from the
 * shape (an items array plus a cursor query parameter, an offset parameter, or a next-link field).
 */
export function buildPagination(
  ctx: IrContext,
  op: Location & { value: Record<string, unknown> },
  response: IrType | undefined,
  query: IrParameter[],
): (IrPagination & { itemType: IrType }) | undefined {
  const object = response && objectOf(ctx, response);
  const ext = op.value['x-clientgen-pagination'];
  const at = { file: op.file, pointer: childPointer(op.pointer, 'x-clientgen-pagination') };
  let page: IrPagination | undefined;
  if (ext !== undefined) page = fromExtension(ctx, ext, at);
  else if (object) page = infer(ctx, object, query);
  if (!page) return undefined;
  const items = object?.properties.find((p) => p.name === page.items);
  const itemsType = items && arrayItems(ctx, items.type);
  if (!itemsType) {
    report(
      ctx,
      at,
      'invalid-extension',
      `pagination names '${page.items}' as the items, but the response has no such array property`,
    );
    return undefined;
  }
  return { ...page, itemType: itemsType };
}

function fromExtension(ctx: IrContext, ext: unknown, at: Location): IrPagination | undefined {
  const e = typeof ext === 'string' ? { style: ext } : isRecord(ext) ? ext : {};
  const str = (k: string, d?: string) => (typeof e[k] === 'string' ? e[k] : d);
  switch (e.style) {
    case 'cursor':
      return {
        style: 'cursor',
        items: str('items', 'data')!,
        hasMore: str('hasMore', 'has_more'),
        cursorParam: str('cursorParam', 'after')!,
        cursorField: str('cursorField', 'id')!,
        inferred: false,
      };
    case 'offset':
      return {
        style: 'offset',
        items: str('items', 'data')!,
        offsetParam: str('offsetParam', 'offset')!,
        limitParam: str('limitParam', 'limit'),
        total: str('total'),
        inferred: false,
      };
    case 'next-link':
      return {
        style: 'next-link',
        items: str('items', 'data')!,
        next: str('next', 'next')!,
        inferred: false,
      };
    default:
      report(
        ctx,
        at,
        'invalid-extension',
        `x-clientgen-pagination style must be cursor, offset or next-link, found ${JSON.stringify(e.style)}`,
      );
      return undefined;
  }
}

function infer(ctx: IrContext, object: IrObject, query: IrParameter[]): IrPagination | undefined {
  const arrays = object.properties.filter((p) => arrayItems(ctx, p.type));
  if (arrays.length !== 1) return undefined;
  const items = arrays[0]!.name;
  const names = new Set(query.map((q) => q.name));
  const hasMore = object.properties.find(
    (p) => p.name === 'has_more' || p.name === 'hasMore',
  )?.name;
  const cursorParam = CURSOR_PARAMS.find((c) => names.has(c));
  if (cursorParam && hasMore)
    return { style: 'cursor', items, hasMore, cursorParam, cursorField: 'id', inferred: true };
  const next = object.properties.find((p) => NEXT_FIELDS.includes(p.name))?.name;
  if (next) return { style: 'next-link', items, next, inferred: true };
  if (names.has('offset'))
    return {
      style: 'offset',
      items,
      offsetParam: 'offset',
      limitParam: names.has('limit') ? 'limit' : undefined,
      inferred: true,
    };
  return undefined;
}

function objectOf(ctx: IrContext, type: IrType): IrObject | undefined {
  const t = dereference(type, ctx.models);
  return t?.kind === 'object' ? t : undefined;
}

/** The items of an array type, through model refs and a nullable union (`data: Thing[] | null`). */
function arrayItems(ctx: IrContext, type: IrType): IrType | undefined {
  const t = dereference(type, ctx.models);
  if (t?.kind === 'array') return t.items;
  if (t?.kind !== 'union') return undefined;
  const rest = t.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'));
  return rest.length === 1 && rest.length < t.members.length
    ? arrayItems(ctx, rest[0]!)
    : undefined;
}
