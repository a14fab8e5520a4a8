import { PRETTIER_OPTIONS } from './prettier-options';
import { stringEnd, topLevel } from './top-level';

/**
 * The lines of a resource class as prettier prints them, by construction: a sub-resource property, a method's
 * signature broken between its parameters, and the expression a method returns broken as prettier breaks calls,
 * objects and arrays. It reads the
 * one-line code emit writes (render-call.ts) and answers undefined for anything else, which leaves the class to the
 * layout (generator/print/layout/, whose rules for these shapes it follows: expressions.ts, classes.ts). The
 * layout's oracle holds every class print takes as final to prettier's output, and `test/print/final-code.test.ts`
 * each rule on random expressions.
 */

const WIDTH = PRETTIER_OPTIONS.printWidth;

/**
 * A line of a resource class as prettier prints it: its first line, a property made with `new`, a method's signature,
 * a `return`, a closing brace. Any other line is the layout's.
 */
export function finalClassLine(line: string): string[] | undefined {
  if (/^ *\}$/.test(line)) return [line];
  if (CLASS_HEADER.test(line)) return line.length <= WIDTH ? [line] : undefined;
  const property = PROPERTY.exec(line);
  if (property) {
    if (line.length <= WIDTH) return [line];
    // prettier's fluid assignment: the call's arguments break when the line fits up to its `(`, else the
    // value goes below the `=`.
    const [, indent, left, type] = property as unknown as [string, string, string, string];
    const open = `${indent}${left} = new ${type}(`;
    if (open.length <= WIDTH) return [open, `${indent}  this._client,`, `${indent});`];
    const below = `${indent}  new ${type}(this._client);`;
    return below.length <= WIDTH ? [`${indent}${left} =`, below] : undefined;
  }
  if (/^ *return /.test(line)) return finalReturn(line);
  return finalSignature(line);
}

/** `export class Name extends Base {` (or `{}`). */
const CLASS_HEADER = /^ *(?:export )?class [\w$]+(?: extends [\w$.]+)? \{\}?$/;
/** `public readonly name: Type = new Type(this._client);`, a sub-resource. */
const PROPERTY =
  /^( *)((?:(?:public|private|protected) )?(?:readonly )?[\w$]+: [\w$.]+) = new ([\w$.]+)\(this\._client\);$/;

/**
 * `name(a: A, b?: B): R {` (or `;`, an overload) as prettier prints it: as it is when it fits, else one parameter a
 * line. Undefined when a line would still not fit (prettier would break a type), or for a lone parameter prettier
 * lays out apart.
 */
export function finalSignature(line: string): string[] | undefined {
  const m = SIGNATURE.exec(line);
  if (!m) return undefined;
  const [, indent, head, params, rest] = m as unknown as [string, string, string, string, string];
  const list = params === '' ? [] : topLevel(params, ',');
  if (!list || list.some((p) => !PARAMETER.test(p))) return undefined;
  if (line.length <= WIDTH) return [line];
  // prettier hugs a lone object-typed parameter, and lays a lone one apart when the return type breaks.
  if (list.length === 1) return undefined;
  const lines = [`${indent}${head}(`, ...list.map((p) => `${indent}  ${p},`), `${indent})${rest}`];
  return lines.every((l) => l.length <= WIDTH) ? lines : undefined;
}

