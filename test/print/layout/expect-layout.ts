import * as estree from 'prettier/plugins/estree';
import * as babel from 'prettier/plugins/babel';
import * as prettier from 'prettier/standalone';
import { joinPieces } from '../../../generator/print/layout/join-pieces';
import { ts } from 'ts-morph';
import {
  layoutFile,
  parseWithCompiler,
  type LaidOut,
  type ParsedFile,
} from '../../../generator/print/layout/layout-file';
import { parseSubset } from '../../../generator/print/layout/parse-subset';
import { PRETTIER_OPTIONS } from '../../../generator/print/prettier-options';

/** The tree print lays a file out from: the subset parser's, or the compiler's for a file outside the subset. */
export const parsedFile = (text: string): ParsedFile =>
  parseSubset(text) ?? parseWithCompiler(ts, text);

/** Prettier's output of a snippet, with clientgen's options. */
export const prettierOf = (text: string): Promise<string> =>
  prettier.format(text, { ...PRETTIER_OPTIONS, plugins: [estree, babel] });

/** The layout of a snippet, every statement laid out (none left to prettier), and prettier's output of it. */
export async function laidOutAndPrettier(
  text: string,
): Promise<{ laid: LaidOut; actual: string; expected: string }> {
  const laid = layoutFile(text, parsedFile(text));
  const actual = joinPieces(
    laid.pieces,
    laid.pieces.map((p) => p.text),
  );
  return { laid, actual, expected: await prettierOf(text) };
}

/** Asserts that the layout handles every statement of `text` and prints exactly what prettier prints. */
export async function expectPrettierLayout(text: string): Promise<void> {
  const { laid, actual, expected } = await laidOutAndPrettier(text);
  expect(laid.pieces.filter((p) => !p.formatted).map((p) => p.text)).toEqual([]);
  expect(actual).toBe(expected);
}

/** `n` characters of `a`, for lines of an exact width. */
export const filler = (n: number): string => 'a'.repeat(n);
