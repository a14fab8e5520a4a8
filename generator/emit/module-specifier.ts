import * as path from 'node:path';

/**
 * The import path from one output file to another: `./chat-completion` for bundlers, `./chat-completion.js`
 * for `moduleResolution: nodenext`; a folder's `index.ts` is named explicitly under nodenext.
 */
export function moduleSpecifier(
  fromFile: string,
  toFile: string,
  style: 'bundler' | 'nodenext',
): string {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile).replace(/\.ts$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  if (style === 'nodenext') return `${rel}.js`;
  return rel.replace(/\/index$/, '') || '.';
}
