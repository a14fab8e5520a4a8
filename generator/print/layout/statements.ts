import { builders } from 'prettier/doc';
import type { Doc } from './doc';
import type { ts } from 'ts-morph';
import {
  isClassDeclaration,
  isExportDeclaration,
  isExpressionStatement,
  isImportDeclaration,
  isInterfaceDeclaration,
  isModuleDeclaration,
  isTypeAliasDeclaration,
  kindName,
} from './syntax';
import { blankLineBetween } from './blank-lines';
import { printClass } from './classes';
import { printLeadingComments } from './comments';
import type { LayoutContext } from './context';
import {
  printExportDeclaration,
  printImport,
  printInterface,
  printNamespace,
  printTypeAlias,
} from './declarations';
import { printTestCall } from './test-calls';
import { Unsupported } from './unsupported';

const { hardline } = builders;

/** Statements inside a block, one per line, with their comments and one blank line where the source has any. */
export function printStatements(statements: ts.NodeArray<ts.Statement>, ctx: LayoutContext): Doc {
  const parts: Doc[] = [];
  statements.forEach((statement, i) => {
    if (i > 0)
      parts.push(
        blankLineBetween(statements[i - 1]!, statement, ctx) ? [hardline, hardline] : hardline,
      );
    parts.push(...printLeadingComments(statement, ctx), printStatement(statement, ctx));
  });
  return parts;
}

/** One statement, without its leading comments. */
export function printStatement(statement: ts.Statement, ctx: LayoutContext): Doc {
  if (isInterfaceDeclaration(statement)) return printInterface(statement, ctx);
  if (isTypeAliasDeclaration(statement)) return printTypeAlias(statement, ctx);
  if (isModuleDeclaration(statement)) return printNamespace(statement, ctx);
  if (isImportDeclaration(statement)) return printImport(statement, ctx);
  if (isExportDeclaration(statement)) return printExportDeclaration(statement, ctx);
  if (isClassDeclaration(statement)) return printClass(statement, ctx);
  if (isExpressionStatement(statement)) return printTestCall(statement, ctx);
  throw new Unsupported(`statement ${kindName(statement.kind)}`);
}
