import { derefNode, isRecord, report, type IrContext, type Location } from './context';
import { buildDocs } from './build-docs';
import { buildType, valueDocs } from './build-schema';
import { buildSerialization, childAt } from './build-serialization';
import { derefList, entryAt } from './ref-as-map';
import type { IrParameter, IrType } from './types';

/** Path-level and operation-level parameters, the operation's replacing the path's of the same name and place. */
export function buildParameters(
  ctx: IrContext,
  pathItem: Location & { value: Record<string, unknown> },
  op: Location & { value: Record<string, unknown> },
): IrParameter[] {
  const byKey = new Map<string, IrParameter>();
  for (const source of [pathItem, op]) {
    // The list may be a `$ref` to a list in another file (ref-as-map.ts).
    const list = derefList(ctx, source.value.parameters, entryAt(source, 'parameters'));
    if (!list) continue;
    list.value.forEach((raw, i) => {
      const param = buildParameter(ctx, raw, entryAt(list, i));
      if (param) byKey.set(`${param.in}:${param.name}`, param);
    });
  }
  return [...byKey.values()];
}

function buildParameter(ctx: IrContext, raw: unknown, at: Location): IrParameter | undefined {
  const found = derefNode(ctx, raw, at);
  if (!found || !isRecord(found.value)) return undefined;
  const { value: p, at: where } = found;
  if (typeof p.name !== 'string' || typeof p.in !== 'string') {
    report(ctx, where, 'spec-invalid', 'a parameter needs a string `name` and `in`');
    return undefined;
  }
  if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header' && p.in !== 'cookie') {
    report(
      ctx,
      childAt(where, 'in'),
      'spec-invalid',
      `parameter 'in' must be path, query, header or cookie, found '${String(p.in)}'`,
    );
    return undefined;
  }
  let schema: unknown = p.schema;
  let schemaAt = childAt(where, 'schema');
  let contentType: string | undefined;
  if (schema === undefined && isRecord(p.content)) {
    const [mediaType, media] = Object.entries(p.content)[0] ?? [];
    if (mediaType && isRecord(media)) {
      schema = media.schema;
      schemaAt = childAt(where, 'content', mediaType, 'schema');
      contentType = mediaType;
    }
  }
  // With `content`, the media type says how the value is written and `style` has no meaning (OpenAPI 3.1 §4.8.12.4).
  const serialization =
    contentType !== undefined
      ? { contentType }
      : buildSerialization(ctx, p, p.in, where, `${p.in} parameter '${p.name}'`);
  const type: IrType =
    schema === undefined ? { kind: 'primitive', name: 'string' } : buildType(ctx, schema, schemaAt);
  return {
    name: p.name,
    in: p.in,
    // A parameter is text in the URL or a header, never a file (OpenAPI 3.1.1 "Working with Binary Data"):
    // `format: binary` there is a string the caller encodes.
    type: type.kind === 'primitive' && type.name === 'binary' ? { ...type, name: 'string' } : type,
    required: p.in === 'path' || p.required === true,
    docs: { ...(isRecord(schema) ? valueDocs(schema) : {}), ...buildDocs(p) },
    ...serialization,
    pointer: where.pointer,
  };
}
