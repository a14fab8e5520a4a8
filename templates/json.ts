/** Small JSON helpers shared by response parsing, streaming and pagination. */

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
