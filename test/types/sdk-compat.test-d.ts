/**
 * Code written against the official `openai` package's client surface, compiled against `generated/`:
 * the imports, statics, options, errors, pages and streams users reach for. Where both packages have a
 * type, an assignability check says the two agree. Deliberate differences are named in comments.
 */
import { expectTypeOf } from 'expect-type';
import type * as Official from 'openai';
import type { CursorPage as OfficialCursorPage } from 'openai/pagination';
import type { Stream as OfficialStream } from 'openai/streaming';
import type OfficialOpenAI from 'openai';
import type { Logger as OfficialLogger, LogLevel as OfficialLogLevel } from 'openai/client';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  type APIPromise,
  APIUserAbortError,
  type AuthenticationError,
  type BadRequestError,
  type ConflictError,
  InternalServerError,
  NotFoundError,
  OpenAIError,
  type PagePromise,
  type PermissionDeniedError,
  RateLimitError,
  type UnprocessableEntityError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionMessageParam,
  type ClientOptions,
  type CursorPage,
  type Logger,
  type LogLevel,
  type RequestOptions,
  type Stream,
} from '../../generated';

// --- Constructing, as the README of the official package shows -------------------------------------

export const clients = [
  new OpenAI(),
  new OpenAI({
    apiKey: 'k',
    maxRetries: 0,
    timeout: 20 * 1000,
    logLevel: 'debug',
    logger: console,
  }),
  // Under exactOptionalPropertyTypes, values that may be missing are accepted (every option takes undefined).
  new OpenAI({
    apiKey: undefined as string | undefined,
    baseURL: undefined,
    fetchOptions: { cache: 'no-store' },
  }),
  new OpenAI.OpenAI({
    defaultHeaders: { 'x-team': 'a', 'x-drop': null },
    defaultQuery: { v: '1' },
  }),
  // @ts-expect-error 'verbose' is not a log level.
  new OpenAI({ logLevel: 'verbose' }),
];

// Our options are a subset of the official ones: an options object built for ours works with theirs.
expectTypeOf<ClientOptions>().toExtend<Official.ClientOptions>();
// The other way holds for the fields both have (`defaultHeaders` aside: theirs also takes Headers).
expectTypeOf<
  Pick<
    Official.ClientOptions,
    'apiKey' | 'baseURL' | 'timeout' | 'maxRetries' | 'defaultQuery' | 'logLevel' | 'logger'
  >
>().toExtend<
  Pick<ClientOptions, 'baseURL' | 'timeout' | 'maxRetries' | 'defaultQuery' | 'logLevel' | 'logger'>
>();
// Deliberate: `apiKey` is a string here; theirs may also be an async function returning one (key rotation).
expectTypeOf<Official.ClientOptions['apiKey']>().not.toExtend<ClientOptions['apiKey']>();
// Deliberate: no `organization`, `project`, `webhookSecret`, `adminAPIKey`, `dataResidency`,
// `workloadIdentity` or `dangerouslyAllowBrowser`. They are OpenAI-account features that no spec
// describes in a way a generator can read (`defaultHeaders` sends `OpenAI-Organization` and the like).
// @ts-expect-error see above
new OpenAI({ organization: 'org-1' });
expectTypeOf<LogLevel>().toEqualTypeOf<OfficialLogLevel>();
expectTypeOf<Logger>().toEqualTypeOf<OfficialLogger>();

export function derive(client: OpenAI): OpenAI {
  const quiet = client.withOptions({ logLevel: 'off', maxRetries: 5 });
  expectTypeOf(quiet).toEqualTypeOf<OpenAI>();
  expectTypeOf(client.logLevel).toExtend<LogLevel | undefined>();
  expectTypeOf(client.logger).toEqualTypeOf<Logger>();
  expectTypeOf(client.baseURL).toEqualTypeOf<string>();
  expectTypeOf(client.apiKey).toEqualTypeOf<string | null>();
  expectTypeOf(OpenAI.DEFAULT_TIMEOUT).toEqualTypeOf<number>();
  // @ts-expect-error withOptions takes the client's options only.
  client.withOptions({ retries: 1 });
  return quiet;
}

