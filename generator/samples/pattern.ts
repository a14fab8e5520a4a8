/**
 * A string matching a regular expression, for the common shapes of `pattern` in specs (anchors, literals,
 * `\d \w \s`, classes, groups with alternatives, quantifiers). Undefined when the pattern is beyond it or the
 * result does not match: the caller then falls back to an example.
 */
export function sampleFromPattern(pattern: string, minLength = 0): string | undefined {
  let out: string;
  let writer: PatternWriter;
  try {
    writer = new PatternWriter(pattern);
    out = writer.sequence();
    // Too short: written again, with the shortfall repeated in the first quantifiers that allow more
    // (`[A-Za-z0-9_/.-]{0,63}` of AppSync's ARNs, where padding the end breaks the `{26}$` after it).
    if (out.length < minLength) {
      writer = new PatternWriter(pattern, minLength - out.length);
      out = writer.sequence();
    }
  } catch {
    return undefined;
  }
  if (matches(pattern, out)) return out;
  // Lookaheads (a password's `(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%])`) are written as nothing: what each asks for is
  // put at the start of the text, in place of as many characters, or before it.
  const wanted = writer.lookaheads.join('');
  if (!wanted) return undefined;
  return [wanted + out.slice(wanted.length), wanted + out].find((text) => matches(pattern, text));
}

/** Whether `text` matches `pattern` as a JSON Schema validator reads it (ECMA-262, unanchored). */
export function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    try {
      return new RegExp(pattern).test(text);
    } catch {
      return false;
    }
  }
}

class Unsupported extends Error {}

const ESCAPES: Record<string, string> = { d: '1', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };

class PatternWriter {
  private at = 0;
  /** What each positive lookahead met so far asks for, written as its inner pattern (`.*[A-Z]` → `aA`). */
  readonly lookaheads: string[] = [];
  /** `grow`: characters still to add, in quantifiers that allow more than they are written with. */
  constructor(
    private readonly source: string,
    private grow = 0,
  ) {}

  /** Alternatives up to `)` or the end: the first one is written. */
  sequence(): string {
    let out = '';
    while (this.at < this.source.length) {
      const c = this.source[this.at]!;
      if (c === ')') return out;
      if (c === '|') {
        this.skipAlternatives();
        return out;
      }
      if (c === '^' || c === '$') {
        this.at++;
        continue;
      }
      const atom = this.atom();
      out += this.repeat(atom);
    }
    return out;
  }

  private skipAlternatives(): void {
    let depth = 0;
    for (; this.at < this.source.length; this.at++) {
      const c = this.source[this.at];
      if (c === '\\') this.at++;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return;
        depth--;
      }
    }
  }

  private atom(): string {
    const c = this.source[this.at++]!;
    if (c === '\\') return this.escape();
    if (c === '.') return 'a';
    if (c === '[') return this.charClass();
    if (c === '(') {
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (this.source.startsWith('?=', this.at)) {
        this.at += 2;
        // Written as short as it can be: the length to grow goes to the text itself.
        const grow = this.grow;
        this.grow = 0;
        const wanted = this.sequence();
        this.grow = grow;
        if (this.source[this.at++] !== ')') throw new Unsupported('unclosed group');
        this.lookaheads.push(wanted);
        return '';
      } else if (this.source.startsWith('?!', this.at)) {
        // A negative lookahead (amplify's domain labels, `(?!-)[A-Za-z0-9-]{0,62}`) is written as nothing: what the
        // rest writes seldom starts with what it forbids, and the text is checked against the whole pattern.
        this.at += 2;
        const grow = this.grow;
        this.grow = 0;
        this.sequence();
        this.grow = grow;
        if (this.source[this.at++] !== ')') throw new Unsupported('unclosed group');
        return '';
      } else if (this.source[this.at] === '?') throw new Unsupported('lookaround');
      const inner = this.sequence();
      if (this.source[this.at++] !== ')') throw new Unsupported('unclosed group');
      return inner;
    }
    if ('*+?{'.includes(c)) throw new Unsupported('quantifier without atom');
    return c;
  }

  private escape(): string {
    const c = this.source[this.at++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    if (c in ESCAPES) return ESCAPES[c]!;
    if (/[bB]/.test(c)) return '';
    // `\u002F`, `\x2F`: the character they name.
    const code = (c === 'u' ? /^[0-9a-fA-F]{4}/ : c === 'x' ? /^[0-9a-fA-F]{2}/ : undefined)?.exec(
      this.source.slice(this.at),
    );
    if (code) {
      this.at += code[0].length;
      return String.fromCharCode(parseInt(code[0], 16));
    }
    if (/[0-9pPuxk]/.test(c)) throw new Unsupported(`\\${c}`);
    return c;
  }

  /** The first character a class allows (a negated class: the first of a few common ones it does not exclude). */
  private charClass(): string {
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const start = this.at;
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      if (this.source[this.at] === '\\') this.at++;
      this.at++;
    }
    const body = this.source.slice(start, this.at);
    this.at++;
    if (negated) {
      for (const candidate of 'a1A-_ .') if (matches(`^[^${body}]$`, candidate)) return candidate;
      throw new Unsupported('negated class');
    }
    const first = body[0] === '\\' ? (ESCAPES[body[1] ?? ''] ?? body[1]) : body[0];
    if (first === undefined) throw new Unsupported('empty class');
    return first;
  }

  /** `x?` and `x*` write one `x` (as good as none, and keeps a group the rest may need); `{n,m}` writes n (at least 1). */
  private repeat(atom: string): string {
    const q = this.source[this.at];
    if (q === '?' || q === '*' || q === '+') {
      this.at++;
      if (this.source[this.at] === '?' || this.source[this.at] === '+') this.at++;
      return this.grown(atom, 1, q === '?' ? 1 : Infinity);
    }
    if (q !== '{') return atom;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (!m) return atom;
    this.at += m[0].length;
    if (this.source[this.at] === '?') this.at++;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    return this.grown(atom, Math.min(Math.max(min, 1), max), max);
  }

  /** `count` copies of `atom`, and more (up to `max`) while the sample must grow. */
  private grown(atom: string, count: number, max: number): string {
    if (this.grow > 0 && atom.length > 0 && max > count) {
      const more = Math.min(max - count, Math.ceil(this.grow / atom.length));
      this.grow -= more * atom.length;
      count += more;
    }
    return atom.repeat(count);
  }
}
