/**
 * A node:http server on 127.0.0.1 that records each request's method, URL, headers and exact body bytes,
 * and a way to load a client generated from a golden case's spec, so tests can call it through its own
 * methods with the real global fetch.
 */

import { rmSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import * as path from 'node:path';
import { generateTree, writeTempTree } from './generate';

export type Received = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type Reply<Res = ServerResponse> = (req: Received, res: Res) => void;

export type Loopback<Res = ServerResponse> = {
  baseURL: string;
  received: Received[];
  setReply: (reply: Reply<Res>) => void;
  close: () => Promise<void>;
};

/** Starts a server answering with `reply` (204 by default); `received` lists every request. */
export async function startLoopback(): Promise<Loopback> {
  let reply: Reply = noContent;
  const received: Received[] = [];
  const server = createServer(recording(received, () => reply));
  const port = await listen(server);
  return {
    baseURL: `http://127.0.0.1:${port}`,
    received,
    setReply: (r) => (reply = r),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * `startLoopback` over TLS, speaking HTTP/2 only (a browser streams a request body only over HTTP/2, and speaks it
 * only over TLS), with the certificate given.
 */
export async function startSecureLoopback(tls: {
  key: Buffer;
  cert: Buffer;
}): Promise<Loopback<Http2ServerResponse>> {
  let reply: Reply<Http2ServerResponse> = noContent;
  const received: Received[] = [];
  const server = createSecureServer(
    tls,
    recording(received, () => reply),
  );
  const sockets = new Set<TLSSocket>();
  server.on('secureConnection', (socket: TLSSocket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    baseURL: `https://127.0.0.1:${port}`,
    received,
    setReply: (r) => (reply = r),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function noContent(
  _req: Received,
  res: { writeHead(status: number): unknown; end(): unknown },
): void {
  res.writeHead(204);
  res.end();
}

/** A request handler that reads each request whole, records it, and answers it with the reply of the moment. */
function recording<Res>(received: Received[], reply: () => Reply<Res>) {
  return (req: IncomingMessage | Http2ServerRequest, res: Res): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(r);
      reply()(r, res);
    });
  };
}

/** Listens on a free port of 127.0.0.1; the port. */
async function listen(server: Server | Http2SecureServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Answers with `body` as JSON, on a node:http response or node:http2's compatibility one. */
export function sendJSON(
  res: {
    writeHead(status: number, headers: OutgoingHttpHeaders): unknown;
    end(chunk: string): unknown;
  },
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Generates the client of `test/golden/cases/<name>/spec.yaml` into a temporary folder and loads its
 * index (jest transpiles it like any TypeScript file). The type parameter is the module's shape. The folder is
 * removed once loaded: the client's modules import each other statically, so all are loaded by then.
 */
export async function loadGoldenClient<T>(name: string): Promise<T> {
  const spec = path.resolve(__dirname, '../golden/cases', name, 'spec.yaml');
  const { tree } = await generateTree(spec);
  const dir = writeTempTree(tree, `clientgen-${name}-`);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a generated module, loaded at run time
    return require(path.join(dir, 'index.ts')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One part of a multipart/form-data body. */
export type Part = {
  name: string | undefined;
  filename: string | undefined;
  contentType: string | undefined;
  body: Buffer;
};

/** Parses a multipart body by the boundary its `Content-Type` names (RFC 7578), bytes kept exact. */
export function parseMultipart(contentType: string | undefined, body: Buffer): Part[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType ?? '')?.[2];
  if (!boundary) throw new Error(`no boundary in ${String(contentType)}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at !== 0) throw new Error('the body does not start with the boundary');
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') {
      if (body.subarray(start).toString() !== '--\r\n')
        throw new Error('bytes after the last part');
      return parts;
    }
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw new Error('unterminated multipart body');
    // Each part: CRLF, headers, CRLF CRLF, contents, CRLF, then the next delimiter.
    const raw = body.subarray(start + 2, next - 2);
    const split = raw.indexOf('\r\n\r\n');
    const headers = raw.subarray(0, split).toString().split('\r\n');
    const header = (n: string) =>
      headers
        .find((h) => h.toLowerCase().startsWith(`${n}:`))
        ?.slice(n.length + 1)
        .trim();
    const disposition = header('content-disposition') ?? '';
    parts.push({
      name: /\bname="([^"]*)"/.exec(disposition)?.[1],
      filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1],
      contentType: header('content-type'),
      body: raw.subarray(split + 4),
    });
    at = next;
  }
}
