/** Small JSON helpers shared by response parsing, streaming, pagination and request encoding. */

/** Parses JSON text, returning undefined instead of throwing when it is not valid JSON. */
export function safeJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether a value is a non-null object that is not an array (what a parsed JSON object is). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a content type is JSON (`application/json`, `text/json`, or a `+json` suffix: `application/problem+json`). */
export function isJSONContentType(contentType: string | null): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return (
    mediaType === 'application/json' ||
    mediaType === 'text/json' ||
    mediaType?.endsWith('+json') === true
  );
}