// --- Static members of the client class --------------------------------------------------------

expectTypeOf(OpenAI.APIError).toEqualTypeOf<typeof APIError>();
expectTypeOf(OpenAI.APIConnectionError).toEqualTypeOf<typeof APIConnectionError>();
expectTypeOf(OpenAI.APIConnectionTimeoutError).toEqualTypeOf<typeof APIConnectionTimeoutError>();
expectTypeOf(OpenAI.APIUserAbortError).toEqualTypeOf<typeof APIUserAbortError>();
expectTypeOf(OpenAI.BadRequestError).toEqualTypeOf<typeof BadRequestError>();
expectTypeOf(OpenAI.AuthenticationError).toEqualTypeOf<typeof AuthenticationError>();
expectTypeOf(OpenAI.PermissionDeniedError).toEqualTypeOf<typeof PermissionDeniedError>();
expectTypeOf(OpenAI.NotFoundError).toEqualTypeOf<typeof NotFoundError>();
expectTypeOf(OpenAI.ConflictError).toEqualTypeOf<typeof ConflictError>();
expectTypeOf(OpenAI.UnprocessableEntityError).toEqualTypeOf<typeof UnprocessableEntityError>();
expectTypeOf(OpenAI.RateLimitError).toEqualTypeOf<typeof RateLimitError>();
expectTypeOf(OpenAI.InternalServerError).toEqualTypeOf<typeof InternalServerError>();
expectTypeOf(OpenAI.OpenAIError).toEqualTypeOf<typeof OpenAIError>();
expectTypeOf(OpenAI.OpenAI).toEqualTypeOf<typeof OpenAI>();
// Deliberate: no `OpenAI.InvalidWebhookSignatureError`, `toFile` or `toStreamingFile`: the spec has no
// webhooks or file uploads, and the generator emits only what a spec calls for.
// @ts-expect-error see above
void OpenAI.toFile;

// --- Types through the client's namespace ------------------------------------------------------

export const namespaced: OpenAI.RequestOptions = { timeout: 1 };
export const message: OpenAI.ChatCompletionMessageParam = { role: 'user', content: 'hi' };
expectTypeOf<OpenAI.ChatCompletion>().toEqualTypeOf<ChatCompletion>();
expectTypeOf<OpenAI.ChatCompletion.Choice>().toEqualTypeOf<ChatCompletion.Choice>();
expectTypeOf<OpenAI.ChatCompletionMessageParam>().toEqualTypeOf<ChatCompletionMessageParam>();

// --- Per-call options --------------------------------------------------------------------------

export async function perCall(client: OpenAI, signal: AbortSignal | undefined): Promise<void> {
  const options: RequestOptions = {
    timeout: 5_000,
    maxRetries: 1,
    headers: new Headers({ 'x-a': 'b' }),
    signal,
    idempotencyKey: 'k-1',
    query: { extra: true },
    fetchOptions: { keepalive: true },
  };
  await client.chat.completions.retrieve('id', options);
  await client.chat.completions.retrieve('id', { headers: [['x-a', 'b']], signal: null });
  await client.chat.completions.retrieve('id', { headers: { 'x-drop': null } });
  // As openai-node's own tests do: the call goes to this path instead.
  await client.chat.completions.retrieve('id', { path: '/chat/completions/other' });
}
// Ours is a subset of theirs: any RequestOptions of ours is one of theirs, but for two deliberate
// differences: every field of ours also takes `undefined` (for exactOptionalPropertyTypes users), and
// our `headers` also take readonly pairs (`[['a', 'b']] as const`), which theirs do not.
type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };
expectTypeOf<Defined<Omit<RequestOptions, 'headers'>>>().toExtend<OfficialOpenAI.RequestOptions>();
expectTypeOf<Exclude<RequestOptions['headers'], ReadonlyArray<unknown>>>().toExtend<
  OfficialOpenAI.RequestOptions['headers']
