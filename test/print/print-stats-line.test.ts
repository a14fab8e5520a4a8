/**
 * The `--verbose` print line and its reader (generator/print/print-stats-line.ts): `npm run bench` and the CLI's tests
 * read the counts back, so every count written must read back as written.
 */
import { newPrintStats, type PrintStats } from '../../generator/print/print-files';
import { printStatsLine, readPrintStatsLine } from '../../generator/print/print-stats-line';

it.each<[string, Partial<PrintStats>]>([
  [
    'every count different',
    {
      files: 987,
      filesFromCache: 3,
      filesFinal: 980,
      filesToCompiler: 2,
      filesToPrettier: 4,
      statementsLaidOut: 13,
      statementsFinal: 152,
      statementsToPrettier: 5,
    },
  ],
  [
    'one file each, and statements after a layout error',
    {
      files: 1,
      filesToCompiler: 1,
      filesToPrettier: 1,
      statementsToPrettier: 2,
      statementsFailed: 2,
    },
  ],
  ['nothing', {}],
])('reads back %s', (_label, counts) => {
  const stats = { ...newPrintStats(), ...counts };
  const line = printStatsLine(stats);
  expect(readPrintStatsLine(`print  12.0 ms\n           ${line}\nwrite  1.0 ms\n`)).toEqual(stats);
});

it('reads nothing from a run without the line', () => {
  expect(readPrintStatsLine('load  1.0 ms\n')).toBeUndefined();
});
