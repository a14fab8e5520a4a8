import { PRETTIER_OPTIONS } from './prettier-options';
import { topLevel } from './top-level';

/**
 * A line of a declaration over the print width, broken as prettier breaks it, for the shapes emit writes long: a union
 * (a type alias's or an interface member's type), an `Array<…>` of a union, a type alias of one name, of a generic with
 * several arguments or of a name and an inline object, and an import or export of several names; and the lines
 * prettier keeps whole however long (an import or export of one name, an interface's or namespace's first line, a
 * property typed by one name). The answer is the lines prettier prints for that line, or undefined for any other shape
 * (its statement is then laid out: final-text.ts). The layout's oracle holds every file print takes as final to
 * prettier's output, and `test/print/break-lines.test.ts` each shape on random lines.
 *
 * The line is a whole declaration on one line, as the structure printer writes a type alias, a member or an import
 * (final-text.ts takes no statement whose types span lines), in printable ASCII.
 */
export function breakLine(line: string): string[] | undefined {
  if (ONE_NAME.test(line) || HEADER.test(line)) return [line];
  const named = NAMED.exec(line);
  if (named) return breakNamed(named[1]!, named[2]!, named[3]!, named[4]!);
  const alias = ALIAS.exec(line);
  if (alias) return breakAlias(alias[1]!, alias[2]!, alias[3]!);
  const member = MEMBER.exec(line);
  if (member) return breakMember(member[1]!, member[2]!, member[3]!);
  return undefined;
}

const WIDTH = PRETTIER_OPTIONS.printWidth;
const fits = (line: string) => line.length <= WIDTH;

/**
 * An import or export of one name (or of all), which prettier keeps on one line however long: its braces break only
 * around two names or more.
 */
const ONE_NAME =
  /^(?:(?:import|export)(?: type)? \{ [\w$]+(?: as [\w$]+)? \}|export \*) from '[\w./@-]*';$/;
/** An interface's or namespace's first line, which prettier keeps however long (the layout breaks an `extends`). */
const HEADER = /^ *(?:export )?(?:interface|namespace) [\w$]+ \{\}?$/;
const STRING = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"`;
/** `import type { A, B } from './a';`, `export { A, B as C } from './a';`. */
const NAMED =
  /^( *)((?:import|export)(?: type)?) \{ ([\w$]+(?: as [\w$]+)?(?:, [\w$]+(?: as [\w$]+)?)+) \} from ('[\w./@-]*');$/;
/** `export type Name = <type>;` */
const ALIAS = /^( *)((?:export )?type [\w$]+ =) (.+);$/;
/** `name?: <type>;`, `readonly 'a-b': <type>;`, `[key: string]: <type>;` (a line of an interface). */
const MEMBER = new RegExp(
  String.raw`^( *)((?:readonly )?(?:[\w$]+|${STRING})\??|\[[\w$]+: (?:string|number)\]): (.+);$`,
);
/**
 * A type prettier never breaks: a name, a string literal, with array and indexed-access suffixes (`A['b'][number][]`).
 */
const UNBREAKABLE = new RegExp(
  String.raw`^(?:[\w$]+(?:\.[\w$]+)*|${STRING}|-?\d+(?:\.\d+)?)(?:\[\]|\[(?:${STRING}|number|string)\])*$`,
);
/** A name, maybe qualified: the generic of an alias whose arguments break. */
const GENERIC = /^([\w$]+(?:\.[\w$]+)*)<(.+)>$/;

function breakNamed(indent: string, keyword: string, names: string, from: string): string[] {
  // Prettier puts each name on its line, with a trailing comma, as soon as the line does not fit.
  return [
    `${indent}${keyword} {`,
    ...names.split(', ').map((name) => `${indent}  ${name},`),
    `${indent}} from ${from};`,
  ];
}

function breakAlias(indent: string, head: string, type: string): string[] | undefined {
  const members = topLevel(type, '|');
  if (members && members.length > 1) return breakUnion(indent, head, members, true);
  if (UNBREAKABLE.test(type)) return [`${indent}${head}`, `${indent}  ${type};`];
  const array = breakArrayOf(indent, head, type, '');
  if (array !== null) return array;
  const parts = topLevel(type, '&');
  if (parts?.length === 2) return breakIntersection(indent, head, parts[0]!, parts[1]!);
  // A generic of several arguments breaks between them, its name kept on the alias's line.
  const generic = GENERIC.exec(type);
  const args = generic ? topLevel(generic[2]!, ',') : undefined;
  if (!generic || !args || args.length < 2 || args.includes('')) return undefined;
  const first = `${indent}${head} ${generic[1]!}<`;
  const lines = args.map((a, i) => `${indent}  ${a}${i < args.length - 1 ? ',' : ''}`);
  if (!fits(first) || !lines.every((l, i) => fits(l) || UNBREAKABLE.test(args[i]!)))
    return undefined;
  return [first, ...lines, `${indent}>;`];
}

function breakMember(indent: string, head: string, type: string): string[] | undefined {
  const members = topLevel(type, '|');
  const array = members?.length === 1 ? breakArrayOf(indent, `${head}:`, type, '') : null;
  const lines =
    array !== null
      ? array
      : members && members.length > 1
        ? breakUnion(indent, `${head}:`, members, false)
        : UNBREAKABLE.test(type)
          ? [`${indent}${head}: ${type};`] // a property's type of one name stays on its line, however long
          : undefined;
  // An index signature kept whole on a long line breaks inside its brackets instead: the layout's case.
  if (lines?.length === 1 && head.startsWith('[')) return undefined;
  return lines;
}