>();
// And the fields a user sets per call are accepted as theirs types them.
expectTypeOf<
  Pick<
    OfficialOpenAI.RequestOptions,
    'timeout' | 'maxRetries' | 'signal' | 'idempotencyKey' | 'query'
  >
>().toExtend<RequestOptions>();
// Deliberate: `headers` takes records, Headers and pairs but not theirs' nested arrays of header sets,
// and the `__`-prefixed internals, `method`, `body`, `stream` and `defaultBaseURL` are not
// per-call options here (generated methods set them). `path` is, as theirs: it replaces the operation's.
expectTypeOf<Pick<OfficialOpenAI.RequestOptions, 'path'>>().toExtend<RequestOptions>();

// --- Errors --------------------------------------------------------------------------------------

export function handle(err: unknown): string {
  // `instanceof` a generic class gives its `any` instantiation (as with the official classes), so the
  // field types are checked on the default instantiation below.
  if (err instanceof OpenAI.APIError) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- as user code written for the official SDK does
    const status: number | undefined = err.status;
    const requestID: string | null | undefined = err.requestID;
    return [err.name, err.message, status, requestID, err.code, err.param, err.type].join(' ');
  }
  if (err instanceof NotFoundError) {
    expectTypeOf(err.status).toEqualTypeOf<404>();
    expectTypeOf(err.headers).toEqualTypeOf<Headers>();
  }
  if (err instanceof RateLimitError) expectTypeOf(err.status).toEqualTypeOf<429>();
  if (err instanceof InternalServerError) expectTypeOf(err.status).toEqualTypeOf<number>();
  if (err instanceof APIUserAbortError) expectTypeOf(err.status).toEqualTypeOf<undefined>();
  if (err instanceof APIConnectionTimeoutError)
    expectTypeOf(err.headers).toEqualTypeOf<undefined>();
  if (err instanceof OpenAIError) return err.message;
  return String(err);
}

expectTypeOf<APIError['status']>().toEqualTypeOf<number | undefined>();
expectTypeOf<APIError['headers']>().toEqualTypeOf<Headers | undefined>();
expectTypeOf<APIError['requestID']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<APIError['code']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<APIError['param']>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<APIError['type']>().toEqualTypeOf<string | undefined>();
// The body: any JSON value but null, or text (theirs spells it `Object | undefined`, the same values).
expectTypeOf<APIError['error']>().toEqualTypeOf<NonNullable<unknown> | undefined>();
expectTypeOf<APIError['error']>().toExtend<Official.APIError['error']>();
expectTypeOf<Official.APIError['error']>().toExtend<APIError['error']>();

// Each of our error classes is assignable to the official one of the same name.
expectTypeOf<APIError>().toExtend<Official.APIError>();
expectTypeOf<BadRequestError>().toExtend<Official.BadRequestError>();
expectTypeOf<AuthenticationError>().toExtend<Official.AuthenticationError>();
expectTypeOf<PermissionDeniedError>().toExtend<Official.PermissionDeniedError>();
expectTypeOf<NotFoundError>().toExtend<Official.NotFoundError>();
expectTypeOf<ConflictError>().toExtend<Official.ConflictError>();
expectTypeOf<UnprocessableEntityError>().toExtend<Official.UnprocessableEntityError>();
expectTypeOf<RateLimitError>().toExtend<Official.RateLimitError>();
expectTypeOf<InternalServerError>().toExtend<Official.InternalServerError>();
expectTypeOf<APIConnectionError>().toExtend<Official.APIConnectionError>();
expectTypeOf<APIConnectionTimeoutError>().toExtend<Official.APIConnectionTimeoutError>();
expectTypeOf<APIUserAbortError>().toExtend<Official.APIUserAbortError>();
expectTypeOf<OpenAIError>().toExtend<Official.OpenAIError>();
// Constructing one, as tests and wrappers do.
export const made = [
  new NotFoundError(404, { error: { message: 'gone' } }, undefined, new Headers()),
  new APIConnectionError({ message: 'down', cause: new Error('ECONNRESET') }),
  new APIConnectionTimeoutError(),
  new APIUserAbortError(),
  APIError.generate(500, undefined, 'boom', new Headers()),
];
// @ts-expect-error a NotFoundError's status is 404.
new NotFoundError(400, undefined, undefined, new Headers());

