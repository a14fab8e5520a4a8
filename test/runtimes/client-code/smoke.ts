/**
 * Client code that `runtimes.test.ts` runs on each runtime and `browser.test.ts` in Chromium. The tests put it in a
 * folder beside the committed chat client (`./generated`) and the `uploads` golden case's client (`./uploads`),
 * type-check the folder under the strictest flags (not the project's tsconfig: these imports resolve only there)
 * and bundle it into one ES module. It calls the test's server (its URL is the first argument, or the page's `?api=`
 * in a browser); each check records what the caller saw, or the error's class and message, and the module prints
 * them as one JSON line (to the console, in a browser). It uses nothing but the clients and the platform's globals,
 * as code in a browser, Deno or Bun would.
 */
import OpenAI, {
  APIConnectionTimeoutError,
  APIUserAbortError,
  ClientGenError,
  NotFoundError,
} from './generated';
import UploadsClient, { toFile } from './uploads';

declare const Deno: { args: string[] } | undefined;
declare const process: { argv: string[] } | undefined;
declare const location: { search: string };

// The server's URL: the first argument, or in a browser the page's `?api=`.
const url =
  typeof Deno !== 'undefined'
    ? Deno.args[0]!
    : typeof process !== 'undefined'
      ? process.argv[2]!
      : new URLSearchParams(location.search).get('api')!;
// The chat client refuses a browser without `dangerouslyAllowBrowser` (`x-clientgen.browser: opt-in`).
const client = new OpenAI({
  apiKey: 'sk-smoke',
  baseURL: `${url}/v1`,
  maxRetries: 2,
  dangerouslyAllowBrowser: true,
});
const uploads = new UploadsClient({ baseURL: url });
const messages = [{ role: 'user' as const, content: 'hi' }];

const checks: Record<string, () => Promise<unknown>> = {
  async guarded() {
    return new OpenAI({ apiKey: 'sk-smoke', baseURL: `${url}/v1` }).maxRetries;
  },
  async create() {
    const { data, response } = await client.chat.completions
      .create({ model: 'smoke-1', messages })
      .withResponse();
    return [data.id, data.choices[0]?.message.content, response.headers.get('x-request-id')];
  },
  async stream() {
    const stream = await client.chat.completions.create({
      model: 'smoke-1',
      messages,
      stream: true,
    });
    const text: string[] = [];
    for await (const chunk of stream) text.push(chunk.choices[0]?.delta.content ?? '');
    return text;
  },
  async streamLeftEarly() {
    const stream = await client.chat.completions.create({
      model: 'endless',
      messages,
      stream: true,
    });
    let seen = 0;
    for await (const _chunk of stream) if (++seen === 3) break;
    return [seen, stream.controller.signal.aborted];
  },
  async pages() {
    const ids: string[] = [];
    for await (const completion of client.chat.completions.list({
      limit: 2,
      metadata: { team: 'a b' },
    }))
      ids.push(completion.id);
    return ids;
  },
  async notFound() {
    return client.chat.completions.retrieve('missing');
  },
  async retried() {
    const { data, response } = await client.chat.completions.retrieve('flaky').withResponse();
    return [data.id, response.headers.get('x-attempt')];
  },
  async timeout() {
    return client.chat.completions.retrieve('slow', { timeout: 100, maxRetries: 0 });
  },
  async aborted() {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    return client.chat.completions.retrieve('slow', { signal: controller.signal });
  },
  async update() {
    const updated = await client.chat.completions.update('c1', { metadata: { k: 'v' } });
    return updated.metadata;
  },
  async deleted() {
    const deleted = await client.chat.completions.delete('c/1');
    return [deleted.id, deleted.deleted];
  },
  async upload() {
    const file = await toFile(new TextEncoder().encode('hi'), 'hi.txt', { type: 'text/plain' });
    return (await uploads.files.create({ file, purpose: 'batch', metadata: { k: 'v' } })).id;
  },
  async blobBody() {
    const blob = new Blob(['png!'], { type: 'image/png' });
    const { response } = await uploads.avatars.update('u 1', blob).withResponse();
    return response.headers.get('x-received');
  },
  async streamBody() {
    // A body sent as a stream (Node's fetch wants `duplex: 'half'` for it), in two chunks.
    const bytes = new TextEncoder().encode('png!');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 2));
        controller.enqueue(bytes.slice(2));
        controller.close();
      },
    });
    const { response } = await uploads.avatars.update('u 1', body).withResponse();
    return response.headers.get('x-received');
  },
};

async function run(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      results[name] = await check();
    } catch (e) {
      const err = e as Error;
      const kind =
        err instanceof NotFoundError
          ? 'NotFoundError'
          : err instanceof APIConnectionTimeoutError
            ? 'APIConnectionTimeoutError'
            : err instanceof APIUserAbortError
              ? 'APIUserAbortError'
              : err instanceof ClientGenError
                ? 'ClientGenError'
                : `unexpected ${err.constructor.name}`;
      results[name] = { error: kind, message: err.message };
    }
  }
  return results;
}

void run().then((results) => console.log(JSON.stringify(results)));
