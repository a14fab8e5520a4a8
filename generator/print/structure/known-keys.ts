import { GeneratorBug } from '../../errors';

/**
 * Fails on a structure property the printer does not print: emit may grow, and a property silently dropped would be
 * code silently missing from the client. A property set to `undefined` says nothing and passes.
 */
export function assertKnownKeys(structure: object, known: ReadonlySet<string>, what: string): void {
  for (const key in structure) {
    if (known.has(key)) continue;
    if ((structure as Record<string, unknown>)[key] === undefined) continue;
    throw new GeneratorBug(
      `the structure printer does not print the property '${key}' of ${what} (generator/print/structure/)`,
    );
  }
}

/** A set of property names, for `assertKnownKeys`. */
export function keys(...names: string[]): ReadonlySet<string> {
  return new Set(names);
}
