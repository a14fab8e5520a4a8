import type { SourceFileStructure } from 'ts-morph';

/** A file ready to print: a ts-morph structure, or runtime source copied as it is (templates). */
export type EmittedFile = { path: string; structure: SourceFileStructure } | { path: string; text: string };
