import { readFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import * as path from 'node:path';
import {
  sendJSON as send,
  startLoopback,
  startSecureLoopback,
  type Received,
} from '../helpers/loopback';

/** What the server writes to: a node:http response, or node:http2's compatibility response. */
interface Response {
  setHeader(name: string, value: string): unknown;
  writeHead(status: number, headers?: OutgoingHttpHeaders): unknown;
  write(chunk: string | Uint8Array): unknown;
  end(): unknown;
  end(chunk: string): unknown;
  on(event: 'close', listener: () => void): unknown;
}

type Listening = {
  baseURL: string;
  setReply: (reply: (req: Received, res: Response) => void) => void;
  close: () => Promise<void>;
};

/**
 * The server `smoke.ts` calls: it answers as the API would, and refuses what a correct client would not send (a
 * missing key, a body of the wrong media type, a query in another style), so a check passes only when the request
 * was right. Each runtime gets a server of its own: `flaky` counts attempts.
 *
 * For a browser: `allowOrigin` makes it answer CORS preflights for that origin (and record them); `secure` serves
 * HTTPS with HTTP/2 (`tls/`'s self-signed certificate), which Chromium needs before it streams a request body.
 */
export async function startSmokeServer(
  options: { allowOrigin?: string; secure?: boolean } = {},
): Promise<{
  url: string;
  /** Each CORS preflight: the path, and the headers it asked to send (`Access-Control-Request-Headers`). */
  preflights: { path: string; headers: string }[];
  close: () => Promise<void>;
}> {
  let flakyAttempts = 0;
  const preflights: { path: string; headers: string }[] = [];
  const tls = (file: string) => readFileSync(path.join(__dirname, 'tls', file));
  const server: Listening = options.secure
    ? await startSecureLoopback({ key: tls('key.pem'), cert: tls('cert.pem') })
    : await startLoopback();
  server.setReply((req, res) => {
    const { allowOrigin } = options;
    if (allowOrigin !== undefined) {
      // CORS as an API that serves pages of `allowOrigin` would answer: any method and header the page asks for,
      // and the response headers the client code reads exposed to it.
      res.setHeader('access-control-allow-origin', allowOrigin);
      res.setHeader(
        'access-control-expose-headers',
        'x-request-id, x-attempt, x-received, retry-after-ms',
      );
      if (req.method === 'OPTIONS') {
        const asked = String(req.headers['access-control-request-headers'] ?? '');
        preflights.push({ path: new URL(req.url, 'http://localhost').pathname, headers: asked });
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PUT, DELETE',
          'access-control-allow-headers': asked,
          'access-control-max-age': '0',
        });
        return void res.end();
      }
    }
    void answer(req, res).catch((e: unknown) => send(res, 500, { error: String(e) }));
  });

  async function answer(req: Received, res: Response): Promise<void> {
    const url = new URL(req.url, 'http://localhost');
    const { body } = req;
    const route = `${req.method} ${url.pathname}`;
    if (url.pathname.startsWith('/v1/') && req.headers.authorization !== 'Bearer sk-smoke')
      return send(res, 401, { error: { message: 'no key' } });
    if (route === 'POST /v1/chat/completions') {
      if (!String(req.headers['content-type']).startsWith('application/json'))
        return send(res, 415, { error: { message: 'not JSON' } });
      const params = JSON.parse(body.toString('utf8')) as { model: string; stream?: boolean };
      if (!params.stream)
        return send(res, 200, completion('c1', 'hello'), { 'x-request-id': 'req_1' });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (params.model === 'endless') return endless(res);
      // Events split across writes, mid-line and mid-character (é is two bytes), with a comment and CRLF endings.
      const event = (text: string) => `data: ${JSON.stringify(chunk(text))}\r\n\r\n`;
      const bytes = Buffer.from(`: ping\n\n${event('Hé')}${event('llo')}data: [DONE]\n\n`, 'utf8');
      const cut = bytes.indexOf(Buffer.from('é')) + 1;
      for (const piece of [bytes.subarray(0, 5), bytes.subarray(5, cut), bytes.subarray(cut)]) {
        res.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return void res.end();
    }
    if (route === 'GET /v1/chat/completions') {
      if (url.searchParams.get('metadata[team]') !== 'a b' || url.searchParams.get('limit') !== '2')
        return send(res, 400, { error: { message: `query ${url.search}` } });
      const after = url.searchParams.get('after');
      const ids = after === null ? ['c1', 'c2'] : after === 'c2' ? ['c3'] : [];
      return send(res, 200, {
        object: 'list',
        data: ids.map((id) => completion(id, id)),
        first_id: ids[0],
        last_id: ids.at(-1),
        has_more: after === null,
      });
    }
    if (route === 'GET /v1/chat/completions/missing')
      return send(res, 404, {
        error: { message: 'No such completion', type: 'invalid_request_error' },
      });
    if (route === 'GET /v1/chat/completions/flaky') {
      flakyAttempts += 1;
      if (flakyAttempts < 3)
        return send(res, 503, { error: { message: 'busy' } }, { 'retry-after-ms': '10' });
      return send(res, 200, completion('flaky', 'ok'), { 'x-attempt': String(flakyAttempts) });
    }
    if (route === 'GET /v1/chat/completions/slow') {
      // Answers after the client has given up; the server closes it at the end.
      return void setTimeout(() => send(res, 200, completion('slow', 'late')), 5_000).unref();
    }
    if (route === 'POST /v1/chat/completions/c1') {
      const params = JSON.parse(body.toString('utf8')) as { metadata: Record<string, string> };
      return send(res, 200, { ...completion('c1', 'hello'), metadata: params.metadata });
    }
    if (route === 'DELETE /v1/chat/completions/c%2F1')
      return send(res, 200, { object: 'chat.completion.deleted', id: 'c/1', deleted: true });
    if (route === 'POST /files') {
      const form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': String(req.headers['content-type']) },
      }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) return send(res, 400, { error: { message: 'no file part' } });
      const name = (file as Blob & { name?: string }).name ?? '';
      const field = (key: string) => {
        const value = form.get(key);
        return typeof value === 'string' ? value : '';
      };
      return send(res, 200, {
        id: [name, file.type, await file.text(), field('purpose'), field('metadata')].join(' '),
      });
    }
    if (route === 'PUT /avatars/u%201') {
      // What arrived, for the client code to report: the media type, the bytes, and how they were sent.
      res.writeHead(204, {
        'x-received': [
          String(req.headers['content-type']),
          body.toString('utf8'),
          // A body of a known length says it; a streamed one is sent without.
          req.headers['content-length'] === undefined ? 'streamed' : 'whole',
        ].join(' '),
      });
      return void res.end();
    }
    return send(res, 404, { error: { message: `no route ${route}` } });
  }

  // Its close ends the connections still open (`slow`'s, a stream the client left).
  return { url: server.baseURL, preflights, close: server.close };
}

function completion(id: string, content: string) {
  return {
    id,
    object: 'chat.completion',
    created: 1,
    model: 'smoke-1',
    choices: [
      {
        index: 0,
        finish_reason: 'stop',
        logprobs: null,
        message: { role: 'assistant', content, refusal: null },
      },
    ],
  };
}

function chunk(content: string) {
  return {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'smoke-1',
    choices: [{ index: 0, finish_reason: null, delta: { content } }],
  };
}

/** Chunks every 10 ms until the client goes away. */
function endless(res: Response): void {
  const timer = setInterval(() => res.write(`data: ${JSON.stringify(chunk('.'))}\n\n`), 10);
  res.on('close', () => clearInterval(timer));
}
