import type { IrModel } from '../ir/types';

/** A file to upload: the generated test writes it as a `Blob`. */
export class SampleBinary {
  readonly text = 'sample';
}

/** A value for a request, as plain data: what the generated tests write as a literal. */
export type SampleValue =
  null | boolean | number | string | SampleBinary | SampleValue[] | { [key: string]: SampleValue };

/** What sample building reads: the models by id, and how much of a value to fill in. */
export interface SampleContext {
  models: ReadonlyMap<string, IrModel>;
  /** 'required': only the properties a value must have; 'all': every property a request may send. */
  mode: 'required' | 'all';
  /** The models being built, outermost first (recursion is bounded by it). */
  stack?: string[];
  /**
   * The value is sent as text (a path, query or header parameter): a union's string members go first, since a server
   * reads the text as a string before it tries a number (pandascore's `videogame`, an id or a slug: Steady read `1` as
   * the string `"1"`, which the slugs' enum refused).
   */
  text?: boolean;
}

/** True for a JSON object value (not an array, null or a binary). */
export function isSampleObject(value: unknown): value is { [key: string]: SampleValue } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof SampleBinary)
  );
}
