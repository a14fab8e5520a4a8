import type { ts } from 'ts-morph';
import type { EmittedFile } from '../emit/emitted-file';
import type { GeneratedFile } from '../output/generated-file';
import { createFormatter } from './format-pool';
import { joinPieces } from './layout/join-pieces';
import { layoutFile, parseWithCompiler, type LaidOut, type ParsedFile } from './layout/layout-file';
import { parseSubset } from './layout/parse-subset';
import { emittedTexts, type EmittedText } from './emitted-text';
import type { StatementRun } from './final-text';
import { formatKey } from './format-key';

export { bannerLine, markdownBanner } from './emitted-text';
export { formatKey } from './format-key';

/**
 * Formatted text by a key of the text before formatting (see `formatKey`), for whole files and for the statements
 * the layout leaves to prettier: a regeneration lays out and formats only the files whose emitted text changed. `printFiles` reads it and records every key it used; the caller persists it.
 */
export interface FormatCache {
  get(key: string): string | undefined;
  set(key: string, formatted: string): void;
}

export interface PrintOptions {
  cache?: FormatCache;
  /** Filled with how much was laid out and how much went to prettier (for the bench). */
  stats?: PrintStats;
  /** Called with each file as soon as its text is final, in no particular order (the write stages it meanwhile). */
  onFile?: (file: GeneratedFile) => void;
}

/** What the layout printed and what it left to prettier, in top-level statements and in files. */
export interface PrintStats {
  /** TypeScript files printed (runtime and Markdown files are copied as they are). */
  files: number;
  /** Files taken whole from the format cache (neither laid out nor formatted). */
  filesFromCache: number;
  /** Files whose printed structure was final already (print/final-text.ts): neither parsed nor laid out. */
  filesFinal: number;
  /** Files outside the subset parser's TypeScript (parse-subset.ts), parsed by TypeScript's compiler. */
  filesToCompiler: number;
  /** Files with at least one statement formatted by prettier (or taken from the cache by its text). */
  filesToPrettier: number;
  statementsLaidOut: number;
  /** Top-level statements final as printed in files that are not (print/final-text.ts): neither parsed nor laid out. */
  statementsFinal: number;
  statementsToPrettier: number;
  /** Of those, statements the layout broke on (a bug: see docs/layout.md), formatted by prettier instead. */
  statementsFailed: number;
}

/** Counts at zero, for `PrintOptions.stats`. */
export function newPrintStats(): PrintStats {
  return {
    files: 0,
    filesFromCache: 0,
    filesFinal: 0,
    filesToCompiler: 0,
    filesToPrettier: 0,
    statementsLaidOut: 0,
    statementsFinal: 0,
    statementsToPrettier: 0,
    statementsFailed: 0,
  };
}

/**
 * Prints each file once, lays it out in prettier's layout with clientgen's own config and adds the banner. Sorted by
 * path. The statements the layout does not handle (generator/print/layout/) are formatted by prettier, so prettier
 * loads only when some statement needs it; `CLIENTGEN_LAYOUT=0` sends every file to prettier (to compare, measure).
 * Runtime files (text) are copied as they are: the templates are kept formatted (test/golden/core-copy.test.ts).
 */
export async function printFiles(
  files: EmittedFile[],
  specLabel: string,
  options: PrintOptions = {},
): Promise<GeneratedFile[]> {
  return printTexts(emittedTexts(files, specLabel), options);
}

