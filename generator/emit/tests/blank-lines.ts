import type { ImportDeclarationStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { StructureKind } from '../structure-kind';

type Statement = string | StatementStructures | WriterFunction;

/** A blank line between statements written as text (spaced.ts does it for structures), none between imports. */
export function withBlankLines(statements: Statement[]): Statement[] {
  const isImport = (s: Statement | undefined): s is ImportDeclarationStructure =>
    typeof s === 'object' && s.kind === StructureKind.ImportDeclaration;
  return statements.flatMap((s, i) =>
    i === 0 || (isImport(s) && isImport(statements[i - 1]))
      ? [s]
      : [(writer) => writer.blankLineIfLastNot(), s],
  );
}
