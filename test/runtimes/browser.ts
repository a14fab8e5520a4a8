import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { unpackedPackage } from './runtimes';

/**
 * The browser the generated client is run in: Chromium's headless shell as `@sparticuz/chromium` publishes it to
 * npm (the binary and the shared libraries it needs beyond a Linux base system, brotli-compressed in one package),
 * pinned here and downloaded with `npm pack` into the runtimes' cache on first use, as the runtimes are. It is not a
 * devDependency: every `npm ci` would fetch its 70 MB. Playwright's `playwright-core` drives it (no browser of its
 * own). `CLIENTGEN_CHROMIUM` names another Chromium or Chrome binary (there is no release for macOS or Windows here).
 */
export const CHROMIUM = { name: '@sparticuz/chromium', version: '153.0.0' };

export interface Browser {
  executablePath: string;
  /** What the binary needs in its environment (the bundled libraries' folder). */
  env: Record<string, string>;
  /** Flags it needs beyond Playwright's. */
  args: string[];
}

export function chromium(): Browser {
  const own = process.env.CLIENTGEN_CHROMIUM;
  if (own) return { executablePath: own, env: {}, args: [] };
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `${CHROMIUM.name} has no build for ${process.platform}-${process.arch}: set CLIENTGEN_CHROMIUM to a Chromium or Chrome binary`,
    );
  const dir = unpackedPackage(CHROMIUM.name, CHROMIUM.version, 'chromium', (pkg) => {
    const inflate = (file: string) =>
      brotliDecompressSync(readFileSync(path.join(pkg, 'bin', file)));
    // `al2023.tar` holds lib/ (NSS, expat), `swiftshader.tar` the software GL the GPU thread loads.
    for (const archive of ['al2023.tar', 'swiftshader.tar']) {
      writeFileSync(path.join(pkg, archive), inflate(`${archive}.br`));
      execFileSync('tar', ['xf', archive], { cwd: pkg });
      rmSync(path.join(pkg, archive));
    }
    writeFileSync(path.join(pkg, 'chromium'), inflate('chromium.br'));
    chmodSync(path.join(pkg, 'chromium'), 0o755);
    rmSync(path.join(pkg, 'bin'), { recursive: true });
  });
  return {
    executablePath: path.join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: [path.join(dir, 'lib'), dir].join(':') },
    // No GPU process (the GPU thread in the browser's, with software GL) and no WebGL.
    args: ['--in-process-gpu', '--disable-webgl'],
  };
}
