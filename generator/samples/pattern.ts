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

/**
 * Whether `text` matches `pattern` as a JSON Schema validator reads it (ECMA-262, unanchored). A pattern with a
 * repeated group that repeats inside (beezup's URLs, `([\/\w \.-]*)*\/?$`) backtracks exponentially on a text that
 * fails late: V8 took minutes on its own 110-character example, and `generate --tests` never ended. Such a pattern is
 * run as it is on texts of up to `NESTED_LIMIT` characters only; a longer one is run on `atomicPattern`'s form of it,
 * and counts as not matching where there is none (the sampler then writes a value of its own from the pattern).
 */
export function matches(pattern: string, text: string): boolean {
  if (text.length > NESTED_LIMIT && nestedRepeat(pattern)) {
    // Longer texts are run on the pattern with its nested repeats made atomic: what that matches, the pattern does.
    const atomic = atomicPattern(pattern);
    return atomic !== undefined && test(atomic, text);
  }
  return test(pattern, text);
}

function test(pattern: string, text: string): boolean {
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

/**
 * `pattern` with each group that repeats without bound and holds a repeat of its own made atomic, as
 * `(?=(?<cgN>…))\k<cgN>` (the group matches the first way it can, and a later failure does not try it again), and
 * every other group made non-capturing (the names are then the only captures). An atomic group keeps one of the ways
 * the group could match, so a text the result matches, the pattern matches too; the converse fails only where a
 * repeat must stop short of what it could take (`(a+)*a`), and the sampler then falls back as it did. It runs
 * without the nested repeat's backtracking without end: AWS's ARNs (`arn:aws(-[\w]+)*:…`, 42 such patterns in 28
 * directory specs, each written longer than `NESTED_LIMIT`) were never found to match. Undefined for a pattern with
 * a backreference (its groups are renumbered), a nested repeat in a lookbehind or a negative lookahead, or a group
 * this does not read.
 */
export function atomicPattern(pattern: string): string | undefined {
  return repeatsOf(pattern).atomic;
}

/** What `repeatsOf` read of a pattern: whether it repeats a repetition, and its atomic form (`atomicPattern`). */
interface Repeats {
  nested: boolean;
  atomic: string | undefined;
}

const repeats = new Map<string, Repeats>();

/** One read of `pattern` for `nestedRepeat` and `atomicPattern`, outside classes and escapes; remembered per pattern. */
function repeatsOf(pattern: string): Repeats {
  const known = repeats.get(pattern);
  if (known) return known;
  let out = '';
  let names = 0;
  let nested = false;
  // False once the pattern has something the atomic form cannot be written for; the read goes on for `nested`.
  let writable = true;
  // For each open group: where it starts in `out`, whether something in it repeats without bound, and whether it
  // is in a lookbehind (read from right to left, where a backreference is met before its group) or a negative
  // lookaround (where a group that matches less lets more through).
  const open: { at: number; inner: boolean; kept: boolean }[] = [
    { at: 0, inner: false, kept: false },
  ];
  const quantifierAt = (i: number): string =>
    /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(pattern.slice(i))?.[0] ?? '';
  const unbounded = (quantifier: string): boolean => /^[*+]|,\}/.test(quantifier);
  /** Copies the quantifier after position `i`, if any; the number of characters it took. */
  const quantified = (i: number): number => {
    const quantifier = quantifierAt(i + 1);
    out += quantifier;
    if (unbounded(quantifier)) open[open.length - 1]!.inner = true;
    return quantifier.length;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!next || /[1-9k]/.test(next)) writable = false;
      out += c + next;
      i++;
      i += quantified(i);
    } else if (c === '[') {
      const start = i;
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      if (i >= pattern.length) writable = false;
      out += pattern.slice(start, i + 1);
      i += quantified(i);
    } else if (c === '(') {
      const group = /^\((\?:|\?=|\?!|\?<=|\?<!|\?<[A-Za-z_$][\w$]*>|(?!\?))/.exec(pattern.slice(i));
      if (!group) writable = false;
      const opening = group?.[0] ?? '(';
      const around = /^\(\?<?[=!]$/.test(opening);
      const kept = around && opening !== '(?=';
      open.push({ at: out.length, inner: false, kept: kept || open.some((g) => g.kept) });
      // Lookarounds as written; every other group without its capture.
      out += around ? opening : '(?:';
      i += opening.length - 1;
    } else if (c === ')' && open.length > 1) {
      const group = open.pop()!;
      const quantifier = quantifierAt(i + 1);
      const parent = open[open.length - 1]!;
      if (group.inner && unbounded(quantifier)) {
        nested = true;
        if (group.kept) writable = false;
        const body = `${out.slice(group.at)})${quantifier}`;
        out = `${out.slice(0, group.at)}(?=(?<cg${names}>${body}))\\k<cg${names}>`;
        names++;
      } else out += `)${quantifier}`;
      if (group.inner || unbounded(quantifier)) parent.inner = true;
      i += quantifier.length;
    } else if (c === ')') {
      writable = false;
      out += c;
    } else if (c === '|' || c === '^' || c === '$') out += c;
    else {
      out += c;
      i += quantified(i);
    }
  }
  const read = { nested, atomic: writable && open.length === 1 ? out : undefined };
  repeats.set(pattern, read);
  return read;
}

/** The longest text a pattern with a nested repeat is run on (2^24 backtracking steps at worst: well under a second). */
const NESTED_LIMIT = 24;

/**
 * Whether a group that repeats without bound (`*`, `+`, `{n,}`) holds something that does too: `(a*)*`, `(\w+\s?)+`.
 * Read outside classes and escapes.
 */
export function nestedRepeat(pattern: string): boolean {
  return repeatsOf(pattern).nested;
}

class Unsupported extends Error {}

const ESCAPES: Record<string, string> = {
  d: '1',
  w: 'a',
  s: ' ',
  D: 'a',
  W: '-',
  S: 'a',
  // Control escapes (AWS IoT's Firehose separator, `([\n\t])|(\r\n)|(,)`): the character, not the letter.
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
  v: '\v',
};

/**
 * A character of a Unicode property class (`\p{L}`, `\p{N}`: AWS's tag keys, `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`),
 * read as the `u` flag reads it; other properties are left to an example.
 */
const PROPERTIES: Record<string, string> = {
  L: 'a',
  Letter: 'a',
  Ll: 'a',
  Lu: 'A',
  N: '1',
  Nd: '1',
  Number: '1',
  Z: ' ',
  Zs: ' ',
  P: '.',
  S: '+',
};

/** The character of a `\p{Name}` escape written from `at` (the `p`), and the escape's length after the backslash. */
function propertyEscape(source: string, at: number): [string, number] | undefined {
  const m = /^p\{([A-Za-z_]+)\}/.exec(source.slice(at));
  const c = m ? PROPERTIES[m[1]!] : undefined;
  return m && c !== undefined ? [c, m[0].length] : undefined;
}

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
    const property = c === 'p' ? propertyEscape(this.source, this.at - 1) : undefined;
    if (property) {
      this.at += property[1] - 1;
      return property[0];
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
    const first =
      body[0] !== '\\'
        ? body[0]
        : (ESCAPES[body[1] ?? ''] ?? propertyEscape(body, 1)?.[0] ?? body[1]);
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
