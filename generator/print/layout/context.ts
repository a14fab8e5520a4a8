import { type ts } from 'ts-morph';

/** What the printers of one statement share: the source text and the comments they have printed. */
export interface LayoutContext {
  sourceFile: ts.SourceFile;
  text: string;
  /** Start positions of the comments printed so far; any other comment makes the statement Unsupported. */
  printedComments: Set<number>;
}
