/**
 * Thrown by the layout when a statement holds a node kind, comment placement or shape it does not reproduce exactly
 * as prettier would. The statement is then formatted by prettier instead: a guess would cost trust, this costs time.
 */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`layout: unsupported ${what}`);
    this.name = 'Unsupported';
  }
}
