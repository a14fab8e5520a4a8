/**
 * Reads a spec file over http(s) with the platform's fetch: a time limit for the whole exchange, and
 * answers that cannot be a spec (an error status, an HTML page) turned into messages that say what came back.
 */

/** The default time limit for one file, body included. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** A fetched file: its text, and the URL it finally came from (after redirects). */
export interface FetchedSource {
  text: string;
  finalUrl: string;
}

/** Why a URL gave no spec text; `notSpec` when something answered, but not with YAML or JSON. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly notSpec = false,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Fetches `url`; throws a `FetchError` with a short reason (the caller names the URL). */
export async function fetchSource(
  url: string,
  timeoutMs = DEFAULT_FETCH_TIMEOUT_MS,
): Promise<FetchedSource> {
  const signal = AbortSignal.timeout(timeoutMs);
  // fetch refuses a URL with credentials in it: they go as basic auth instead.
  const target = new URL(url);
  const headers: Record<string, string> = {
    accept: 'application/yaml, application/json;q=0.9, text/*;q=0.8, */*;q=0.5',
  };
  if (target.username || target.password) {
    const credentials = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(target, { signal, headers });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchError(
        `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      );
    }
    text = await response.text();
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(networkProblem(e, timeoutMs, signal));
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (
    type === 'text/html' ||
    type === 'application/xhtml+xml' ||
    /^\s*<(!doctype|html|\?xml|head|body)\b/i.test(text)
  ) {
    throw new FetchError(
      `the server answered with ${type === 'text/html' || type === 'application/xhtml+xml' ? `an HTML page (${type})` : 'markup'}, not an OpenAPI document in YAML or JSON`,
      true,
    );
  }
  return { text, finalUrl: response.url || target.href };
}

/** The reason behind fetch's generic "fetch failed": refused, unknown host, timeout… */
function networkProblem(e: unknown, timeoutMs: number, signal: AbortSignal): string {
  if (signal.aborted)
    return `no complete answer within ${formatSeconds(timeoutMs)} (see --timeout)`;
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'unknown host',
    EAI_AGAIN: 'the host name could not be resolved (no network?)',
    ECONNRESET: 'the connection was reset',
    UND_ERR_SOCKET: 'the connection was closed before the answer was complete',
    CERT_HAS_EXPIRED: 'the TLS certificate has expired',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate could not be verified',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed',
  };
  const known = code !== undefined ? reasons[code] : undefined;
  if (known !== undefined) return known;
  const message =
    typeof cause?.message === 'string' ? cause.message : e instanceof Error ? e.message : String(e);
  return code ? `${message} (${code})` : message;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
