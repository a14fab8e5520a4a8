/**
 * Splits a byte stream into text lines. Chunks may end anywhere: inside a multi-byte UTF-8 character
 * (TextDecoder's streaming mode keeps the partial bytes) or between the CR and LF of a CRLF.
 */

/** Incremental bytes → lines decoder accepting LF, CRLF and lone CR line endings. */
export class LineDecoder {
  readonly #text = new TextDecoder('utf-8');
  #buffer = '';
  /** The previous chunk ended with CR: a LF at the start of the next one belongs to the same line ending. */
  #pendingCR = false;

  /** Decodes one chunk and returns the lines it completes (without their line endings). */
  decode(chunk: Uint8Array | string): string[] {
    const text = typeof chunk === 'string' ? chunk : this.#text.decode(chunk, { stream: true });
    return this.#split(text);
  }

  /** Ends the input: returns the last line if it had no line ending. */
  flush(): string[] {
    const lines = this.#split(this.#text.decode());
    if (this.#buffer) lines.push(this.#buffer);
    this.#buffer = '';
    this.#pendingCR = false;
    return lines;
  }

  #split(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.#pendingCR && text.startsWith('\n')) start = 1;
    if (text.length > 0) this.#pendingCR = false;
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      lines.push(this.#buffer + text.slice(start, i));
      this.#buffer = '';
      if (code === 13) {
        if (i + 1 === text.length) this.#pendingCR = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    this.#buffer += text.slice(start);
    return lines;
  }
}

/** Iterates the chunks of a ReadableStream (with a reader, since not every browser makes streams async-iterable). */
export async function* readChunks<T>(
  stream: ReadableStream<T>,
): AsyncGenerator<T, void, undefined> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Stopping early (break, error) cancels the body so the connection is released.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
