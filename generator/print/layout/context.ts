import type { ts } from 'ts-morph';

/** What the printers of one statement share: the source text and the comments they have printed. */
export interface LayoutContext {
  sourceFile: ts.SourceFile;
  text: string;
  /** The comments printed so far, end by start position; any other comment makes the statement Unsupported. */
  printedComments: Map<number, number>;
  /** The column the statement's body starts at: 0 at the top level, 2 more in each namespace. */
  indent: number;
}
