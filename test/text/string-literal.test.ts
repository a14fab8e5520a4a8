/**
 * `tsString` (generator/text/string-literal.ts): emit's string literals are the value itself, for any text, and in
 * the quotes prettier prints (print takes a file whose lines fit as final: generator/print/final-text.ts).
 */
import fc from 'fast-check';
import { tsString } from '../../generator/text/string-literal';
import { prettierOf } from '../print/layout/expect-layout';

/** The value a literal stands for, read by JavaScript itself. */
const valueOf = (literal: string): unknown => (0, eval)(literal);

describe('tsString', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`"it's"`, `'"it\\'s"'`],
    ["''\"", `"''\\""`],
    ['back\\slash', "'back\\\\slash'"],
    ['line\nbreak', "'line\\nbreak'"],
    ['\u2028\u2029', "'\\u2028\\u2029'"],
  ])('%j → %s', (value, literal) => {
    expect(tsString(value)).toBe(literal);
  });

  it('stands for the value, in the quotes prettier prints, for any text', async () => {
    const values = fc.sample(
      fc.oneof(
        fc.string({ unit: fc.constantFrom("'", '"', '\\', 'a', ' ', '\n', '\u2028', 'é', '\0') }),
        fc.string({ unit: 'binary' }),
      ),
      { seed: 20261205, numRuns: 300 },
    );
    for (const value of values) {
      const literal = tsString(value);
      expect(valueOf(literal)).toBe(value);
      const statement = `export type A = ${literal};\n`;
      expect(await prettierOf(statement)).toBe(statement);
    }
  });
});
