import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import * as path from 'node:path';
import packageJson from '../package.json';
import {
  ConfigError,
  CONFIG_FILE_NAME,
  IMPORT_STYLES,
  isUrl,
  loadConfig,
  type ImportStyle,
  type LoadedConfig,
} from './config/config';
import { hasErrors } from './diagnostics/diagnostic';
import type { NameRecord, PinnedName } from './ir/name-operations';
import type { Selection } from './ir/select-operations';
import { mergeNameRecords, readNameMap } from './ir/naming/names-record';
import { parseSelector, SELECTOR_USAGE, type Selector } from './ir/selector';
import type { GeneratedFile } from './output/generated-file';
import type { GenerateOptions } from './pipeline';
import type { PrintStats } from './print/print-files';
import { printStatsLine } from './print/print-stats-line';
import type { EmitStats } from './incremental/emit-record';
import type { Linted } from './validate/redocly-worker-client';
import type { Loaded } from './load/load-spec';
import { GeneratorBug } from './errors';
import { WriteError } from './write/write-error';

// The stages (ts-morph, prettier, yaml, Redocly) load only when a command runs them: `--help` and `--version`
// load nothing but commander, and `diff` never loads the emitter or prettier.
const loadPipeline = () => import('./pipeline');
const loadWrite = () => import('./write');
const loadCache = () => import('./cache');
const loadValidation = () => import('./validate/redocly-worker-client');
const loadDiff = () => import('./diff');
const loadFormat = () => import('./diagnostics/format');

/** Exit codes; documented in every `--help`. */
export const EXIT = {
  ok: 0,
  /** A check or diff condition failed: `generate --check` found drift, `diff --fail-on breaking` found breaking changes. */
  failed: 1,
  /** Bad input or usage: spec errors, unknown flag or command, bad config, refusal to overwrite files. */
  usage: 2,
  /** A bug in clientgen. */
  internal: 3,
  /** Ctrl-C while writing; the output folder is left as it was. */
  interrupted: 130,
} as const;

const GENERAL_EXIT_CODES = `
Exit codes:
  0    success
  1    a check failed: generate --check found files to add, change or remove,
       or diff --fail-on breaking found breaking changes
  2    bad input or usage: errors in a spec, missing file, unknown flag or
       command, invalid config, or generate refused to overwrite hand-edited
       files or files clientgen did not write (see generate --force)
  3    internal error (a clientgen bug: please report it)
  130  interrupted (Ctrl-C) while writing; the output folder is left as it was`;

const GENERATE_EXIT_CODES = `
Exit codes:
  0    written, or with --check: the output folder is up to date; with --watch:
       stopped by Ctrl-C between runs (each run prints its own problems and the
       watch goes on; a first run that cannot start ends it with its code)
  1    with --check: files would be added, changed or removed
  2    bad input or usage: errors in the spec, missing spec or config file,
       invalid config, unknown flag, or refused to overwrite hand-edited files
       or files clientgen did not write (see --force); nothing was written
  3    internal error (a clientgen bug: please report it)
  130  interrupted (Ctrl-C) while writing; the output folder is left as it was`;

const DIFF_EXIT_CODES = `
Exit codes:
  0    compared, and no --fail-on condition was met
  1    with --fail-on breaking: breaking changes were found;
       with --fail-on warning: breaking changes or wire warnings were found
  2    bad input or usage: errors in a spec, missing file, unknown flag
  3    internal error (a clientgen bug: please report it)`;

/** Where the CLI writes; `isTTY` enables the progress line and colors. */
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Base of relative paths and of the default config lookup; defaults to process.cwd(). */
  cwd?: string;
  /** Ends `generate --watch`, as Ctrl-C does. */
  signal?: AbortSignal;
}

interface GenerateFlags {
  out?: string;
  check?: boolean;
  force?: boolean;
  config?: string;
  clientName?: string;
  importStyle?: ImportStyle;
  allowRemoteRefs?: boolean;
  include?: string[];
  exclude?: string[];
  timeout?: number;
  strict?: boolean;
  verbose?: boolean;
  /** `--no-cache` sets it to false. */
  cache?: boolean;
  /** Take newly inferred names instead of those the output folder's names lock records. */
  rename?: boolean;
  tests?: string;
  watch?: boolean;
}

export interface DiffFlags {
  format: 'md' | 'json';
  failOn?: 'breaking' | 'warning';
  config?: string;
  out?: string;
  rename?: boolean;
  date?: string;
  include?: string[];
  exclude?: string[];
  allowRemoteRefs?: boolean;
  /** Seconds to wait for each file of a spec given as a URL. */
  timeout?: number;
}

/** A usage problem found by clientgen itself (not commander): printed as is, exit 2. */
class UsageError extends Error {}

class Interrupted extends Error {}

