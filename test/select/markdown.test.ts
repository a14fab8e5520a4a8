/**
 * Spec text in api.md is data: checked against a real Markdown parser (the remark parser inside prettier's
 * markdown plugin), on chosen attacks and on random strings. And api.md is already formatted: prettier's
 * markdown printer leaves every golden api.md as it is.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as markdown from 'prettier/plugins/markdown';
import * as prettier from 'prettier/standalone';
import { markdownCode, markdownText, summarize } from '../../generator/text/markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** prettier's own parse, through its documented debug entry point. */
const debug = (
  prettier as unknown as {
    __debug: { parse(text: string, options: object): Promise<{ ast: MdNode }> };
  }
).__debug;

/** The inline nodes of `- <line>`: the content of the list item's paragraph. */
async function inlineNodes(line: string): Promise<MdNode[]> {
  const { ast } = await debug.parse(`- ${line}\n`, { parser: 'markdown', plugins: [markdown] });
  const list = ast.children ?? [];
  expect(list.map((n) => n.type)).toEqual(['list']);
  const items = list[0]!.children ?? [];
  expect(items).toHaveLength(1);
  const blocks = items[0]!.children ?? [];
  if (blocks.length === 0) return [];
  expect(blocks.map((n) => n.type)).toEqual(['paragraph']);
  return blocks[0]!.children ?? [];
}

const plain = (nodes: MdNode[]) => nodes.map((n) => n.value ?? '').join('');

describe('markdownText', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['*not bold* and __not strong__', '*not bold* and __not strong__'],
    ['~~not struck~~ a | b', '~~not struck~~ a | b'],
    ['$not math$', '$not math$'],
    ['&lt; stays as written', '&lt; stays as written'],
    ['# not a heading', '# not a heading'],
    ['line one\n\n- not a list item\r\n> not a quote', 'line one - not a list item > not a quote'],
    ['C:\\path\\*', 'C:\\path\\*'],
    ['max_tokens and _x_', 'max_tokens and _x_'],
  ])('%j stays text: %j', async (input, text) => {
    const nodes = await inlineNodes(markdownText(input));
    expect(nodes.map((n) => n.type)).toEqual(['text']);
    expect(plain(nodes)).toBe(text);
  });

  it('turns links and images into their text', async () => {
    const nodes = await inlineNodes(
      markdownText('see [the guide](javascript:alert(1)) ![x](y.png)'),
    );
    expect(nodes.map((n) => n.type)).toEqual(['text']);
    expect(plain(nodes)).toBe('see the guide x');
  });

  it('keeps code spans of the spec as code', async () => {
    const nodes = await inlineNodes(markdownText('set `stream: true` to <stream>'));
    expect(nodes.map((n) => [n.type, n.value])).toEqual([
      ['text', 'set '],
      ['inlineCode', 'stream: true'],
      ['text', ' to <stream>'],
    ]);
  });

  it('never lets any string become markup other than text and code', async () => {
    const allowed = new Set(['text', 'inlineCode']);
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          unit: fc.constantFrom(...'ab <>[]()!*_`~$|&;#\\\n-:/'.split('')),
          maxLength: 40,
        }),
        async (s) => {
          const nodes = await inlineNodes(`x ${markdownText(s)}`);
          expect(nodes.filter((n) => !allowed.has(n.type))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('markdownCode', () => {
  it.each(['a | b', 'say `hi`', '``', "'a`b' | 'c'"])(
    '%j is one code span with exactly that text',
    async (text) => {
      const nodes = await inlineNodes(markdownCode(text));
      expect(nodes.map((n) => [n.type, n.value])).toEqual([['inlineCode', text]]);
    },
  );
});

describe('summarize', () => {
  it.each([
    ['First sentence. Second one.', 'First sentence.'],
    ['One paragraph\nover two lines\n\nSecond paragraph', 'One paragraph over two lines'],
    ['Version 1.2 is out', 'Version 1.2 is out'],
    [`${'word '.repeat(40)}end`, `${'word '.repeat(31).trim()}…`],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(summarize(text)).toBe(expected);
  });
});

describe('api.md is already formatted', () => {
  const root = path.resolve(__dirname, '../..');
  const cases = path.join(root, 'test/golden/cases');
  const files = [
    path.join(root, 'generated/api.md'),
    ...readdirSync(cases)
      .map((c) => path.join(cases, c, 'expected/api.md'))
      .filter((f) => existsSync(f)),
  ];

  it('every golden case has one', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [path.relative(root, f), f]))(
    "prettier's markdown printer leaves %s as it is",
    async (_rel, file) => {
      const text = readFileSync(file, 'utf8');
      const formatted = await prettier.format(text, {
        parser: 'markdown',
        plugins: [markdown],
        proseWrap: 'preserve',
        printWidth: 100,
      });
      expect(formatted).toBe(text);
    },
  );
});
