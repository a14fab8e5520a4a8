/**
 * The generated client in a browser: the client code `runtimes.test.ts` runs on each runtime, bundled the same way,
 * run by a page in headless Chromium (`browser.ts` pins and downloads it) and Firefox (the machine's), and by a web
 * worker, and calling the smoke server from another origin, as a web app calls an API: every call goes through CORS,
 * with the preflights the browser decides on. It must see what Node sees, and the browser must ask only for the
 * headers each call needs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { startLoopback } from '../helpers/loopback';
import { launch } from './browser';
import { EXPECTED, buildSmokeBundle } from './smoke-client';
import { startSmokeServer } from './smoke-server';

/** What each page runs: the bundle itself, or a worker that runs it (`?api=` passed on to it). */
const PAGES: Record<string, string> = {
  '/page': "import '/smoke.mjs';",
  '/worker': "new Worker('/smoke.mjs' + location.search, { type: 'module' });",
};

const BROWSERS = ['Chromium', 'Firefox'] as const;

let dir: string;
const browsers = new Map<(typeof BROWSERS)[number], Browser>();
/** Serves the page and the bundle: the app's origin. */
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
        : ['text/html', `<!doctype html><script type="module">${PAGES[pathname] ?? ''}</script>`];
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  for (const name of BROWSERS) browsers.set(name, await launch(name));
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
    const context = await browsers.get(name)!.createBrowserContext();
    const page = await context.newPage();
    try {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      // The first line the page or its worker logs.
      const logged = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the page printed no result\n${errors.join('\n')}`)),
          60_000,
        );
        page.on('console', (message) => {
          if (message.type() !== 'log') return;
          clearTimeout(timer);
          resolve(message.text());
        });
      });
      await page.goto(`${site.baseURL}${pagePath}?api=${encodeURIComponent(api.url)}`);
      expect(JSON.parse(await logged)).toEqual({
        ...EXPECTED,
        // The chat client's spec says `x-clientgen.browser: opt-in`, as openai-node refuses a browser.
        guarded: {
          error: 'ClientGenError',
          message:
            'This client does not run in a browser by default: its credentials would be readable by anyone who ' +
            'loads the page. If they are meant to be public, or a proxy adds them, pass { dangerouslyAllowBrowser: true }.',
        },
        // Firefox cannot send a stream as a request body: the client reads it whole first (uploads.ts).
        ...(name === 'Firefox' && { streamBody: 'application/octet-stream png! whole' }),
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
      await context.close();
      await api.close();
    }
  }, 120_000);
});
