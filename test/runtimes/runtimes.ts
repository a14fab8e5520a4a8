import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The JavaScript runtimes a generated client is run on besides the one running the tests, each the release its
 * project publishes to npm (a platform's binary in one package), pinned here as a lockfile would pin it. They are
 * not devDependencies: Node's package would put a second `node` in `node_modules/.bin`, ahead of the one npm's
 * scripts run on. The first test that needs one downloads it with `npm pack` (which checks the tarball against the
 * registry's integrity) into `node_modules/.cache/clientgen-runtimes/`.
 */
export interface Runtime {
  /** What the tests call it: `node 18`, `bun`, `deno`. */
  label: string;
  /** The command that runs a JavaScript module (`<binary> <args> file.mjs`). */
  args: readonly string[];
  /**
   * For a runtime that runs TypeScript itself: the command that runs a client generated with `--import-style ts`
   * as it is (`<binary> <typescript> smoke.ts`).
   */
  typescript?: readonly string[];
  /**
   * For a runtime the generator itself runs on (package.json's `engines`, and Bun and Deno): the command that runs
   * the clientgen CLI, a CommonJS script that reads the spec and writes the output (`<binary> <generator>
   * bin/clientgen.js generate …`).
   */
  generator?: readonly string[];
  /** The package for this platform, and the binary's path inside it. */
  packageFor(platform: string, arch: string): { name: string; binary: string } | undefined;
  version: string;
}

const nodeRelease = (version: string): Runtime => ({
  label: `node ${version.slice(0, version.indexOf('.'))}`,
  args: [],
  version,
  packageFor: (platform, arch) =>
    (platform === 'linux' || platform === 'darwin') && (arch === 'x64' || arch === 'arm64')
      ? { name: `node-${platform}-${arch}`, binary: 'bin/node' }
      : undefined,
});

export const RUNTIMES: readonly Runtime[] = [
  // The oldest Node the runtime supports (README: Node 18+), and the active LTS; the tests run on the machine's.
  // The generator needs Node 20 or 22+ (package.json's `engines`: what its dependencies declare), not 18.
  nodeRelease('18.20.8'),
  // Node 24 erases TypeScript's types itself (type stripping, on by default since 23.6 and 22.18).
  { ...nodeRelease('24.21.0'), typescript: [], generator: [] },
  {
    label: 'bun',
    args: ['run'],
    typescript: ['run'],
    generator: ['run'],
    version: '1.4.5',
    packageFor: (platform, arch) =>
      (platform === 'linux' || platform === 'darwin') && (arch === 'x64' || arch === 'arm64')
        ? {
            name: `@oven/bun-${platform}-${arch === 'arm64' ? 'aarch64' : 'x64'}`,
            binary: 'bin/bun',
          }
        : undefined,
  },
  {
    label: 'deno',
    // A module that reads the environment and opens sockets needs both permissions, as a user's would.
    args: ['run', '--quiet', '--allow-env', '--allow-net'],
    typescript: ['run', '--quiet', '--allow-env', '--allow-net'],
    // The generator reads the spec (and its `$ref`s) and the environment, and writes the output and its caches:
    // no network (a spec named by a URL would need `--allow-net`), no subprocess.
    generator: ['run', '--quiet', '--allow-read', '--allow-write', '--allow-env'],
    version: '2.9.6',
    packageFor: (platform, arch) =>
      platform === 'linux' && (arch === 'x64' || arch === 'arm64')
        ? { name: `@deno/linux-${arch}-glibc`, binary: 'deno' }
        : platform === 'darwin' && (arch === 'x64' || arch === 'arm64')
          ? { name: `@deno/darwin-${arch}`, binary: 'deno' }
          : undefined,
  },
];

const ROOT = path.join(__dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/clientgen-runtimes');

/** The path of `runtime`'s binary for this machine, downloaded and unpacked on first use. */
export function binaryOf(runtime: Runtime): string {
  const pkg = runtime.packageFor(process.platform, process.arch);
  if (!pkg)
    throw new Error(
      `no ${runtime.label} release for ${process.platform}-${process.arch} is named in test/runtimes/runtimes.ts`,
    );
  return path.join(unpackedPackage(pkg.name, runtime.version, pkg.binary), pkg.binary);
}

/**
 * The folder of npm package `name@version` unpacked into the cache, downloaded on first use. `ready`, a path in the
 * package, is there once it is whole; `prepare` may add files to the package's folder before it is put in place.
 */
export function unpackedPackage(
  name: string,
  version: string,
  ready: string,
  prepare?: (dir: string) => void,
): string {
  const dir = path.join(CACHE, `${name.replace('/', '+')}@${version}`, 'package');
  if (existsSync(path.join(dir, ready))) return dir;
  mkdirSync(CACHE, { recursive: true });
  // Unpacked beside, then renamed into place: a download cut short leaves no half a package behind.
  const staging = mkdtempSync(path.join(CACHE, '.unpacking-'));
  try {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', staging], {
        cwd: staging,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { filename: string }[];
    const tarball = path.join(staging, packed!.filename);
    execFileSync('tar', ['xzf', tarball, '-C', staging]);
    rmSync(tarball);
    prepare?.(path.join(staging, 'package'));
    renameSync(staging, path.dirname(dir));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    // Another run (a second jest beside this one) put it in place first.
    if (existsSync(path.join(dir, ready))) return dir;
    throw new Error(
      `could not download ${name}@${version} from the npm registry: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
  return dir;
}
