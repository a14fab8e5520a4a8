/**
 * A problem in the output folder the user has to resolve (never a clientgen bug): the CLI exits 2. In a module of its
 * own so that the CLI can test for it without loading the write stage (and `node:crypto`) for `--help`.
 */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}
