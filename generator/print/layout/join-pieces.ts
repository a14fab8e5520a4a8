import type { LaidOut } from './layout-file';

/**
 * The file text from its pieces, each piece's text as printed (laid out, or prettier's output of the fallback
 * statements): one newline between pieces, a blank line where the source had one, one newline at the end.
 */
export function joinPieces(pieces: LaidOut['pieces'], printed: readonly string[]): string {
  let out = '';
  pieces.forEach((piece, i) => {
    if (i > 0) out += piece.blankLineBefore ? '\n\n' : '\n';
    out += printed[i]!.replace(/\n+$/, '');
  });
  return out ? `${out}\n` : '';
}
