/**
 * The README's usage examples, as code that runs: `mock-server.test.ts` runs them against Steady.
 * In the README the import reads `from './generated'`, and `log` is `console.log`.
 */

import OpenAI, { NotFoundError } from '../../generated';

/** Creating a client: every option is optional. */
export function createClient(baseURL: string): OpenAI {
  return new OpenAI({
    apiKey: 'test-key', // default: process.env.OPENAI_API_KEY
    baseURL, // default: process.env.OPENAI_BASE_URL, else https://api.openai.com/v1
    timeout: 20_000, // per attempt, in ms (default: 10 minutes)
    maxRetries: 1, // retries of connection errors, 408, 409, 429 and 5xx (default: 2)
    fetch: globalThis.fetch, // any fetch-compatible function
    defaultHeaders: { 'x-app-name': 'readme' }, // sent with every request
  });
}

export async function runUsageExample(
  client: OpenAI,
  log: (...data: unknown[]) => void = console.log,
) {
  // Create a chat completion.
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Say hello' }],
  });
  log(completion.choices[0]?.message.content);

  // Stream one: each chunk is a ChatCompletionChunk.
  const stream = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Say hello' }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
  }
  log(text);

  // Iterate over stored completions; further pages are fetched as needed.
  let listed = 0;
  for await (const stored of client.chat.completions.list({ limit: 20 })) {
    log(stored.id);
    if (++listed === 50) break;
  }

  // Or one page at a time.
  let page = await client.chat.completions.list();
  log(page.data.length, page.has_more);
  if (page.hasNextPage()) {
    page = await page.getNextPage();
    log(page.data.length, page.has_more);
  }

  // Retrieve, update and delete a stored completion, and list its messages.
  const id = completion.id;
  const stored = await client.chat.completions.retrieve(id);
  await client.chat.completions.update(id, { metadata: { topic: 'greetings' } });
  let shown = 0;
  for await (const message of client.chat.completions.messages.list(id, { limit: 10 })) {
    log(message.role, message.content);
    if (++shown === 10) break;
  }
  const { deleted } = await client.chat.completions.delete(id);

  // Per-call options override the client's; errors are typed by status.
  try {
    await client.chat.completions.retrieve(stored.id, {
      timeout: 5_000,
      maxRetries: 0,
      headers: { 'x-request-tag': 'readme' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    log('gone:', err.status, err.requestID);
  }

  return { text, listed, deleted };
}
