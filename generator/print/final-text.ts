import type { SourceFileStructure } from 'ts-morph';
import { StructureKind } from '../emit/structure-kind';
import type { Statement } from './structure/print-structure';
import { PRETTIER_OPTIONS } from './prettier-options';

/**
 * Whether a file's printed structure (`printSourceFile`) is already the text prettier would print, so that the layout
 * has nothing to do. It is when the file holds only declarations whose one-line form prettier keeps (imports,
 * exports, interfaces, type aliases, namespaces of those; emit writes their types as prettier prints them flat:
 * prettier's quotes, no `;` after an inline object's last member) and every line is already final:
 *
 * - a line of code fits the print width (or is an import or export of one name, which prettier never breaks), in
 *   printable ASCII (prettier counts wide characters double), with no trailing space and no number prettier rewrites
 *   (`1e+21`);
 * - a JSDoc comment is `/**`, lines ` * text` and ` *\/` at its declaration's indentation, each trimmed as prettier
 *   trims them (a one-line comment is kept as written);
 * - no empty body written open (`{` and `}` on two lines: prettier writes `{}`), no blank line opening or closing a
 *   block, none doubled, and no line break but `\n`.
 *
 * A type written over several lines (an inline object with JSDoc on its members) keeps its later lines as emit wrote
 * them, so a file with one is left to the layout. Anything unsure answers false: the file is laid out as before.
 * The layout's oracle test holds every file answered true to prettier's output.
 */
export function finalAsPrinted(structure: SourceFileStructure, text: string): boolean {
  return plainStatements(structure.statements) && finalLines(text);
}

type Member = { type?: unknown; keyType?: unknown; returnType?: unknown; initializer?: unknown };

function plainStatements(statements: Statement[] | Statement | undefined): boolean {
  if (statements === undefined) return true;
  for (const s of Array.isArray(statements) ? statements : [statements]) {
    // A WriterFunction can write line breaks only (print-structure.ts): emit's blank lines.
    if (typeof s === 'function') continue;
    if (typeof s === 'string' || (s as { leadingTrivia?: unknown }).leadingTrivia !== undefined)
      return false;
    switch (s.kind) {
      case StructureKind.Interface:
        if (![...(s.properties ?? []), ...(s.indexSignatures ?? [])].every(oneLineMember))
          return false;
        break;
      case StructureKind.TypeAlias:
        if (!oneLine(s.type)) return false;
        break;
      case StructureKind.ImportDeclaration:
      case StructureKind.ExportDeclaration:
        // Printed in single quotes as written (print-parts.ts `quoted`): prettier's own quotes for such a path.
        if (s.moduleSpecifier !== undefined && !/^[\w./@-]*$/.test(s.moduleSpecifier)) return false;
        break;
      case StructureKind.Module:
        if (!plainStatements(s.statements)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function oneLineMember(member: Member): boolean {
  return (
    member.initializer === undefined &&
    oneLine(member.type) &&
    oneLine(member.keyType) &&
    oneLine(member.returnType)
  );
}

/** A type given as one line of text (or none). */
function oneLine(type: unknown): boolean {
  return type === undefined || (typeof type === 'string' && !type.includes('\n'));
}

const WIDTH = PRETTIER_OPTIONS.printWidth;
/**
 * An import or export of one name (or of all), which prettier keeps on one line however long: its braces break only
 * around two names or more.
 */
const UNBREAKABLE =
  /^(?:(?:import|export)(?: type)? \{ [\w$]+(?: as [\w$]+)? \}|export \*) from '[\w./@-]*';$/;
/** A number in exponent form, which prettier writes in its own way. */
const EXPONENT = /(?<![\w$])\d[\d.]*[eE]/;

function finalLines(text: string): boolean {
  if (!text.endsWith('\n') || text.startsWith('\n') || text.endsWith('\n\n')) return false;
  if (/[\r\u2028\u2029]/.test(text) || /\{\n *\}/.test(text)) return false;
  const lines = text.split('\n');
  lines.pop();
  /** The indentation of the open JSDoc comment, or undefined outside one. */
  let comment: string | undefined;
  let previous = '';
  for (const line of lines) {
    if (comment !== undefined) {
      if (line === `${comment} */`) comment = undefined;
      else if (!commentLine(line, comment)) return false;
      previous = line;
      continue;
    }
    if (line === '') {
      if (previous === '' || previous.endsWith('{')) return false;
      previous = line;
      continue;
    }
    const indent = /^ */.exec(line)![0];
    const rest = line.slice(indent.length);
    if (previous === '' && rest.startsWith('}')) return false;
    previous = line;
    if (rest === '/**') {
      comment = indent;
      continue;
    }
    // A one-line JSDoc comment: prettier keeps it as written.
    if (rest.startsWith('/**') && rest.endsWith('*/') && !rest.slice(3, -2).includes('*/'))
      continue;
    if (
      (line.length > WIDTH && !UNBREAKABLE.test(line)) ||
      !/^[\x20-\x7e]*$/.test(line) ||
      line.endsWith(' ') ||
      indent.length % 2 !== 0 ||
      EXPONENT.test(rest)
    )
      return false;
  }
  return comment === undefined;
}

/** ` * text` or ` *` at the comment's indentation, trimmed as prettier trims a JSDoc line. */
function commentLine(line: string, indent: string): boolean {
  if (!line.startsWith(`${indent} *`)) return false;
  const body = line.slice(indent.length + 1);
  return body === body.trim() && !body.includes('*/');
}
