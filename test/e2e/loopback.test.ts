/**
 * The generated client against a node:http server on 127.0.0.1, with the real global fetch (no
 * injected fetch): what a mock server cannot do — awkwardly split SSE bodies, retries, timeouts,
 * aborts, refused connections, error bodies, environment variables, pagination cursors.
 */

import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type Logger,
} from '../../generated';
import { sendJSON } from '../helpers/loopback';
import { freePort } from './steady';

const KEY = 'sk-loopback-SECRET-4f9c2a';

type Recorded = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
type Handler = (req: IncomingMessage, res: ServerResponse, recorded: Recorded) => unknown;

let server: Server;
let baseURL: string;
let handler: Handler;
let requests: Recorded[];
/** Every error a test got from the client, to check that none mentions the API key. */
const errors: unknown[] = [];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves with `promise`'s outcome, or rejects after `ms` (the timer is cleared either way). */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error `promise` rejects with (recorded for the API-key check); fails if it resolves. */
async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await within(Promise.resolve(promise), 15_000, 'the client call');
  } catch (err) {
    errors.push(err);
    return err;
  }
  throw new Error('expected the call to fail');
}

function client(options: ConstructorParameters<typeof OpenAI>[0] = {}): OpenAI {
  return new OpenAI({ apiKey: KEY, baseURL: `${baseURL}/v1`, maxRetries: 0, ...options });
}

/** A logger that keeps the waits before retries the client logs (`waiting 10ms before retry 1`), in ms. */
function waitsLogged(): { logger: Logger; waits: number[] } {
  const waits: number[] = [];
  const record = (message: string): void => {
    const wait = /waiting (\d+)ms before retry/.exec(message);
    if (wait) waits.push(Number(wait[1]));
  };
  return { logger: { error: record, warn: record, info: record, debug: record }, waits };
}

function completion(id: string): ChatCompletion {
  return {
    id,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        logprobs: null,
        message: { role: 'assistant', content: 'Hello', refusal: null },
      },
    ],
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(parts).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(handler(req, res, recorded)).catch((err: unknown) => {
        if (!res.headersSent) sendJSON(res, 599, { error: { message: String(err) } });
        else res.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await within(new Promise((resolve) => server.close(resolve)), 5_000, 'closing the server');
});

beforeEach(() => {
  requests = [];
  handler = (_req, res) => sendJSON(res, 500, { error: { message: 'no handler' } });
});

