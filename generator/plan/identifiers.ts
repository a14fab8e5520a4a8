import { camelCase, pascalCase, words } from '../text/case';

/** Words that cannot name a type or a value in TypeScript (reserved and strict-mode words, and type keywords). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let ' +
    'package private protected public static yield any boolean constructor declare get module require number set string symbol type ' +
    'from of unknown never object bigint undefined await async keyof readonly infer is asserts unique global satisfies accessor'
  ).split(' '),
);

/**
 * Globals a model may not shadow: the language's own (`Error`, `Promise`, `Record`, …) and the web types
 * the generated code names (`Blob`, `Response`). Other web globals (`File`, `Event`) stay free as names.
 */
const GLOBALS = new Set(
  (
    'Array ArrayBuffer AsyncIterable Awaited Blob Boolean Date Error Exclude Extract Function Infinity Iterable JSON Map Math NaN ' +
    'NonNullable Number Object Omit Parameters Partial Pick Promise PromiseLike Readonly ReadonlyArray Record Required Response ' +
    'ReturnType Set String Symbol Uint8Array globalThis'
  ).split(' '),
);

/** True when `name` can be written bare as an identifier. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** A type name for a spec name: PascalCase, never reserved, never a global, never starting with a digit. */
export function typeIdentifier(specName: string): string {
  // A name that is already an identifier keeps its spelling (`OpenAI`, `ResponseFormatJSONSchema`).
  let name = isIdentifier(specName) && !/[$_]/.test(specName) ? specName : pascalCase(specName);
  name = name.slice(0, 1).toUpperCase() + name.slice(1);
  if (!name) name = 'Model';
  if (/^[0-9]/.test(name)) name = `Model${name}`;
  if (RESERVED.has(name.toLowerCase()) || GLOBALS.has(name)) name = `${name}Model`;
  return name;
}

/** A value name (parameter, method, property of a class) for a spec name: camelCase and never reserved. */
export function valueIdentifier(specName: string): string {
  let name = camelCase(specName);
  if (!name) name = 'value';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (RESERVED.has(name)) name = `${name}_`;
  return name;
}

/** A method name: methods may be reserved words (`client.pets.delete()`), but must be identifiers. */
export function methodIdentifier(specName: string): string {
  const name = isIdentifier(specName) ? specName : camelCase(specName);
  return name && !/^[0-9]/.test(name) && name !== 'constructor' ? name : `_${name}`;
}

/** `ChatCompletionMessageParam` → `chat-completion-message-param` (file names: one case, no clashes on macOS). */
export function kebabCase(name: string): string {
  return words(name).join('-') || 'index-model';
}

/**
 * Hands out unique names: a name already taken (compared case-insensitively, since files named after
 * them must not clash on case-insensitive disks) gets the smallest free numeric suffix.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  /**
   * `reserved`: names no claim may take. `shared`: more of them, already lower case, read and never copied (many
   * registries reserve a plan's model names: copying them into each was quadratic on Stripe).
   */
  constructor(
    reserved: Iterable<string> = [],
    private readonly shared: ReadonlySet<string> = new Set(),
  ) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  private has(lower: string): boolean {
    return this.taken.has(lower) || this.shared.has(lower);
  }

  /** Claims `name` only if it is free; true when it was. */
  tryClaim(name: string): boolean {
    if (this.has(name.toLowerCase())) return false;
    this.taken.add(name.toLowerCase());
    return true;
  }

  /** Claims `wanted`, or `wanted2`, `wanted3`… */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** Lower-cased names, for `NameRegistry`'s `shared`. */
export function lowerCased(names: Iterable<string>): ReadonlySet<string> {
  const set = new Set<string>();
  for (const name of names) set.add(name.toLowerCase());
  return set;
}
