/**
 * Error classes thrown by the client. Every error the client raises on purpose is a `ClientGenError`;
 * errors about an HTTP exchange are an `APIError` (with a subclass per common status code), like openai-node.
 */

/** Base class of every error thrown on purpose by this client. */
export class ClientGenError extends Error {
  override name = 'ClientGenError';

  /**
   * `options.cause` becomes the standard `error.cause`. It is set here rather than passed to `Error`,
   * whose two-argument form needs the ES2022 lib: projects compiling with an ES2020 lib use this code too.
   */
  constructor(message?: string, options?: { cause?: unknown }) {
    super(message);
    // As `new Error(message, { cause })` does: an own, non-enumerable property, set only when given.
    if (options && 'cause' in options) {
      Object.defineProperty(this, 'cause', {
        value: options.cause,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }
}

/**
 * An error about an API call: an error status, an error event in a stream, or a failed connection.
 * The type parameters narrow the fields in subclasses (`NotFoundError['status']` is `404`), as in openai-node.
 */
export class APIError<
  TStatus extends number | undefined = number | undefined,
  THeaders extends Headers | undefined = Headers | undefined,
  TError extends ErrorBody | undefined = ErrorBody | undefined,
> extends ClientGenError {
  override name = 'APIError';
  /** The HTTP status of the response, or undefined when there was no response. */
  readonly status: TStatus;
  /** The headers of the response, or undefined when there was no response. */
  readonly headers: THeaders;
  /** The response body: parsed JSON when possible, else the raw text (undefined when empty). */
  readonly error: TError;
  /** `error.code` (or `code`) from the body, when it is a string. */
  readonly code: string | null | undefined;
  /** `error.param` (or `param`) from the body, when it is a string. */
  readonly param: string | null | undefined;
  /** `error.type` (or `type`) from the body, when it is a string. */
  readonly type: string | undefined;
  /** The `x-request-id` response header: quote it when contacting the API provider. */
  readonly requestID: string | null | undefined;

  constructor(
    status: TStatus,
    error: TError,
    message: string | undefined,
    headers: THeaders,
    options?: { cause?: unknown },
  ) {
    super(APIError.makeMessage(status, error, message), options);
    this.status = status;
    this.headers = headers;
    this.error = error;
    const fields = errorFields(error);
    this.code = stringField(fields, 'code');
    this.param = stringField(fields, 'param');
    this.type = stringField(fields, 'type') ?? undefined;
    this.requestID = headers?.get('x-request-id');
  }

  /** Builds `"<status> <detail>"`, the detail coming from the body when it has one. */
  private static makeMessage(
    status: number | undefined,
    error: unknown,
    message: string | undefined,
  ): string {
    const detail = messageFromBody(error) ?? message;
    if (status && detail) return `${status} ${detail}`;
    if (status) return `${status} status code (no body)`;
    return detail || '(no status code or body)';
  }

  /** Creates the error for an error response, choosing the subclass from the status code. */
  static generate(
    status: number | undefined,
    body: unknown,
    message: string | undefined,
    headers: Headers | undefined,
  ): APIError {
    // No status means no response at all: that is a connection problem, not an API answer.
    if (status === undefined || headers === undefined) {
      return new APIConnectionError({ message, cause: isError(body) ? body : undefined });
    }
    return errorForStatus(status, toErrorBody(body), message, headers);
  }
}

/**
 * What an error body can be: any JSON value but null, or text. (openai-node spells it `Object`, which
 * admits the same values; `NonNullable<unknown>` says so without the wrapper type.)
 */
export type ErrorBody = NonNullable<unknown>;

/** A parsed error body as an `ErrorBody` (JSON `null` counts as no body). */
export function toErrorBody(body: unknown): ErrorBody | undefined {
  return body === null || body === undefined ? undefined : body;
}

/** 400: the request was malformed or had invalid parameters. */
export class BadRequestError extends APIError<400, Headers> {
  override name = 'BadRequestError';
}
/** 401: the API key is missing or invalid. */
export class AuthenticationError extends APIError<401, Headers> {
  override name = 'AuthenticationError';
}
/** 403: the API key is valid but not allowed to do this. */
export class PermissionDeniedError extends APIError<403, Headers> {
  override name = 'PermissionDeniedError';
}
/** 404: the resource does not exist. */
export class NotFoundError extends APIError<404, Headers> {
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the current state of the resource. */
export class ConflictError extends APIError<409, Headers> {
  override name = 'ConflictError';
}
/** 422: the request was well formed but semantically invalid. */
export class UnprocessableEntityError extends APIError<422, Headers> {
  override name = 'UnprocessableEntityError';
}
/** 429: too many requests; retried automatically before this is thrown. */
export class RateLimitError extends APIError<429, Headers> {
  override name = 'RateLimitError';
}
/** 5xx: the server failed; retried automatically before this is thrown. */
export class InternalServerError extends APIError<number, Headers> {
  override name = 'InternalServerError';
}

/** The request never got a response (DNS, TCP, TLS, or the fetch implementation failed). */
export class APIConnectionError extends APIError<undefined, undefined, undefined> {
  override name = 'APIConnectionError';

  constructor({
    message,
    cause,
  }: { message?: string | undefined; cause?: Error | undefined } = {}) {
    super(
      undefined,
      undefined,
      message || 'Connection error.',
      undefined,
      cause ? { cause } : undefined,
    );
  }
}

/** The request took longer than the `timeout` option (per attempt). */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = 'APIConnectionTimeoutError';

  constructor({ message }: { message?: string | undefined } = {}) {
    super({ message: message ?? 'Request timed out.' });
  }
}

/** The request was cancelled through the `signal` passed by the caller. */
export class APIUserAbortError extends APIError<undefined, undefined, undefined> {
  override name = 'APIUserAbortError';

  constructor({ message }: { message?: string | undefined } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined);
  }
}

/** Creates the `APIError` subclass for an HTTP status code. */
function errorForStatus(
  status: number,
  body: ErrorBody | undefined,
  message: string | undefined,
  headers: Headers,
): APIError {
  switch (status) {
    case 400:
      return new BadRequestError(status, body, message, headers);
    case 401:
      return new AuthenticationError(status, body, message, headers);
    case 403:
      return new PermissionDeniedError(status, body, message, headers);
    case 404:
      return new NotFoundError(status, body, message, headers);
    case 409:
      return new ConflictError(status, body, message, headers);
    case 422:
      return new UnprocessableEntityError(status, body, message, headers);
    case 429:
      return new RateLimitError(status, body, message, headers);
    default:
      return status >= 500
        ? new InternalServerError(status, body, message, headers)
        : new APIError(status, body, message, headers);
  }
}

/** The object holding `code`/`param`/`type`: the body's `error` object when it has one, else the body. */
function errorFields(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error } = body as { error?: unknown };
  if (typeof error === 'object' && error !== null) return error as Record<string, unknown>;
  return body as Record<string, unknown>;
}

/** A string field, `null` when the body says null, else undefined. */
function stringField(
  fields: Record<string, unknown> | undefined,
  key: string,
): string | null | undefined {
  const value = fields?.[key];
  return typeof value === 'string' || value === null ? value : undefined;
}

/** Finds a human-readable message in an error body: `error.message`, `error` (a string), `message`, or the JSON. */
function messageFromBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return body;
  if (typeof body !== 'object') return JSON.stringify(body);
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'object' && error !== null && 'message' in error && error.message) {
    return typeof error.message === 'string' ? error.message : JSON.stringify(error.message);
  }
  if (typeof error === 'string' && error) return error;
  if (typeof message === 'string' && message) return message;
  return JSON.stringify(body);
}

/** Whether a value is the error a fetch or a stream read rejects with once its signal aborts. */
export function isAbortError(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'name' in err &&
    (err.name === 'AbortError' || err.name === 'TimeoutError')
  );
}

/**
 * Whether a value is an Error, including one made in another realm (a vm context such as a Jest test
 * environment, an iframe), for which `instanceof Error` is false: Node's fetch rejects with those there.
 */
export function isError(value: unknown): value is Error {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

/** An error's `cause` (read structurally: the ES2020 lib's `Error` type has no `cause`). */
export function errorCause(err: Error): unknown {
  return (err as { cause?: unknown }).cause;
}

/** Turns anything thrown into an Error, so that it can be used as a `cause`. */
export function castToError(err: unknown): Error {
  if (isError(err)) return err;
  if (typeof err === 'object' && err !== null) {
    try {
      return new Error(JSON.stringify(err));
    } catch {
      // fall through: not serializable
    }
  }
  return new Error(String(err));
}
