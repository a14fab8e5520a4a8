import { codeFrameColumns } from '@babel/code-frame';
import type { LoadedSpec } from '../load/load-spec';
import { sortDiagnostics, type Diagnostic } from './diagnostic';

/** Renders diagnostics sorted by position, each with its pointer and a code frame of the spec text. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  spec: Pick<LoadedSpec, 'files'> | undefined,
  options: { color?: boolean } = {},
): string {
  const texts = new Map<string, string>();
  for (const file of spec?.files.values() ?? []) texts.set(file.displayPath, file.text);
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const head = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}\n  at ${d.pointer}`;
      const text = texts.get(d.file);
      if (text === undefined || d.line < 1) return head;
      const frame = codeFrameColumns(
        text,
        { start: { line: d.line, column: d.column } },
        { highlightCode: options.color ?? false, linesAbove: 1, linesBelow: 1 },
      );
      return `${head}\n${frame.replace(/^/gm, '  ')}`;
    })
    .join('\n\n');
}

/** One-line summary such as '2 errors, 1 warning'. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
