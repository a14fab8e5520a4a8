import type { ts } from 'ts-morph';

/** What the printers of one statement share: the source text and the comments they have printed. */
export interface LayoutContext {
  sourceFile: ts.SourceFile;
  text: string;
  /** The comments printed so far, end by start position; any other comment makes the statement Unsupported. */
  printedComments: Map<number, number>;
}
