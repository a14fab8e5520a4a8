import type { SourceFileStructure } from 'ts-morph';

/**
 * A file ready to print: a ts-morph structure, runtime source copied as it is (templates), or Markdown
 * written already formatted (`api.md`).
 */
export type EmittedFile =
  | { path: string; structure: SourceFileStructure }
  | { path: string; text: string }
  | { path: string; markdown: string };
