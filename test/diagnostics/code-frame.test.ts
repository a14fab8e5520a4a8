import { columnWindow, indexLines, renderCodeFrame } from '../../generator/diagnostics/code-frame';

/** The frame of `text` at a position, as formatDiagnostics prints it (no colors). */
function frame(text: string, line: number, column: number): string {
  return renderCodeFrame(text, indexLines(text), { line, column }, false);
}

describe('code frames', () => {
  it('shows short lines whole', () => {
    const text = 'a: 1\nbb: 2\nccc: 3\n';
    expect(frame(text, 2, 2)).toBe('  1 | a: 1\n> 2 | bb: 2\n    |  ^\n  3 | ccc: 3');
  });

  it('cuts a long line around the column, with the caret under the same character', () => {
    // A minified JSON spec: one line, the finding far into it.
    const text = `{"a":"${'x'.repeat(5000)}","here":1,"b":"${'y'.repeat(5000)}"}`;
    const column = text.indexOf('"here"') + 1;
    const printed = frame(text, 1, column);
    const [code, caret] = printed.split('\n') as [string, string];
    expect(code.length).toBeLessThan(200);
    expect(code).toMatch(/^> 1 \| …x+","here":1,"b":"y+…$/);
    // The caret points at the `"` of `"here"`, as it would in the whole line.
    expect(code[caret.indexOf('^')]).toBe('"');
    expect(code.slice(caret.indexOf('^'), caret.indexOf('^') + 6)).toBe('"here"');
  });

  it('cuts no start from a long line whose column is near its start', () => {
    const text = `{"here":1,"b":"${'y'.repeat(1000)}"}`;
    const [code, caret] = frame(text, 1, 2).split('\n') as [string, string];
    expect(code).toMatch(/^> 1 \| \{"here":1,"b":"y+…$/);
    expect(code[caret.indexOf('^')]).toBe('"');
  });

  it('cuts the lines above and below at the same columns', () => {
    const long = (c: string) => c.repeat(1000);
    const text = `${long('a')}\n${long('b')}\n${long('c')}`;
    const lines = frame(text, 2, 500).split('\n');
    expect(lines).toHaveLength(4);
    for (const line of [lines[0], lines[1], lines[3]])
      expect(line).toMatch(/^[ >] \d \| …[abc]{160}…$/);
  });

  it('never splits a surrogate pair', () => {
    for (let pad = 0; pad < 4; pad++) {
      const text = `${'😀'.repeat(400)}${'x'.repeat(pad)}!${'😀'.repeat(400)}`;
      const { text: cut } = columnWindow(text, text.indexOf('!') + 1);
      expect(cut).not.toMatch(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
      );
      expect(cut).toContain('!');
    }
  });
});
