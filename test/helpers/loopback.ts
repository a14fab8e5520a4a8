/**
 * A node:http server on 127.0.0.1 that records each request's method, URL, headers and exact body bytes,
 * and a way to load a client generated from a golden case's spec, so tests can call it through its own
 * methods with the real global fetch.
 */

import { rmSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { generateTree, writeTempTree } from './generate';

export type Received = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
};

export type Reply = (req: Received, res: ServerResponse) => void;

/** Starts a server answering with `reply` (204 by default); `received` lists every request. */
export async function startLoopback(): Promise<{
  baseURL: string;
  received: Received[];
  setReply: (reply: Reply) => void;
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  let reply: Reply = (_req, res) => {
    res.writeHead(204);
    res.end();
  };
  const server = createServer((req, res) => {
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
      reply(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
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
