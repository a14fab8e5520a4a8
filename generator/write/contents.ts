import { GeneratorBug } from '../errors';
import type { GeneratedFile } from '../output/generated-file';
import { checkRelativePath, comparePaths, sha256 } from './manifest';

/** The files sorted by path; a GeneratorBug for a path or content clientgen should never produce. */
export function validateFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  const folded = new Map<string, string>();
  const paths = new Set(sorted.map((f) => f.path));
  for (const file of sorted) {
    const problem = checkRelativePath(file.path);
    if (problem) throw new GeneratorBug(`generated file path '${file.path}' ${problem}`);
    if (file.contents.includes('\r'))
      throw new GeneratorBug(
        `generated file '${file.path}' contains a carriage return (files are LF only)`,
      );
    const key = file.path.toLowerCase();
    const clash = folded.get(key);
    if (clash !== undefined) {
      throw new GeneratorBug(
        clash === file.path
          ? `generated file '${file.path}' is listed twice`
          : `generated files '${clash}' and '${file.path}' differ only in case (they collide on case-insensitive file systems)`,
      );
    }
    folded.set(key, file.path);
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = segments.slice(0, i).join('/');
      if (paths.has(dir))
        throw new GeneratorBug(`generated file '${dir}' is also the directory of '${file.path}'`);
    }
  }
  return sorted;
}

/** Exactly the contents, or the contents with CRLF line ends (a git checkout with autocrlf): nothing to change. */
export function sameText(bytes: Buffer, contents: string): boolean {
  if (bytes.equals(Buffer.from(contents, 'utf8'))) return true;
  return bytes.includes(13) && normalizeEol(bytes.toString('utf8')) === contents;
}

/** Whether the bytes are one of the contents clientgen wrote (by SHA-256), CRLF line ends aside. */
export function isKnownContent(bytes: Buffer, known: ReadonlySet<string>): boolean {
  if (known.has(sha256(bytes))) return true;
  return bytes.includes(13) && known.has(sha256(normalizeEol(bytes.toString('utf8'))));
}

/** CRLF to LF. */
export function normalizeEol(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
