/** Type-level tests of the generated client's surface: the calls the reference pages show, typed. */
import { expectTypeOf } from 'expect-type';
import OpenAI, {
  type APIError,
  type NotFoundError,
  type APIPromise,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionCreateParams,
  type ChatCompletionDeleted,
  type ChatCompletionListPage,
  type ChatCompletionStoreMessage,
  type MessageListPage,
  type PagePromise,
  type Stream,
} from '../../generated';
import type { OpenAI as Named } from '../../generated';

expectTypeOf<typeof OpenAI>().toEqualTypeOf<typeof Named>();
expectTypeOf<NotFoundError>().toMatchTypeOf<APIError>();

export async function surface(client: OpenAI, params: ChatCompletionCreateParams): Promise<void> {
  const messages = [{ role: 'user' as const, content: 'hi' }];
  expectTypeOf(client.chat.completions.create({ model: 'gpt-4o', messages })).toEqualTypeOf<
    APIPromise<ChatCompletion>
  >();
  expectTypeOf(
    client.chat.completions.create({ model: 'gpt-4o', messages, stream: false }),
  ).toEqualTypeOf<APIPromise<ChatCompletion>>();
  expectTypeOf(
    client.chat.completions.create({ model: 'gpt-4o', messages, stream: true }),
  ).toEqualTypeOf<APIPromise<Stream<ChatCompletionChunk>>>();
  expectTypeOf(client.chat.completions.create(params)).toEqualTypeOf<
    APIPromise<Stream<ChatCompletionChunk> | ChatCompletion>
  >();

  const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
  for await (const chunk of stream) expectTypeOf(chunk).toEqualTypeOf<ChatCompletionChunk>();

  expectTypeOf(client.chat.completions.list({ limit: 20 })).toEqualTypeOf<
    PagePromise<ChatCompletionListPage, ChatCompletion>
  >();
  for await (const completion of client.chat.completions.list())
    expectTypeOf(completion).toEqualTypeOf<ChatCompletion>();
  const page = await client.chat.completions.list({ metadata: { user: 'u1' }, order: 'desc' });
  expectTypeOf(page.data).toEqualTypeOf<ChatCompletion[]>();
  expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
  expectTypeOf(page.getNextPage()).resolves.toEqualTypeOf<ChatCompletionListPage>();

  expectTypeOf(client.chat.completions.retrieve('id')).toEqualTypeOf<APIPromise<ChatCompletion>>();
  expectTypeOf(client.chat.completions.update('id', { metadata: { k: 'v' } })).toEqualTypeOf<
    APIPromise<ChatCompletion>
  >();
  expectTypeOf(client.chat.completions.delete('id')).toEqualTypeOf<
    APIPromise<ChatCompletionDeleted>
  >();
  expectTypeOf(client.chat.completions.messages.list('id')).toEqualTypeOf<
    PagePromise<MessageListPage, ChatCompletionStoreMessage>
  >();
  for await (const m of client.chat.completions.messages.list('id', { limit: 5 }))
    expectTypeOf(m).toEqualTypeOf<ChatCompletionStoreMessage>();

  const controller = new AbortController();
  await client.chat.completions.retrieve('id', {
    timeout: 5_000,
    maxRetries: 0,
    headers: { 'x-a': 'b' },
    signal: controller.signal,
  });
  expectTypeOf(
    client.chat.completions.retrieve('id').asResponse(),
  ).resolves.toEqualTypeOf<Response>();
  expectTypeOf(client.chat.completions.retrieve('id').withResponse()).resolves.toEqualTypeOf<{
    data: ChatCompletion;
    response: Response;
  }>();

  // @ts-expect-error retrieve needs the completion id.
  void client.chat.completions.retrieve();
  // @ts-expect-error 'sideways' is not a sort order.
  void client.chat.completions.list({ order: 'sideways' });
  // @ts-expect-error update needs metadata.
  void client.chat.completions.update('id', {});
  // @ts-expect-error limit is a number.
  void client.chat.completions.messages.list('id', { limit: '5' });
  // @ts-expect-error there is no chat.completions.remove.
  void client.chat.completions.remove('id'); // eslint-disable-line @typescript-eslint/no-unsafe-call -- the call is meant not to type-check
}

export const construct = [
  new OpenAI(),
  new OpenAI({
    apiKey: 'k',
    baseURL: 'http://localhost:4010',
    timeout: 1_000,
    maxRetries: 0,
    fetch: globalThis.fetch,
    defaultHeaders: { 'x-a': 'b' },
  }),
  // @ts-expect-error timeout is milliseconds as a number.
  new OpenAI({ timeout: '10s' }),
];