/**
 * Runs the CLI. `argv` is in the form of `process.argv` (node, script, ...arguments).
 * Resolves to the exit code; never calls process.exit.
 */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('clientgen')
    .description(
      'Generates a typed, dependency-free TypeScript API client from an OpenAPI 3.0/3.1 spec.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', GENERAL_EXIT_CODES);

  program
    .command('generate')
    .description(
      'Generate the client for an OpenAPI spec into an output folder. Only files clientgen wrote ' +
        `(listed in the folder's .clientgen-manifest.json) are ever changed or removed.`,
    )
    .argument('[spec]', `OpenAPI spec (YAML or JSON); default: "spec" in the config`)
    .option('--out <dir>', `output folder; default: "out" in the config`)
    .option('--check', 'write nothing; list the files that would change and exit 1 if any')
    .option(
      '--force',
      'overwrite hand-edited files and files clientgen did not write at the paths it writes',
    )
    .option(
      '--config <file>',
      `config file (default: ${CONFIG_FILE_NAME} in the working directory, if present)`,
    )
    .option('--client-name <name>', `name of the client (overrides the spec's x-clientgen.client)`)
    .addOption(
      new Option(
        '--import-style <style>',
        'relative imports: "nodenext" adds .js extensions, "ts" adds .ts (Deno, Bun, Node type stripping) (default: bundler)',
      ).choices(IMPORT_STYLES),
    )
    .option(
      '--include <selectors>',
      'generate only the operations these select (repeatable, comma-separated): tag:<tag>, op:<operationId>, ' +
        'path:<glob> (* within a segment, ** across), resource:<a.b>',
      collectSelectors,
    )
    .option(
      '--exclude <selectors>',
      'leave out the operations these select (same syntax as --include)',
      collectSelectors,
    )
    .option('--allow-remote-refs', 'follow $refs to other http(s) origins (refused by default)')
    .option(
      '--timeout <seconds>',
      'for a spec given as a URL: seconds to wait for each file (default: 30)',
      parseSeconds,
    )
    .option(
      '--tests <dir>',
      'also write a node:test file per resource into this folder: every method called with its required ' +
        'arguments and with every argument, against the mock server in TEST_API_BASE_URL',
    )
    .option('--strict', 'treat warnings as errors: write nothing when the spec has any')
    .option(
      '--rename',
      'take the names clientgen infers now, not those the output folder records (.clientgen-names.json)',
    )
    .option('--verbose', 'print the time and memory of each stage, and every diagnostic in full')
    .option(
      '--watch',
      'generate, then again whenever the spec, a file its $refs reach or the config changes, until Ctrl-C',
    )
    .option(
      '--no-cache',
      'ignore node_modules/.cache/clientgen: load an unchanged spec and format every file again',
    )
    .addHelpText('after', GENERATE_EXIT_CODES)
    .action(async (spec: string | undefined, flags: GenerateFlags) => {
      code = flags.watch ? await runWatch(spec, flags, io) : await runGenerate(spec, flags, io);
    });

  program
    .command('names')
    .description(
      'Print the name of every operation (METHOD /path → resource.method) with where it came from; ' +
        'with --json, as the "names" section of a config, to check in and edit.',
    )
    .argument('[spec]', `OpenAPI spec (YAML or JSON); default: "spec" in the config`)
    .option(
      '--out <dir>',
      'output folder whose recorded names to show; default: "out" in the config',
    )
    .option('--config <file>', `config file (default: ${CONFIG_FILE_NAME}, if present)`)
    .option('--json', 'print the "names" section of a config')
    .action(async (spec: string | undefined, flags: NamesFlags) => {
      code = await runNames(spec, flags, io);
    });

  program
    .command('diff')
    .description('Compare two versions of a spec and report the API changes.')
    .argument('<old-spec>', 'the previous spec (a file, or an http(s) URL)')
    .argument('<new-spec>', 'the new spec (a file, or an http(s) URL)')
    .addOption(
      new Option('--format <format>', 'report format').choices(['md', 'json']).default('md'),
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when changes of this level are found').choices([
        'breaking',
        'warning',
      ]),
    )
    .option(
      '--config <file>',
      'config file whose pinned names the client has (default: clientgen.config.json in the working directory, if present)',
    )
    .option(
      '--out <dir>',
      'the client\'s output folder: its recorded names (.clientgen-names.json) are the names compared, as `generate` keeps them; default: "out" in the config',
    )
    .option('--rename', 'compare the names `generate --rename` would give, not the recorded ones')
    .option(
      '--include <selectors>',
      'compare only the operations the client has (as generate --include; default: "include" in the config)',
      collectSelectors,
    )
    .option(
      '--exclude <selectors>',
      'leave out the operations the client leaves out (as generate --exclude; default: "exclude" in the config)',
      collectSelectors,
    )
    .option(
      '--date <yyyy-mm-dd>',
      'the day `x-sunset` dates are compared with (default: today), to reproduce a report',
    )
    .option('--allow-remote-refs', 'follow $refs to other http(s) origins (refused by default)')
    .option(
      '--timeout <seconds>',
      'for a spec given as a URL: seconds to wait for each file (default: 30)',
      parseSeconds,
    )
    .addHelpText('after', DIFF_EXIT_CODES)
    .action(async (oldSpec: string, newSpec: string, flags: DiffFlags) => {
      code = await runDiff(oldSpec, newSpec, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'node' });
    return code;
  } catch (e) {
    return reportFailure(e, io);
  }
}