/** `  [modifiers ]name(params): Type {` or `;`. */
const SIGNATURE =
  /^( *)((?:(?:public|private|protected|static|readonly|async) )*[\w$]+)\((.*)\)(: [^{}]+(?: \{|;))$/;
/** `name: Type` or `name?: Type`, the type without an object literal. */
const PARAMETER = /^[\w$]+\??: [^{}]+$/;

/**
 * `return <expression>;` as prettier prints it, or undefined when the expression is not one this printer reads or
 * prints (the layout then prints the class). A line that fits is taken only when its expression is written exactly as
 * prettier prints it flat.
 */
export function finalReturn(line: string): string[] | undefined {
  const m = /^( *)return (.*);$/.exec(line);
  if (!m) return undefined;
  const indent = m[1]!.length;
  const expr = parseExpression(m[2]!);
  if (!expr || expr.kind === 'nullish' || flat(expr) !== m[2]) return undefined;
  if (line.length <= WIDTH) return [line];
  const printed = print(expr, indent + 'return '.length, indent, 1);
  if (!printed) return undefined;
  printed[0] = `${' '.repeat(indent)}return ${printed[0]!}`;
  printed[printed.length - 1] += ';';
  return printed.every((l) => l.length <= WIDTH) ? printed : undefined;
}

/** An expression as read, with its flat text once asked for (`flat`). */
type Expr = ExprNode & { flat?: string };

type ExprNode =
  /** A name, keyword, literal or `a.b` after a name: printed as it is. */
  | { kind: 'atom'; text: string }
  /** `this.b`: may break before `.b` (not reproduced: such a line is declined). */
  | { kind: 'this'; text: string }
  /** `callee(args)` or `new callee(args)`; `callee` holds the member chain and the type arguments. */
  | { kind: 'call'; callee: string; args: Expr[] }
  | { kind: 'object'; props: Prop[] }
  | { kind: 'array'; elements: Expr[] }
  | { kind: 'as'; expr: Expr; type: string }
  | { kind: 'nullish'; left: Expr; right: Expr };

type Prop =
  | { kind: 'shorthand'; name: string }
  | { kind: 'spread'; expr: Expr }
  | { kind: 'property'; key: string; value: Expr };

/** The expression on one line, as prettier prints it flat (kept on the node: print asks for it at every level). */
function flat(e: Expr): string {
  return (e.flat ??= flatText(e));
}

function flatText(e: Expr): string {
  switch (e.kind) {
    case 'atom':
    case 'this':
      return e.text;
    case 'call':
      return `${e.callee}(${e.args.map(flat).join(', ')})`;
    case 'object':
      return e.props.length ? `{ ${e.props.map(flatProp).join(', ')} }` : '{}';
    case 'array':
      return `[${e.elements.map(flat).join(', ')}]`;
    case 'as':
      return `${flat(e.expr)} as ${e.type}`;
    case 'nullish':
      return `${flat(e.left)} ?? ${flat(e.right)}`;
  }
}

function flatProp(p: Prop): string {
  if (p.kind === 'shorthand') return p.name;
  if (p.kind === 'spread') return `...${flat(p.expr)}`;
  return `${p.key}: ${flat(p.value)}`;
}

/**
 * `e` printed from column `col` at indentation `indent`, followed on its last line by `rest` columns that cannot
 * break (`,`, `;`, `) as T;`): its lines, the first without indentation. Undefined for a layout not reproduced.
 * `broken`: printed broken however short (a hugged argument, whose group prettier breaks).
 */
function print(
  e: Expr,
  col: number,
  indent: number,
  rest: number,
  broken = false,
): string[] | undefined {
  const text = flat(e);
  if (!broken && col + text.length + rest <= WIDTH) return [text];
  switch (e.kind) {
    case 'call':
      return printCall(e, col, indent);
    case 'object':
      return printList(
        '{',
        '}',
        e.props.map((p) => (c: number, i: number) => printProp(p, c, i)),
        indent,
      );
    case 'array':
      // prettier breaks an array of several objects or arrays of more than one entry; numbers fill lines.
      if (e.elements.some((x) => x.kind === 'object' || x.kind === 'array')) return undefined;
      if (e.elements.some((x) => x.kind === 'atom' && /^[\d-]/.test(x.text))) return undefined;
      return printList(
        '[',
        ']',
        e.elements.map((x) => (c: number, i: number) => print(x, c, i, 1)),
        indent,
      );
    case 'as': {
      // A type that can break (a union, or type arguments prettier does not hug) may go below the `as`, so the
      // expression before it is laid out as if the line ended after `as`: such a break is not reproduced.
      const suffix = ` as ${e.type}`;
      const breakable = e.type.includes(' | ') || /<.*,/.test(e.type);
      const lines = print(e.expr, col, indent, breakable ? ' as'.length : rest + suffix.length);
      if (!lines) return undefined;
      const last = lines.length === 1 ? col + lines[0]!.length : lines[lines.length - 1]!.length;
      if (last + suffix.length + rest > WIDTH) return undefined;
      lines[lines.length - 1] += suffix;
      return lines;
    }
    default:
      // A name or literal cannot break, `this.b` and `a ?? b` are not reproduced: the line is declined.
      return undefined;
  }
}

/**
 * Call arguments as prettier's printCallArguments lays them out: flat; else the last argument hugged when it is an
 * object or array (not empty) of another kind than the one before it, and the line fits up to its `{`; else one
 * argument a line.
 */
function printCall(
  e: Extract<Expr, { kind: 'call' }>,
  col: number,
  indent: number,
): string[] | undefined {
  const open = `${e.callee}(`;
  // Type arguments break when the line does not fit up to `(`: not reproduced.
  if (col + open.length > WIDTH || e.args.length === 0) return undefined;
  const last = e.args[e.args.length - 1]!;
  const penultimate = e.args[e.args.length - 2];
  const huggable =
    (last.kind === 'object' && last.props.length > 0) ||
    (last.kind === 'array' && last.elements.length > 0);
  if (huggable && (!penultimate || penultimate.kind !== last.kind)) {
    const head = `${open}${e.args
      .slice(0, -1)
      .map((a) => `${flat(a)}, `)
      .join('')}`;
    if (col + head.length + 1 <= WIDTH) {
      // The hugged argument is broken (its group's shouldBreak), from the end of the head.
      const body = print(last, col + head.length, indent, 0, true);
      if (!body) return undefined;
      body[0] = head + body[0]!;
      body[body.length - 1] += ')';
      return body;
    }
  }
  const lines = printList(
    open,
    ')',
    e.args.map((a) => (c: number, i: number) => print(a, c, i, 1)),
    indent,
  );
  return lines;
}

/** `open`, each item on its own line one level deeper with a `,` after it, then `close`. */
function printList(
  open: string,
  close: string,
  items: Array<(col: number, indent: number) => string[] | undefined>,
  indent: number,
): string[] | undefined {
  const inner = indent + 2;
  const pad = ' '.repeat(inner);
  const lines = [open];
  for (const item of items) {
    const printed = item(inner, inner);
    if (!printed) return undefined;
    printed[0] = pad + printed[0]!;
    printed[printed.length - 1] += ',';
    lines.push(...printed);
  }
  lines.push(' '.repeat(indent) + close);
  return lines;
}

/**
 * An object's property in prettier's assignment layouts (expressions.ts `printPropertyAssignment`): a short key
 * (under 5 columns) never breaks after `:`, nor do booleans and numbers; a string goes below a longer key when it
 * does not fit; an object, an array, a name and a call of several arguments are "fluid": the value stays after the
 * key when the line fits up to the value's first break. Anything else is declined.
 */
function printProp(p: Prop, col: number, indent: number): string[] | undefined {
  if (p.kind === 'shorthand') return col + p.name.length + 1 <= WIDTH ? [p.name] : undefined;
  if (p.kind === 'spread') {
    const lines = print(p.expr, col + 3, indent, 1);
    if (lines) lines[0] = `...${lines[0]!}`;
    return lines;
  }
  const { key, value } = p;
  const after = (lines: string[] | undefined) => {
    if (lines) lines[0] = `${key}: ${lines[0]!}`;
    return lines;
  };
  const valueCol = col + key.length + 2;
  if (value.kind === 'nullish') {
    return col + flatProp(p).length + 1 <= WIDTH ? [flatProp(p)] : undefined;
  }
  const isString = value.kind === 'atom' && /^['"]/.test(value.text);
  const shortKey = key.length < 5;
  if (isString && !shortKey) {
    if (valueCol + value.text.length + 1 <= WIDTH) return [`${key}: ${value.text}`];
    return [`${key}:`, `${' '.repeat(indent + 2)}${value.text}`];
  }
  if (shortKey || (value.kind === 'atom' && /^(?:true|false|-?\d)/.test(value.text)))
    return after(print(value, valueCol, indent, 1));
  const fluid =
    (value.kind === 'atom' && /^[\w$]+$/.test(value.text)) ||
    value.kind === 'object' ||
    value.kind === 'array' ||
    (value.kind === 'call' && value.args.length >= 2);
  if (!fluid) return undefined;
  // The first break of the value: its `{` or `[`, a call's `(` (or `<` of type arguments that may break), or none.
  const head =
    value.kind === 'object'
      ? '{'
      : value.kind === 'array'
        ? '['
        : value.kind === 'call'
          ? callHead(value.callee)
          : `${value.text},`;
  if (valueCol + head.length <= WIDTH) return after(print(value, valueCol, indent, 1));
  const below = print(value, indent + 2, indent + 2, 1);
  if (!below) return undefined;
  below[0] = ' '.repeat(indent + 2) + below[0]!;
  return [`${key}:`, ...below];
}

/**
 * A callee up to where its call can first break: its `(`, or the `<` of type arguments prettier may break (any but a
 * lone name, which it hugs).
 */
function callHead(callee: string): string {
  const open = callee.indexOf('<');
  if (open < 0 || /^<[\w$]+(?:\.[\w$]+)*>$/.test(callee.slice(open))) return `${callee}(`;
  return callee.slice(0, open + 1);
}

/**
 * The expression `text`, or undefined when it is not one of the forms emit writes (or not written as prettier does).
 */
function parseExpression(text: string): Expr | undefined {
  // `<call or name> as <type>`, at the top only (render-call.ts writes it so).
  const as = topLevelAs(text);
  if (as !== undefined) {
    const type = text.slice(as + ' as '.length);
    const expr = parseExpression(text.slice(0, as));
    if (!canonicalTypes(type) || type.includes(',') || !expr) return undefined;
    if (expr.kind !== 'call' && !(expr.kind === 'atom' && /^[A-Za-z_$][\w$]*$/.test(expr.text)))
      return undefined;
    return { kind: 'as', expr, type };
  }
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  const parser = new Parser(tokens);
  const expr = parser.expression();
  return expr && parser.done() ? expr : undefined;
}

/** Where the last ` as ` outside brackets and string literals is, if any. */
function topLevelAs(text: string): number | undefined {
  if (!text.includes(' as ')) return undefined;
  let depth = 0;
  let found: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return undefined;
    } else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) depth--;
    else if (depth === 0 && text.startsWith(' as ', i)) found = i;
  }
  return found;
}

