import { printer } from 'prettier/doc';
import type { Doc } from './doc';
import type { ts } from 'ts-morph';
import { getLeadingCommentRanges, getTrailingCommentRanges, SyntaxKind } from './syntax';
import { blankLineBetween, startWithComments } from './blank-lines';
import { printLeadingComments } from './comments';
import type { LayoutContext } from './context';
import { printStatement } from './statements';
import { PRETTIER_OPTIONS } from '../prettier-options';
import { Unsupported } from './unsupported';

/**
 * A file as pieces: statements laid out in prettier's layout (`formatted: true`, their text as prettier prints them),
 * and runs of statements the layout does not handle (`formatted: false`, their source text, for prettier).
 * `blankLineBefore`: the source has a blank line before the piece (prettier keeps one there).
 */
export interface LaidOut {
  pieces: Array<{ text: string; formatted: boolean; blankLineBefore: boolean }>;
  /**
   * Top-level statements laid out and left to prettier; `failed`: the errors of statements the layout broke on
   * (a bug, not an unsupported shape), which prettier formatted instead: a user still gets the client, and the
   * oracle test requires none.
   */
  statements: { laidOut: number; fallBack: number; failed: string[] };
}

/** The doc printer's options: those of clientgen's prettier config that it reads. */
const PRINT_OPTIONS = {
  printWidth: PRETTIER_OPTIONS.printWidth,
  tabWidth: PRETTIER_OPTIONS.tabWidth,
  useTabs: PRETTIER_OPTIONS.useTabs,
};

/**
 * A file's syntax tree, the subset parser's (parse-subset.ts) or the compiler's for a file outside that subset, and
 * every comment of the file ([start, end), in order): each one inside a statement the layout prints must be one it
 * placed.
 */
export interface ParsedFile {
  sourceFile: ts.SourceFile;
  comments: ReadonlyArray<readonly [number, number]>;
}

/** `text` parsed by TypeScript's compiler: no parent pointers, no JSDoc (the printers read comments as text). */
export function compileText(compiler: typeof ts, text: string): ts.SourceFile {
  return compiler.createSourceFile(
    'file.ts',
    text,
    {
      languageVersion: compiler.ScriptTarget.Latest,
      jsDocParsingMode: compiler.JSDocParsingMode.ParseNone,
    },
    false,
    compiler.ScriptKind.TS,
  );
}

/**
 * A file outside the subset parser's TypeScript, parsed by the compiler. Its comments come from the trivia before
 * each of the tree's tokens (the ranges after a line break are leading, the ones before it trailing): a scan of the
 * text alone would misread templates and regular expressions.
 */
export function parseWithCompiler(compiler: typeof ts, text: string): ParsedFile {
  const sourceFile = compileText(compiler, text);
  const comments = new Map<number, number>();
  const visit = (node: ts.Node): void => {
    for (const child of node.getChildren(sourceFile)) {
      if (child.kind === SyntaxKind.JSDoc) continue;
      for (const range of [
        ...(getTrailingCommentRanges(text, child.pos) ?? []),
        ...(getLeadingCommentRanges(text, child.pos) ?? []),
      ])
        comments.set(range.pos, range.end);
      visit(child);
    }
  };
  visit(sourceFile);
  return { sourceFile, comments: [...comments].sort((a, b) => a[0] - b[0]) };
}

/** Lays out each top-level statement of `text` (what `printSourceFile` prints) as prettier would print it. */
export function layoutFile(text: string, parsed: ParsedFile): LaidOut {
  const { sourceFile, comments } = parsed;
  const statements = sourceFile.statements;
  const pieces: LaidOut['pieces'] = [];
  const counts: LaidOut['statements'] = { laidOut: 0, fallBack: 0, failed: [] };
  const end = sourceFile.endOfFileToken.pos;
  const trailing = [
    ...(getLeadingCommentRanges(text, end) ?? []),
    ...(getTrailingCommentRanges(text, end) ?? []),
  ];
  // Comments after the last statement, or right after a statement on its line (that statement's trailing comment
  // for prettier), are not handled: the whole file goes to prettier.
  const wholeFile =
    trailing.length > 0 ||
    statements.length === 0 ||
    statements.some((st, i) => i > 0 && (getTrailingCommentRanges(text, st.pos)?.length ?? 0) > 0);
  if (wholeFile) {
    counts.fallBack += statements.length;
    return {
      pieces: text.trim() ? [{ text, formatted: false, blankLineBefore: false }] : [],
      statements: counts,
    };
  }
  // A fresh context per statement: the comments each statement's printers place are checked against its own.
  const ctxOf = (): LayoutContext => ({ sourceFile, text, printedComments: new Map(), indent: 0 });
  let previousFallBack: { start: number; end: number; blankLineBefore: boolean } | undefined;
  const flush = () => {
    if (!previousFallBack) return;
    pieces.push({
      text: text.slice(previousFallBack.start, previousFallBack.end),
      formatted: false,
      blankLineBefore: previousFallBack.blankLineBefore,
    });
    previousFallBack = undefined;
  };
  statements.forEach((statement, i) => {
    const blankLineBefore = i > 0 && blankLineBetween(statements[i - 1]!, statement, ctxOf());
    const laid = layoutStatement(statement, ctxOf(), comments, i === 0, counts.failed);
    if (laid !== undefined) {
      flush();
      counts.laidOut++;
      pieces.push({ text: laid, formatted: true, blankLineBefore });
      return;
    }
    counts.fallBack++;
    const start = i === 0 ? 0 : startWithComments(statement, ctxOf());
    if (previousFallBack) previousFallBack.end = statement.end;
    else previousFallBack = { start, end: statement.end, blankLineBefore };
  });
  flush();
  return { pieces, statements: counts };
}

/** A statement's text in prettier's layout (with its leading comments, no final newline), or undefined. */
function layoutStatement(
  statement: ts.Statement,
  ctx: LayoutContext,
  comments: ParsedFile['comments'],
  first: boolean,
  failed: string[],
): string | undefined {
  try {
    const doc: Doc = [
      ...printLeadingComments(statement, ctx, first),
      printStatement(statement, ctx),
    ];
    assertCommentsPrinted(statement, ctx, comments);
    return printer.printDocToString(doc, PRINT_OPTIONS).formatted;
  } catch (e) {
    if (!(e instanceof Unsupported))
      failed.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return undefined;
  }
}

/** Every comment inside the statement must be one the printers placed. */
function assertCommentsPrinted(
  statement: ts.Statement,
  ctx: LayoutContext,
  comments: ParsedFile['comments'],
): void {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (comments[middle]![0] < statement.pos) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < comments.length && comments[i]![0] < statement.end; i++)
    if (!ctx.printedComments.has(comments[i]![0])) throw new Unsupported('comment');
}
