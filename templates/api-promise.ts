/**
 * The promise returned by every API method. Awaiting it gives the parsed body; `.asResponse()` and
 * `.withResponse()` give access to the raw `Response` (status, headers) as in openai-node.
 */

import type { FinalRequestOptions } from './request-options';

/** What the client hands to a parser once a successful response has arrived. */
export type APIResponseProps = {
  response: Response;
  options: FinalRequestOptions;
  /** Aborts the underlying request (used by streams). */
  controller: AbortController;
  /** The URL that was requested (used to resolve relative next-page links). */
  url: string;
  /** The request's timeout (ms), which also bounds the wait for a body read whole (parse.ts); none when absent. */
  timeout?: number;
};

/** Turns a successful response into the value the caller receives. */
export type ResponseParser<T> = (props: APIResponseProps) => T | Promise<T>;

/** A Promise of the parsed body that can also expose the raw Response. The body is parsed at most once. */
export class APIPromise<T> extends Promise<T> {
  #parsed: Promise<T> | undefined;
  readonly #responsePromise: Promise<APIResponseProps>;
  readonly #parse: ResponseParser<T>;

  constructor(responsePromise: Promise<APIResponseProps>, parse: ResponseParser<T>) {
    // The base Promise is never used: `then`/`catch`/`finally` below delegate to the memoized parse.
    super((resolve) => resolve(undefined as T));
    this.#responsePromise = responsePromise;
    // Mark a failure as handled here: it still reaches whoever awaits, even if they await late.
    responsePromise.catch(() => undefined);
    this.#parse = parse;
  }

  /** Derives a promise whose value is `transform` applied to this one's, still exposing the same response. */
  _thenUnwrap<U>(transform: (data: T, props: APIResponseProps) => U | Promise<U>): APIPromise<U> {
    return new APIPromise<U>(this.#responsePromise, async (props) =>
      transform(await this.#parseOnce(), props),
    );
  }

  /** Resolves to the raw Response without reading its body (read it yourself, once). */
  asResponse(): Promise<Response> {
    return this.#responsePromise.then((props) => props.response);
  }

  /** Resolves to both the parsed body and the Response (whose body has then been consumed). */
  async withResponse(): Promise<{ data: T; response: Response }> {
    const [data, response] = await Promise.all([this.#parseOnce(), this.asResponse()]);
    return { data, response };
  }

  /** Parses the response the first time it is asked for and returns the same promise afterwards. */
  #parseOnce(): Promise<T> {
    if (!this.#parsed) this.#parsed = this.#responsePromise.then((props) => this.#parse(props));
    return this.#parsed;
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parseOnce().then(onfulfilled, onrejected);
  }

  override catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<T | R> {
    return this.#parseOnce().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parseOnce().finally(onfinally);
  }
}