/**
 * `Name & { a: A; b?: B }` after an alias's `=` (emit's streaming variants of a params type): the object's members one
 * a line when the line fits up to its `{`, else the whole type on the next line when it fits there.
 */
function breakIntersection(
  indent: string,
  head: string,
  name: string,
  object: string,
): string[] | undefined {
  if (!/^[\w$]+(?:\.[\w$]+)*$/.test(name) || !/^\{ .* \}$/.test(object)) return undefined;
  const members = topLevel(object.slice(2, -2), ';');
  const plain = (m: string) => {
    const member = /^[\w$]+\??: ([^{}]+)$/.exec(m);
    return member !== null && plainMember(member[1]!);
  };
  if (!members?.every(plain)) return undefined;
  const first = `${indent}${head} ${name} & {`;
  if (fits(first)) {
    const lines = [first, ...members.map((m) => `${indent}  ${m};`), `${indent}};`];
    return lines.every(fits) ? lines : undefined;
  }
  const below = `${indent}  ${name} & ${object};`;
  return fits(below) ? [`${indent}${head}`, below] : undefined;
}

/**
 * A union after `=` or `:` that does not fit the line: on the next line, one level deeper, when it fits there;
 * else one member a line, each after `| `. A union of one type reference (or object type) and `null`s or `void`s is
 * hugged: prettier never breaks between its members, so it stays on a member's line, and moves whole to the next
 * line after an alias's `=`.
 */
function breakUnion(
  indent: string,
  head: string,
  members: string[],
  alias: boolean,
): string[] | undefined {
  const others = members.filter((m) => !VOID.has(m));
  if (others.length === 1 && (others[0]!.startsWith('{') || REFERENCE.test(others[0]!))) {
    // `Array<…> | null` on a member's line: the array's type argument breaks, `| null` after its `>`.
    const array =
      !alias && members.length === 2 && members[0] === others[0]
        ? breakArrayOf(indent, head, others[0]!, ` | ${members[1]!}`)
        : null;
    if (array !== null) return array;
    // A generic's arguments or an object's members would break inside: the layout's case.
    if (!/^[\w$]+(?:\.[\w$]+)*$/.test(others[0]!)) return undefined;
    const flat = members.join(' | ');
    return alias ? [`${indent}${head}`, `${indent}  ${flat};`] : [`${indent}${head} ${flat};`];
  }
  if (!members.every(plainMember)) return undefined;
  const inner = `${indent}  `;
  const whole = `${inner}${members.join(' | ')};`;
  if (fits(whole)) return [`${indent}${head}`, whole];
  const lines = members.map((m, i) => `${inner}| ${m}${i === members.length - 1 ? ';' : ''}`);
  // A member that does not fit its line would break inside, unless nothing in it can.
  if (!lines.every((l, i) => fits(l) || UNBREAKABLE.test(members[i]!))) return undefined;
  return [`${indent}${head}`, ...lines];
}

/** A type reference, maybe qualified or generic (not a keyword type such as `string`). */
const REFERENCE =
  /^(?!(?:string|number|boolean|bigint|symbol|object|any|unknown|never|undefined|null|void|this|true|false)$)[\w$]+(?:\.[\w$]+)*(?:<.*>)?$/;

/**
 * `Array<A | B>` after `head` (an alias's `=` or a member's `:`), its type argument a union: prettier keeps `Array<` on
 * the head's line and breaks inside the angle brackets, the union on its own line one level deeper when it fits there,
 * else one member a line after `| ` (not indented further: a type argument's union is not), then `>` and `tail`.
 * Null when the type is not such an array; undefined when a line would not fit.
 */
function breakArrayOf(
  indent: string,
  head: string,
  type: string,
  tail: string,
): string[] | undefined | null {
  const m = /^Array<(.+)>$/.exec(type);
  const members = m ? topLevel(m[1]!, '|') : undefined;
  if (!members || members.length < 2) return null;
  if (!members.every(plainMember)) return undefined;
  const first = `${indent}${head} Array<`;
  const inner = `${indent}  `;
  const whole = `${inner}${members.join(' | ')}`;
  const close = `${indent}>${tail};`;
  if (!fits(first) || !fits(close)) return undefined;
  if (fits(whole)) return [first, whole, close];
  const lines = members.map((x) => `${inner}| ${x}`);
  if (!lines.every((l, i) => fits(l) || UNBREAKABLE.test(members[i]!))) return undefined;
  return [first, ...lines, close];
}

/** What prettier hugs a lone type reference beside (`undefined` is not among them). */
const VOID = new Set(['null', 'void']);

/** A union member whose flat form prettier keeps: none of the operators whose breaking the layout knows. */
function plainMember(member: string): boolean {
  return (
    member !== '' &&
    member.trim() === member &&
    topLevel(member, '&')?.length === 1 &&
    topLevel(member, '?')?.length === 1 &&
    !/^(?:keyof|typeof|readonly|infer|new|unique|asserts)\b/.test(member)
  );
}
