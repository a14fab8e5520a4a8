import { GeneratorBug } from '../../errors';

/**
 * A string builder with the few layout rules of code-block-writer (ts-morph's writer) that the structure printer
 * relies on: blocks, indentation at the start of a line, "a blank line unless there is one". It writes text as given
 * (code-block-writer scans every character to track strings and comments, which is what made `printStructure` slow);
 * only the first line of a multi-line text is indented, so a multi-line string or template literal stays as written.
 */
export class TextWriter {
  private out = '';
  private depth = 0;
  /** The last two characters written ('' before any). */
  private last = '';
  private beforeLast = '';
  /** The last character written other than whitespace ('' before any). */
  private lastSolid = '';
  /** Nothing but a line break written since the current block (or the text) began. */
  private firstLineOfBlock = true;
  /** What WriterFunctions are given (`writerFunctionTarget`), made once per text. */
  private target: unknown;

  /** Writes `text`, indenting it when it starts a line. */
  write(text: string): this {
    if (!text) return this;
    if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
    if ((this.last === '\n' || this.last === '') && text[0] !== '\n')
      this.push('  '.repeat(this.depth));
    this.push(text);
    if (text.includes('\n')) this.firstLineOfBlock = false;
    return this;
  }

  newLine(): this {
    this.push('\n');
    this.firstLineOfBlock = false;
    return this;
  }

  newLineIfLastNot(): this {
    return this.isLastNewLine() ? this : this.newLine();
  }

  blankLine(): this {
    return this.newLineIfLastNot().newLine();
  }

  blankLineIfLastNot(): this {
    return this.isLastBlankLine() ? this : this.blankLine();
  }

  spaceIfLastNot(): this {
    return this.last === ' ' ? this : this.write(' ');
  }

  /** `{`, the block's lines one level deeper, `}`. */
  inlineBlock(body: () => void): this {
    this.write('{');
    this.newLineIfLastNot();
    this.depth++;
    this.firstLineOfBlock = true;
    body();
    this.firstLineOfBlock = false;
    this.depth--;
    return this.newLineIfLastNot().write('}');
  }

  isLastNewLine(): boolean {
    return this.last === '\n';
  }

  isLastBlankLine(): boolean {
    return this.last === '\n' && this.beforeLast === '\n';
  }

  /** At the start of a block (or of the text), before anything but its opening line break. */
  isAtStartOfFirstLineOfBlock(): boolean {
    return this.firstLineOfBlock && (this.last === '\n' || this.last === '');
  }

  /** Whether the last character other than whitespace is `}` (ts-morph puts a blank line after a block). */
  isLastSolidCloseBrace(): boolean {
    return this.lastSolid === '}';
  }

  /** The writer a WriterFunction statement is given: see `writerFunctionTarget`. */
  forWriterFunction(): unknown {
    return (this.target ??= writerFunctionTarget(this));
  }

  toString(): string {
    return this.out;
  }

  /** The length of the text written so far. */
  get length(): number {
    return this.out.length;
  }

  private push(text: string): void {
    if (!text) return;
    this.out += text;
    if (text.length === 1) {
      this.beforeLast = this.last;
      this.last = text;
    } else {
      this.beforeLast = text[text.length - 2]!;
      this.last = text[text.length - 1]!;
    }
    const solid = lastSolidChar(text);
    if (solid) this.lastSolid = solid;
  }
}

/** The last character of `text` that is not whitespace, or ''. */
function lastSolidChar(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    // What ts-morph counts as whitespace here: space, \t \n \v \f \r, no-break space, line and paragraph separators.
    if (c !== 32 && !(c >= 9 && c <= 13) && c !== 0xa0 && c !== 0x2028 && c !== 0x2029)
      return text[i]!;
  }
  return '';
}

/**
 * The writer a WriterFunction statement (`emit/spaced.ts`) is given: only the calls emit makes are there (each
 * returns the writer, for chained calls); any other reaches the prototype, a Proxy that throws a GeneratorBug naming
 * it, rather than text silently missing. The calls are own properties, so they never go through the Proxy.
 */
function writerFunctionTarget(writer: TextWriter): unknown {
  const missing = new Proxy(
    {},
    {
      get(_target, key) {
        throw new GeneratorBug(
          `a WriterFunction statement uses writer.${String(key)}, which the structure printer does not provide`,
        );
      },
    },
  );
  const target = Object.create(missing) as Record<string, (...args: unknown[]) => unknown>;
  const calls: Record<string, () => void> = {
    blankLineIfLastNot: () => writer.blankLineIfLastNot(),
    newLineIfLastNot: () => writer.newLineIfLastNot(),
    blankLine: () => writer.blankLine(),
    newLine: () => writer.newLine(),
  };
  for (const [name, call] of Object.entries(calls))
    target[name] = (...args: unknown[]) => {
      if (args.length)
        throw new GeneratorBug(`writer.${name} called with arguments in a WriterFunction`);
      call();
      return target;
    };
  return target;
}
