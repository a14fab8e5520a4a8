import { accessSync, chmodSync, constants, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import puppeteer, { type Browser as Driven } from 'puppeteer-core';
import { unpackedPackage } from './runtimes';

/**
 * Chromium, the one browser the test downloads: its headless shell as `@sparticuz/chromium` publishes it to npm (the
 * binary and the shared libraries it needs beyond a Linux base system, brotli-compressed in one package), pinned
 * here and downloaded with `npm pack` into the runtimes' cache on first use, as the runtimes are. It is not a
 * devDependency: every `npm ci` would fetch its 70 MB. `CLIENTGEN_CHROMIUM` names another Chromium or Chrome binary
 * (there is no release for macOS or Windows here).
 */
export const CHROMIUM = { name: '@sparticuz/chromium', version: '153.0.0' };

export interface Browser {
  executablePath: string;
  /** What the binary needs in its environment (the bundled libraries' folder). */
  env: Record<string, string>;
  /** Flags it needs. */
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

/**
 * Firefox as the machine has it: `CLIENTGEN_FIREFOX`, else `firefox-esr` or `firefox` on the PATH. Mozilla publishes
 * no build to npm, and Playwright drives only its own patched Firefox (from its CDN), so the test takes the stock one:
 * `.ci/run` installs Debian's `firefox-esr`.
 */
export function firefox(): Browser {
  const executablePath =
    process.env.CLIENTGEN_FIREFOX ?? onPath('firefox-esr') ?? onPath('firefox');
  if (executablePath) return { executablePath, env: {}, args: [] };
  throw new Error(
    'no Firefox on the PATH: install one (`apt-get install firefox-esr` on Debian, as .ci/run does) or set CLIENTGEN_FIREFOX to its binary',
  );
}

/**
 * Starts a browser headless with Puppeteer (`puppeteer-core`: no browser of its own), which drives Chromium over
 * the DevTools protocol and a stock Firefox over WebDriver BiDi. Certificates are not checked: the test's server has
 * its own (`tls/`).
 */
export async function launch(name: 'Chromium' | 'Firefox'): Promise<Driven> {
  const { executablePath, env, args } = name === 'Chromium' ? chromium() : firefox();
  const start = () =>
    puppeteer.launch({
      browser: name === 'Chromium' ? 'chrome' : 'firefox',
      executablePath,
      // Chromium's sandbox refuses to start as root (a CI container); the page loads only the test's own code.
      args: name === 'Chromium' ? [...args, '--no-sandbox'] : args,
      env: { ...process.env, ...env },
      acceptInsecureCerts: true,
      headless: true,
      timeout: 60_000,
    });
  // A browser process killed while it starts (`Code: null`, once in a CI run of 2026-12-06 beside the other suites;
  // the same launch alone then passed) says nothing of the client: it is started once more, and says so.
  try {
    return await start();
  } catch (e) {
    console.warn(
      `${name} did not start (${String(e).split('\n')[0] ?? ''}): starting it once more`,
    );
    return start();
  }
}

/** The first executable file named `name` in a folder of the `PATH`. */
export function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutable);
}

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
