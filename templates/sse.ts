/**
 * Server-sent events parsing, following the WHATWG "event stream interpretation" rules:
 * `data:` lines accumulate (joined with "\n"), a blank line dispatches, `:` starts a comment.
 */

import { LineDecoder, readChunks } from './line-decoder';

/** One dispatched server-sent event. */
export type ServerSentEvent = {
  /** The `event:` field, or null when absent (the spec's default type "message"). */
  event: string | null;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen so far in the stream, or null. */
  id: string | null;
  /** The raw lines that made up this event, for debugging. */
  raw: string[];
};

/** Incremental lines → events decoder. */
export class SSEDecoder {
  #event: string | null = null;
  #data: string[] = [];
  #id: string | null = null;
  #raw: string[] = [];

  /** Feeds one line (without its line ending); returns the event it completes, if any. */
  decode(line: string): ServerSentEvent | null {
    if (line === '') return this.#dispatch();
    this.#raw.push(line);
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    // `retry:` (reconnection delay) and unknown fields are ignored: the client does not reconnect.
    return null;
  }

  #dispatch(): ServerSentEvent | null {
    // Per the spec, an event without any data line is not dispatched (its fields are dropped).
    const event: ServerSentEvent | null = this.#data.length
      ? { event: this.#event, data: this.#data.join('\n'), id: this.#id, raw: this.#raw }
      : null;
    this.#event = null;
    this.#data = [];
    this.#raw = [];
    return event;
  }
}

/** Yields the events of a byte stream. An unterminated last event is dropped, as EventSource does. */
export async function* iterSSEEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const lines = new LineDecoder();
  const events = new SSEDecoder();
  for await (const chunk of readChunks(body)) {
    for (const line of lines.decode(chunk)) {
      const event = events.decode(line);
      if (event) yield event;
    }
  }
  for (const line of lines.flush()) {
    const event = events.decode(line);
    if (event) yield event;
  }
}
