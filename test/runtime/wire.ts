/** A fake fetch that records what goes on the wire: the URL, the headers and the body's exact bytes as text. */

import type { Fetch } from '../../templates/index';

export type WireCall = { url: string; method: string; headers: Headers; body: string };

/** Records each request as fetch would send it (a `Request` built from the same arguments) and answers `{}`. */
export function wireFetch(): { fetch: Fetch; calls: WireCall[] } {
  const calls: WireCall[] = [];
  const fetch: Fetch = async (input, init) => {
    const request = new Request(input, init);
    calls.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    });
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}
