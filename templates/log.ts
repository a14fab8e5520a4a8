/**
 * Logging, as in openai-node: a `logger` (console by default) and a `logLevel` ('warn' by default).
 * Nothing is formatted unless its level is enabled, and request details pass through `redactRequest`
 * first, so that credentials never reach a log.
 */

import { encodeRFC3986 } from './query';

type LogFn = (message: string, ...rest: unknown[]) => void;

/** Anything with console's four logging methods (console itself, pino, winston, …). */
export type Logger = { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn };

/** How much to log: `debug` logs every request, response, retry and timing; `off` nothing. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const LEVELS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

const noop: LogFn = () => undefined;

/** Whether a string names a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LEVELS, value);
}

/**
 * The level from the client option, else from the environment variable, else 'warn'. An invalid value
 * is reported through the logger (not thrown: a typo in an environment variable should not stop a program).
 */
export function resolveLogLevel(
  option: unknown,
  envValue: string | undefined,
  envName: string | undefined,
  logger: Logger,
): LogLevel {
  for (const [value, source] of [
    [option, 'ClientOptions.logLevel'],
    [envValue, envName ?? 'the log level environment variable'],
  ] as const) {
    if (value === undefined || value === null || value === '') continue;
    if (isLogLevel(value)) return value;
    logger.warn(
      `${source} was set to ${JSON.stringify(value)}; expected one of ${Object.keys(LEVELS).join(', ')}.`,
    );
  }
  return 'warn';
}

/** The global console, when the platform has one (read without needing DOM or Node type definitions). */
export function defaultLogger(): Logger {
  const host = globalThis as { console?: Partial<Logger> };
  const console = host.console;
  const pick = (name: keyof Logger): LogFn => {
    const fn = console?.[name];
    return typeof fn === 'function' ? fn.bind(console) : noop;
  };
  return { error: pick('error'), warn: pick('warn'), info: pick('info'), debug: pick('debug') };
}

/** A logger whose methods below `level` do nothing (the others are the logger's own, bound). */
export function levelLogger(logger: Logger, level: LogLevel): Logger {
  const make = (name: keyof Logger): LogFn =>
    LEVELS[name] <= LEVELS[level] ? logger[name].bind(logger) : noop;
  return { error: make('error'), warn: make('warn'), info: make('info'), debug: make('debug') };
}

/** Headers whose values are credentials whatever the API (the auth scheme's own header is added to these). */
const SENSITIVE_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'api-key',
  'x-api-key',
  'x-auth-token',
];

/** Credentials to mask: one value, several, or none. */
export type Secrets = string | readonly (string | null | undefined)[] | null | undefined;

/** Every form a secret can take in a text (raw or URL-encoded), longest first so that none is left half-masked. */
export function secretForms(secrets: Secrets): string[] {
  const list = typeof secrets === 'string' ? [secrets] : (secrets ?? []);
  const forms = new Set<string>();
  for (const secret of list) {
    if (!secret) continue;
    forms.add(secret).add(encodeURIComponent(secret)).add(encodeRFC3986(secret));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A function that masks every occurrence of each secret (raw or URL-encoded) in a text with `***`. */
export function scrubber(secrets: Secrets): (text: string) => string {
  const forms = secretForms(secrets);
  if (!forms.length) return (text) => text;
  return (text) => forms.reduce((out, form) => out.split(form).join('***'), text);
}

/** Headers as a plain record for a log: credential headers masked, and the key masked wherever else it appears. */
export function redactHeaders(
  headers: Headers,
  scrub: (text: string) => string,
  extraSensitive: readonly string[] = [],
): Record<string, string> {
  const sensitive = new Set([...SENSITIVE_HEADERS, ...extraSensitive.map((h) => h.toLowerCase())]);
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = sensitive.has(name) ? '***' : scrub(value);
  });
  return out;
}
