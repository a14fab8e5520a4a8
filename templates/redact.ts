/**
 * Keeps credentials out of error messages: a server may echo it back, and some fetch implementations
 * put the request URL (which holds the key when it is sent as a query parameter) in their errors.
 */

import { errorCause, isError } from './errors';
import { secretForms, type Secrets } from './log';

const REDACTED = '[REDACTED]';

/** Replaces every occurrence of each secret (raw or URL-encoded) in an error's message and stack, and in its causes. */
export function redactSecret<E extends Error>(err: E, secrets: Secrets): E {
  const forms = secretForms(secrets);
  if (!forms.length) return err;
  const scrub = (text: string): string =>
    forms.reduce((out, form) => out.split(form).join(REDACTED), text);
  let current: unknown = err;
  for (let depth = 0; isError(current) && depth < 5; depth++) {
    try {
      if (current.message !== scrub(current.message)) current.message = scrub(current.message);
      if (current.stack !== undefined) current.stack = scrub(current.stack);
    } catch {
      // Some platform errors have read-only properties; there is nothing more to do for those.
    }
    current = errorCause(current);
  }
  return err;
}
