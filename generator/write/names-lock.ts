import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { NAMES_LOCK, parseNamesLock } from '../ir/naming/names-record';
import type { NameRecord } from '../ir/name-operations';
import { WriteError } from './write-error';

/**
 * The names the client in `outDir` has, from its names lock (docs/naming.md); empty when the folder has none yet.
 * A lock that is not one clientgen could have written is a WriteError (exit 2), never silently ignored: ignoring it
 * would rename methods.
 */
export async function readNamesLock(outDir: string): Promise<NameRecord | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, NAMES_LOCK), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const read = parseNamesLock(text);
  if ('error' in read)
    throw new WriteError(
      `${path.join(outDir, NAMES_LOCK)} is not a clientgen names lock: ${read.error} (remove it, or run generate --rename)`,
    );
  return read;
}