/**
 * Types (one, or a list of type arguments) of names, generics, arrays and unions, written as prettier prints them
 * flat: one space after a comma and around `|`, none inside angle brackets.
 */
function canonicalTypes(written: string): boolean {
  // An indexed access by a name (`A['data'][number]`) is printed as written.
  const text = written.replace(/\['[\w$-]*'\]/g, '[x]');
  // Spaces only in `, ` and ` | `: with those taken out, no space, comma or bar is left.
  return /^[\w$.][\w$.<>[\], |]*$/.test(text) && !/[ ,|]/.test(text.replace(/, | \| /g, ''));
}

/** A name or an integer, where the scan is (sticky). */
const NAME = /[A-Za-z_$][\w$]*|\d+(?!\w)/y;

/** Tokens: names, string and number literals, `...`, `??`, and single punctuation; type arguments kept whole. */
function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push(name[0]);
      i += name[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      tokens.push(text.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    if (text.startsWith('...', i) || text.startsWith('??', i)) {
      tokens.push(text.slice(i, i + (c === '.' ? 3 : 2)));
      i += c === '.' ? 3 : 2;
      continue;
    }
    if (c === '<') {
      // Type arguments (emit writes no comparison): up to the matching `>`.
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        const d = text[j]!;
        if (d === "'") {
          j = stringEnd(text, j);
          if (j < 0) return undefined;
          continue;
        }
        if (d === '"' || d === '`' || d === '{' || d === '(') return undefined;
        if (d === '<') depth++;
        else if (d === '>' && text[j - 1] !== '=' && --depth === 0) break;
      }
      if (j >= text.length || !canonicalTypes(text.slice(i + 1, j))) return undefined;
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if ('.,()[]{}:'.includes(c)) {
      tokens.push(c);
      i++;
      continue;
    }
    return undefined;
  }
  return tokens;
}

