import type { ts } from 'ts-morph';
import { getLeadingCommentRanges } from './syntax';
import type { LayoutContext } from './context';

/** Where a node's text begins, its leading comments included. */
export function startWithComments(node: ts.Node, ctx: LayoutContext): number {
  const comments = getLeadingCommentRanges(ctx.text, node.pos);
  return comments?.[0]?.pos ?? node.getStart(ctx.sourceFile);
}

/** Whether the source has a blank line between two siblings (prettier keeps one where there are any). */
export function blankLineBetween(previous: ts.Node, next: ts.Node, ctx: LayoutContext): boolean {
  const gap = ctx.text.slice(previous.end, startWithComments(next, ctx));
  return /\n[ \t\r]*\n/.test(gap);
}
