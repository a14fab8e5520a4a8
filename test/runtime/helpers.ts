/** Test doubles for the runtime tests: a recording fake fetch and response builders (no network). */

import { BaseClient, type ClientOptions, type Fetch } from '../../templates/index';

export type RecordedCall = {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
};

type Handler = (call: RecordedCall, index: number) => Response | Promise<Response>;

/** A fake fetch that records each call and answers with `handler`. */
export function fakeFetch(handler: Handler): { fetch: Fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch: Fetch = async (input, init) => {
    const call: RecordedCall = {
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch, calls };
}

/** A fake fetch answering with the given responses in order (the last one repeats). */
export function sequenceFetch(...responses: Array<() => Response>): {
  fetch: Fetch;
  calls: RecordedCall[];
} {
  return fakeFetch((_call, i) => {
    const make = responses[Math.min(i, responses.length - 1)];
    if (!make) throw new Error('sequenceFetch needs at least one response');
    return make();
  });
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A byte stream that emits the given chunks, then closes. */
export function streamOf(chunks: Array<Uint8Array | string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

/** A `text/event-stream` response whose body is delivered in the given chunks. */
export function sseResponse(chunks: Array<Uint8Array | string>): Response {
  return new Response(streamOf(chunks), {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
  });
}

/** A client talking to the fake fetch, with retries off unless asked for. */
export function makeClient(fetch: Fetch, options: Partial<ClientOptions> = {}): BaseClient {
  return new BaseClient({
    baseURL: 'https://api.example.test/v1',
    apiKey: 'sk-test-secret-key',
    maxRetries: 0,
    fetch,
    ...options,
  });
}

/** Collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