/** Prints what stopped a command, and gives its exit code. */
function reportFailure(e: unknown, io: CliIo): number {
  if (e instanceof CommanderError) {
    // Commander already printed its message, or the help / version asked for ('commander.help' with exit code 0:
    // `clientgen help [command]`; with 1: help printed because no command was given).
    const asked =
      e.code === 'commander.helpDisplayed' ||
      e.code === 'commander.version' ||
      (e.code === 'commander.help' && e.exitCode === 0);
    return asked ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof UsageError || e instanceof ConfigError || e instanceof WriteError) {
    io.stderr.write(`clientgen: ${e.message}\n`);
    return EXIT.usage;
  }
  if (e instanceof Interrupted) {
    io.stderr.write(`clientgen: ${e.message}\n`);
    return EXIT.interrupted;
  }
  io.stderr.write(
    `clientgen: internal error (please report it)\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return EXIT.internal;
}

/**
 * One `generate`. With `watch` (`--watch`), it is told the files the run read, as soon as they are known, and
 * Redocly's worker is kept for the next run.
 */
async function runGenerate(
  specArg: string | undefined,
  flags: GenerateFlags,
  io: CliIo,
  watch?: (files: WatchedFiles) => void,
  deferSaves?: (saves: Promise<void>) => void,
): Promise<number> {
  // The records kept for the next run are saved after the summary is printed: the client is on disk by then. A
  // one-shot run waits for them before it exits; `--watch` waits for them before its next run only.
  const saves: Promise<unknown>[] = [];
  try {
    return await generateOnce(specArg, flags, io, saves, watch);
  } finally {
    const saved = Promise.all(saves).then(() => undefined);
    if (deferSaves) deferSaves(saved);
    else await saved;
  }
}

async function generateOnce(
  specArg: string | undefined,
  flags: GenerateFlags,
  io: CliIo,
  saves: Promise<unknown>[],
  watch?: (files: WatchedFiles) => void,
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loaded = await loadConfig({ configPath: flags.config, cwd });
  const configName = flags.config ?? CONFIG_FILE_NAME;
  const specPath = resolveSpecPath(specArg, loaded, cwd, 'generate', configName);
  if (watch && isUrl(specPath))
    throw new UsageError('--watch watches files: a spec given as a URL cannot be watched');
  const outPath = flags.out !== undefined ? path.resolve(cwd, flags.out) : loaded?.outPath;
  if (outPath === undefined)
    throw new UsageError(`missing output folder: pass --out <dir> or set "out" in ${configName}`);
  const testsPath = flags.tests !== undefined ? path.resolve(cwd, flags.tests) : loaded?.testsPath;
  // Each folder has its own manifest: one folder cannot hold both.
  if (testsPath === outPath)
    throw new UsageError(
      'the tests folder must not be the output folder: pass another --tests <dir>',
    );
  // The pipeline (ts-morph, yaml, prettier...) loads only when the run cache misses.
  const write = await loadWrite();
  const { displayDir, formatDrift, formatForced, formatRefusal, formatWriteSummary, writeOutput } =
    write;
  const outLabel = displayDir(relativeLabel(cwd, outPath));
  // The spec as named in the banners of generated files: relative to the config (or the working directory), never
  // absolute, so the output is the same wherever it is generated from.
  const specLabel = isUrl(specPath)
    ? urlLabel(specPath)
    : relativeLabel(loaded?.dir ?? cwd, specPath);
  const selection = selectionOf(flags, loaded);

  const stages = new StageReporter(io, flags.verbose ?? false);
  const names = await keptNames(outPath, loaded, flags.rename === true);
  const useCache = flags.cache !== false;
  // The run record covers the output folder only, so a run that also writes tests always runs.
  const runCache =
    useCache && testsPath === undefined
      ? await (await loadCache()).openRunCache(outPath, cwd)
      : undefined;
  const options: GenerateOptions = {
    oneShot: watch === undefined,
    clientName: flags.clientName ?? loaded?.config.clientName,
    ...(loaded?.config.client && { client: loaded.config.client }),
    importStyle: flags.importStyle ?? loaded?.config.importStyle,
    allowRemoteRefs: flags.allowRemoteRefs ?? false,
    ...(selection && { selection }),
    ...(flags.timeout !== undefined && { fetchTimeout: flags.timeout * 1000 }),
    strict: flags.strict ?? loaded?.config.strict ?? false,
    specLabel,
    ...(testsPath !== undefined && {
      tests: { clientDir: relativeLabel(testsPath, outPath) },
    }),
    cwd: io.cwd,
    names,
    ...(loaded && { config: configSource(loaded, cwd) }),
    onStage: (stage, ms, cpuMs) => stages.stage(stage, ms, cpuMs),
    onPrinted: (stats) => stages.printed(stats),
    onEmitted: (stats) => stages.emitted(stats),
  };
  // An unchanged spec over an untouched output folder: print what the last run printed, load and write nothing.
  const cacheStart = performance.now();
  // The run's key names the config's pinned names and --rename, not the names the lock gave: the lock is an
  // output file, which the record's manifest hash already covers (with it, a second run would always miss).
  const cacheKey = { ...options, names: configNames(loaded), rename: flags.rename === true };
  const hit = await runCache?.lookup(specPath, cacheKey);
  if (hit) stages.stage('cache hit', performance.now() - cacheStart);
  // Redocly's worker starts now rather than with the load: it takes ~0.25 s to be ready, and until then the format
  // cache is read and the pipeline's modules initialized.
  else (await loadValidation()).warmUpValidation();
  // clientgen's code identity keys the format cache, the emit record and the lint record: other code, other output.
  // Code that cannot be hashed (an unreadable install) keeps none of them.
  const code =
    hit || !useCache ? undefined : await (await loadCache()).codeIdentity().catch(() => undefined);
  // The format cache is read only when the run cache misses: a hit formats nothing.
  const formatCache = code ? await write.openFormatCache(outPath, cwd, code) : undefined;
  // The records of the spec's last lint and load (keyed by the code, kept per spec file; none for a URL): a spec
  // changed in a few schemas is linted in those only, and a YAML spec changed in one place is parsed there only.
  // `--check` reads them and leaves them as they are.
  const recordKey = isUrl(specPath) ? undefined : code;
  const lintStore = recordKey ? await write.openLintRecordStore(specPath, cwd) : undefined;
  const lintRecord = lintStore &&
    recordKey && { key: recordKey, previous: await lintStore.read(), write: !flags.check };
  let nextLintRecord: unknown;
  // The load record is saved as soon as the load makes it (write/run-record-store.ts says why).
  const loadStore = recordKey ? await write.openLoadRecordStore(specPath, cwd) : undefined;
  const loadRecord = loadStore &&
    recordKey && { key: recordKey, previous: await loadStore.read(), write: !flags.check };
  let loadRecordSaved: Promise<void> | undefined;
  // Each client file is staged (written beside the output folder) as soon as it is printed, while print lays out
  // the next ones; the write takes over the staging folder and always removes it (write/stager.ts).
  const stager = hit || flags.check ? undefined : write.Stager.open(outPath);
  let result;
  try {
    result =
      hit ??
      (await (
        await loadPipeline()
      ).generateClient(specPath, {
        ...options,
        formatCache,
        // What each model and resource file read, kept with the format cache: an unchanged file is not emitted again.
        ...(formatCache && code && { emitRecord: { store: formatCache, code } }),
        ...(stager && { onFile: (file: GeneratedFile) => stager.stage(file) }),
        ...(lintRecord && { lintRecord }),
        ...(loadRecord && {
          loadRecord,
          onLoaded: (loaded: Loaded, record: readonly Uint8Array[] | undefined) => {
            stages.loaded(loaded);
            if (record) loadRecordSaved = loadStore?.save(record);
          },
        }),
        onLinted: (linted, record) => {
          stages.linted(linted);
          nextLintRecord = record;
        },
      }));
  } catch (e) {
    await stager?.discard();
    throw e;
  } finally {
    // Written in the load; what is left of it (the eviction of old records) is awaited with the other saves.
    if (loadRecordSaved) saves.push(loadRecordSaved);
  }
  // Kept whatever the spec's problems: the record is of the lint, not of the client.
  if (lintStore && nextLintRecord !== undefined) saves.push(lintStore.save(nextLintRecord));
  // Print runs only for a spec that gives a client: nothing was staged when the run stops before the write.
  if (!('files' in result) || result.files.length === 0) await stager?.discard();
  if (watch) {
    const read = 'read' in result ? result.read : [...result.sources.keys()];
    // The config too, whether or not there is one: creating it changes the options.
    const config = path.resolve(cwd, configName);
    const refs = read.filter((id) => !isUrl(id) && id !== specPath && id !== config);
    watch({ spec: specPath, config, refs });
  }

  if (result.diagnostics.length) {
    const { formatDiagnostics, summarizeDiagnostics } = await loadFormat();
    stages.clear();
    const color = io.stderr.isTTY === true && !process.env.NO_COLOR;
    const failed = hasErrors(result.diagnostics);
    // The config is named too when something is said of it (its `names`, its `client` block).
    const configShown = options.config?.displayPath;
    const where =
      configShown !== undefined && result.diagnostics.some((d) => d.file === configShown)
        ? `${specLabel} and ${configShown}`
        : specLabel;
    io.stderr.write(
      `${formatDiagnostics(result.diagnostics, { files: result.sources }, { color, all: flags.verbose })}\n\n` +
        `${summarizeDiagnostics(result.diagnostics)} in ${where}${failed ? `; nothing was written to ${outLabel}` : ''}\n`,
    );
    if (failed) return EXIT.usage;
  }
  if (result.selection) {
    const { operations, models, warnings, error } = result.selection;
    stages.clear();
    for (const w of warnings) io.stderr.write(`clientgen: warning: ${w}\n`);
    if (error) throw new UsageError(error);
    io.stderr.write(
      `clientgen: selected ${operations.kept} of ${operations.total} operations and ${models.kept} of ${models.total} models\n`,
    );
  }

  if (hit) {
    stages.clear();
    io.stdout.write((flags.check ? formatDrift : formatWriteSummary)(hit.written, outLabel) + '\n');
    return EXIT.ok;
  }
  const files = 'files' in result ? result.files : [];
  stages.progress(
    flags.check
      ? `comparing ${files.length} files with ${outLabel}`
      : `writing ${files.length} files`,
  );
  const controller = new AbortController();
  const onSigint = (): void =>
    controller.abort(new Interrupted(`interrupted; ${outLabel} was left as it was`));
  process.once('SIGINT', onSigint);
  const start = performance.now();
  const cpu = process.cpuUsage();
  let written;
  let testsWritten;
  const writeOptions = {
    check: flags.check,
    force: flags.force,
    generatorVersion: packageJson.version,
    signal: controller.signal,
  };
  try {
    written = await writeOutput(outPath, files, {
      ...writeOptions,
      ...(stager && { staging: stager }),
    });
    // The tests go with a client that is in place (or checked): a refused client leaves the tests as they were.
    const testFiles = 'testFiles' in result ? result.testFiles : undefined;
    if (
      testsPath !== undefined &&
      testFiles &&
      (flags.check || written.status === 'written' || written.status === 'up-to-date')
    )
      testsWritten = await writeOutput(testsPath, testFiles, writeOptions);
  } catch (e) {
    throw controller.signal.aborted ? (controller.signal.reason as unknown) : e;
  } finally {
    process.off('SIGINT', onSigint);
    stages.clear();
  }
  const spent = process.cpuUsage(cpu);
  stages.stage(
    flags.check ? 'check' : 'write',
    performance.now() - start,
    (spent.user + spent.system) / 1000,
  );

  // Only when the output folder holds this run's files: written, or found up to date. A --check that finds it up to
  // date records the run too (the folder is what generate would leave), so that a CI job that only checks, with its
  // cache folder kept, is answered by the run cache next time; it writes nothing else.
  if (written.status === 'written' || written.status === 'up-to-date') {
    const ran = result;
    saves.push(
      (async () => {
        if (!flags.check) await formatCache?.save();
        await runCache?.save(specPath, cacheKey, ran);
      })(),
    );
  }
  const results = [
    { result: written, label: outLabel },
    ...(testsWritten && testsPath !== undefined
      ? [{ result: testsWritten, label: displayDir(relativeLabel(cwd, testsPath)) }]
      : []),
  ];
  if (flags.check) {
    for (const r of results) io.stdout.write(formatDrift(r.result, r.label) + '\n');
    return results.some((r) => r.result.status === 'drift') ? EXIT.failed : EXIT.ok;
  }
  let refused = false;
  for (const { result: r, label } of results) {
    if (r.status === 'hand-edited' || r.status === 'foreign-conflict') {
      io.stderr.write(formatRefusal(r, label) + '\n');
      refused = true;
      continue;
    }
    const forced = formatForced(r, label);
    if (forced) io.stderr.write(forced + '\n');
    io.stdout.write(formatWriteSummary(r, label) + '\n');
  }
  return refused ? EXIT.usage : EXIT.ok;
}

/** What a run read, for `--watch`: the spec, the local files its `$ref`s reached, and the config (there or not). */
interface WatchedFiles {
  spec: string;
  refs: string[];
  config: string;
}

/**
 * `generate --watch`: generates, then again each time a file the last run read changes (the spec, the files its
 * `$ref`s reached, the config), until Ctrl-C (or `io.signal`) between runs. Each run is the `generate` it stands for
 * (the same output, messages and refusals), in a process that is already warm and with Redocly's worker kept. During
 * a run Ctrl-C does what it does to `generate`. A run that throws (a usage or config error) ends the watch if it is
 * the first, and is reported and waited out after.
 */
async function runWatch(
  specArg: string | undefined,
  flags: GenerateFlags,
  io: CliIo,
): Promise<number> {
  if (flags.check)
    throw new UsageError('--watch writes the client: it cannot be used with --check');
  const { FileWatcher } = await import('./watch/file-watcher');
  const validation = await loadValidation();
  const cwd = io.cwd ?? process.cwd();
  const stop = new AbortController();
  const onStop = (): void => stop.abort();
  if (io.signal?.aborted) stop.abort();
  io.signal?.addEventListener('abort', onStop, { once: true });
  const watcher = new FileWatcher();
  validation.keepValidation(true);
  let files: WatchedFiles | undefined;
  // The last run's records, saved while the watch waits for a change: the next run reads them.
  let saving: Promise<void> | undefined;
  try {
    for (let first = true; ; first = false) {
      await saving;
      const since = Date.now();
      try {
        // A run that throws before its load names nothing: the last run's files stay watched.
        await runGenerate(
          specArg,
          flags,
          io,
          (read) => (files = read),
          (saves) => {
            // A save that fails is reported as a run's failure is, and the watch goes on.
            saving = saves.catch((e: unknown) => void reportFailure(e, io));
          },
        );
      } catch (e) {
        const code = reportFailure(e, io);
        if (first || e instanceof Interrupted) return code;
      }
      // A run that does not throw names its files, and a first run that throws ends the watch.
      if (files === undefined) throw new GeneratorBug('--watch: no run named the files it read');
      watcher.watch([files.spec, ...files.refs, files.config], since);
      // Listened for before the line is printed: a Ctrl-C that answers the line must find the listener there.
      process.on('SIGINT', onStop);
      const refs = files.refs.length;
      const watched = [
        relativeLabel(cwd, files.spec),
        ...(refs ? [`the ${refs === 1 ? 'file' : `${refs} files`} its $refs reach`] : []),
        relativeLabel(cwd, files.config),
      ];
      io.stderr.write(
        `clientgen: watching ${watched.slice(0, -1).join(', ')} and ${watched.at(-1)!} for changes; Ctrl-C to stop\n`,
      );
      // A run answered by the run cache started no worker: the first change should not wait for it either.
      validation.warmUpValidation();
      const changed = await watcher.next(stop.signal);
      process.off('SIGINT', onStop);
      if (changed === undefined) return EXIT.ok;
      io.stderr.write(`clientgen: ${relativeLabel(cwd, changed)} changed\n`);
    }
  } finally {
    process.off('SIGINT', onStop);
    io.signal?.removeEventListener('abort', onStop);
    watcher.close();
    validation.keepValidation(false);
    await validation.stopValidation();
    await saving;
  }
}

/** The spec a command reads: the argument (a URL as given, a path from the working directory), else the config's. */
function resolveSpecPath(
  specArg: string | undefined,
  loaded: LoadedConfig | undefined,
  cwd: string,
  command: string,
  configName: string,
): string {
  const specPath =
    specArg === undefined
      ? loaded?.specPath
      : isUrl(specArg)
        ? specArg
        : path.resolve(cwd, specArg);
  if (specPath === undefined)
    throw new UsageError(
      `missing spec: pass it (clientgen ${command} <spec>) or set "spec" in ${configName}`,
    );
  return specPath;
}

interface NamesFlags {
  out?: string;
  config?: string;
  json?: boolean;
}

/** `clientgen names [spec]`: the names the next `generate` would give, from the spec, the config and the lock. */
async function runNames(
  specArg: string | undefined,
  flags: NamesFlags,
  io: CliIo,
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loaded = await loadConfig({ configPath: flags.config, cwd });
  const specPath = resolveSpecPath(specArg, loaded, cwd, 'names', 'the config');
  const outPath = flags.out !== undefined ? path.resolve(cwd, flags.out) : loaded?.outPath;
  const [{ buildSpecIr }, { formatNamesConfig, formatNamesText }, { planOutput }, { clientCalls }] =
    await Promise.all([
      loadPipeline(),
      import('./ir/naming/format-names'),
      import('./plan/plan-output'),
      import('./plan/resource-access'),
    ]);
  const names = await keptNames(outPath, loaded, false);
  const built = await buildSpecIr(specPath, {
    cwd: io.cwd,
    oneShot: true,
    names,
    ...(loaded && { config: configSource(loaded, cwd) }),
  });
  if (!built.ir) {
    const { formatDiagnostics, summarizeDiagnostics } = await loadFormat();
    io.stderr.write(
      `${formatDiagnostics(built.diagnostics, { files: built.sources }, {})}\n\n${summarizeDiagnostics(built.diagnostics)}\n`,
    );
    return EXIT.usage;
  }
  // The config's names are the IR's (`--json`); the text says how the client spells each call.
  io.stdout.write(
    flags.json
      ? formatNamesConfig(built.ir.operations)
      : formatNamesText(built.ir.operations, clientCalls(planOutput(built.ir))),
  );
  return EXIT.ok;
}

/** `--date`: a calendar day, as midnight UTC. */
function parseDay(text: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text)
    throw new UsageError(`--date: expected a day as yyyy-mm-dd, got '${text}'`);
  return day;
}

/**
 * The names a client keeps, for `generate`, `names` and `diff` alike: its output folder's names lock (unless
 * `--rename`), under the config's pinned names (docs/naming.md).
 */
async function keptNames(
  outPath: string | undefined,
  loaded: LoadedConfig | undefined,
  rename: boolean,
): Promise<NameRecord> {
  const lock =
    outPath === undefined || rename ? undefined : await (await loadWrite()).readNamesLock(outPath);
  return mergeNameRecords(lock, configNames(loaded));
}

/**
 * A client's `--include` / `--exclude`, for `generate` and `diff`: flags replace the config's lists, each config
 * element is one selector (commas are not split there); undefined when everything is selected.
 */
function selectionOf(
  flags: { include?: string[]; exclude?: string[] },
  loaded: LoadedConfig | undefined,
): Selection | undefined {
  const include = parseSelectors('include', flags.include ?? loaded?.config.include ?? []);
  const exclude = parseSelectors('exclude', flags.exclude ?? loaded?.config.exclude ?? []);
  return include.length || exclude.length ? { include, exclude } : undefined;
}

/** The config's `names` (already validated by parseConfig). */
function configNames(loaded: LoadedConfig | undefined): ReadonlyMap<string, PinnedName> {
  const read = readNameMap(loaded?.config.names ?? {}, 'config');
  return 'error' in read ? new Map() : read.names;
}

/**
 * `clientgen diff <old-spec> <new-spec>`: flags are parsed and validated by commander before this runs.
 *
 * to io.stdout, and return EXIT.failed when `--fail-on` is given and breaking changes (or, for `warning`, wire
 * warnings) were found
 * (EXIT.usage for spec errors, EXIT.ok otherwise).
 */
export async function runDiff(
  oldSpec: string,
  newSpec: string,
  flags: DiffFlags,
  io: CliIo,
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const today = flags.date === undefined ? undefined : parseDay(flags.date);
  // The SDK names compared are those the client has and keeps: its output folder's names lock and the config's
  // pinned names, as `generate` applies them; without them a name the lock keeps would read as a rename.
  const loaded = await loadConfig({ configPath: flags.config, cwd });
  const outPath = flags.out !== undefined ? path.resolve(cwd, flags.out) : loaded?.outPath;
  const names = await keptNames(outPath, loaded, flags.rename === true);
  // The client's selection: a change to an operation it leaves out is not a change to it.
  const selection = selectionOf(flags, loaded);
  const { diffSpecs, formatJson, formatMarkdown } = await loadDiff();
  const client = loaded?.config.client;
  const clientName = loaded?.config.clientName;
  // A spec given as a URL is fetched (as by generate), not resolved against the folder.
  const specAt = (spec: string) => (isUrl(spec) ? spec : path.resolve(cwd, spec));
  // As the report's title names it: a URL without any user name or password in it.
  const specShown = (spec: string) =>
    isUrl(spec) ? urlLabel(spec) : relativeLabel(cwd, specAt(spec));
  const result = await diffSpecs(specAt(oldSpec), specAt(newSpec), {
    cwd,
    names,
    allowRemoteRefs: flags.allowRemoteRefs ?? false,
    ...(flags.timeout !== undefined && { fetchTimeout: flags.timeout * 1000 }),
    // The client's settings over both specs': a setting the config gives is one neither spec can change.
    ...(client && { client }),
    ...(clientName !== undefined && { clientName }),
    ...(today && { today }),
    ...(selection && { selection }),
    ...(loaded && { config: configSource(loaded, cwd) }),
  });
  if (hasErrors(result.diagnostics)) {
    const { formatDiagnostics, summarizeDiagnostics } = await loadFormat();
    const color = io.stderr.isTTY === true && !process.env.NO_COLOR;
    io.stderr.write(
      `${formatDiagnostics(result.diagnostics, { files: result.sources }, { color })}\n\n${summarizeDiagnostics(result.diagnostics)}; nothing was compared\n`,
    );
    return EXIT.usage;
  }
  io.stdout.write(
    flags.format === 'json'
      ? formatJson(result.changes)
      : formatMarkdown(
          result.changes,
          `API changes: ${specShown(oldSpec)} → ${specShown(newSpec)}`,
        ),
  );
  // `warning` fails on wire warnings too (and on anything breaking).
  const failing = result.changes.filter(
    (c) => c.breaking || (flags.failOn === 'warning' && c.wire === 'warning'),
  );
  return flags.failOn && failing.length ? EXIT.failed : EXIT.ok;
}

/** `--verbose`: one line per stage with its time and memory. On a TTY (not CI): a single progress line, cleared at the end. */
class StageReporter {
  private readonly started = performance.now();
  private readonly live: boolean;
  private shown = false;
  private cleared = false;
  private printedStats: PrintStats | undefined;
  private lintedText: string | undefined;
  private loadedText: string | undefined;
  private emittedText: string | undefined;

  constructor(
    private readonly io: CliIo,
    private readonly verbose: boolean,
  ) {
    this.live = !verbose && io.stderr.isTTY === true && !process.env.CI;
  }

  stage(name: string, ms: number, cpuMs?: number): void {
    const cpu = cpuMs === undefined ? '' : `  cpu ${cpuMs.toFixed(1).padStart(8)} ms`;
    if (this.verbose) {
      this.io.stderr.write(
        `${name.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms${cpu}${memoryNow()}\n`,
      );
      if (name === 'load' && this.loadedText) this.io.stderr.write(`${this.loadedText}\n`);
      if (name === 'validate' && this.lintedText) this.io.stderr.write(`${this.lintedText}\n`);
      if (name === 'emit' && this.emittedText) this.io.stderr.write(`${this.emittedText}\n`);
      if (this.printedStats) this.writePrinted(this.printedStats);
      this.printedStats = undefined;
    } else this.progress(`${name} done`);
  }

  /**
   * `--verbose`: what the print stage laid out by construction and what it left to prettier (docs/layout.md); `npm
   * run bench` reads this line.
   */
  printed(stats: PrintStats): void {
    this.printedStats = stats;
  }

  /** The line of `printed`, under the print stage's line. */
  private writePrinted(stats: PrintStats): void {
    this.io.stderr.write(`           ${printStatsLine(stats)}\n`);
  }

  /** `--verbose`: how many model and resource files the emit record answered, under the emit stage's line. */
  emitted(stats: EmitStats): void {
    this.emittedText = `           ${stats.reused} of ${stats.files} model and resource files as the last run emitted them`;
  }

  /** `--verbose`: what the load parsed of the spec, under the load stage's line. */
  loaded(loaded: Loaded): void {
    this.loadedText = `           ${
      loaded === 'all'
        ? 'parsed the whole spec'
        : loaded === 'none'
          ? 'parsed nothing: the spec is as in the load record'
          : `parsed ${loaded.alone} alone; the rest from the load record`
    }`;
  }

  /** `--verbose`: what validation linted, under the validate stage's line (schemas by their pointers). */
  linted(linted: Linted): void {
    const schemas = (n: number) => (n === 1 ? '1 changed schema' : `${n} changed schemas`);
    const listed = (pointers: string[]) =>
      pointers.length > 3
        ? `${pointers.slice(0, 3).join(', ')} and ${pointers.length - 3} more`
        : pointers.join(', ');
    this.lintedText = `           ${
      linted === 'all'
        ? 'linted the whole spec'
        : linted === 'none'
          ? 'linted nothing: the spec is as in the lint record'
          : `linted ${schemas(linted.length)} (${listed(linted)}); the rest from the lint record`
    }`;
  }

  /** Only for runs long enough to need it. */
  progress(text: string): void {
    if (!this.live || this.cleared || performance.now() - this.started < 200) return;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.io.stderr.write(`\r\x1b[2Kclientgen: ${text} (${seconds}s)`);
    this.shown = true;
  }

  /** Erases the progress line; no progress is drawn afterwards (stage times still print with --verbose). */
  clear(): void {
    if (this.shown) this.io.stderr.write('\r\x1b[2K');
    this.shown = false;
    this.cleared = true;
  }
}

/**
 * `--verbose`: the memory at a stage's end (the pipeline reports each stage as it ends): the process's resident set,
 * the highest it has been so far (a stage's own peak shows as a rise of it), and the main thread's JavaScript heap in
 * use (worker threads have their own heaps, counted in the resident set only).
 */
function memoryNow(): string {
  const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)}`.padStart(5);
  const { rss, heapUsed } = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024; // kilobytes
  return `  rss ${mb(rss)} MB  peak ${mb(peak)} MB  heap ${mb(heapUsed)} MB`;
}

/** `--include a,b --include c` → ['a', 'b', 'c']. */
function collectSelectors(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter((s) => s.trim() !== '')];
}

function parseSelectors(option: 'include' | 'exclude', texts: readonly string[]): Selector[] {
  return texts.map((text) => {
    const parsed = parseSelector(text);
    if ('error' in parsed)
      throw new UsageError(`invalid --${option} selector ${parsed.error}\n  ${SELECTOR_USAGE}`);
    return parsed.selector;
  });
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('expected a number of seconds above 0');
  return seconds;
}

/** A spec URL as the banner names it: as given, without any user name or password in it. */
function urlLabel(url: string): string {
  return url.replace(/^(https?:\/\/)[^/?#]*@/i, '$1');
}

/** The config file as the IR points into it (its `names` and `client` block), shown relative to the folder. */
function configSource(
  loaded: LoadedConfig,
  cwd: string,
): { id: string; displayPath: string; text: string } {
  return { id: loaded.file, displayPath: relativeLabel(cwd, loaded.file), text: loaded.text };
}

function relativeLabel(base: string, target: string): string {
  const relative = path.relative(base, target);
  return (relative === '' ? '.' : path.isAbsolute(relative) ? target : relative)
    .split(path.sep)
    .join('/');
}

/**
 * Ends the process with `code` once stdout and stderr have handed everything written to the OS. On a pipe Node
 * writes asynchronously, and `process.exit` right after a write drops what has not drained: `clientgen diff … |
 * jq` got the first 64 KB of the report. A write's callback runs after every earlier write on that stream.
 */
/**
 * A reader that stops early (`clientgen --help | head`, `diff … | head`) closes the pipe: what is left to print has
 * no one to read it, so it is dropped, as `git log | head` does, instead of the process dying on an unhandled
 * EPIPE; the command still finishes and exits with its own code (`set -o pipefail` sees a `--fail-on` verdict).
 * Installed by the entry points before `main`.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
}

export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = () => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    // A stream whose reader has gone has nothing left to drain.
    if (stream.destroyed) flushed();
    else stream.write('', flushed);
  }
}

/** Entry point for `npx tsx generator/cli.ts ...`; bin/clientgen.js calls `main` itself. */
if (require.main === module) {
  exitQuietlyOnClosedPipe();
  void main(process.argv).then(exitWhenFlushed);
}