describe('streaming', () => {
  // A recorded stream: role, content deltas (one with a multi-byte character), finish, usage.
  const base = {
    id: 'chatcmpl-s1',
    object: 'chat.completion.chunk' as const,
    created: 1,
    model: 'gpt-4o',
  };
  const chunks: ChatCompletionChunk[] = [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    },
    { ...base, choices: [{ index: 0, delta: { content: 'Héllo' }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: { content: ' 👋 wörld' }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
    {
      ...base,
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
    },
  ];
  const endings = ['\n', '\r\n', '\r', '\n', '\r\n'];
  const sse = Buffer.from(
    ': keep-alive comment\n\n' +
      chunks
        .map((chunk, i) => {
          const eol = endings[i % endings.length] ?? '\n';
          return `${i === 2 ? `id: ${i}${eol}retry: 1000${eol}` : ''}data: ${JSON.stringify(chunk)}${eol}${eol}`;
        })
        .join('') +
      'data: [DONE]\n\n',
    'utf8',
  );

  /** Split points that a naive parser gets wrong: inside UTF-8 characters, between CR and LF, inside `data:`. */
  function awkwardPieces(bytes: Buffer): Buffer[] {
    const cuts = new Set<number>();
    for (let i = 1; i < bytes.length; i++) {
      const byte = bytes[i] ?? 0;
      if (byte >= 0x80 && byte < 0xc0) cuts.add(i); // a UTF-8 continuation byte
      if (bytes[i - 1] === 0x0d && byte === 0x0a) cuts.add(i); // between CR and LF
      if (bytes.subarray(i - 2, i).toString('latin1') === 'da') cuts.add(i); // "da|ta:"
      if (i % 23 === 0) cuts.add(i);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces: Buffer[] = [];
    let start = 0;
    for (const cut of sorted) {
      pieces.push(bytes.subarray(start, cut));
      start = cut;
    }
    pieces.push(bytes.subarray(start));
    return pieces;
  }

  /** Writes the body piece by piece, letting each reach the client on its own. */
  async function writeSlowly(res: ServerResponse, pieces: Buffer[]): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_stream' });
    res.flushHeaders();
    for (const piece of pieces) {
      if (res.destroyed) return;
      res.write(piece);
      await sleep(1);
    }
    res.end();
  }

  test('an SSE body in awkward pieces yields every chunk, and [DONE] ends it', async () => {
    const pieces = awkwardPieces(sse);
    expect(pieces.length).toBeGreaterThan(40);
    handler = (_req, res) => writeSlowly(res, pieces);

    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const received: ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      received.push(chunk);
      if (received.length > 20) break;
    }

    expect(received).toEqual(chunks);
    expect(received.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Héllo 👋 wörld');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['accept']).toBe('text/event-stream');
    expect(JSON.parse(requests[0]?.body ?? '')).toMatchObject({ stream: true });
  });

  test('a stream whose events come further apart than the timeout is read to its end', async () => {
    handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.flushHeaders();
      for (const chunk of chunks.slice(0, 3)) {
        await sleep(250);
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      }
      res.end('data: [DONE]\n\n');
    };
    const stream = await client({ timeout: 100 }).chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    const contents: string[] = [];
    for await (const chunk of stream) contents.push(chunk.choices[0]?.delta.content ?? '');
    expect(contents).toEqual(['', 'Héllo', ' 👋 wörld']);
  });

  test('an error event in the stream throws an APIError', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        `data: ${JSON.stringify(chunks[0])}\n\n` +
          `data: ${JSON.stringify({ error: { message: 'The server is overloaded', type: 'server_error' } })}\n\n`,
      );
    };
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const received: ChatCompletionChunk[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of stream) received.push(chunk);
      })(),
    );
    expect(received).toEqual([chunks[0]]);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain('The server is overloaded');
  });

  test('break mid-stream closes the connection', async () => {
    let socketClosed!: () => void;
    const closed = new Promise<void>((resolve) => (socketClosed = resolve));
    handler = async (req, res) => {
      req.socket.once('close', socketClosed);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // An endless stream, bounded anyway: at most 200 chunks, 10 ms apart.
      for (let i = 0; i < 200 && !res.destroyed; i++) {
        res.write(`data: ${JSON.stringify(chunks[1])}\n\n`);
        await sleep(10);
      }
      res.end();
    };

    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let seen = 0;
    for await (const chunk of stream) {
      expect(chunk).toEqual(chunks[1]);
      if (++seen === 2) break;
    }
    expect(seen).toBe(2);
    expect(stream.controller.signal.aborted).toBe(true);
    await within(closed, 2_000, 'the server to see the socket close');
  });

  test('tee() gives two streams that each receive every chunk', async () => {
    handler = (_req, res) => writeSlowly(res, awkwardPieces(sse));
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const [left, right] = stream.tee();
    const collect = async (
      s: AsyncIterable<ChatCompletionChunk>,
    ): Promise<ChatCompletionChunk[]> => {
      const out: ChatCompletionChunk[] = [];
      for await (const chunk of s) {
        out.push(chunk);
        if (out.length > 20) break;
      }
      return out;
    };
    // One side reads ahead of the other: the items wait in the other side's buffer.
    const first = await collect(left);
    const second = await collect(right);
    expect(first).toEqual(chunks);
    expect(second).toEqual(chunks);
    expect(requests).toHaveLength(1);
  });
});

