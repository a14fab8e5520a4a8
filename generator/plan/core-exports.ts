/** Names the runtime (`generated/core`) exports from the client's index: no model may take them. */
export const CORE_EXPORTS = [
  'APIError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
  'APIPromise',
  'PagePromise',
  'Page',
  'PageWithBody',
  'CursorPage',
  'OptionalBody',
  'Stream',
  'BaseClient',
  'APIResource',
  'RequestOptions',
  'ClientOptions',
  'ClientGenError',
  'Logger',
  'LogLevel',
  // Imported by name into client.ts.
  'Fetch',
  'FetchOptions',
  'TokenCache',
  // Named by file properties and exported for uploads.
  'Uploadable',
  'toFile',
];

/**
 * Members of the runtime's `BaseClient` (templates/client.ts) and of the generated client: a top-level resource may not
 * take their names (test/naming/client-members.test.ts keeps the list whole).
 */
export const CLIENT_MEMBERS = [
  'apiKey',
  'baseURL',
  'buildPath',
  'buildURL',
  'constructor',
  'delete',
  'get',
  'logLevel',
  'logger',
  'maxRetries',
  'methodRequest',
  'patch',
  'post',
  'put',
  'request',
  'requestResponse',
  'timeout',
  // The generated client's own.
  'withOptions',
];
