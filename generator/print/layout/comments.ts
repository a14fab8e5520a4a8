import { builders } from 'prettier/doc';
import type { Doc } from './doc';
import type { ts } from 'ts-morph';
import { getLeadingCommentRanges, SyntaxKind } from './syntax';
import type { LayoutContext } from './context';
import { Unsupported } from './unsupported';

const { hardline, join } = builders;

/**
 * The comments before a declaration or member, each on its own line(s) as prettier prints them: a block comment whose
 * every line starts with `*` (JSDoc) re-indented, a line comment as written; a blank line after a comment is kept.
 * A comment on the same line as the code before it (prettier makes it a trailing comment) is Unsupported.
 */
export function printLeadingComments(
  node: ts.Node,
  ctx: LayoutContext,
  atFileStart = false,
): Doc[] {
  const ranges = getLeadingCommentRanges(ctx.text, node.pos) ?? [];
  const parts: Doc[] = [];
  let previousEnd = node.pos;
  for (const range of ranges) {
    const before = ctx.text.slice(previousEnd, range.pos);
    if (!(atFileStart && previousEnd === 0) && !before.includes('\n'))
      throw new Unsupported('comment after code on the same line');
    ctx.printedComments.set(range.pos, range.end);
    parts.push(printComment(ctx.text.slice(range.pos, range.end), range.kind));
    const next = ranges[ranges.indexOf(range) + 1]?.pos ?? node.getStart(ctx.sourceFile);
    const after = ctx.text.slice(range.end, next);
    const newlines = (after.match(/\n/g) ?? []).length;
    if (newlines === 0) {
      if (range.kind === SyntaxKind.SingleLineCommentTrivia) throw new Unsupported('line comment');
      throw new Unsupported('comment followed by code on its line');
    }
    parts.push(newlines > 1 ? [hardline, hardline] : hardline);
    previousEnd = range.end;
  }
  return parts;
}

function printComment(comment: string, kind: ts.CommentKind): Doc {
  if (kind === SyntaxKind.SingleLineCommentTrivia) return comment.trimEnd();
  const value = comment.slice(2, -2);
  const lines = value.split('\n');
  if (lines.length === 1) return comment;
  if (!`*${value}*`.split('\n').every((line) => line.trim().startsWith('*')))
    throw new Unsupported('multi-line block comment that is not JSDoc');
  return [
    '/*',
    join(
      hardline,
      lines.map((line, i) =>
        i === 0 ? line.trimEnd() : ` ${i < lines.length - 1 ? line.trim() : line.trimStart()}`,
      ),
    ),
    '*/',
  ];
}