// --- Promises, pages and streams -----------------------------------------------------------------

export async function pagesAndStreams(client: OpenAI): Promise<void> {
  const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'hi' }];
  const promise = client.chat.completions.create({ model: 'gpt-4o', messages });
  expectTypeOf(promise).toExtend<APIPromise<ChatCompletion>>();
  expectTypeOf(promise).toExtend<Promise<ChatCompletion>>();
  const { data, response } = await promise.withResponse();
  expectTypeOf(data).toEqualTypeOf<ChatCompletion>();
  expectTypeOf(response).toEqualTypeOf<Response>();
  expectTypeOf(await promise.asResponse()).toEqualTypeOf<Response>();

  const list = client.chat.completions.list({ limit: 10 });
  expectTypeOf(list).toExtend<PagePromise<CursorPage<ChatCompletion>, ChatCompletion>>();
  let page = await list;
  // Typed against the generic page type, as code written for any cursor list is.
  const generic: CursorPage<ChatCompletion> = page;
  expectTypeOf(generic.data).toEqualTypeOf<ChatCompletion[]>();
  expectTypeOf(generic.has_more).toEqualTypeOf<boolean>();
  expectTypeOf(generic.getPaginatedItems()).toEqualTypeOf<ChatCompletion[]>();
  for (const item of page.data) expectTypeOf(item).toEqualTypeOf<ChatCompletion>();
  while (page.hasNextPage()) page = await page.getNextPage();
  for await (const p of page.iterPages()) expectTypeOf(p.data).toEqualTypeOf<ChatCompletion[]>();
  for await (const item of client.chat.completions.list())
    expectTypeOf(item).toEqualTypeOf<ChatCompletion>();
  // The page shapes agree with theirs where a user reads them.
  expectTypeOf<
    Pick<CursorPage<ChatCompletion>, 'data' | 'has_more' | 'hasNextPage' | 'getPaginatedItems'>
  >().toExtend<
    Pick<
      OfficialCursorPage<ChatCompletion>,
      'data' | 'has_more' | 'hasNextPage' | 'getPaginatedItems'
    >
  >();
  // Deliberate: our pages expose `response` and `body` publicly (theirs keeps them protected), and the
  // page class is one generic `Page` with a data spec instead of a class per pagination style.

  const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
  expectTypeOf(stream).toEqualTypeOf<Stream<ChatCompletionChunk>>();
  expectTypeOf(stream.controller).toEqualTypeOf<AbortController>();
  const [left, right] = stream.tee();
  expectTypeOf(left).toEqualTypeOf<Stream<ChatCompletionChunk>>();
  for await (const chunk of left)
    expectTypeOf(chunk.choices).toEqualTypeOf<ChatCompletionChunk.Choice[]>();
  const readable = right.toReadableStream();
  expectTypeOf(readable).toExtend<ReadableStream>();
  stream.controller.abort();
  // The stream type agrees with theirs where a user reads it.
  expectTypeOf<
    Pick<Stream<ChatCompletionChunk>, 'controller' | 'tee' | typeof Symbol.asyncIterator>
  >().toExtend<
    Pick<OfficialStream<ChatCompletionChunk>, 'controller' | typeof Symbol.asyncIterator>
  >();
}