/** `printFiles` for files already turned into text (`emittedTexts`): lays out, formats and caches them. */
export async function printTexts(
  texts: EmittedText[],
  options: PrintOptions = {},
): Promise<GeneratedFile[]> {
  const cache = options.cache;
  const layout = process.env.CLIENTGEN_LAYOUT !== '0';
  let compiler: typeof ts | undefined;
  const jobs = [];
  for (const t of texts) {
    // A file printed before is taken whole from the cache (no layout, no prettier), a file final as printed is
    // itself; any other is split into pieces, laid out by construction (generator/print/layout/) or left to prettier
    // (`formatted: false`). Each one's text is cached by its key: the emit record names the text by it.
    const key = t.formatted || !cache ? undefined : (t.formatKey ?? formatKey(t.text));
    const final = layout && !t.formatted ? t.final : undefined;
    const cached = t.formatted
      ? t.text
      : final !== undefined || key === undefined
        ? undefined
        : cache?.get(key);
    if (options.stats && (!t.formatted || t.reused)) options.stats.files++;
    if (options.stats && ((!t.formatted && cached !== undefined) || t.reused))
      options.stats.filesFromCache++;
    if (options.stats && final !== undefined) options.stats.filesFinal++;
    let split: ReturnType<typeof splitFile> | undefined;
    if (cached === undefined && final === undefined) {
      // The statements final as printed are pieces as they are; the others are laid out, run by run.
      const whole: StatementRun = {
        text: t.text,
        final: false,
        blankLineBefore: false,
        statements: 0,
      };
      const runs = (layout && t.runs) || [whole];
      split = { pieces: [], printed: [] };
      let toCompiler = false;
      for (const run of runs) {
        if (run.final) {
          split.pieces.push({
            text: run.text,
            formatted: true,
            blankLineBefore: run.blankLineBefore,
          });
          split.printed.push(run.text);
          if (options.stats) options.stats.statementsFinal += run.statements;
          continue;
        }
        // The subset parser reads what clientgen emits; TypeScript's compiler (~0.5 s to load) parses any other text.
        let parsed: ParsedFile | undefined = layout ? parseSubset(run.text) : undefined;
        if (layout && !parsed) {
          compiler ??= (await import('ts-morph')).ts;
          parsed = parseWithCompiler(compiler, run.text);
          toCompiler = true;
        }
        const laid = splitFile(run.text, parsed, options.stats);
        if (laid.pieces[0])
          laid.pieces[0] = { ...laid.pieces[0], blankLineBefore: run.blankLineBefore };
        split.pieces.push(...laid.pieces);
        split.printed.push(...laid.printed);
      }
      if (options.stats && toCompiler) options.stats.filesToCompiler++;
      if (options.stats && split.pieces.some((p) => !p.formatted)) options.stats.filesToPrettier++;
    }
    // Final already unless a piece is left to prettier.
    const text =
      cached ??
      final ??
      (split!.pieces.every((p) => p.formatted)
        ? joinPieces(split!.pieces, split!.printed)
        : undefined);
    const contents = text === undefined ? undefined : `${t.banner}\n\n${text}`;
    if (contents !== undefined) options.onFile?.({ path: t.path, contents });
    jobs.push({
      ...t,
      key,
      cached,
      text,
      contents,
      pieces: split?.pieces ?? [],
      printed: split?.printed ?? [],
    });
  }
  // The fallback pieces, each looked up in the format cache by its own text.
  const pending = jobs.flatMap((j) =>
    j.pieces.flatMap((piece, index) => {
      if (piece.formatted) return [];
      const key = cache ? formatKey(piece.text) : undefined;
      return [
        {
          job: j,
          index,
          text: piece.text,
          key,
          cached: key === undefined ? undefined : cache?.get(key),
        },
      ];
    }),
  );
  const missed = pending
    .filter((p) => p.cached === undefined)
    .reduce((n, p) => n + p.text.length, 0);
  const formatter = missed ? createFormatter(missed) : undefined;
  try {
    await Promise.all(
      pending.map(async (p) => {
        const formatted = p.cached ?? (await formatter!.format(p.text));
        if (p.key !== undefined) cache!.set(p.key, formatted);
        p.job.printed[p.index] = formatted;
      }),
    );
    const printed = jobs.map((j): GeneratedFile => {
      const text = j.text ?? joinPieces(j.pieces, j.printed);
      if (j.key !== undefined) cache!.set(j.key, text);
      if (j.contents !== undefined) return { path: j.path, contents: j.contents };
      const file = { path: j.path, contents: `${j.banner}\n\n${text}` };
      options.onFile?.(file);
      return file;
    });
    return printed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await formatter?.close();
  }
}

/** A text's pieces and their printed text so far (a fallback piece's is filled in by prettier). */
function splitFile(
  text: string,
  parsed: ParsedFile | undefined,
  stats: PrintStats | undefined,
): { pieces: LaidOut['pieces']; printed: string[] } {
  const laid: LaidOut = parsed
    ? layoutFile(text, parsed)
    : {
        pieces: [{ text, formatted: false, blankLineBefore: false }],
        statements: { laidOut: 0, fallBack: 1, failed: [] },
      };
  if (stats) {
    stats.statementsLaidOut += laid.statements.laidOut;
    stats.statementsToPrettier += laid.statements.fallBack;
    stats.statementsFailed += laid.statements.failed.length;
  }
  return { pieces: laid.pieces, printed: laid.pieces.map((p) => (p.formatted ? p.text : '')) };
}
