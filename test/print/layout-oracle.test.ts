/**
 * The oracle of the layout (generator/print/layout/): for every TypeScript file clientgen emits for the golden cases,
 * the chat spec, the shared real-world specs (Stripe and OpenAI included) and a batch of the fuzzer's valid documents,
 * the laid-out file (its fallback statements formatted by prettier) must be prettier's output of the whole file, byte
 * for byte. Prettier formats each whole file here, so the test costs about what prettier cost a run before the layout.
 * And print's own output, where the statements it takes as final as printed (generator/print/final-text.ts, neither
 * parsed nor laid out, some of their long lines broken by construction) are pieces as they are and only the others
 * are laid out, must be the same: so each file and each statement taken as final is prettier's output.
 */
import fc from 'fast-check';
import * as estree from 'prettier/plugins/estree';
import * as babel from 'prettier/plugins/babel';
import * as prettier from 'prettier/standalone';
import { joinPieces } from '../../generator/print/layout/join-pieces';
import { layoutFile } from '../../generator/print/layout/layout-file';
import { newPrintStats, printTexts } from '../../generator/print/print-files';
import { PRETTIER_OPTIONS } from '../../generator/print/prettier-options';
import { documentArb } from '../fuzz/arbitraries/document';
import { parsedFile } from './layout/expect-layout';
import {
  goldenSpecs,
  realSpecs,
  unformattedFiles,
  unformattedFilesOf,
  type UnformattedFile,
} from './layout-corpus';

const format = (text: string) =>
  prettier.format(text, { ...PRETTIER_OPTIONS, plugins: [estree, babel] });

/** The first lines where two texts differ, with two lines of context, for a failure message. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, k) => line !== e[k]);
  const at = i === -1 ? Math.min(a.length, e.length) : i;
  const window = (lines: string[]) =>
    lines
      .slice(Math.max(0, at - 2), at + 4)
      .map((l, k) => `${String(Math.max(0, at - 2) + k + 1).padStart(5)} | ${l}`)
      .join('\n');
  return `first difference at line ${at + 1}\n--- layout\n${window(a)}\n--- prettier\n${window(e)}`;
}

interface Tally {
  files: number;
  laidOut: number;
  fallBack: number;
  /** Statements the layout broke on (a bug; prettier formatted them): there must be none. */
  failed: string[];
  /** Files final as printed, and statements final as printed in the others. */
  final: number;
  finalStatements: number;
}

/** Checks every file; returns the mismatches as messages, and adds to the tally. */
async function compare(label: string, files: UnformattedFile[], tally: Tally): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const laid = layoutFile(file.text, parsedFile(file.text));
    tally.files++;
    tally.laidOut += laid.statements.laidOut;
    tally.fallBack += laid.statements.fallBack;
    tally.failed.push(...laid.statements.failed.map((f) => `${label}: ${file.path}: ${f}`));
    const printed = await Promise.all(
      laid.pieces.map(async (p) => (p.formatted ? p.text : format(p.text))),
    );
    const actual = joinPieces(laid.pieces, printed);
    const expected = await format(file.text);
    if (actual !== expected)
      problems.push(`${label}: ${file.path}: ${firstDifference(actual, expected)}`);
    const stats = newPrintStats();
    const [viaPrint] = await printTexts([{ ...file, banner: '//' }], { stats });
    const output = viaPrint!.contents.slice('//\n\n'.length);
    tally.final += stats.filesFinal;
    tally.finalStatements += stats.statementsFinal;
    if (output !== expected)
      problems.push(
        `${label}: ${file.path} (as print prints it): ${firstDifference(output, expected)}`,
      );
  }
  return problems;
}

const tallies = new Map<string, Tally>();
const run = async (label: string, files: () => Promise<UnformattedFile[]>) => {
  const tally: Tally = {
    files: 0,
    laidOut: 0,
    fallBack: 0,
    failed: [],
    final: 0,
    finalStatements: 0,
  };
  tallies.set(label, tally);
  const problems = await compare(label, await files(), tally);
  expect(problems.slice(0, 5).join('\n\n')).toBe('');
  expect(tally.failed.slice(0, 3).join('\n\n')).toBe('');
  // A layout that lays nothing out would pass trivially: each corpus must exercise it, and the files final as printed.
  expect(tally.laidOut).toBeGreaterThan(0);
  expect(tally.final).toBeGreaterThan(0);
};

afterAll(() => {
  const lines = [...tallies].map(
    ([label, t]) =>
      `${label}: ${t.files} files (${t.final} final as printed; ${t.finalStatements} statements final as printed in the others), ${t.laidOut} statements laid out, ${t.fallBack} formatted by prettier`,
  );
  console.log(`layout oracle\n${lines.join('\n')}`);
});

describe('the layout prints what prettier prints', () => {
  it(
    'on every golden case',
    () =>
      run('golden cases', async () =>
        (await Promise.all(goldenSpecs.map(unformattedFiles))).flat(),
      ),
    300_000,
  );

  it.each([...realSpecs])(
    'on %s',
    (label, spec) => run(label, () => unformattedFiles(spec)),
    600_000,
  );

  // `ORACLE_SEED=… ORACLE_RUNS=… npx jest test/print/layout-oracle` tries more of them (docs/fuzzing.md).
  it('on the fuzzer’s valid documents (fixed seed)', async () => {
    const documents = fc.sample(documentArb, {
      seed: Number(process.env.ORACLE_SEED ?? 20261202),
      numRuns: Number(process.env.ORACLE_RUNS ?? 40),
    });
    await run('fuzz', async () => (await Promise.all(documents.map(unformattedFilesOf))).flat());
  }, 300_000);
});
