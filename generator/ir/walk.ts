import { assertNever } from '../errors';
import type { Ir, IrType } from './types';

/** Calls `visit` on a type and every type inside it (not following refs). */
export function walkType(type: IrType, visit: (t: IrType) => void): void {
  visit(type);
  switch (type.kind) {
    case 'primitive':
    case 'literal':
    case 'ref':
      return;
    case 'array':
      return walkType(type.items, visit);
    case 'object':
      type.properties.forEach((p) => walkType(p.type, visit));
      if (type.additional) walkType(type.additional, visit);
      return;
    case 'union':
    case 'intersection':
      type.members.forEach((m) => walkType(m, visit));
      return;
    default:
      assertNever(type);
  }
}

/** Every root type of the IR: models, then each operation's parameters, body, response, events and items. */
export function irRootTypes(ir: Pick<Ir, 'models' | 'operations'>): IrType[] {
  const roots: IrType[] = ir.models.map((m) => m.type);
  for (const op of ir.operations) {
    for (const p of [...op.pathParams, ...op.queryParams, ...op.headerParams]) roots.push(p.type);
    if (op.body) roots.push(op.body.type);
    if (op.response) roots.push(op.response.type);
    if (op.stream) roots.push(op.stream.eventType);
    if (op.pagination) roots.push(op.pagination.itemType);
  }
  return roots;
}
