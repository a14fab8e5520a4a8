import type { SourceFileStructure } from 'ts-morph';
import { StructureKind } from '../emit/structure-kind';
import type { Statement } from './structure/print-structure';
import { breakLine } from './break-lines';
import { finalClassLine } from './final-code';
import { PRETTIER_OPTIONS } from './prettier-options';

/**
 * A run of a file's top-level statements, for print: final (its text is what prettier prints, so print neither parses
 * nor lays it out) or not (its text as printed, the layout's input). `blankLineBefore`: the printed text has a blank
 * line before the run, which prettier keeps. A text ends with a line break.
 */
export interface StatementRun {
  text: string;
  final: boolean;
  blankLineBefore: boolean;
  /** How many statements it holds. */
  statements: number;
}

/**
 * The file's top-level statements in runs of final ones and others. A statement is final when it is a declaration
 * whose one-line form prettier keeps (an import, export, interface, type alias, or a namespace of those; emit writes
 * their types as prettier prints them flat: prettier's quotes, no `;` after an inline object's last member) and each
 * of its lines is final or breaks to final lines:
 *
 * - a line of code fits the print width, or is a long line `breakLine` breaks as prettier does (unions, aliases,
 *   imports and exports of several names) or knows prettier keeps whole (an import or export of one name, an
 *   interface's first line, a property typed by one name), in printable ASCII (prettier counts wide characters
 *   double), with no trailing space and no number prettier rewrites (`1e+21`);
 * - a JSDoc comment is `/**`, lines ` * text` and ` *\/` at its declaration's indentation, each trimmed as prettier
 *   trims them (a one-line comment is kept as written);
 * - an empty body is closed on its line (`{}`, as prettier writes it); no blank line opens or closes a block, none is
 *   doubled, and no line break but `\n`.
 *
 * A resource class (`plainClass`) is final when each of its code lines is, as final-code.ts's `finalClassLine` reads
 * it (it prints sub-resource properties, signatures and `return`s by prettier's rules).
 *
 * A type written over several lines (an inline object with JSDoc on its members) keeps its later lines as emit wrote
 * them, so a statement with one is left to the layout. Anything unsure is not final. `starts`: where `printSourceFile`
 * began each statement. The layout's oracle test holds every file to prettier's output as print joins its runs.
 */
export function statementRuns(
  structure: SourceFileStructure,
  text: string,
  starts: readonly number[],
): StatementRun[] {
  const statements = structure.statements;
  const list =
    statements === undefined ? [] : Array.isArray(statements) ? statements : [statements];
  const runs: StatementRun[] = [];
  /** Where the last run's printed text began (a run left to the layout is the printed text as it is). */
  let runStart = 0;
  let previousEnd = 0;
  starts.forEach((start, i) => {
    let from = start;
    let to = i + 1 < starts.length ? starts[i + 1]! : text.length;
    while (from < to && text[from] === '\n') from++;
    while (to > from && text[to - 1] === '\n') to--;
    if (from === to) return; // blank lines (emit's WriterFunctions)
    const blankLineBefore = runs.length > 0 && text.slice(previousEnd, from).includes('\n\n');
    previousEnd = to;
    const statement = list[i];
    const final = plainStatements(statement)
      ? finalLines(`${text.slice(from, to)}\n`, false)
      : plainClass(statement)
        ? finalLines(`${text.slice(from, to)}\n`, true)
        : undefined;
    const last = runs[runs.length - 1];
    if (last && last.final === (final !== undefined)) {
      if (final !== undefined) last.text += `${blankLineBefore ? '\n' : ''}${final}`;
      else last.text = `${text.slice(runStart, to)}\n`;
      last.statements++;
      return;
    }
    runStart = from;
    runs.push({
      text: final ?? `${text.slice(from, to)}\n`,
      final: final !== undefined,
      blankLineBefore,
      statements: 1,
    });
  });
  return runs;
}

