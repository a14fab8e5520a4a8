/**
 * `Stream<Item>`: the result of a `stream: true` call. Iterate it with `for await`; each server-sent
 * event's JSON data is one item, `data: [DONE]` ends it, and leaving the loop early aborts the request.
 */

import { APIError, ClientGenError, isAbortError } from './errors';
import { isRecord, safeJSON } from './json';
import { LineDecoder, readChunks } from './line-decoder';
import { iterSSEEvents } from './sse';

const CONSUMED = 'Cannot iterate over a consumed stream, use `.tee()` to split the stream.';

/** An async iterable of items backed by an HTTP response body; it can be iterated once. */
export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborting it cancels the underlying HTTP request. */
  readonly controller: AbortController;
  readonly #iterator: () => AsyncIterator<Item>;

  constructor(iterator: () => AsyncIterator<Item>, controller: AbortController) {
    this.#iterator = iterator;
    this.controller = controller;
  }

  /** Reads a `text/event-stream` response: one item per event, parsed from its JSON `data`. */
  static fromSSEResponse<Item>(response: Response, controller: AbortController): Stream<Item> {
    let consumed = false;
    async function* iterator(): AsyncGenerator<Item, void, undefined> {
      if (consumed) throw new ClientGenError(CONSUMED);
      consumed = true;
      let done = false;
      try {
        if (!response.body) {
          throw new ClientGenError('Attempted to iterate over a response with no body.');
        }
        for await (const sse of iterSSEEvents(response.body)) {
          if (sse.data === '[DONE]') {
            done = true;
            return;
          }
          if (sse.event === 'error') {
            // Error events may carry plain text; keep it as the error body rather than failing to parse.
            throw new APIError(
              undefined,
              safeJSON(sse.data) ?? sse.data,
              undefined,
              response.headers,
            );
          }
          const data = parseData(sse.data);
          if (isRecord(data) && data['error']) {
            throw new APIError(undefined, data, undefined, response.headers);
          }
          yield data as Item;
        }
        done = true;
      } catch (err) {
        // The request was aborted on purpose (by `controller.abort()` or the caller's signal): just stop.
        if (isAbortError(err)) return;
        throw err;
      } finally {
        // Leaving early (break, return, throw) would otherwise leave the connection open.
        if (!done) controller.abort();
      }
    }
    return new Stream(iterator, controller);
  }

  /** Reads newline-delimited JSON, such as produced by `toReadableStream()` (for example on another machine). */
  static fromReadableStream<Item>(
    stream: ReadableStream<Uint8Array | string>,
    controller: AbortController = new AbortController(),
  ): Stream<Item> {
    let consumed = false;
    async function* iterator(): AsyncGenerator<Item, void, undefined> {
      if (consumed) throw new ClientGenError(CONSUMED);
      consumed = true;
      let done = false;
      try {
        const lines = new LineDecoder();
        for await (const chunk of readChunks(stream)) {
          for (const line of lines.decode(chunk)) if (line) yield parseData(line) as Item;
        }
        for (const line of lines.flush()) if (line) yield parseData(line) as Item;
        done = true;
      } catch (err) {
        if (isAbortError(err)) return;
        throw err;
      } finally {
        if (!done) controller.abort();
      }
    }
    return new Stream(iterator, controller);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.#iterator();
  }

  /** Splits the stream into two that each receive every item (items are buffered until both have read them). */
  tee(): [Stream<Item>, Stream<Item>] {
    const left: Array<Promise<IteratorResult<Item>>> = [];
    const right: Array<Promise<IteratorResult<Item>>> = [];
    const source = this.#iterator();
    const branch = (queue: Array<Promise<IteratorResult<Item>>>): AsyncIterator<Item> => ({
      next: () => {
        if (queue.length === 0) {
          // Pull once from the source and hand the same promise to both sides.
          const result = source.next();
          left.push(result);
          right.push(result);
        }
        return queue.shift() as Promise<IteratorResult<Item>>;
      },
    });
    return [
      new Stream(() => branch(left), this.controller),
      new Stream(() => branch(right), this.controller),
    ];
  }

  /** Converts to a byte stream of newline-delimited JSON (for example to send to a browser). */
  toReadableStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    const source: AsyncIterator<Item, unknown> = this[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        try {
          const { value, done } = await source.next();
          if (done) return ctrl.close();
          ctrl.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
        } catch (err) {
          ctrl.error(err);
        }
      },
      async cancel() {
        await source.return?.();
      },
    });
  }
}

/** Parses one item's JSON, with an error that shows the offending text. */
function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const preview = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    throw new ClientGenError(`Could not parse stream data as JSON: ${preview}`, { cause: err });
  }
}
