/** Thrown for a bug in clientgen itself (never for a bad spec): it means a test is missing. */
export class GeneratorBug extends Error {
  constructor(message: string) {
    super(`clientgen bug: ${message}`);
    this.name = 'GeneratorBug';
  }
}

/** Exhaustiveness check for `switch (node.kind)`. */
export function assertNever(value: never): never {
  throw new GeneratorBug(`unexpected value ${JSON.stringify(value)}`);
}
