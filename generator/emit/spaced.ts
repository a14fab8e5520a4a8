import type { StatementStructures, WriterFunction } from 'ts-morph';
import { StructureKind } from './structure-kind';

/** A blank line: ts-morph separates classes and interfaces by itself, but not type aliases or imports. */
const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/** Puts one blank line after the imports and between declarations, so every file reads the same way. */
export function spaced(
  statements: StatementStructures[],
): (StatementStructures | WriterFunction)[] {
  const out: (StatementStructures | WriterFunction)[] = [];
  statements.forEach((s, i) => {
    const prev = statements[i - 1];
    const bothImports =
      prev &&
      prev.kind === StructureKind.ImportDeclaration &&
      s.kind === StructureKind.ImportDeclaration;
    if (prev && !bothImports) out.push(blankLine);
    out.push(s);
  });
  return out;
}
