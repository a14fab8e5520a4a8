import * as path from 'node:path';
import type { ImportStyle } from '../plan/types';

/**
 * The import path from one output file to another: `./chat-completion` for bundlers, `./chat-completion.js`
 * for `moduleResolution: nodenext`, `./chat-completion.ts` for `ts`; a folder's `index.ts` is named explicitly but
 * for bundlers.
 */
export function moduleSpecifier(fromFile: string, toFile: string, style: ImportStyle): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const extension = EXTENSIONS[style];
  if (extension) return `${rel}${extension}`;
  return rel.replace(/\/index$/, '') || '.';
}

/** The extension each import style writes on a relative import (none for bundlers). */
export const EXTENSIONS: Readonly<Record<ImportStyle, string>> = {
  bundler: '',
  nodenext: '.js',
  ts: '.ts',
};
