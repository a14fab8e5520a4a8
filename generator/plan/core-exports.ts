/** Names the runtime (`generated/core`) exports from the client's index: no model may take them. */
export const CORE_EXPORTS = [
  'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionError', 'APIConnectionTimeoutError',
  'APIUserAbortError', 'APIPromise', 'PagePromise', 'Page', 'PageWithBody', 'CursorPage', 'Stream',
  'BaseClient', 'APIResource', 'RequestOptions', 'ClientOptions', 'ClientGenError', 'Logger', 'LogLevel',
  // Imported by name into client.ts.
  'Fetch', 'FetchOptions',
];
