import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import packageJson from '../../package.json';
import { main } from '../../generator/cli';
import { runCli } from '../helpers/run-cli';
import { MANIFEST_NAME, sha256 } from '../../generator/write';
import { readPrintStatsLine } from '../../generator/print/print-stats-line';

// These tests hold whatever files the pipeline returns for the tiny spec: drift is made by editing the output
// folder, never by assuming which files are generated.

const TINY_SPEC = `openapi: 3.1.0
info:
  title: Tiny
  version: 1.0.0
servers:
  - url: https://api.example.com
paths:
  /ping:
    get:
      operationId: ping
      summary: Ping
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pong'
components:
  schemas:
    Pong:
      type: object
      properties:
        ok:
          type: boolean
      required: [ok]
`;

/** A name the pipeline will never generate. */
const STALE = 'zz-clientgen-cli-test-stale.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-cli-test-'));
  await writeFile(path.join(dir, 'tiny.yaml'), TINY_SPEC);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(dir, ...args);

const exists = (p: string): Promise<boolean> =>
  readdir(path.join(dir, p)).then(
    () => true,
    () => false,
  );

/** Generates into out/ and checks it worked; returns the manifest text. */
async function generate(): Promise<string> {
  const result = await run('generate', 'tiny.yaml', '--out', 'out', '--client-name', 'Tiny');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return readFile(path.join(dir, 'out', MANIFEST_NAME), 'utf8');
}