const KEYWORDS = new Set(['this', 'true', 'false', 'null', 'undefined']);

class Parser {
  private at = 0;
  constructor(private readonly tokens: string[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  private peek(): string | undefined {
    return this.tokens[this.at];
  }

  private take(token?: string): string | undefined {
    const t = this.tokens[this.at];
    if (t === undefined || (token !== undefined && t !== token)) return undefined;
    this.at++;
    return t;
  }

  /** An expression: a value, or `a ?? b` of two. */
  expression(): Expr | undefined {
    const e = this.unary();
    if (!e || this.peek() !== '??') return e;
    this.take();
    const right = this.unary();
    if (!right || this.peek() === '??') return undefined;
    return { kind: 'nullish', left: e, right };
  }

  private unary(): Expr | undefined {
    const t = this.peek();
    if (t === undefined) return undefined;
    if (t === '{') return this.object();
    if (t === '[') return this.array();
    if (t === 'new') {
      this.take();
      const name = this.take();
      if (!name || !/^[A-Za-z_$][\w$]*$/.test(name) || KEYWORDS.has(name)) return undefined;
      const typeArgs = this.peek()?.startsWith('<') ? this.take()! : '';
      const args = this.args();
      return args && { kind: 'call', callee: `new ${name}${typeArgs}`, args };
    }
    if (/^['"]/.test(t) || /^\d+$/.test(t)) {
      this.take();
      return { kind: 'atom', text: t };
    }
    if (!/^[A-Za-z_$]/.test(t)) return undefined;
    this.take();
    // A member chain, then at most one call at its end (prettier's member-chain printer keeps it on one line).
    let chain = t;
    let lookups = 0;
    while (this.peek() === '.') {
      this.take();
      const name = this.take();
      if (!name || !/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
      chain += `.${name}`;
      lookups++;
    }
    const typeArgs = this.peek()?.startsWith('<') ? this.take()! : '';
    if (this.peek() === '(') {
      const args = this.args();
      if (!args || this.peek() === '.' || this.peek() === '(') return undefined;
      return { kind: 'call', callee: chain + typeArgs, args };
    }
    if (typeArgs) return undefined;
    if (t === 'this') return lookups === 1 ? { kind: 'this', text: chain } : undefined;
    if (lookups > 1) return undefined;
    return { kind: 'atom', text: chain };
  }

  private args(): Expr[] | undefined {
    return this.list('(', ')', () => this.expression());
  }

  private array(): Expr | undefined {
    const elements = this.list('[', ']', () => this.expression());
    return elements && { kind: 'array', elements };
  }

  private object(): Expr | undefined {
    const props = this.list('{', '}', () => this.prop());
    return props && { kind: 'object', props };
  }

  private prop(): Prop | undefined {
    if (this.take('...')) {
      const expr = this.unary();
      return expr && { kind: 'spread', expr };
    }
    const key = this.take();
    if (!key) return undefined;
    // A key as prettier prints it (`quoteProps: 'as-needed'`): a name unquoted, anything else quoted.
    const name = /^[A-Za-z_$][\w$]*$/.test(key);
    if (!name && !/^'/.test(key)) return undefined;
    if (!name && /^'[A-Za-z_$][\w$]*'$/.test(key)) return undefined;
    if (this.peek() !== ':') return name ? { kind: 'shorthand', name: key } : undefined;
    this.take();
    const value = this.expression();
    return value && { kind: 'property', key, value };
  }

  /** `open item, item close`, no trailing comma (emit writes none on one line). */
  private list<T>(open: string, close: string, item: () => T | undefined): T[] | undefined {
    if (!this.take(open)) return undefined;
    const items: T[] = [];
    if (this.take(close)) return items;
    for (;;) {
      const x = item();
      if (x === undefined) return undefined;
      items.push(x);
      if (this.take(close)) return items;
      if (!this.take(',')) return undefined;
    }
  }
}
