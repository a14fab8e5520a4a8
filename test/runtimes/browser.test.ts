/**
 * The generated client in a browser: the client code `runtimes.test.ts` runs on each runtime, bundled the same way,
 * run by a page in headless Chromium (`browser.ts` pins and downloads it), Firefox and WebKit (the machine's), and by
 * a web worker, and calling the smoke server from another origin, as a web app calls an API: every call goes through
 * CORS, with the preflights the browser decides on. It must see what Node sees, and the browser must ask only for the
 * headers each call needs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startLoopback } from '../helpers/loopback';
import { launch } from './browser';
import { EXPECTED, buildSmokeBundle } from './smoke-client';
import { startSmokeServer } from './smoke-server';
import { launchWebKit } from './webkit';

/**
 * The pages. Each keeps the bundle's line (its first `console.log`) in `window.result`, and what went wrong in
 * `window.errors`, for any driver to read: `/page` runs the bundle itself, `/worker` a module worker that runs it
 * (`?api=` passed on to it) and posts the line back.
 */
const KEEP = `window.errors = [];
addEventListener('error', (e) => errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));`;
const PAGES: Record<string, string> = {
  '/page': `<script>${KEEP}
const log = console.log;
console.log = (line) => { window.result ??= String(line); log(line); };
</script><script type="module">import '/smoke.mjs';</script>`,
  '/worker': `<script>${KEEP}
const worker = new Worker('/smoke-worker.mjs' + location.search, { type: 'module' });
worker.onmessage = (e) => { window.result ??= e.data; };
worker.onerror = (e) => errors.push('worker: ' + String(e.message));
</script>`,
};
const WORKER = `const log = console.log;
console.log = (line) => { postMessage(String(line)); log(line); };
await import('/smoke.mjs');`;

/** A browser as the test uses it: it opens a page and gives the line the page keeps. */
interface Driven {
  run(url: string): Promise<string>;
  close(): Promise<void>;
}

const BROWSERS = ['Chromium', 'Firefox', 'WebKit'] as const;
type BrowserName = (typeof BROWSERS)[number];

async function start(name: BrowserName): Promise<Driven> {
  if (name === 'WebKit') {
    const webkit = await launchWebKit();
    return {
      run: async (url) => {
        await webkit.goto(url);
        const until = Date.now() + 60_000;
        for (;;) {
          const result = await webkit.evaluate('return window.result ?? null');
          if (typeof result === 'string') return result;
          if (Date.now() > until)
            throw new Error(
              `the page printed no result\n${JSON.stringify(await webkit.evaluate('return window.errors'))}`,
            );
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      close: () => webkit.close(),
    };
  }
  const browser = await launch(name);
  return {
    run: async (url) => {
      // A context of its own: no cache or preflight kept from another test.
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        await page.goto(url);
        const result = await page
          .waitForFunction('window.result', { timeout: 60_000 })
          .catch(async (e: unknown) => {
            const errors = await page.evaluate('window.errors');
            throw new Error(`the page printed no result: ${String(e)}\n${JSON.stringify(errors)}`);
          });
        return String(await result.jsonValue());
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

let dir: string;
const browsers = new Map<BrowserName, Driven>();
/** Serves the pages and the bundle: the app's origin. */
let site: Awaited<ReturnType<typeof startLoopback>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clientgen-browser-'));
  const bundle = readFileSync(await buildSmokeBundle(path.join(dir, 'bundler')), 'utf8');
  site = await startLoopback();
  site.setReply((req, res) => {
    const { pathname } = new URL(req.url, site.baseURL);
    const [type, body] =
      pathname === '/smoke.mjs'
        ? ['text/javascript', bundle]
        : pathname === '/smoke-worker.mjs'
          ? ['text/javascript', WORKER]
          : ['text/html', `<!doctype html>${PAGES[pathname] ?? ''}`];
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  for (const name of BROWSERS) browsers.set(name, await start(name));
}, 180_000);

afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(
  BROWSERS.flatMap((name) => [
    [name, 'a page', '/page'],
    [name, 'a web worker', '/worker'],
  ]),
)('in %s, in %s', (name, _where, pagePath) => {
  it('the bundled client code sees what it sees on Node, calling an API on another origin, but for the chat client refusing a browser', async () => {
    const api = await startSmokeServer({ allowOrigin: site.baseURL, secure: true });
    try {
      const line = await browsers
        .get(name)!
        .run(`${site.baseURL}${pagePath}?api=${encodeURIComponent(api.url)}`);
      expect(JSON.parse(line)).toEqual({
        ...EXPECTED,
        // The chat client's spec says `x-clientgen.browser: opt-in`, as openai-node refuses a browser.
        guarded: {
          error: 'ClientGenError',
          message:
            'This client does not run in a browser by default: its credentials would be readable by anyone who ' +
            'loads the page. If they are meant to be public, or a proxy adds them, pass { dangerouslyAllowBrowser: true }.',
        },
        // Firefox and WebKit cannot send a stream as a request body: the client reads it whole first (uploads.ts).
        ...(name !== 'Chromium' && { streamBody: 'application/octet-stream png! whole' }),
      });
      // The browser asks before a call only for what the call itself needs: the key and a body's media type (not a
      // header of the client's own, which an API's CORS settings would have to list). The multipart upload, with no
      // key, needs nothing: an API that allows any origin and answers no preflight takes it.
      const asked = new Set(api.preflights.map((p) => `${p.path} ${p.headers}`));
      expect([...asked].sort()).toEqual([
        '/avatars/u%201 content-type',
        '/v1/chat/completions authorization',
        '/v1/chat/completions authorization,content-type',
        '/v1/chat/completions/c%2F1 authorization',
        '/v1/chat/completions/c1 authorization,content-type',
        '/v1/chat/completions/flaky authorization',
        '/v1/chat/completions/missing authorization',
        '/v1/chat/completions/slow authorization',
      ]);
    } finally {
      await api.close();
    }
  }, 120_000);
});
