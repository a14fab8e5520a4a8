import {
  APIError,
  ClientGenError,
  LineDecoder,
  Stream,
  iterSSEEvents,
  type ServerSentEvent,
} from '../../templates/index';
import { collect, fakeFetch, makeClient, sseResponse, streamOf } from './helpers';

/** A recorded stream exercising every feature of the format, with CRLF line endings. */
const RECORDED = [
  ': this is a comment, sent as a keep-alive',
  'event: greeting',
  'data: {"text":"café 🙂"}',
  '',
  'data: {"multi":',
  'data:"line"}',
  '',
  'id: 42',
  'retry: 1000',
  'event: done-soon',
  'data: {"n":3,"s":"ünïcödé ✓"}',
  '',
  ':another comment',
  '',
  'data: [DONE]',
  '',
  '',
].join('\r\n');

const EXPECTED: ServerSentEvent[] = [
  { event: 'greeting', data: '{"text":"café 🙂"}', id: null, raw: [] },
  { event: null, data: '{"multi":\n"line"}', id: null, raw: [] },
  { event: 'done-soon', data: '{"n":3,"s":"ünïcödé ✓"}', id: '42', raw: [] },
  { event: null, data: '[DONE]', id: '42', raw: [] },
];

async function decode(chunks: Uint8Array[]): Promise<ServerSentEvent[]> {
  const events = await collect(iterSSEEvents(streamOf(chunks)));
  return events.map((e) => ({ ...e, raw: [] }));
}

describe('SSE decoding', () => {
  const bytes = new TextEncoder().encode(RECORDED);

  it('decodes the recorded stream in one chunk', async () => {
    expect(await decode([bytes])).toEqual(EXPECTED);
  });

  it('gives identical events whatever byte position the stream is split at', async () => {
    // Covers splits inside 'é' (2 bytes), '🙂' (4 bytes) and between every CR and LF.
    for (let i = 0; i <= bytes.length; i++) {
      const events = await decode([bytes.slice(0, i), bytes.slice(i)]);
      expect({ split: i, events }).toEqual({ split: i, events: EXPECTED });
    }
  });

  it('gives identical events with one byte per chunk', async () => {
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(await decode(chunks)).toEqual(EXPECTED);
  });

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
  ])('accepts %s line endings, split anywhere', async (_name, eol) => {
    const other = new TextEncoder().encode(RECORDED.split('\r\n').join(eol));
    for (let i = 0; i <= other.length; i++) {
      expect(await decode([other.slice(0, i), other.slice(i)])).toEqual(EXPECTED);
    }
  });

  it('keeps the raw lines of each event, and drops an unterminated last event', async () => {
    const events = await collect(iterSSEEvents(streamOf(['event: a\ndata: 1\n\ndata: 2'])));
    expect(events).toEqual([{ event: 'a', data: '1', id: null, raw: ['event: a', 'data: 1'] }]);
  });

  it('does not dispatch an event without data lines, and keeps an empty data line', async () => {
    const events = await collect(iterSSEEvents(streamOf(['event: ping\n\ndata\n\n'])));
    expect(events).toEqual([{ event: null, data: '', id: null, raw: ['data'] }]);
  });

  it('LineDecoder handles a CR at the end of a chunk followed by a lone LF chunk', () => {
    const lines = new LineDecoder();
    expect(lines.decode('a\r')).toEqual(['a']);
    expect(lines.decode('\n')).toEqual([]);
    expect(lines.decode('b\r')).toEqual(['b']);
    expect(lines.decode('c')).toEqual([]);
    expect(lines.flush()).toEqual(['c']);
  });
});