describe('help and version', () => {
  it.each([
    [['--help']],
    [['-h']],
    [['generate', '--help']],
    [['diff', '--help']],
    [['help', 'generate']],
  ])('%j exits 0 and documents the exit codes', async (args) => {
    const { code, stdout } = await run(...args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: clientgen/);
    expect(stdout).toContain('Exit codes:');
    expect(stdout).toMatch(/^ {2}0 /m);
    expect(stdout).toMatch(/^ {2}1 /m);
    expect(stdout).toMatch(/^ {2}2 /m);
  });

  it('generate --help lists every flag', async () => {
    const { stdout } = await run('generate', '--help');
    for (const flag of [
      '--out',
      '--check',
      '--force',
      '--config',
      '--client-name',
      '--import-style',
      '--allow-remote-refs',
      '--strict',
      '--verbose',
      '--tests',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('diff --help lists its flags', async () => {
    const { stdout } = await run('diff', '--help');
    expect(stdout).toContain('<old-spec> <new-spec>');
    expect(stdout).toContain('--format');
    expect(stdout).toContain('--fail-on');
  });

  it.each([['--version'], ['-V']])('%s prints the package version', async (flag) => {
    expect(await run(flag)).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });
});

describe('usage errors exit 2', () => {
  it('unknown flag', async () => {
    const { code, stderr } = await run('generate', 'tiny.yaml', '--out', 'out', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--bogus'");
    expect(await exists('out')).toBe(false);
  });

  it('unknown command', async () => {
    const { code, stderr } = await run('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'frobnicate'");
  });

  it('no command', async () => {
    expect((await run()).code).toBe(2);
  });

  it('invalid choice', async () => {
    const gen = await run('generate', 'tiny.yaml', '--out', 'out', '--import-style', 'esm');
    expect(gen.code).toBe(2);
    expect(gen.stderr).toContain('bundler, nodenext, ts');
    const diff = await run('diff', 'a.yaml', 'b.yaml', '--format', 'xml');
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('md, json');
    expect((await run('diff', 'a.yaml', 'b.yaml', '--fail-on', 'everything')).code).toBe(2);
  });

  it('diff without both specs', async () => {
    const { code, stderr } = await run('diff', 'a.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('new-spec');
  });

  it('missing spec file: names the file, writes nothing', async () => {
    const { code, stderr } = await run('generate', 'does-not-exist.yaml', '--out', 'out');
    expect(code).toBe(2);
    expect(stderr).toContain('does-not-exist.yaml');
    expect(await exists('out')).toBe(false);
  });

  it('spec with errors: prints diagnostics and a summary, writes nothing', async () => {
    await writeFile(path.join(dir, 'broken.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n');
    const { code, stdout, stderr } = await run('generate', 'broken.yaml', '--out', 'out');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('broken.yaml');
    expect(stderr).toMatch(
      /\d+ errors?, \d+ warnings? in broken\.yaml; nothing was written to out\//,
    );
    expect(await exists('out')).toBe(false);
  });

  it('no spec and no config', async () => {
    const { code, stderr } = await run('generate', '--out', 'out');
    expect(code).toBe(2);
    expect(stderr).toContain('missing spec');
  });

  it('no output folder', async () => {
    const { code, stderr } = await run('generate', 'tiny.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
  });
});

describe('config', () => {
  it.each([
    ['unknown key', '{ "spec": "tiny.yaml", "output": "out" }', /unknown key "output"/],
    ['wrong type', '{ "spec": 42 }', /"spec" must be a non-empty string/],
    [
      'bad import style',
      '{ "importStyle": "esm" }',
      /"importStyle" must be "bundler", "nodenext" or "ts", got "esm"/,
    ],
    ['strict not a boolean', '{ "strict": "yes" }', /"strict" must be true or false .*, got "yes"/],
    ['not an object', '["tiny.yaml"]', /must contain a JSON object/],
    ['invalid JSON', '{ "spec": ', /not valid JSON/],
  ])('%s → exit 2 with a clear message', async (_name, text, message) => {
    await writeFile(path.join(dir, 'clientgen.config.json'), text);
    const { code, stderr } = await run('generate', 'tiny.yaml', '--out', 'out');
    expect(code).toBe(2);
    expect(stderr).toContain('clientgen.config.json');
    expect(stderr).toMatch(message);
    expect(await exists('out')).toBe(false);
  });

  it('--config naming a missing file → exit 2 naming it', async () => {
    const { code, stderr } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--config',
      'nope.json',
    );
    expect(code).toBe(2);
    expect(stderr).toContain('nope.json');
  });

  it('takes spec and out from the config, relative to the config file', async () => {
    await mkdir(path.join(dir, 'conf'));
    await writeFile(
      path.join(dir, 'conf', 'my.json'),
      JSON.stringify({ spec: '../tiny.yaml', out: 'gen', clientName: 'Tiny' }),
    );
    const { code, stdout } = await run('generate', '--config', 'conf/my.json');
    expect(code).toBe(0);
    expect(stdout).toContain('conf/gen/');
    expect(await exists('conf/gen')).toBe(true);
  });

  it('flags override config values', async () => {
    await writeFile(
      path.join(dir, 'clientgen.config.json'),
      JSON.stringify({ spec: 'missing.yaml', out: 'from-config' }),
    );
    const { code, stderr } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'from-flag',
      '--client-name',
      'Tiny',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await exists('from-flag')).toBe(true);
    expect(await exists('from-config')).toBe(false);
  });

  it.each([
    ['the config', ['generate'], { spec: 'tiny.yaml', out: 'ts', importStyle: 'ts' }],
    ['the flag', ['generate', 'tiny.yaml', '--out', 'ts', '--import-style', 'ts'], {}],
  ])('"ts" from %s writes .ts imports', async (_from, args, config) => {
    await writeFile(path.join(dir, 'clientgen.config.json'), JSON.stringify(config));
    expect((await run(...args)).code).toBe(0);
    const client = await readFile(path.join(dir, 'ts/client.ts'), 'utf8');
    expect(client).toContain("from './core/index.ts';");
    expect(client).not.toMatch(/from '\.[^']*(?<!\.ts)';/);
  });
});

/** TINY_SPEC with `n` 3.0-style `nullable` properties: n spec-deviation warnings, and a correct client. */
const withWarnings = (n: number): string =>
  TINY_SPEC.replace(
    '          type: boolean\n',
    '          type: boolean\n' +
      Array.from({ length: n }, (_, i) => `        p${i}: { type: string, nullable: true }\n`).join(
        '',
      ),
  );

describe('warnings and --strict', () => {
  beforeEach(() => writeFile(path.join(dir, 'warned.yaml'), withWarnings(5)));

  it('warnings are printed and summed up; the client is written (exit 0)', async () => {
    const { code, stderr } = await run('generate', 'warned.yaml', '--out', 'out');
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^warned\.yaml:\d+:\d+ warning spec-deviation: `nullable` is OpenAPI 3\.0/m,
    );
    // Three in full, then one line for the rest.
    expect(stderr.match(/^warned\.yaml:\d+:\d+ warning/gm)).toHaveLength(3);
    expect(stderr).toContain(
      '… and 2 more spec-deviation warnings (nullable-in-3.1) like these (run with --verbose to see all)',
    );
    expect(stderr).toContain('0 errors, 5 warnings in warned.yaml\n');
    expect(await exists('out')).toBe(true);
  });

  it('--verbose prints every warning in full', async () => {
    const { stderr } = await run('generate', 'warned.yaml', '--out', 'out', '--verbose');
    expect(stderr.match(/^warned\.yaml:\d+:\d+ warning/gm)).toHaveLength(5);
    expect(stderr).not.toContain('more spec-deviation');
  });

  it('--strict makes warnings errors: exit 2, nothing written', async () => {
    const { code, stderr } = await run('generate', 'warned.yaml', '--out', 'out', '--strict');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^warned\.yaml:\d+:\d+ error spec-deviation:/m);
    expect(stderr).toContain('5 errors, 0 warnings in warned.yaml; nothing was written to out/');
    expect(await exists('out')).toBe(false);
  });

  it('"strict": true in the config does the same; --strict is not needed', async () => {
    await writeFile(path.join(dir, 'clientgen.config.json'), JSON.stringify({ strict: true }));
    const { code, stderr } = await run('generate', 'warned.yaml', '--out', 'out');
    expect(code).toBe(2);
    expect(stderr).toContain('nothing was written to out/');
    expect(await exists('out')).toBe(false);
  });

  it('"strict": false in the config leaves warnings warnings', async () => {
    await writeFile(path.join(dir, 'clientgen.config.json'), JSON.stringify({ strict: false }));
    const { code } = await run('generate', 'warned.yaml', '--out', 'out');
    expect(code).toBe(0);
  });
});

describe('generate', () => {
  it('prints a one-line summary to stdout and nothing else without a TTY', async () => {
    const { code, stdout, stderr } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^generated \d+ files? in out\/ \([^)]*\)\n$/);
    const again = await run('generate', 'tiny.yaml', '--out', 'out', '--client-name', 'Tiny');
    expect(again.stdout).toMatch(/^generated \d+ files? in out\/ \(no changes\)\n$/);
  });

  it('on a TTY, any progress line is erased before the summary', async () => {
    let stderr = '';
    const code = await main(
      ['node', 'clientgen', 'generate', 'tiny.yaml', '--out', 'out', '--client-name', 'Tiny'],
      {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s), isTTY: true },
        cwd: dir,
      },
    );
    expect(code).toBe(0);
    if (stderr !== '') expect(stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(stderr).not.toContain('\n');
  });

  it('--verbose prints the time and memory of each stage and of the write', async () => {
    const { code, stderr } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
      '--verbose',
    );
    expect(code).toBe(0);
    const memory = ' {2}rss +\\d+ MB {2}peak +\\d+ MB {2}heap +\\d+ MB';
    for (const stage of ['load', 'ir', 'plan', 'emit', 'validate', 'print', 'write'])
      expect(stderr).toMatch(
        new RegExp(`^${stage} +\\d+\\.\\d ms {2}cpu +\\d+\\.\\d ms${memory}$`, 'm'),
      );
    // Under the print stage, what the layout printed and what prettier formatted (the bench reads it).
    const line = /^print .*\n(.*)$/m.exec(stderr)?.[1] ?? '';
    expect(readPrintStatsLine(line)).toMatchObject({ filesFromCache: 0, filesToCompiler: 0 });
    const stats = readPrintStatsLine(line)!;
    expect(stats.filesFinal).toBeGreaterThan(0);
    expect(stats.statementsLaidOut).toBeGreaterThan(0);
    expect(stats.statementsFinal).toBeGreaterThan(0);
  });

  it('--check on an up-to-date folder → 0', async () => {
    await generate();
    const { code, stdout } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
      '--check',
    );
    expect(code).toBe(0);
    expect(stdout).toBe('out/ is up to date\n');
  });

  it('--check on drift → 1, lists the files, writes nothing', async () => {
    const manifest = await generate();
    // One of our files from an older generation, still unchanged: a write would remove it.
    const parsed = JSON.parse(manifest) as {
      generator: string;
      generatorVersion?: string;
      files: { path: string; sha256: string }[];
    };
    parsed.files.push({ path: STALE, sha256: sha256('old\n') });
    await writeFile(path.join(dir, 'out', STALE), 'old\n');
    await writeFile(path.join(dir, 'out', MANIFEST_NAME), JSON.stringify(parsed, null, 2) + '\n');
    const before = await readdir(path.join(dir, 'out'));

    const { code, stdout } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
      '--check',
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^out\/ is out of date/);
    expect(stdout).toContain(`removed  out/${STALE}`);
    expect(await readdir(path.join(dir, 'out'))).toEqual(before);
    expect(await readFile(path.join(dir, 'out', STALE), 'utf8')).toBe('old\n');

    // A real run then brings it up to date.
    const write = await run('generate', 'tiny.yaml', '--out', 'out', '--client-name', 'Tiny');
    expect(write.code).toBe(0);
    expect(write.stdout).toContain('1 removed');
    expect(
      (await run('generate', 'tiny.yaml', '--out', 'out', '--client-name', 'Tiny', '--check')).code,
    ).toBe(0);
  });

  it('--check on a folder never generated → 1', async () => {
    const { code, stdout } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
      '--check',
    );
    expect(code).toBe(1);
    expect(stdout).toContain(`out/${MANIFEST_NAME}`);
    expect(await exists('out')).toBe(false);
  });

  it('refuses hand-edited files → 2 with the list, changes nothing; --force goes ahead and keeps the edits', async () => {
    const manifest = await generate();
    const parsed = JSON.parse(manifest) as { files: { path: string; sha256: string }[] };
    parsed.files.push({ path: STALE, sha256: sha256('as generated\n') });
    const manifestText = JSON.stringify(parsed, null, 2) + '\n';
    await writeFile(path.join(dir, 'out', MANIFEST_NAME), manifestText);
    await writeFile(path.join(dir, 'out', STALE), 'edited by hand\n');

    const refused = await run('generate', 'tiny.yaml', '--out', 'out', '--client-name', 'Tiny');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('edited by hand');
    expect(refused.stderr).toContain(`out/${STALE}`);
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).toContain('Nothing was changed.');
    expect(await readFile(path.join(dir, 'out', MANIFEST_NAME), 'utf8')).toBe(manifestText);

    const forced = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
      '--force',
    );
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain(`out/${STALE}`);
    expect(await readFile(path.join(dir, 'out', STALE), 'utf8')).toBe('edited by hand\n');
    expect(await readFile(path.join(dir, 'out', MANIFEST_NAME), 'utf8')).not.toContain(STALE);
  });

  it('an unreadable manifest → 2', async () => {
    await generate();
    await writeFile(path.join(dir, 'out', MANIFEST_NAME), 'garbage');
    const { code, stderr } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--client-name',
      'Tiny',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(MANIFEST_NAME);
  });
});
