/**
 * The runtime's public surface, re-exported name by name so that a reviewer can see all of it here.
 * Helpers that only other runtime modules use (JSON, body encoding, redaction, sleep) stay internal.
 */

export { APIPromise } from './api-promise';
export type { APIResponseProps, ResponseParser } from './api-promise';
export type {
  CredentialOption,
  Credentials,
  SecurityConfig,
  SecurityRequirement,
  SecurityScheme,
} from './auth';
export { BaseClient } from './client';
export type {
  AuthScheme,
  ClientOptions,
  Fetch,
  TokenRequest,
  TokenSource,
  TokenSourceClass,
} from './client-options';
export { readEnv } from './env';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ClientGenError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors';
export { mergeHeaders } from './headers';
export type { HeadersInput } from './headers';
export { LineDecoder } from './line-decoder';
export type { LogLevel, Logger } from './log';
export { MissingCredentialsError } from './missing-credentials';
export { encodeMultipart } from './multipart';
export { TokenCache } from './oauth2';
export { Page, PagePromise, getAPIList, methodAPIList, requestAPIList } from './pagination';
export type { CursorPage, CursorPageBody, PageSpec, PageWithBody } from './pagination';
export { requestOptions, wantsStream } from './params';
export type { OptionalBody, ParamLayout } from './params';
export { appendCookie } from './cookies';
export { encodeFormBody } from './form-body';
export type { FormEncoding } from './form-body';
export { buildPath } from './path';
export type { PathStyles } from './path';
export { stringifyQuery } from './query';
export type { QueryStyle, QueryStyles } from './query';
export type { ArrayFormat, ParamStyle } from './style';
export type {
  FetchOptions,
  FinalRequestOptions,
  HTTPMethod,
  MethodRequestOptions,
  RequestOptions,
  StreamClass,
} from './request-options';
export { APIResource } from './resource';
export { retryDelay, shouldRetry } from './retry';
export { SSEDecoder, iterSSEEvents } from './sse';
export type { ServerSentEvent } from './sse';
export { Stream } from './streaming';
export { encodeFiles, toFile } from './uploads';
export type { FileLike, FsReadStreamLike, ToFileOptions, Uploadable } from './uploads';
