/**
 * The generated client against Steady, a validating mock server started from
 * spec/chat-completions.yaml: every request must satisfy the spec (Steady answers 400 naming the
 * problem otherwise), and every response is generated from the spec's schemas.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import OpenAI, {
  BadRequestError,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionCreateParams,
  type ChatCompletionCreateParamsNonStreaming,
  type ChatCompletionMessageParam,
  type ChatCompletionToolChoiceOption,
} from '../../generated';
import { startSteady, type MockServer } from './steady';
import { createClient, runUsageExample } from './usage-example';

const SPEC = join(__dirname, '..', '..', 'spec', 'chat-completions.yaml');
const MODEL = 'gpt-4o';

type Exchange = {
  method: string;
  url: URL;
  requestHeaders: Headers;
  body: unknown;
  status: number;
  responseHeaders: Headers;
};

/** Records each exchange (with the real fetch) so that tests can check what went over the wire. */
function recordingFetch(
  exchanges: Exchange[],
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const response = await fetch(input, init);
    const exchange: Exchange = {
      method: init?.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : input),
      requestHeaders: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      status: response.status,
      responseHeaders: response.headers,
    };
    exchanges.push(exchange);
    allExchanges.push(exchange);
    return response;
  };
}

/** Steady's verdict on a request: `x-steady-request-valid` plus the diagnostics it names. */
function verdict(exchange: Exchange): string {
  const h = exchange.responseHeaders;
  const count = Number(h.get('x-steady-error-count') ?? 0);
  const header = (name: string) => h.get(name) ?? `(no ${name})`;
  const problems = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return `${header(`x-steady-error-${n}-code`)} ${header(`x-steady-error-${n}-path`)}: ${header(`x-steady-error-${n}-message`)}`;
  });
  return `${exchange.method} ${exchange.url.pathname} valid=${header('x-steady-request-valid')} ${problems.join('; ')}`.trim();
}

const user = (content: string): ChatCompletionMessageParam => ({ role: 'user', content });

function expectChatCompletion(completion: ChatCompletion): void {
  expect(completion.object).toBe('chat.completion');
  expect(typeof completion.id).toBe('string');
  expect(typeof completion.model).toBe('string');
  expect(typeof completion.created).toBe('number');
  expect(Array.isArray(completion.choices)).toBe(true);
  for (const choice of completion.choices) {
    expect(choice.message.role).toBe('assistant');
    expect(typeof choice.index).toBe('number');
  }
}

let steady: MockServer;
let exchanges: Exchange[];
const allExchanges: Exchange[] = [];
let client: OpenAI;

beforeAll(async () => {
  // --validator-strict-oneof: a value must match exactly one branch of a oneOf, as JSON Schema says.
  steady = await startSteady(SPEC, ['--validator-strict-oneof']);
});

afterAll(async () => {
  await steady?.stop();
});

beforeEach(() => {
  exchanges = [];
  client = new OpenAI({
    apiKey: 'test-key',
    baseURL: steady.baseURL,
    maxRetries: 0,
    timeout: 10_000,
    fetch: recordingFetch(exchanges),
  });
});

afterEach(() => {
  // Each request that was meant to be valid must have been accepted by Steady without a single
  // diagnostic: ambiguous ones (e.g. E3012, no oneOf branch matched) still answer 200 and
  // `x-steady-request-valid: true`, so the error count is checked too.
  const rejected = exchanges.filter(
    (e) =>
      e.responseHeaders.get('x-steady-request-valid') !== 'true' ||
      e.responseHeaders.get('x-steady-error-count') !== '0',
  );
  const expectedRejections = expect.getState().currentTestName?.includes('[invalid]') ?? false;
  if (!expectedRejections) expect(rejected.map(verdict)).toEqual([]);
});

