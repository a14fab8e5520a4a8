import type { IrDocs, IrProperty, IrType } from './types';

/**
 * A property the IR adds where the spec declares none (a discriminator's pinned value, a name `required` lists alone,
 * the part a lone multipart file is sent in): neither read-only nor write-only.
 */
export function addedProperty(
  name: string,
  type: IrType,
  required: boolean,
  pointer: string,
  docs: IrDocs = {},
): IrProperty {
  return { name, type, required, readOnly: false, writeOnly: false, docs, pointer };
}
