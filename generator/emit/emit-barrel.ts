import type { ExportDeclarationStructure, SourceFileStructure } from 'ts-morph';
import { StructureKind } from './structure-kind';
import type { ImportStyle } from '../plan/types';
import { moduleSpecifier } from './module-specifier';

/** One `export { … } from` per module: explicit names only (never `export *`), so the public surface shows in diffs. */
export interface BarrelEntry {
  file: string;
  names: string[];
  typeOnly: boolean;
  /** Also exported as the module's default (`export { X as default, X }`). */
  defaultName?: string;
}

/** A barrel file re-exporting the given names, sorted by module. */
export function emitBarrel(
  barrelFile: string,
  entries: BarrelEntry[],
  style: ImportStyle,
): SourceFileStructure {
  const statements: ExportDeclarationStructure[] = [...entries]
    .filter((e) => e.names.length)
    .map((e) => ({ ...e, spec: moduleSpecifier(barrelFile, e.file, style) }))
    .sort((a, b) =>
      a.spec < b.spec
        ? -1
        : a.spec > b.spec
          ? 1
          : a.typeOnly === b.typeOnly
            ? 0
            : a.typeOnly
              ? 1
              : -1,
    )
    .map((e) => ({
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: e.typeOnly,
      moduleSpecifier: e.spec,
      namedExports: [
        ...(e.defaultName ? [{ name: e.defaultName, alias: 'default' }] : []),
        ...[...e.names].sort(),
      ],
    }));
  return { kind: StructureKind.SourceFile, statements };
}
