import { type builders } from 'prettier/doc';

/** A prettier Doc, the layout's intermediate form (printed by `printer.printDocToString`). */
export type Doc = builders.Doc;