describe('create (non-streaming)', () => {
  test('every message role, every user content part, tools, metadata and other options', async () => {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'developer', content: 'Answer briefly.', name: 'dev' },
      { role: 'developer', content: [{ type: 'text', text: 'Use metric units.' }] },
      { role: 'system', content: 'You are a helpful assistant.', name: 'sys' },
      { role: 'system', content: [{ type: 'text', text: 'Be kind.' }] },
      { role: 'user', content: 'Plain text question', name: 'alice' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          { type: 'input_audio', input_audio: { data: 'UklGRiQAAABXQVZF', format: 'wav' } },
          { type: 'input_audio', input_audio: { data: 'SUQzBAAAAAAA', format: 'mp3' } },
          {
            type: 'file',
            file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
          },
          { type: 'file', file: { file_id: 'file-abc123' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          { id: 'call_2', type: 'custom', custom: { name: 'run_sql', input: 'SELECT 1' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
      { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '1' }] },
      {
        role: 'assistant',
        name: 'bot',
        content: [
          { type: 'text', text: 'It is 21 degrees.' },
          { type: 'refusal', refusal: 'I cannot share that.' },
        ],
        refusal: null,
      },
      { role: 'assistant', content: 'Plain answer', audio: { id: 'audio_1' } },
      {
        role: 'assistant',
        content: null,
        function_call: { name: 'get_weather', arguments: '{}' },
      },
      { role: 'function', name: 'get_weather', content: '{"temp":21}' },
      { role: 'function', name: 'get_weather', content: null },
    ];
    const params: ChatCompletionCreateParamsNonStreaming = {
      model: MODEL,
      messages,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
              additionalProperties: false,
            },
            strict: true,
          },
        },
        { type: 'function', function: { name: 'no_params' } },
        { type: 'custom', custom: { name: 'free_text' } },
        {
          type: 'custom',
          custom: { name: 'run_sql', description: 'Runs SQL', format: { type: 'text' } },
        },
        {
          type: 'custom',
          custom: {
            name: 'digits',
            format: { type: 'grammar', grammar: { syntax: 'regex', definition: '\\d+' } },
          },
        },
        {
          type: 'custom',
          custom: {
            name: 'lark',
            format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: "a"' } },
          },
        },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      metadata: { project: 'e2e', 'with space': 'and = sign' },
      store: true,
      temperature: 0.5,
      top_p: 0.9,
      n: 1,
      stop: ['\n\n', 'END'],
      seed: 42,
      max_completion_tokens: 256,
      max_tokens: 256,
      presence_penalty: 0.1,
      frequency_penalty: -0.1,
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 2,
      user: 'user-1',
      safety_identifier: 'hash-1',
      prompt_cache_key: 'cache-1',
      service_tier: 'auto',
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'mp3' },
      prediction: { type: 'content', content: 'It is' },
      reasoning_effort: 'low',
      verbosity: 'low',
      web_search_options: {
        search_context_size: 'low',
        user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR' } },
      },
      stream: false,
    };

    const completion = await client.chat.completions.create(params);

    expectChatCompletion(completion);
    expect(exchanges).toHaveLength(1);
    const sent = exchanges[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.url.pathname).toBe('/chat/completions');
    expect(sent?.requestHeaders.get('authorization')).toBe('Bearer test-key');
    expect(sent?.requestHeaders.get('content-type')).toBe('application/json');
    expect(sent?.body).toEqual(params);
  });

  test('the deprecated functions / function_call options', async () => {
    const functions = [{ name: 'get_weather', parameters: { type: 'object', properties: {} } }];
    for (const function_call of ['none', 'auto', { name: 'get_weather' }] as const) {
      expectChatCompletion(
        await client.chat.completions.create({
          model: MODEL,
          messages: [user('weather?')],
          functions,
          function_call,
        }),
      );
    }
    expect(exchanges).toHaveLength(3);
  });

  const tools: ChatCompletionCreateParams['tools'] = [
    { type: 'function', function: { name: 'get_weather' } },
    { type: 'custom', custom: { name: 'run_sql' } },
  ];
  const toolChoices: Array<[string, ChatCompletionToolChoiceOption]> = [
    ['none', 'none'],
    ['auto', 'auto'],
    ['required', 'required'],
    ['named function', { type: 'function', function: { name: 'get_weather' } }],
    ['named custom', { type: 'custom', custom: { name: 'run_sql' } }],
    [
      'allowed_tools (auto)',
      {
        type: 'allowed_tools',
        allowed_tools: {
          mode: 'auto',
          tools: [{ type: 'function', function: { name: 'get_weather' } }],
        },
      },
    ],
    [
      'allowed_tools (required)',
      {
        type: 'allowed_tools',
        allowed_tools: {
          mode: 'required',
          tools: [{ type: 'custom', custom: { name: 'run_sql' } }],
        },
      },
    ],
  ];
  test.each(toolChoices)('tool_choice: %s', async (_name, tool_choice) => {
    const completion = await client.chat.completions.create({
      model: MODEL,
      messages: [user('Use a tool')],
      tools,
      tool_choice,
    });
    expectChatCompletion(completion);
    expect(exchanges[0]?.body).toMatchObject({ tool_choice });
  });

  const responseFormats: Array<[string, ChatCompletionCreateParams['response_format']]> = [
    ['text', { type: 'text' }],
    ['json_object', { type: 'json_object' }],
    [
      'json_schema',
      {
        type: 'json_schema',
        json_schema: {
          name: 'weather',
          description: 'A weather report',
          strict: true,
          schema: {
            type: 'object',
            properties: { temp: { type: 'number' } },
            required: ['temp'],
            additionalProperties: false,
          },
        },
      },
    ],
    ['json_schema (name only)', { type: 'json_schema', json_schema: { name: 'anything' } }],
  ];
  test.each(responseFormats)('response_format: %s', async (_name, response_format) => {
    const completion = await client.chat.completions.create({
      model: MODEL,
      messages: [user('Reply in the format')],
      response_format,
    });
    expectChatCompletion(completion);
    expect(exchanges[0]?.body).toMatchObject({ response_format });
  });

  test('withResponse() exposes the Steady response headers', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: MODEL, messages: [user('hi')] })
      .withResponse();
    expectChatCompletion(data);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-steady-matched-path')).toBe('/chat/completions');
  });

  test('[invalid] a request that breaks the spec gets a BadRequestError naming the problem', async () => {
    const broken = { model: 42, messages: 'hi' } as unknown as ChatCompletionCreateParams;
    const error: unknown = await client.chat.completions.create(broken).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    const badRequest = error as BadRequestError;
    expect(badRequest.status).toBe(400);
    expect(badRequest.headers?.get('x-steady-request-valid')).toBe('false');
    expect(badRequest.error).toMatchObject({
      error: 'Validation failed',
      steady: {
        valid: false,
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any`
        errors: expect.arrayContaining([
          expect.objectContaining({ path: 'body.messages', code: 'E3008' }),
          expect.objectContaining({ path: 'body.model', code: 'E3008' }),
        ]),
      },
    });
    expect(badRequest.message).toContain('400');
    // Not retried: a 400 is final.
    expect(exchanges).toHaveLength(1);
  });

  test('[invalid] a message with an unknown role is rejected by the spec', async () => {
    const broken = {
      model: MODEL,
      messages: [{ role: 'robot', content: 'beep' }],
    } as unknown as ChatCompletionCreateParams;
    await expect(client.chat.completions.create(broken)).rejects.toMatchObject({
      name: 'BadRequestError',
      status: 400,
    });
  });
});

describe('create (streaming)', () => {
  test('stream: true yields the ChatCompletionChunks that Steady streams', async () => {
    const stream = await client.chat.completions.create(
      {
        model: MODEL,
        messages: [user('Count to three')],
        stream: true,
        stream_options: { include_usage: true, include_obfuscation: false },
      },
      { headers: { 'x-steady-stream-count': '3', 'x-steady-stream-interval-ms': '5' } },
    );
    const items: ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      items.push(chunk);
      if (items.length > 10) break;
    }
    expect(exchanges[0]?.requestHeaders.get('accept')).toBe('text/event-stream');
    expect(exchanges[0]?.responseHeaders.get('content-type')).toContain('text/event-stream');
    // Steady generates the three chunks from the schema, then ends the stream with its own
    // `event: done` / `data: {}` (not OpenAI's `data: [DONE]`, which the spec only describes in
    // prose). The client yields every event's JSON data, so that terminal `{}` arrives as a last item.
    expect(items).toHaveLength(4);
    for (const chunk of items.slice(0, 3)) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect(Array.isArray(chunk.choices)).toBe(true);
    }
    expect(items[3]).toEqual({});
  });

  test('breaking out of the stream early stops reading', async () => {
    const stream = await client.chat.completions.create(
      { model: MODEL, messages: [user('Go on forever')], stream: true },
      { headers: { 'x-steady-stream-count': '200', 'x-steady-stream-interval-ms': '50' } },
    );
    const started = Date.now();
    let seen = 0;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      if (++seen === 2) break;
    }
    expect(seen).toBe(2);
    expect(stream.controller.signal.aborted).toBe(true);
    // 200 chunks at 50 ms would take 10 s; we left after two (a margin no loaded machine comes near).
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('list', () => {
  test('limit, order, metadata (deepObject) and model go in the query; for await pages through', async () => {
    const ids: string[] = [];
    const pages = client.chat.completions.list(
      { limit: 2, order: 'desc', metadata: { project: 'e2e', 'a b': 'c&d' }, model: MODEL },
      // Two items per generated page; with this seed, Steady 0.22's first page says has_more: true.
      { headers: { 'x-steady-array-size': '2', 'x-steady-seed': '1' } },
    );
    for await (const completion of pages) {
      expectChatCompletion(completion);
      ids.push(completion.id);
      if (ids.length >= 6) break;
    }
    expect(ids.length).toBeGreaterThan(0);
    const first = exchanges[0];
    expect(first?.method).toBe('GET');
    expect(first?.url.pathname).toBe('/chat/completions');
    // In the order the spec declares the parameters (the official description's: model, metadata, after, limit, order).
    expect(first?.url.search).toBe(
      '?model=gpt-4o&metadata%5Bproject%5D=e2e&metadata%5Ba%20b%5D=c%26d&limit=2&order=desc',
    );
    const query = first?.url.searchParams;
    expect(query?.get('metadata[project]')).toBe('e2e');
    expect(query?.get('metadata[a b]')).toBe('c&d');
    expect(query?.get('after')).toBeNull();
    // The first page says has_more: true, so the client asks for the next page, after the last id of
    // the first (two-item) page. Steady generates the same page again (same seed), and the client
    // stops at the repeated cursor rather than looping.
    expect(exchanges).toHaveLength(2);
    expect(ids).toHaveLength(4);
    expect(exchanges[1]?.url.searchParams.get('after')).toBe(ids[1]);
    for (const next of exchanges.slice(1)) {
      expect(next.url.searchParams.get('after')).toEqual(expect.any(String));
      expect(next.url.searchParams.get('limit')).toBe('2');
      expect(next.url.searchParams.get('metadata[project]')).toBe('e2e');
    }
  });

  test('one page at a time', async () => {
    // With this seed and three items, Steady 0.22's page says has_more: true (for the spec of this commit).
    const page = await client.chat.completions.list(undefined, {
      headers: { 'x-steady-array-size': '3', 'x-steady-seed': '5' },
    });
    expect(page.object).toBe('list');
    expect(page.data).toHaveLength(3);
    page.data.forEach(expectChatCompletion);
    expect(page.has_more).toBe(true);
    expect(page.getPaginatedItems()).toEqual(page.data);
    expect(page.hasNextPage()).toBe(true);
    const next = await page.getNextPage();
    expect(next.object).toBe('list');
    expect(exchanges[1]?.url.searchParams.get('after')).toBe(page.data[2]?.id);
    // The per-call headers are kept for the next page.
    expect(exchanges[1]?.requestHeaders.get('x-steady-seed')).toBe('5');
  });
});

describe('stored completions', () => {
  const id = 'chatcmpl-abc123';

  test('retrieve', async () => {
    const completion = await client.chat.completions.retrieve(id);
    expectChatCompletion(completion);
    expect(exchanges[0]?.method).toBe('GET');
    expect(exchanges[0]?.url.pathname).toBe(`/chat/completions/${id}`);
  });

  test('update (metadata)', async () => {
    const completion = await client.chat.completions.update(id, {
      metadata: { project: 'e2e', reviewed: 'yes' },
    });
    expectChatCompletion(completion);
    expect(exchanges[0]?.method).toBe('POST');
    expect(exchanges[0]?.body).toEqual({ metadata: { project: 'e2e', reviewed: 'yes' } });
  });

  test('update (metadata: null clears it)', async () => {
    expectChatCompletion(await client.chat.completions.update(id, { metadata: null }));
    expect(exchanges[0]?.body).toEqual({ metadata: null });
  });

  test('delete', async () => {
    const deleted = await client.chat.completions.delete(id);
    expect(deleted.object).toBe('chat.completion.deleted');
    expect(typeof deleted.deleted).toBe('boolean');
    expect(typeof deleted.id).toBe('string');
    expect(exchanges[0]?.method).toBe('DELETE');
    expect(exchanges[0]?.body).toBeUndefined();
  });

  test('messages.list', async () => {
    const seen: string[] = [];
    for await (const message of client.chat.completions.messages.list(id, {
      limit: 5,
      order: 'asc',
    })) {
      expect(message.role).toBe('assistant');
      expect(typeof message.id).toBe('string');
      seen.push(message.id);
      if (seen.length >= 4) break;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(exchanges[0]?.url.pathname).toBe(`/chat/completions/${id}/messages`);
    expect(exchanges[0]?.url.searchParams.get('limit')).toBe('5');
    expect(exchanges[0]?.url.searchParams.get('order')).toBe('asc');
  });

  test('a path parameter with reserved characters stays one segment', async () => {
    await client.chat.completions.retrieve('a/b?c#d');
    expect(exchanges[0]?.url.pathname).toBe('/chat/completions/a%2Fb%3Fc%23d');
    expect(exchanges[0]?.responseHeaders.get('x-steady-matched-path')).toBe(
      '/chat/completions/{completion_id}',
    );
  });
});

describe('README usage example', () => {
  // Steady ends a schema-generated stream with `event: done` / `data: {}` (see above). The README
  // reads `chunk.choices[0]`, so it runs against a Steady whose spec gives the stream an
  // OpenAI-style example ending in `data: [DONE]`; the requests are validated against the same
  // (otherwise unchanged) spec.
  let readmeSteady: MockServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clientgen-e2e-'));
    const spec = parse(readFileSync(SPEC, 'utf8')) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const ok = spec.paths['/chat/completions']?.['post']?.responses['200'] as {
      content: Record<string, { example?: unknown }>;
    };
    const chunk = (content: string, finish: string | null) => ({
      data: {
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1,
        model: MODEL,
        choices: [{ index: 0, delta: { content }, finish_reason: finish }],
      },
    });
    ok.content['text/event-stream'] = {
      ...ok.content['text/event-stream'],
      example: [chunk('Hel', null), chunk('lo', 'stop'), { event: null, id: null, data: '[DONE]' }],
    };
    const path = join(dir, 'spec.yaml');
    writeFileSync(path, stringify(spec));
    readmeSteady = await startSteady(path, ['--validator-strict-oneof']);
  });

  afterAll(async () => {
    await readmeSteady?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('runs against the mock server', async () => {
    const lines: string[] = [];
    const result = await runUsageExample(createClient(readmeSteady.baseURL), (...args) =>
      lines.push(args.map(String).join(' ')),
    );
    expect(result.text).toBe('Hello');
    expect(result.listed).toBeGreaterThan(0);
    expect(typeof result.deleted).toBe('boolean');
    expect(lines.length).toBeGreaterThan(0);
    // Steady prints a session summary when it stops: every request valid, no diagnostics at all.
    await readmeSteady.stop();
    const summary = readmeSteady.output();
    expect(summary).toMatch(/Session: \d+ requests \(100% structurally valid\)/);
    expect(summary).not.toMatch(/Issues:|(warning|error)\[E\d+\]/);
    expect(summary).toContain('Coverage: 6/6 endpoints (100%)');
  });
});

test('every operation of the spec was called and accepted', async () => {
  // The tests above run first (jest runs a file's tests in order) and fill `allExchanges`.
  const operations = new Set(
    allExchanges
      .filter((e) => e.status === 200)
      .map(
        (e) =>
          `${e.method} ${e.responseHeaders.get('x-steady-matched-path') ?? '(no matched path)'}`,
      ),
  );
  expect([...operations].sort()).toEqual([
    'DELETE /chat/completions/{completion_id}',
    'GET /chat/completions',
    'GET /chat/completions/{completion_id}',
    'GET /chat/completions/{completion_id}/messages',
    'POST /chat/completions',
    'POST /chat/completions/{completion_id}',
  ]);
  await steady.stop();
  expect(steady.output()).toContain('Coverage: 6/6 endpoints (100%)');
});
