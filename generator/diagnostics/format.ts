import type { SourceFile } from '../load/source-file';
import { indexLines, renderCodeFrame } from './code-frame';
import { sortDiagnostics, type Diagnostic } from './diagnostic';

/** How many diagnostics of one kind are printed in full before the rest are summarised in one line. */
export const SHOWN_PER_KIND = 3;

export interface FormatOptions {
  color?: boolean;
  /** Print every diagnostic in full (`--verbose`); by default each kind shows SHOWN_PER_KIND. */
  all?: boolean;
}

/**
 * Renders diagnostics sorted by position, each with its pointer and a code frame of the spec text. Beyond the first
 * few of one kind (same code, rule and severity), one line at the end says how many more there are.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  spec: { files: ReadonlyMap<string, Pick<SourceFile, 'displayPath' | 'text'>> } | undefined,
  options: FormatOptions = {},
): string {
  const texts = new Map<string, { text: string; lines?: number[] }>();
  for (const file of spec?.files.values() ?? []) texts.set(file.displayPath, { text: file.text });
  const shown = new Map<string, { count: number; example: Diagnostic }>();
  const blocks: string[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    const kind = kindOf(d);
    const seen = shown.get(kind) ?? { count: 0, example: d };
    shown.set(kind, { ...seen, count: seen.count + 1 });
    if (!options.all && seen.count >= SHOWN_PER_KIND) continue;
    const head = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}\n  at ${d.pointer}`;
    const source = texts.get(d.file);
    if (source === undefined || d.line < 1) {
      blocks.push(head);
      continue;
    }
    source.lines ??= indexLines(source.text);
    const frame = renderCodeFrame(source.text, source.lines, d, options.color ?? false);
    blocks.push(`${head}\n${frame.replace(/^/gm, '  ')}`);
  }
  const more = [...shown.values()]
    .filter((k) => k.count > SHOWN_PER_KIND && !options.all)
    .map(({ count, example }) => {
      const n = count - SHOWN_PER_KIND;
      const what = `${example.code} ${example.severity}${n === 1 ? '' : 's'}`;
      const rule = example.rule ? ` (${example.rule})` : '';
      return `… and ${n} more ${what}${rule} like these (run with --verbose to see all)`;
    });
  return [...blocks, ...(more.length ? [more.join('\n')] : [])].join('\n\n');
}

/** What summaries group by: the code, the rule within it when there is one, and the severity. */
function kindOf(d: Diagnostic): string {
  return `${d.code}\0${d.rule ?? ''}\0${d.severity}`;
}

/** One-line summary such as '2 errors, 1 warning'. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
