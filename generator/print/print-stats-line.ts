import type { PrintStats } from './print-files';

/**
 * The line `--verbose` prints under the print stage, and its reader: `npm run bench` and the CLI's tests read the
 * counts back, so the words are written and read here only.
 */
export function printStatsLine(stats: PrintStats): string {
  const failed = stats.statementsFailed
    ? `, ${stats.statementsFailed} of them after a layout error`
    : '';
  const files = (n: number) => (n === 1 ? '1 file' : `${n} files`);
  return `${stats.files} files (${stats.filesFromCache} from the format cache, ${stats.filesFinal} final as printed): ${stats.statementsLaidOut} statements laid out, ${stats.statementsFinal} final as printed, ${stats.statementsToPrettier} formatted by prettier (in ${files(stats.filesToPrettier)})${failed}; ${files(stats.filesToCompiler)} parsed by TypeScript's compiler`;
}

/** The counts of the first `printStatsLine` in `text` (a run's stderr), or undefined when there is none. */
export function readPrintStatsLine(text: string): PrintStats | undefined {
  const m = PRINT_STATS_LINE.exec(text);
  if (!m) return undefined;
  const n = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return {
    files: n[0]!,
    filesFromCache: n[1]!,
    filesFinal: n[2]!,
    statementsLaidOut: n[3]!,
    statementsFinal: n[4]!,
    statementsToPrettier: n[5]!,
    filesToPrettier: n[6]!,
    statementsFailed: n[7]!,
    filesToCompiler: n[8]!,
  };
}

const PRINT_STATS_LINE =
  /^ *(\d+) files \((\d+) from the format cache, (\d+) final as printed\): (\d+) statements laid out, (\d+) final as printed, (\d+) formatted by prettier \(in (\d+) files?\)(?:, (\d+) of them after a layout error)?; (\d+) files? parsed by TypeScript's compiler$/m;
