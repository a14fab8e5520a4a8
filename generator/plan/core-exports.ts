/** Names the runtime (`generated/core`) exports from the client's index: no model may take them. */
export const CORE_EXPORTS = [
  'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
  'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionError', 'APIConnectionTimeoutError',
  'APIUserAbortError', 'APIPromise', 'PagePromise', 'Page', 'PageWithBody', 'CursorPage', 'Stream',
  'BaseClient', 'APIResource', 'RequestOptions', 'ClientOptions', 'ClientGenError', 'Logger', 'LogLevel',
  // Imported by name into client.ts.
  'Fetch', 'FetchOptions',
];

/** Members of the runtime's `BaseClient` (templates/client.ts): a top-level resource may not take their names. */
export const CLIENT_MEMBERS = [
  'authHeaders', 'authQuery', 'baseURL', 'buildPath', 'buildURL', 'constructor', 'delete', 'get', 'getAPIList', 'maxRetries',
  'patch', 'post', 'put', 'request', 'requestAPIList', 'timeout',
];