/** The whole file as prettier prints it, when all its statements are final (print then has nothing to do). */
export function finalFileText(runs: readonly StatementRun[]): string | undefined {
  return runs.length === 1 && runs[0]!.final ? runs[0]!.text : undefined;
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

/** Only these keys, each a value the class printer writes on one line (emit's resource classes). */
const CLASS_KEYS = new Set([
  'kind',
  'name',
  'isExported',
  'extends',
  'properties',
  'methods',
  'docs',
]);
const PROPERTY_KEYS = new Set([
  'kind',
  'name',
  'type',
  'initializer',
  'scope',
  'isReadonly',
  'docs',
]);
const METHOD_KEYS = new Set([
  'kind',
  'name',
  'parameters',
  'returnType',
  'statements',
  'docs',
  'overloads',
  'scope',
]);
const PARAMETER_KEYS = new Set(['kind', 'name', 'type', 'hasQuestionToken']);

/**
 * A class of properties and methods whose code is one line each (a resource class): its lines are read by
 * `finalClassLine`. A constructor, a body written by a WriterFunction or code over several lines is the layout's.
 */
function plainClass(statement: Statement | undefined): boolean {
  if (typeof statement !== 'object' || statement.kind !== StructureKind.Class) return false;
  const only = (o: object, keys: Set<string>) =>
    Object.entries(o).every(([k, v]) => v === undefined || keys.has(k));
  const oneLineText = (v: unknown) =>
    v === undefined || (typeof v === 'string' && !v.includes('\n'));
  const parameters = (ps: unknown) =>
    ps === undefined ||
    (Array.isArray(ps) &&
      ps.every((p: object) => only(p, PARAMETER_KEYS) && oneLineText((p as Member).type)));
  return (
    only(statement, CLASS_KEYS) &&
    oneLineText(statement.extends) &&
    (statement.properties ?? []).every(
      (p) => only(p, PROPERTY_KEYS) && oneLineText(p.type) && oneLineText(p.initializer),
    ) &&
    (statement.methods ?? []).every(
      (m) =>
        only(m, METHOD_KEYS) &&
        oneLineText(m.returnType) &&
        parameters(m.parameters) &&
        (m.overloads ?? []).every(
          (o) => only(o, METHOD_KEYS) && oneLineText(o.returnType) && parameters(o.parameters),
        ) &&
        (typeof m.statements === 'string'
          ? oneLineText(m.statements)
          : Array.isArray(m.statements) && m.statements.every(oneLineText)),
    )
  );
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
/** A number in exponent form, which prettier writes in its own way. */
const EXPONENT = /(?<![\w$])\d[\d.]*[eE]/;

/**
 * The text as prettier prints it, when its lines are final or break to final lines; else undefined. `isClass`: the
 * text is a class's (plainClass), whose code lines are read by `finalClassLine`.
 */
function finalLines(text: string, isClass: boolean): string | undefined {
  if (!text.endsWith('\n') || text.startsWith('\n') || text.endsWith('\n\n')) return undefined;
  if (/[\r\u2028\u2029]/.test(text)) return undefined;
  const lines = text.split('\n');
  lines.pop();
  const out: string[] = [];
  /** The indentation of the open JSDoc comment, or undefined outside one. */
  let comment: string | undefined;
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (comment !== undefined) {
      if (line === `${comment} */`) comment = undefined;
      else if (!commentLine(line, comment)) return undefined;
      out.push(line);
      previous = line;
      continue;
    }
    if (line === '') {
      if (previous === '' || previous.endsWith('{')) return undefined;
      out.push(line);
      previous = line;
      continue;
    }
    const indent = /^ */.exec(line)![0];
    const rest = line.slice(indent.length);
    if (previous === '' && rest.startsWith('}')) return undefined;
    // An empty body written open (`{` and `}` on two lines): prettier closes it on the first.
    if (line.endsWith('{') && lines[i + 1]?.trim() === '}') {
      if (!line.endsWith(' {') || lines[i + 1] !== `${indent}}`) return undefined;
      line += '}';
      i++;
    }
    previous = line;
    if (rest === '/**') {
      comment = indent;
      out.push(line);
      continue;
    }
    // A one-line JSDoc comment: prettier keeps it as written.
    if (rest.startsWith('/**') && rest.endsWith('*/') && !rest.slice(3, -2).includes('*/')) {
      out.push(line);
      continue;
    }
    if (
      !/^[\x20-\x7e]*$/.test(line) ||
      line.endsWith(' ') ||
      indent.length % 2 !== 0 ||
      EXPONENT.test(rest)
    )
      return undefined;
    if (isClass) {
      const classLines = finalClassLine(line);
      if (!classLines) return undefined;
      out.push(...classLines);
      continue;
    }
    if (line.length <= WIDTH) {
      out.push(line);
      continue;
    }
    const broken = breakLine(line);
    if (!broken) return undefined;
    out.push(...broken);
  }
  return comment === undefined ? `${out.join('\n')}\n` : undefined;
}

/** ` * text` or ` *` at the comment's indentation, trimmed as prettier trims a JSDoc line. */
function commentLine(line: string, indent: string): boolean {
  if (!line.startsWith(`${indent} *`)) return false;
  const body = line.slice(indent.length + 1);
  return body === body.trim() && !body.includes('*/');
}
