import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../e2e/steady';
import { isExecutable, onPath } from './browser';

/**
 * WebKit, Safari's engine, as Debian's WebKitGTK publishes it: `MiniBrowser` driven by `WebKitWebDriver` (package
 * `webkit2gtk-driver`) over classic WebDriver, on a virtual X display (`Xvfb`, package `xvfb`), since WebKitGTK has
 * no headless mode. `.ci/run` installs them. It shares Safari's engine (WebCore's `fetch` and streams,
 * JavaScriptCore), not Safari's network stack (libsoup here, CFNetwork there). Puppeteer drives no WebKit, and
 * Playwright only its own build, from its own servers: the five WebDriver calls the test needs (status, new
 * session, navigate, execute, end) are made here.
 */
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export interface WebKit {
  /** Loads `url` in the browser's one window. */
  goto(url: string): Promise<void>;
  /** Runs `script` (a function body) in the page and returns what it returns. */
  evaluate(script: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function launchWebKit(): Promise<WebKit> {
  const driverBinary = onPath('WebKitWebDriver');
  const xvfb = onPath('Xvfb');
  const browser = process.env.CLIENTGEN_MINIBROWSER ?? MINIBROWSER;
  if (!driverBinary || !xvfb || !isExecutable(browser))
    throw new Error(
      'no WebKitGTK: install `webkit2gtk-driver` and `xvfb` (Debian, as .ci/run does), or set CLIENTGEN_MINIBROWSER to a WebKitGTK MiniBrowser',
    );
  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children.reverse()) child.kill();
  };
  try {
    // `-displayfd 3`: Xvfb takes a free display and writes its number to fd 3 once it accepts clients.
    const x = spawn(xvfb, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x800x24'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    children.push(x);
    const display = `:${(await firstLine(x.stdio[3] as NodeJS.ReadableStream, 'Xvfb')).trim()}`;
    const port = await freePort();
    const driver = spawn(driverBinary, [`--port=${port}`], {
      stdio: 'ignore',
      env: { ...process.env, DISPLAY: display },
    });
    children.push(driver);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => (await call(base, 'GET', '/status')) !== undefined,
      'WebKitWebDriver',
    );
    const session = (await call(base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          // The test's server has its own certificate (`tls/`).
          acceptInsecureCerts: true,
          'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
        },
      },
    })) as { sessionId: string };
    const at = `/session/${session.sessionId}`;
    return {
      goto: async (url) => void (await call(base, 'POST', `${at}/url`, { url })),
      evaluate: (script) => call(base, 'POST', `${at}/execute/sync`, { script, args: [] }),
      close: async () => {
        await call(base, 'DELETE', at).catch(() => undefined);
        stop();
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** One WebDriver command: its `value`, or an error with WebDriver's message. */
async function call(base: string, method: string, url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(base + url, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  const { value } = (await response.json()) as { value: unknown };
  if (!response.ok) {
    const { error, message } = value as { error?: string; message?: string };
    throw new Error(`WebDriver ${method} ${url}: ${error ?? response.status}: ${message ?? ''}`);
  }
  return value;
}

async function waitFor(ready: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    if (await ready().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what} did not start in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function firstLine(stream: NodeJS.ReadableStream, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    stream.on('end', () => reject(new Error(`${what} exited before it was ready`)));
  });
}
