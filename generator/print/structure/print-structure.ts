import type { SourceFileStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { STRUCTURE_KIND_NAMES, StructureKind } from '../../emit/structure-kind';
import { GeneratorBug } from '../../errors';
import { assertKnownKeys, keys } from './known-keys';
import { printClass } from './print-class';
import {
  printExport,
  printImport,
  printInterface,
  printModule,
  printTypeAlias,
} from './print-declarations';
import { TextWriter } from './text-writer';

/** A statement as emit builds one: a structure, code as text, or a WriterFunction (blank lines, `emit/spaced.ts`). */
export type Statement = StatementStructures | string | WriterFunction;

/** Where statements are printed: ambient (`declare namespace`) bodies separate some members differently. */
export interface StatementContext {
  isAmbient: boolean;
}

const SOURCE_FILE = keys('kind', 'statements');

/**
 * The text of a file emit built, as ts-morph's `printStructure` (2-space indent, single quotes) prints it, up to the
 * indentation of lines after the first in a multi-line text (kept as written here): the same statements, members,
 * JSDoc and blank lines, which is what the layout reads (generator/print/layout/). Only the structure kinds and
 * properties emit uses are printed; any other is a GeneratorBug.
 */
export function printSourceFile(structure: SourceFileStructure, starts?: number[]): string {
  assertKnownKeys(structure, SOURCE_FILE, 'a source file');
  const writer = new TextWriter();
  printStatements(writer, structure.statements, { isAmbient: false }, starts);
  if (!writer.isAtStartOfFirstLineOfBlock() && !writer.isLastNewLine()) writer.newLine();
  return writer.toString();
}

/**
 * A body's statements, separated as ts-morph separates them: a blank line after a block, else a line break.
 * `starts`, when given, gets where each statement's printing begins in the text (before any line breaks it writes).
 */
export function printStatements(
  writer: TextWriter,
  statements: Statement[] | Statement | undefined,
  ctx: StatementContext,
  starts?: number[],
): void {
  if (statements === undefined) return;
  if (!Array.isArray(statements)) {
    starts?.push(writer.length);
    printStatement(writer, statements, ctx);
    return;
  }
  for (const statement of statements) {
    if (writer.isLastSolidCloseBrace()) writer.blankLineIfLastNot();
    else if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLineIfLastNot();
    starts?.push(writer.length);
    printStatement(writer, statement, ctx);
  }
}

function printStatement(writer: TextWriter, statement: Statement, ctx: StatementContext): void {
  if (typeof statement === 'string') {
    writer.write(statement);
    return;
  }
  if (typeof statement === 'function') {
    // The target has only the calls emit makes; anything else throws a GeneratorBug naming the call.
    statement(writer.forWriterFunction() as Parameters<WriterFunction>[0]);
    return;
  }
  const ensureBlankLine = () => {
    if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
  };
  switch (statement.kind) {
    case StructureKind.Class:
      ensureBlankLine();
      printClass(writer, statement, ctx);
      return;
    case StructureKind.Interface:
      ensureBlankLine();
      printInterface(writer, statement);
      return;
    case StructureKind.Module:
      ensureBlankLine();
      printModule(writer, statement, ctx);
      return;
    case StructureKind.TypeAlias:
      printTypeAlias(writer, statement);
      return;
    case StructureKind.ImportDeclaration:
      printImport(writer, statement);
      return;
    case StructureKind.ExportDeclaration:
      printExport(writer, statement);
      return;
    default:
      throw new GeneratorBug(
        `the structure printer does not print ${STRUCTURE_KIND_NAMES[statement.kind] ?? `kind ${String(statement.kind)}`} statements (generator/print/structure/)`,
      );
  }
}