describe('Stream', () => {
  const bytes = new TextEncoder().encode(RECORDED);

  it('yields the JSON data of each event and stops at [DONE] without aborting', async () => {
    const controller = new AbortController();
    const stream = Stream.fromSSEResponse<unknown>(sseResponse([bytes]), controller);
    expect(await collect(stream)).toEqual([
      { text: 'café 🙂' },
      { multi: 'line' },
      { n: 3, s: 'ünïcödé ✓' },
    ]);
    expect(controller.signal.aborted).toBe(false);
  });

  it('can only be iterated once', async () => {
    const stream = Stream.fromSSEResponse<unknown>(sseResponse([bytes]), new AbortController());
    await collect(stream);
    await expect(collect(stream)).rejects.toThrow(ClientGenError);
  });

  it('throws an APIError for an `event: error`', async () => {
    const response = sseResponse([
      'data: {"a":1}\n\n',
      'event: error\ndata: {"error":{"message":"overloaded"}}\n\n',
    ]);
    const seen: unknown[] = [];
    const run = async (): Promise<void> => {
      for await (const item of Stream.fromSSEResponse<unknown>(response, new AbortController()))
        seen.push(item);
    };
    await expect(run()).rejects.toThrow(APIError);
    expect(seen).toEqual([{ a: 1 }]);
  });

  it('throws an APIError (with the body) for data carrying an `error` key', async () => {
    const response = sseResponse([
      'data: {"error":{"message":"bad things","type":"server_error"}}\n\n',
    ]);
    const err: unknown = await collect(
      Stream.fromSSEResponse(response, new AbortController()),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).message).toBe('bad things');
    expect((err as APIError).error).toEqual({
      error: { message: 'bad things', type: 'server_error' },
    });
  });

  it('aborts the request when the loop is left early', async () => {
    const controller = new AbortController();
    let n = 0;
    // An endless event stream, as from a server that keeps generating.
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode(`data: {"n":${n++}}\n\n`));
      },
    });
    const stream = Stream.fromSSEResponse<{ n: number }>(new Response(body), controller);
    for await (const item of stream) {
      if (item.n === 2) break;
    }
    expect(controller.signal.aborted).toBe(true);
  });

  it('tee() gives both consumers every item', async () => {
    const [left, right] = Stream.fromSSEResponse<unknown>(
      sseResponse([bytes]),
      new AbortController(),
    ).tee();
    const expected = [{ text: 'café 🙂' }, { multi: 'line' }, { n: 3, s: 'ünïcödé ✓' }];
    // Read them interleaved and one after the other.
    const [a, b] = await Promise.all([collect(left), collect(right)]);
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
  });

  it('round-trips through toReadableStream() and fromReadableStream()', async () => {
    const original = Stream.fromSSEResponse<unknown>(sseResponse([bytes]), new AbortController());
    const readable = original.toReadableStream();
    const copy = Stream.fromReadableStream<unknown>(readable);
    expect(await collect(copy)).toEqual([
      { text: 'café 🙂' },
      { multi: 'line' },
      { n: 3, s: 'ünïcödé ✓' },
    ]);
  });

  it('is what a `stream: true` call resolves to, requested with accept: text/event-stream', async () => {
    const { fetch, calls } = fakeFetch(() =>
      sseResponse(['data: {"delta":"Hel"}\n\n', 'data: {"delta":"lo"}\n\ndata: [DONE]\n\n']),
    );
    const client = makeClient(fetch);
    const stream = await client.post<Stream<{ delta: string }>>('/chat/completions', {
      body: { stream: true },
      stream: true,
      streamClass: Stream,
    });
    expect(stream).toBeInstanceOf(Stream);
    const text = (await collect(stream)).map((c) => c.delta).join('');
    expect(text).toBe('Hello');
    expect(calls[0]?.headers.get('accept')).toBe('text/event-stream');
  });

  it('is refused, before the body is read, by a call that does not say how to read it', async () => {
    const { fetch } = fakeFetch(() => sseResponse(['data: {"delta":"Hel"}\n\n']));
    await expect(
      makeClient(fetch).post('/chat/completions', { body: { stream: true }, stream: true }),
    ).rejects.toThrow('stream: true needs a streamClass to read the events');
  });

  it('ends the loop quietly when the caller aborts mid-stream', async () => {
    const user = new AbortController();
    const { fetch } = fakeFetch((call) => {
      let n = 0;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          // Like a real fetch: aborting the request errors the body stream with an AbortError.
          call.signal?.addEventListener('abort', () =>
            c.error(new DOMException('aborted', 'AbortError')),
          );
        },
        pull(c) {
          c.enqueue(new TextEncoder().encode(`data: {"n":${n++}}\n\n`));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const stream = await makeClient(fetch).get<Stream<{ n: number }>>('/events', {
      stream: true,
      streamClass: Stream,
      signal: user.signal,
    });
    const seen: number[] = [];
    for await (const item of stream) {
      seen.push(item.n);
      if (item.n === 1) user.abort();
    }
    expect(stream.controller.signal.aborted).toBe(true);
    expect(seen.slice(0, 2)).toEqual([0, 1]);
  });
});
