import * as path from 'node:path';
import { MANIFEST_NAME } from './manifest';
import type { WriteResult } from './write-output';

/**
 * One line for stdout after a write, e.g. 'generated 42 files in generated/ (3 changed, 1 removed)'.
 * `dir` is the folder as named to the user, with a trailing slash (see `displayDir`).
 */
export function formatWriteSummary(result: WriteResult, dir: string): string {
  const total = result.added.length + result.changed.length + result.unchanged.length;
  const counts = [
    count(result.added.length, 'added'),
    count(result.changed.length, 'changed'),
    count(result.removed.length, 'removed'),
  ].filter((c) => c !== undefined);
  const detail = counts.length
    ? counts.join(', ')
    : result.status === 'up-to-date'
      ? 'no changes'
      : 'manifest updated';
  return `generated ${plural(total, 'file')} in ${dir} (${detail})`;
}

/** For `--check`: 'generated/ is up to date', or the list of files that would be added, changed or removed. */
export function formatDrift(result: WriteResult, dir: string): string {
  if (result.status === 'up-to-date') return `${dir} is up to date`;
  const handEdited = new Set(result.handEdited);
  const foreign = new Set(result.foreignConflicts);
  const lines: string[] = [];
  const note = (p: string): string =>
    handEdited.has(p) ? ' (edited by hand)' : foreign.has(p) ? ' (not written by clientgen)' : '';
  for (const p of result.added) lines.push(`  added    ${dir}${p}`);
  for (const p of result.changed) lines.push(`  changed  ${dir}${p}${note(p)}`);
  for (const p of result.removed) lines.push(`  removed  ${dir}${p}`);
  for (const p of staleEdited(result))
    lines.push(`  stale    ${dir}${p} (edited by hand, no longer generated)`);
  if (result.manifest !== 'unchanged')
    lines.push(`  ${result.manifest.padEnd(8)} ${dir}${MANIFEST_NAME}`);
  const files =
    result.added.length +
    result.changed.length +
    result.removed.length +
    staleEdited(result).length;
  return [`${dir} is out of date: ${plural(files, 'file')} would change`, ...lines].join('\n');
}

/** Why a write was refused (status 'hand-edited' or 'foreign-conflict'), what to do, and that nothing was changed. */
export function formatRefusal(result: WriteResult, dir: string): string {
  const parts: string[] = [];
  if (result.handEdited.length) {
    const stale = new Set(staleEdited(result));
    parts.push(
      `refusing to write ${dir}: ${plural(result.handEdited.length, 'file')} written by clientgen ` +
        `${result.handEdited.length === 1 ? 'was' : 'were'} edited by hand:`,
      ...result.handEdited.map(
        (p) => `  ${dir}${p}${stale.has(p) ? ' (no longer generated)' : ''}`,
      ),
      `Move your changes out of these files, or pass --force to overwrite them ` +
        `(hand-edited files that are no longer generated are kept either way).`,
    );
  }
  if (result.foreignConflicts.length) {
    parts.push(
      `${parts.length ? '' : `refusing to write ${dir}: `}${plural(result.foreignConflicts.length, 'file')} not written by ` +
        `clientgen (not in ${dir}${MANIFEST_NAME}) ${result.foreignConflicts.length === 1 ? 'is' : 'are'} where clientgen would write:`,
      ...result.foreignConflicts.map((p) => `  ${dir}${p}`),
      `Move ${result.foreignConflicts.length === 1 ? 'it' : 'them'} away, or pass --force to overwrite ${
        result.foreignConflicts.length === 1 ? 'it' : 'them'
      }.`,
    );
  }
  parts.push('Nothing was changed.');
  return parts.join('\n');
}

/** Warnings after a `--force` write that overwrote or un-managed files; empty when there is nothing to say. */
export function formatForced(result: WriteResult, dir: string): string {
  if (result.status !== 'written') return '';
  const stale = new Set(staleEdited(result));
  const overwritten = [
    ...result.handEdited.filter((p) => !stale.has(p)),
    ...result.foreignConflicts,
  ].sort();
  const lines: string[] = [];
  if (overwritten.length) {
    lines.push(
      `overwrote ${plural(overwritten.length, 'file')} (--force):`,
      ...overwritten.map((p) => `  ${dir}${p}`),
    );
  }
  if (stale.size) {
    lines.push(
      `kept ${plural(stale.size, 'hand-edited file')} that clientgen no longer generates (now yours):`,
      ...[...stale].map((p) => `  ${dir}${p}`),
    );
  }
  return lines.join('\n');
}

/** Hand-edited files that are not part of the new output (kept, never deleted). */
function staleEdited(result: WriteResult): string[] {
  const current = new Set([...result.added, ...result.changed, ...result.unchanged]);
  return result.handEdited.filter((p) => !current.has(p));
}

function count(n: number, what: string): string | undefined {
  return n ? `${n} ${what}` : undefined;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** 'generated/' for messages: the folder as the user named it, with a trailing slash. */
export function displayDir(dir: string): string {
  const posix = dir.split(path.sep).join('/');
  if (posix === '' || posix === '.') return './';
  return posix.endsWith('/') ? posix : posix + '/';
}
