import type { Logger, LogLevel } from '../../templates/index';
import { fakeFetch, json, makeClient, sequenceFetch } from './helpers';

const KEY = 'sk-test-secret-key';

type Entry = { level: keyof Logger; message: string; rest: unknown[] };

/** A logger that records every call. */
function recordingLogger(): { logger: Logger; entries: Entry[] } {
  const entries: Entry[] = [];
  const at =
    (level: keyof Logger) =>
    (message: string, ...rest: unknown[]): void => {
      entries.push({ level, message, rest });
    };
  return {
    logger: { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') },
    entries,
  };
}

const text = (entries: Entry[]): string => JSON.stringify(entries);

afterEach(() => {
  delete process.env['TEST_CLIENT_LOG'];
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('log level', () => {
  it('defaults to warn, which logs nothing about a successful request', async () => {
    const { logger, entries } = recordingLogger();
    const client = makeClient(sequenceFetch(() => json({ ok: true })).fetch, { logger });
    expect(client.logLevel).toBe('warn');
    await client.get('/things');
    expect(entries).toEqual([]);
  });

  it('is read from the named environment variable, and the option wins over it', () => {
    process.env['TEST_CLIENT_LOG'] = 'debug';
    const { fetch } = sequenceFetch(() => json({}));
    expect(makeClient(fetch, { logEnv: 'TEST_CLIENT_LOG' }).logLevel).toBe('debug');
    expect(makeClient(fetch, { logEnv: 'TEST_CLIENT_LOG', logLevel: 'error' }).logLevel).toBe(
      'error',
    );
    expect(makeClient(fetch).logLevel).toBe('warn');
  });

  it('warns about an invalid value through the logger and falls back to warn', () => {
    process.env['TEST_CLIENT_LOG'] = 'verbose';
    const { logger, entries } = recordingLogger();
    const { fetch } = sequenceFetch(() => json({}));
    const client = makeClient(fetch, { logEnv: 'TEST_CLIENT_LOG', logger });
    expect(client.logLevel).toBe('warn');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.level).toBe('warn');
    expect(entries[0]?.message).toContain('TEST_CLIENT_LOG was set to "verbose"');
  });

  it.each<[LogLevel, Array<keyof Logger>]>([
    ['off', []],
    ['error', []],
    ['info', ['info']],
    ['debug', ['debug', 'debug', 'info']],
  ])('at %s, a successful request logs %j', async (logLevel, levels) => {
    const { logger, entries } = recordingLogger();
    const client = makeClient(sequenceFetch(() => json({ ok: true })).fetch, { logger, logLevel });
    await client.get('/things');
    expect(entries.map((e) => e.level)).toEqual(levels);
  });
});

describe('debug logs', () => {
  it('show the request and the response with a timing, never the API key', async () => {
    const { logger, entries } = recordingLogger();
    const client = makeClient(sequenceFetch(() => json({ ok: true })).fetch, {
      logger,
      logLevel: 'debug',
    });
    await client.post('/things', { body: { name: 'x' }, headers: { 'x-trace': 't1' } });
    const [sending, start, done] = entries;
    expect(sending?.message).toMatch(/^\[log_[0-9a-f]+\] sending request$/);
    expect(sending?.rest[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.example.test/v1/things',
      headers: { authorization: '***', 'x-trace': 't1', 'x-retry-count': '0' },
    });
    expect(start?.message).toMatch(/response start$/);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed `any`
    expect(start?.rest[0]).toMatchObject({ status: 200, durationMs: expect.any(Number) });
    expect(done?.message).toMatch(
      /^\[log_[0-9a-f]+\] POST https:\/\/api\.example\.test\/v1\/things succeeded with status 200 in \d+ms$/,
    );
    expect(text(entries)).not.toContain(KEY);
  });

  it('mask a key sent in a named header or in the query string', async () => {
    for (const auth of [
      { type: 'header', name: 'X-Custom-Key' },
      { type: 'query', name: 'key' },
    ] as const) {
      const { logger, entries } = recordingLogger();
      const { fetch, calls } = sequenceFetch(() => json({ ok: true }));
      await makeClient(fetch, { logger, logLevel: 'debug', auth }).get('/things');
      // The key did go out, and no log shows it.
      expect(JSON.stringify([calls[0]?.url, [...(calls[0]?.headers ?? [])]])).toContain(KEY);
      expect(text(entries)).not.toContain(KEY);
      expect(text(entries)).toContain('***');
    }
  });

  it('follow retries: the status, what is left, the delay, and the retry number', async () => {
    jest.useFakeTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const { logger, entries } = recordingLogger();
    const { fetch } = sequenceFetch(
      () => json({ error: { message: 'busy' } }, 503),
      () => json({ ok: true }),
    );
    const promise = makeClient(fetch, { logger, logLevel: 'debug', maxRetries: 2 }).get('/t');
    await jest.advanceTimersByTimeAsync(1_000);
    await promise;
    const messages = entries.map((e) => e.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/failed with status 503 in \d+ms - retrying, 2 attempts remaining$/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/waiting 500ms before retry 1$/));
    expect(messages).toContainEqual(
      expect.stringMatching(/^\[log_[0-9a-f]+, retry 1\] GET .* succeeded with status 200/),
    );
  });

  it('report a connection failure without the key that the platform error may carry', async () => {
    const { logger, entries } = recordingLogger();
    const { fetch } = fakeFetch(() => {
      throw new TypeError(`fetch failed for ${KEY}`);
    });
    const client = makeClient(fetch, { logger, logLevel: 'debug' });
    await expect(client.get('/t')).rejects.toThrow('Connection error.');
    expect(entries.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/connection failed in \d+ms - error; no more retries left$/),
    );
    expect(text(entries)).toContain('fetch failed for ***');
    expect(text(entries)).not.toContain(KEY);
  });
});
