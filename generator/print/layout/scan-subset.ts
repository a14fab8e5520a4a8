import { KIND_NUMBERS as SyntaxKind } from './syntax';

/**
 * Thrown by the subset parser at the first thing outside the TypeScript it reads (parse-subset.ts): the file is then
 * parsed by TypeScript's compiler instead. Never a statement about the file's validity.
 */
export class NotInSubset extends Error {
  constructor(what: string, at: number) {
    super(`subset parser: ${what} at offset ${at}`);
    this.name = 'NotInSubset';
  }
}

/**
 * A file's tokens, in parallel arrays: kind (a `SyntaxKind`: punctuation, `Identifier` for every word, keywords
 * included, `StringLiteral`, `NumericLiteral`, `EndOfFileToken` last), the full start (where the trivia before it
 * begins: TypeScript's `pos`), start and end, whether a line break precedes it, and a word's or string's value
 * (a string's unescaped). `comments` holds every comment's [start, end).
 */
export interface Tokens {
  count: number;
  kind: Uint16Array;
  fullStart: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  lineBreakBefore: Uint8Array;
  value: (string | undefined)[];
  comments: Array<[number, number]>;
}

const PUNCTUATION: Record<string, number> = {
  '{': SyntaxKind.OpenBraceToken,
  '}': SyntaxKind.CloseBraceToken,
  '(': SyntaxKind.OpenParenToken,
  ')': SyntaxKind.CloseParenToken,
  '[': SyntaxKind.OpenBracketToken,
  ']': SyntaxKind.CloseBracketToken,
  ';': SyntaxKind.SemicolonToken,
  ',': SyntaxKind.CommaToken,
  ':': SyntaxKind.ColonToken,
  '<': SyntaxKind.LessThanToken,
  // `>` is always one token, as TypeScript scans it (`>>` and `>=` are read only in expressions, where this parser
  // stops at any `>`).
  '>': SyntaxKind.GreaterThanToken,
};

const isWordStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
const isWordPart = (c: number): boolean => isWordStart(c) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Splits `text` into tokens; throws NotInSubset at anything this subset does not scan (templates, regexps, non-ASCII). */
export function scanSubset(text: string): Tokens {
  const length = text.length;
  let capacity = Math.max(64, length >> 2);
  let kind = new Uint16Array(capacity);
  let fullStart = new Uint32Array(capacity);
  let start = new Uint32Array(capacity);
  let end = new Uint32Array(capacity);
  let lineBreakBefore = new Uint8Array(capacity);
  const value: (string | undefined)[] = [];
  const comments: Array<[number, number]> = [];
  let count = 0;
  let pos = 0;
  const push = (k: number, s: number, e: number, full: number, lineBreak: boolean) => {
    if (count === capacity) {
      capacity *= 2;
      const grow = <A extends Uint8Array | Uint16Array | Uint32Array>(
        a: A,
        make: (n: number) => A,
      ) => {
        const b = make(capacity);
        b.set(a);
        return b;
      };
      kind = grow(kind, (n) => new Uint16Array(n));
      fullStart = grow(fullStart, (n) => new Uint32Array(n));
      start = grow(start, (n) => new Uint32Array(n));
      end = grow(end, (n) => new Uint32Array(n));
      lineBreakBefore = grow(lineBreakBefore, (n) => new Uint8Array(n));
    }
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    fullStart[count] = full;
    lineBreakBefore[count] = lineBreak ? 1 : 0;
    count++;
  };
  for (;;) {
    // Trivia: whitespace and comments.
    const full = pos;
    let lineBreak = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 11 || c === 12) pos++;
      else if (c === 10 || c === 13) {
        lineBreak = true;
        pos++;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
        const from = pos;
        pos += 2;
        while (pos < length && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
        comments.push([from, pos]);
      } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
        const from = pos;
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) throw new NotInSubset('unterminated comment', pos);
        pos = close + 2;
        const body = text.slice(from, pos);
        if (body.includes('\n') || body.includes('\r')) lineBreak = true;
        comments.push([from, pos]);
      } else break;
    }
    if (pos >= length) {
      push(SyntaxKind.EndOfFileToken, length, length, full, lineBreak);
      break;
    }
    const s = pos;
    const c = text.charCodeAt(pos);
    if (isWordStart(c)) {
      pos++;
      while (pos < length && isWordPart(text.charCodeAt(pos))) pos++;
      if (pos < length && (text.charCodeAt(pos) > 127 || text.charCodeAt(pos) === 92))
        throw new NotInSubset('non-ASCII identifier', pos);
      value[count] = text.slice(s, pos);
      push(SyntaxKind.Identifier, s, pos, full, lineBreak);
      continue;
    }
    if (c === 39 || c === 34) {
      const [cooked, after] = scanString(text, pos, c);
      value[count] = cooked;
      pos = after;
      push(SyntaxKind.StringLiteral, s, pos, full, lineBreak);
      continue;
    }
    if (isDigit(c)) {
      pos = scanNumber(text, pos);
      value[count] = text.slice(s, pos);
      push(SyntaxKind.NumericLiteral, s, pos, full, lineBreak);
      continue;
    }
    const single = PUNCTUATION[text[pos]!];
    if (single !== undefined) {
      pos++;
      push(single, s, pos, full, lineBreak);
      continue;
    }
    const [k, size] = operator(text, pos);
    pos += size;
    push(k, s, pos, full, lineBreak);
  }
  return {
    count,
    kind,
    fullStart,
    start,
    end,
    lineBreakBefore,
    value,
    comments,
  };
}

