import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The packages whose code decides the output or the diagnostics besides clientgen's own: a different version of any
 * of them may print other text.
 */
const OUTPUT_PACKAGES = ['prettier', 'ts-morph', 'yaml', 'js-yaml', '@redocly/openapi-core'];

/** clientgen's code: `generator/` when run from the sources, `dist/` from the bundle; and the runtime templates. */
const CODE_DIRS = [path.resolve(__dirname, '..'), path.resolve(__dirname, '../../templates')];

let memo: Promise<string> | undefined;

/**
 * What identifies the running clientgen for the run cache: a SHA-256 of the bytes of its code (the bundle or the
 * TypeScript sources, and the templates) and the versions of the packages that shape its output. A version number
 * alone would not do: in a checkout it stays the same while the code changes. About 1 MB is hashed, once per process.
 */
export function codeIdentity(): Promise<string> {
  memo ??= hashCode(CODE_DIRS, OUTPUT_PACKAGES);
  return memo;
}

/** The hash of every file under `dirs` (by relative path and bytes, in a fixed order) and of the packages' versions. */
export async function hashCode(
  dirs: readonly string[],
  packages: readonly string[],
): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    hash.update(`dir\0${path.basename(dir)}\0`);
    for (const file of await listTree(dir)) {
      hash.update(`${file}\0`);
      hash.update(await readFile(path.join(dir, ...file.split('/'))));
      hash.update('\0');
    }
  }
  for (const name of packages) hash.update(`package\0${name}\0${packageVersion(name)}\0`);
  return hash.digest('hex');
}

/** Files under `dir` as sorted posix paths, without node_modules and dot-folders. */
async function listTree(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string, prefix: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await walk(path.join(at, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile()) found.push(prefix + entry.name);
    }
  };
  await walk(dir, '');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The version in a package's package.json (found from its entry point, as some packages do not export the file). */
function packageVersion(name: string): string {
  try {
    for (let dir = path.dirname(require.resolve(name)); ; dir = path.dirname(dir)) {
      try {
        const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
          name?: unknown;
          version?: unknown;
        };
        if (json.name === name) return String(json.version);
      } catch {
        // No package.json here: look in the parent.
      }
      if (path.dirname(dir) === dir) return 'unknown';
    }
  } catch {
    return 'missing';
  }
}
