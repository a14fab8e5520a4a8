import { createHash } from 'node:crypto';
import { version as prettierVersion } from 'prettier/package.json';
import { PRETTIER_OPTIONS } from './prettier-options';

/** The cache key of unformatted text: it and the formatter's version and options decide the formatted text. */
export function formatKey(text: string): string {
  return createHash('sha256').update(FORMATTER_ID).update('\0').update(text).digest('base64url');
}

/** Prettier's version and clientgen's options: a change of either makes every cached entry a miss. */
// The version is read from prettier's package.json, not from prettier itself, so that a run that formats nothing
// never loads prettier.
const FORMATTER_ID = JSON.stringify([prettierVersion, PRETTIER_OPTIONS]);