/** The operators the subset reads, longest first; anything else (`/`, `%`, `==`, `+=`, `++`, `` ` ``, `@`, `#`…) throws. */
function operator(text: string, pos: number): [number, number] {
  const c = text[pos];
  const next = text[pos + 1];
  const third = text[pos + 2];
  switch (c ?? '') {
    case '.':
      if (next === '.' && third === '.') return [SyntaxKind.DotDotDotToken, 3];
      if (next !== undefined && isDigit(next.charCodeAt(0))) break;
      return [SyntaxKind.DotToken, 1];
    case '=':
      if (next === '>') return [SyntaxKind.EqualsGreaterThanToken, 2];
      if (next === '=' && third === '=') return [SyntaxKind.EqualsEqualsEqualsToken, 3];
      if (next === '=') break;
      return [SyntaxKind.EqualsToken, 1];
    case '!':
      if (next === '=' && third === '=') return [SyntaxKind.ExclamationEqualsEqualsToken, 3];
      if (next === '=') break;
      return [SyntaxKind.ExclamationToken, 1];
    case '?':
      if (next === '?') {
        if (third === '=') break;
        return [SyntaxKind.QuestionQuestionToken, 2];
      }
      if (next === '.' && !(third !== undefined && isDigit(third.charCodeAt(0))))
        return [SyntaxKind.QuestionDotToken, 2];
      return [SyntaxKind.QuestionToken, 1];
    case '&':
      if (next === '&') {
        if (third === '=') break;
        return [SyntaxKind.AmpersandAmpersandToken, 2];
      }
      if (next === '=') break;
      return [SyntaxKind.AmpersandToken, 1];
    case '|':
      if (next === '|') {
        if (third === '=') break;
        return [SyntaxKind.BarBarToken, 2];
      }
      if (next === '=') break;
      return [SyntaxKind.BarToken, 1];
    case '+':
      if (next === '+' || next === '=') break;
      return [SyntaxKind.PlusToken, 1];
    case '-':
      if (next === '-' || next === '=') break;
      return [SyntaxKind.MinusToken, 1];
    case '*':
      if (next === '*' || next === '=' || next === '/') break;
      return [SyntaxKind.AsteriskToken, 1];
  }
  throw new NotInSubset(`character ${JSON.stringify(c)}`, pos);
}

/** A string literal from its opening quote: its unescaped value and the offset after the closing quote. */
function scanString(text: string, from: number, quote: number): [string, number] {
  let pos = from + 1;
  let cooked = '';
  let chunk = pos;
  for (;;) {
    if (pos >= text.length) throw new NotInSubset('unterminated string', from);
    const c = text.charCodeAt(pos);
    if (c === quote) {
      cooked += text.slice(chunk, pos);
      return [cooked, pos + 1];
    }
    if (c === 10 || c === 13) throw new NotInSubset('line break in a string', pos);
    if (c === 92) {
      cooked += text.slice(chunk, pos);
      const [ch, size] = escape(text, pos);
      cooked += ch;
      pos += size;
      chunk = pos;
      continue;
    }
    pos++;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  "'": "'",
  '"': '"',
  '\\': '\\',
};

/** An escape sequence at `pos` (the backslash): its character(s) and its length. */
function escape(text: string, pos: number): [string, number] {
  const c = text[pos + 1];
  if (c === undefined) throw new NotInSubset('escape at the end', pos);
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 2];
  if (c === '0' && !isDigit(text.charCodeAt(pos + 2))) return ['\0', 2];
  const hex = (digits: string) =>
    /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : Number.NaN;
  if (c === 'x') {
    const code = hex(text.slice(pos + 2, pos + 4));
    if (Number.isNaN(code)) throw new NotInSubset('escape', pos);
    return [String.fromCharCode(code), 4];
  }
  if (c === 'u' && text[pos + 2] !== '{') {
    const code = hex(text.slice(pos + 2, pos + 6));
    if (Number.isNaN(code)) throw new NotInSubset('escape', pos);
    return [String.fromCharCode(code), 6];
  }
  // Octal escapes, `\u{…}`, line continuations and escaped non-ASCII are left to TypeScript.
  if (/[0-9u\r\n]/.test(c) || c.charCodeAt(0) > 127) throw new NotInSubset('escape', pos);
  return [c, 2];
}

/** A decimal number (`0`, `12`, `1.5`, `2e10`) from `from`; other forms (hex, `_`, bigint, `01`) throw. */
function scanNumber(text: string, from: number): number {
  let pos = from;
  const digits = () => {
    const at = pos;
    while (isDigit(text.charCodeAt(pos))) pos++;
    return pos - at;
  };
  digits();
  if (text.charCodeAt(from) === 48 && pos - from > 1) throw new NotInSubset('number', from);
  if (text[pos] === '.') {
    pos++;
    digits();
  }
  if (text[pos] === 'e' || text[pos] === 'E') {
    pos++;
    if (text[pos] === '+' || text[pos] === '-') pos++;
    if (digits() === 0) throw new NotInSubset('number', from);
  }
  const after = text.charCodeAt(pos);
  if (isWordPart(after) || after === 46 || after > 127) throw new NotInSubset('number', from);
  return pos;
}