describe('retries', () => {
  test('429 with retry-after-ms: 10, then 200: success after exactly 2 requests', async () => {
    handler = (_req, res) =>
      requests.length === 1
        ? sendJSON(res, 429, { error: { message: 'Slow down' } }, { 'retry-after-ms': '10' })
        : sendJSON(res, 200, completion('chatcmpl-1'));
    const { logger, waits } = waitsLogged();
    const result = await client({
      maxRetries: 2,
      logger,
      logLevel: 'debug',
    }).chat.completions.retrieve('chatcmpl-1');
    expect(result.id).toBe('chatcmpl-1');
    expect(requests).toHaveLength(2);
    // The server's 10 ms was used, not the 0.5 s backoff (read from the client's log, not from a clock).
    expect(waits).toEqual([10]);
    expect(requests.map((r) => r.headers['x-retry-count'])).toEqual(['0', '1']);
  });

  test('429 without retries left is a RateLimitError', async () => {
    handler = (_req, res) =>
      sendJSON(res, 429, { error: { message: 'Slow down' } }, { 'retry-after-ms': '10' });
    const error = await rejection(client({ maxRetries: 0 }).chat.completions.retrieve('x'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(1);
  });

  test('500, 500, 200: success after 3 requests with maxRetries 2 (exponential backoff)', async () => {
    handler = (_req, res) =>
      requests.length < 3
        ? sendJSON(res, 500, { error: { message: 'boom' } })
        : sendJSON(res, 200, completion('chatcmpl-3'));
    const { logger, waits } = waitsLogged();
    const result = await client({
      maxRetries: 2,
      logger,
      logLevel: 'debug',
    }).chat.completions.retrieve('chatcmpl-3');
    expect(result.id).toBe('chatcmpl-3');
    expect(requests).toHaveLength(3);
    // Backoff of about 0.5 s then 1 s (each up to 25% shorter).
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[0]).toBeLessThanOrEqual(500);
    expect(waits[1]).toBeGreaterThanOrEqual(750);
    expect(waits[1]).toBeLessThanOrEqual(1_000);
  });

  test('500 three times: InternalServerError after 3 attempts', async () => {
    handler = (_req, res) =>
      sendJSON(res, 500, { error: { message: 'still broken' } }, { 'retry-after-ms': '5' });
    const error = await rejection(client({ maxRetries: 2 }).chat.completions.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect((error as InternalServerError).message).toBe('500 still broken');
    expect(requests).toHaveLength(3);
  });

  test('x-should-retry: false on a 500 stops retrying', async () => {
    handler = (_req, res) =>
      sendJSON(res, 500, { error: { message: 'do not retry' } }, { 'x-should-retry': 'false' });
    const error = await rejection(client({ maxRetries: 2 }).chat.completions.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });

  test('x-should-retry: true on a 400 retries it', async () => {
    handler = (_req, res) =>
      requests.length === 1
        ? sendJSON(
            res,
            400,
            { error: { message: 'retry me' } },
            {
              'x-should-retry': 'true',
              'retry-after-ms': '5',
            },
          )
        : sendJSON(res, 200, completion('chatcmpl-4'));
    const result = await client({ maxRetries: 1 }).chat.completions.retrieve('chatcmpl-4');
    expect(result.id).toBe('chatcmpl-4');
    expect(requests).toHaveLength(2);
  });

  test('a retried POST sends the same body again', async () => {
    handler = (_req, res) =>
      requests.length === 1
        ? sendJSON(res, 503, {}, { 'retry-after-ms': '5' })
        : sendJSON(res, 200, completion('chatcmpl-5'));
    await client({ maxRetries: 1 }).chat.completions.update('chatcmpl-5', {
      metadata: { a: 'b' },
    });
    expect(requests).toHaveLength(2);
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(JSON.parse(requests[1]?.body ?? '')).toEqual({ metadata: { a: 'b' } });
  });
});

describe('errors', () => {
  test('404 with an error body: NotFoundError with status, headers, requestID and the parsed body', async () => {
    const body = {
      error: {
        message: 'No chat completion found with id chatcmpl-missing.',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    };
    handler = (_req, res) => sendJSON(res, 404, body, { 'x-request-id': 'req_404abc' });
    const error = await rejection(
      client({ maxRetries: 2 }).chat.completions.retrieve('chatcmpl-missing'),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    const notFound = error as NotFoundError;
    expect(notFound.status).toBe(404);
    expect(notFound.headers?.get('x-request-id')).toBe('req_404abc');
    expect(notFound.requestID).toBe('req_404abc');
    expect(notFound.error).toEqual(body);
    expect(notFound.message).toBe('404 No chat completion found with id chatcmpl-missing.');
    expect(requests).toHaveLength(1); // a 404 is not retried
  });

  test('a hanging response: APIConnectionTimeoutError after timeout 200 (maxRetries 0: 1 attempt)', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const error = await rejection(client({ timeout: 200 }).chat.completions.retrieve('x'));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(requests).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2_000);
  });

  test('a hanging response with maxRetries 1: 2 attempts, then APIConnectionTimeoutError', async () => {
    handler = () => undefined;
    const error = await rejection(
      client({ timeout: 200, maxRetries: 1 }).chat.completions.retrieve('x'),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(requests).toHaveLength(2);
  });

  test('a per-call timeout overrides the client one', async () => {
    handler = () => undefined;
    const started = Date.now();
    const error = await rejection(
      client({ timeout: 60_000 }).chat.completions.retrieve('x', { timeout: 100 }),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('aborting through the signal: APIUserAbortError', async () => {
    handler = () => undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 50);
    const error = await rejection(
      client({ maxRetries: 2 }).chat.completions.retrieve('x', { signal: controller.signal }),
    );
    clearTimeout(timer);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
  });

  test('aborting while the body is arriving: APIUserAbortError', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "chatcmpl-slow", '); // and the rest never comes
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const error = await rejection(
      client().chat.completions.retrieve('x', { signal: controller.signal }),
    );
    clearTimeout(timer);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  test('a body that stalls after the headers: APIConnectionTimeoutError, the connection closed', async () => {
    let closed = false;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      res.write('{"id": "chatcmpl-slow", '); // and the rest never comes
      res.on('close', () => (closed = true));
    };
    // The headers arrived (fetch resolved): the timeout that fired is the body's.
    let answered = 0;
    const fetch = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const response = await globalThis.fetch(url, init);
      answered++;
      return response;
    };
    const error = await rejection(client({ timeout: 300, fetch }).chat.completions.retrieve('x'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(answered).toBe(1);
    // The request was aborted, not left open: the server saw its connection close.
    await sleep(50);
    expect(closed).toBe(true);
  });

  test("an error body that stalls: the status's error, without the body", async () => {
    handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.flushHeaders();
      res.write('{"error": {"message": "par'); // and the rest never comes
    };
    const error = await rejection(client({ timeout: 200 }).chat.completions.retrieve('x'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).error).toBeUndefined();
  });

  test("the body's wait starts when it is read: a promise awaited after the timeout still gets the body", async () => {
    handler = (_req, res) => sendJSON(res, 200, completion('chatcmpl-late'));
    const pending = client({ timeout: 100 }).chat.completions.retrieve('x');
    await sleep(300);
    expect((await pending).id).toBe('chatcmpl-late');
  });

  test('aborting during the wait before a retry: APIUserAbortError, no further request', async () => {
    handler = (_req, res) => sendJSON(res, 500, {}, { 'retry-after-ms': '5000' });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await rejection(
      client({ maxRetries: 2 }).chat.completions.retrieve('x', { signal: controller.signal }),
    );
    clearTimeout(timer);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('connection refused (a closed port): APIConnectionError', async () => {
    const port = await freePort(); // nothing listens there any more
    const error = await rejection(
      new OpenAI({
        apiKey: KEY,
        baseURL: `http://127.0.0.1:${port}/v1`,
        maxRetries: 0,
      }).chat.completions.retrieve('x'),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as APIConnectionError).status).toBeUndefined();
    // fetch's own error is kept as the cause, message and all (it comes from another realm in Jest).
    const cause = (error as APIConnectionError).cause as Error;
    expect(cause.message).toBe('fetch failed');
    expect((cause.cause as { code?: string } | undefined)?.code).toBe('ECONNREFUSED');
  });
});

describe('API key', () => {
  test('is sent as Authorization: Bearer <key>, and not in the URL', async () => {
    handler = (_req, res) => sendJSON(res, 200, completion('chatcmpl-1'));
    await client().chat.completions.retrieve('chatcmpl-1');
    expect(requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(requests[0]?.url).not.toContain(KEY);
  });

  test('a server echoing the key: the AuthenticationError message does not show it', async () => {
    handler = (req, res) =>
      sendJSON(res, 401, {
        error: { message: `Incorrect API key provided: ${String(req.headers['authorization'])}` },
      });
    const error = await rejection(client().chat.completions.retrieve('x'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toBe(
      '401 Incorrect API key provided: Bearer [REDACTED]',
    );
  });

  test('is not shown by console.log or JSON.stringify of the client', async () => {
    const { inspect } = await import('node:util');
    const c = client();
    expect(inspect(c, { depth: 5, showHidden: true })).not.toContain(KEY);
    expect(Object.values(c).map(String).join()).not.toContain(KEY);
  });
});

describe('environment variables', () => {
  test('OPENAI_API_KEY and OPENAI_BASE_URL are used when no options are given', async () => {
    const saved = { key: process.env['OPENAI_API_KEY'], url: process.env['OPENAI_BASE_URL'] };
    const restore = (name: string, value: string | undefined): void => {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    };
    try {
      process.env['OPENAI_API_KEY'] = 'sk-from-env';
      process.env['OPENAI_BASE_URL'] = `${baseURL}/env-base`;
      handler = (_req, res) => sendJSON(res, 200, completion('chatcmpl-env'));
      const result = await new OpenAI().chat.completions.retrieve('chatcmpl-env');
      expect(result.id).toBe('chatcmpl-env');
      expect(requests[0]?.url).toBe('/env-base/chat/completions/chatcmpl-env');
      expect(requests[0]?.headers['authorization']).toBe('Bearer sk-from-env');
    } finally {
      restore('OPENAI_API_KEY', saved.key);
      restore('OPENAI_BASE_URL', saved.url);
    }
  });

  test('options win over the environment', async () => {
    const saved = process.env['OPENAI_API_KEY'];
    try {
      process.env['OPENAI_API_KEY'] = 'sk-from-env';
      handler = (_req, res) => sendJSON(res, 200, completion('chatcmpl-opt'));
      await client().chat.completions.retrieve('chatcmpl-opt');
      expect(requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    } finally {
      if (saved === undefined) delete process.env['OPENAI_API_KEY'];
      else process.env['OPENAI_API_KEY'] = saved;
    }
  });
});

describe('logging and withOptions', () => {
  test('OPENAI_LOG=debug logs the request, the retry and the timings, never the key', async () => {
    const saved = process.env['OPENAI_LOG'];
    const lines: string[] = [];
    const record = (message: string, ...rest: unknown[]): void => {
      lines.push(`${message} ${JSON.stringify(rest)}`);
    };
    const logger = { error: record, warn: record, info: record, debug: record };
    try {
      process.env['OPENAI_LOG'] = 'debug';
      handler = (_req, res) =>
        requests.length === 1
          ? sendJSON(res, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '5' })
          : sendJSON(res, 200, completion('chatcmpl-log'));
      const logged = client({ logger, maxRetries: 1 });
      expect(logged.logLevel).toBe('debug');
      await logged.chat.completions.retrieve('chatcmpl-log');
    } finally {
      if (saved === undefined) delete process.env['OPENAI_LOG'];
      else process.env['OPENAI_LOG'] = saved;
    }
    const all = lines.join('\n');
    expect(all).toMatch(/failed with status 503 in \d+ms - retrying, 1 attempts remaining/);
    expect(all).toMatch(
      /retry 1\] GET http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\/chatcmpl-log succeeded/,
    );
    expect(all).toContain('"authorization":"***"');
    expect(all).not.toContain(KEY);
    expect(requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
  });

  test('withOptions gives a client with its own settings; the original keeps its own', async () => {
    handler = (_req, res) => sendJSON(res, 200, completion('chatcmpl-w'));
    const original = client({ defaultHeaders: { 'x-team': 'core' } });
    const derived = original.withOptions({
      defaultHeaders: { 'x-team': 'billing' },
      timeout: 1_234,
    });
    expect(derived).toBeInstanceOf(OpenAI);
    expect(derived.chat).not.toBe(original.chat);
    await derived.chat.completions.retrieve('chatcmpl-w');
    await original.chat.completions.retrieve('chatcmpl-w');
    expect(requests.map((r) => r.headers['x-team'])).toEqual(['billing', 'core']);
    expect(requests.map((r) => r.headers['authorization'])).toEqual([
      `Bearer ${KEY}`,
      `Bearer ${KEY}`,
    ]);
    expect([derived.timeout, original.timeout]).toEqual([1_234, 600_000]);
  });
});

describe('requests', () => {
  test("path parameter '../x?y' arrives as one encoded segment", async () => {
    handler = (_req, res) => sendJSON(res, 200, completion('../x?y'));
    await client().chat.completions.retrieve('../x?y');
    await client()
      .chat.completions.messages.list('../x?y', { limit: 1 })
      .catch(() => undefined);
    expect(requests[0]?.url).toBe('/v1/chat/completions/..%2Fx%3Fy');
    expect(requests[1]?.url).toBe('/v1/chat/completions/..%2Fx%3Fy/messages?limit=1');
  });

  test('pagination over 3 pages: each next page asks for after = the last id', async () => {
    const all = Array.from({ length: 7 }, (_, i) => completion(`chatcmpl-${i + 1}`));
    handler = (req, res) => {
      const url = new URL(req.url ?? '/', baseURL);
      const after = url.searchParams.get('after');
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = after === null ? 0 : all.findIndex((c) => c.id === after) + 1;
      const data = all.slice(start, start + limit);
      sendJSON(res, 200, {
        object: 'list',
        data,
        first_id: data[0]?.id,
        last_id: data[data.length - 1]?.id,
        has_more: start + limit < all.length,
      });
    };

    const ids: string[] = [];
    for await (const item of client().chat.completions.list({ limit: 3, order: 'asc' })) {
      ids.push(item.id);
      if (ids.length > 20) break;
    }

    expect(ids).toEqual(all.map((c) => c.id));
    expect(requests.map((r) => r.url)).toEqual([
      '/v1/chat/completions?limit=3&order=asc',
      '/v1/chat/completions?limit=3&order=asc&after=chatcmpl-3',
      '/v1/chat/completions?limit=3&order=asc&after=chatcmpl-6',
    ]);

    // Page by page.
    requests = [];
    const first = await client().chat.completions.list({ limit: 3 });
    expect(first.data.map((c) => c.id)).toEqual(['chatcmpl-1', 'chatcmpl-2', 'chatcmpl-3']);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    expect(third.data.map((c) => c.id)).toEqual(['chatcmpl-7']);
    expect(third.has_more).toBe(false);
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(/No next page/);
  });

  test('.asResponse() gives the raw Response; .withResponse() the data and the Response', async () => {
    handler = (_req, res) =>
      sendJSON(res, 200, completion('chatcmpl-raw'), { 'x-request-id': 'req_raw' });

    const response = await client().chat.completions.retrieve('chatcmpl-raw').asResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_raw');
    expect(((await response.json()) as ChatCompletion).id).toBe('chatcmpl-raw');

    const { data, response: raw } = await client()
      .chat.completions.retrieve('chatcmpl-raw')
      .withResponse();
    expect(data.id).toBe('chatcmpl-raw');
    expect(raw.headers.get('x-request-id')).toBe('req_raw');
    expect(raw.bodyUsed).toBe(true);

    const page = await client().chat.completions.list().withResponse();
    expect(page.response.status).toBe(200);
    expect(requests).toHaveLength(3);
  });

  test('default headers, per-call headers, and a null header removes a default one', async () => {
    handler = (_req, res) => sendJSON(res, 200, completion('chatcmpl-h'));
    const c = client({ defaultHeaders: { 'x-app': 'e2e', 'x-drop': 'yes' } });
    await c.chat.completions.retrieve('chatcmpl-h', { headers: { 'x-call': '1', 'x-drop': null } });
    const headers = requests[0]?.headers;
    expect(headers?.['x-app']).toBe('e2e');
    expect(headers?.['x-call']).toBe('1');
    expect(headers?.['x-drop']).toBeUndefined();
  });
});

test('no error message or stack mentions the API key', () => {
  expect(errors.length).toBeGreaterThan(10);
  for (const err of errors) {
    expect(err).toBeInstanceOf(Error);
    const e = err as Error;
    expect(e.message).not.toContain(KEY);
    expect(e.stack ?? '').not.toContain(KEY);
    expect(String(e)).not.toContain(KEY);
  }
});
