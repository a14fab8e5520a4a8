import { dereference, type ModelTypes } from './dereference';
import type { IrType } from './types';

/**
 * Whether the path styles can write a value of this type (templates/path.ts): scalars, arrays of scalars and objects
 * of scalars. A path parameter of another type (gambitcomm's array of arrays) is a string the caller writes: the
 * method takes `string` (emit-resource.ts), and the generated tests send one (samples/sample-operation.ts).
 */
export function pathWritable(type: IrType | undefined, models: ModelTypes): boolean {
  const scalar = (x: IrType | undefined): boolean =>
    x !== undefined &&
    ((x.kind === 'primitive' && ['string', 'number', 'boolean'].includes(x.name)) ||
      x.kind === 'literal' ||
      (x.kind === 'union' && x.members.every(scalar)) ||
      (x.kind === 'ref' && scalar(dereference(x, models))));
  const writable = (x: IrType | undefined): boolean =>
    scalar(x) ||
    (x?.kind === 'array' && scalar(x.items)) ||
    (x?.kind === 'object' &&
      x.properties.every((q) => scalar(q.type)) &&
      (x.additional === undefined || scalar(x.additional))) ||
    (x?.kind === 'ref' && writable(dereference(x, models)));
  return writable(type);
}
