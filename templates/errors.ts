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

/** An error about an API call: an error status, an error event in a stream, or a failed connection. */
export class APIError extends ClientGenError {
  override name = 'APIError';
  /** The HTTP status of the response, or undefined when there was no response. */
  readonly status: number | undefined;
  /** The headers of the response, or undefined when there was no response. */
  readonly headers: Headers | undefined;
  /** The response body: parsed JSON when possible, else the raw text. */
  readonly error: unknown;
  /** The `x-request-id` response header: quote it when contacting the API provider. */
  readonly requestID: string | null | undefined;

  constructor(
    status: number | undefined,
    error: unknown,
    message: string | undefined,
    headers: Headers | undefined,
    options?: { cause?: unknown },
  ) {
    super(APIError.makeMessage(status, error, message), options);
    this.status = status;
    this.headers = headers;
    this.error = error;
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
    const ErrorClass = errorClassForStatus(status);
    return new ErrorClass(status, body, message, headers);
  }
}

/** 400: the request was malformed or had invalid parameters. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401: the API key is missing or invalid. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 403: the API key is valid but not allowed to do this. */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
/** 404: the resource does not exist. */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the current state of the resource. */
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
/** 422: the request was well formed but semantically invalid. */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/** 429: too many requests; retried automatically before this is thrown. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/** 5xx: the server failed; retried automatically before this is thrown. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}

/** The request never got a response (DNS, TCP, TLS, or the fetch implementation failed). */
export class APIConnectionError extends APIError {
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
export class APIUserAbortError extends APIError {
  override name = 'APIUserAbortError';

  constructor({ message }: { message?: string | undefined } = {}) {
    super(undefined, undefined, message || 'Request was aborted.', undefined);
  }
}

type APIErrorClass = new (
  status: number,
  body: unknown,
  message: string | undefined,
  headers: Headers,
) => APIError;

/** Picks the `APIError` subclass for an HTTP status code. */
function errorClassForStatus(status: number): APIErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

/** Finds a human-readable message in an error body: `error.message`, `error` (a string), `message`, or the JSON. */
function messageFromBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return body;
  if (typeof body !== 'object') return String(body);
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
