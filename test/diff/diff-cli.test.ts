/** `clientgen diff` through the CLI entry point, in-process: formats, --fail-on, exit codes and errors. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';

const CASES = path.join(__dirname, 'cases');

const run = runCli;

/** `diff` between the two specs of a corpus case, run from the cases folder. */
const diffCase = (name: string, ...flags: string[]) =>
  run(CASES, 'diff', `${name}/old.yaml`, `${name}/new.yaml`, ...flags);

describe('clientgen diff', () => {
  it('writes the markdown report by default, titled with both specs', async () => {
    const { code, stdout, stderr } = await diffCase('request-property-added-required');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^## API changes: request-property-added-required\/old\.yaml → request-property-added-required\/new\.yaml\n/,
    );
    expect(stdout).toContain(
      '| ❌ | `pets.create() body.species` | new required property | breaking | breaking |',
    );
    expect((await diffCase('request-property-added-required', '--format', 'md')).stdout).toBe(
      stdout,
    );
  });

  it('says so when nothing changed', async () => {
    const { code, stdout } = await diffCase('no-changes');
    expect(code).toBe(0);
    expect(stdout).toContain('No changes a client user could notice.');
  });

  it('--format json prints { changes: [{ breaking, location, message, ... }] }', async () => {
    const { code, stdout, stderr } = await diffCase('chat-completions', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      changes: Record<string, unknown>[];
      summary: Record<string, number>;
    };
    expect(report.changes.length).toBeGreaterThan(0);
    for (const change of report.changes) {
      expect(typeof change.breaking).toBe('boolean');
      expect(typeof change.location).toBe('string');
      expect(typeof change.message).toBe('string');
      expect(['breaking', 'warning', 'compatible']).toContain(change.wire);
      expect(['breaking', 'compatible']).toContain(change.sdk);
    }
    expect(report.summary.breaking).toBe(report.changes.filter((c) => c.breaking).length);
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        breaking: true,
        location: 'ChatCompletion.choices[].finish_reason',
        wire: 'warning',
        sdk: 'breaking',
      }),
    );
  });

  it('--format json with no changes prints an empty list', async () => {
    const { stdout } = await diffCase('no-changes', '--format', 'json');
    expect(JSON.parse(stdout)).toMatchObject({ changes: [] });
  });

  describe('--fail-on breaking', () => {
    it('exits 1 when a change breaks, and still prints the report', async () => {
      const { code, stdout } = await diffCase('response-enum-value-added', '--fail-on', 'breaking');
      expect(code).toBe(1);
      expect(stdout).toContain('`Pet.status`');
    });

    it('exits 1 when only the SDK breaks (wire compatible)', async () => {
      expect((await diffCase('model-renamed', '--fail-on', 'breaking')).code).toBe(1);
    });

    it('exits 0 when every change is compatible', async () => {
      expect(
        (await diffCase('request-property-added-optional', '--fail-on', 'breaking')).code,
      ).toBe(0);
      expect((await diffCase('no-changes', '--fail-on', 'breaking', '--format', 'json')).code).toBe(
        0,
      );
    });

    it('is what makes breaking changes fail: without it diff exits 0', async () => {
      expect((await diffCase('operation-removed')).code).toBe(0);
    });
  });

  describe('--fail-on warning', () => {
    const RULES = path.join(__dirname, 'rules');
    const diffPair = (rule: string, ...flags: string[]) =>
      run(RULES, 'diff', `${rule}/old.yaml`, `${rule}/new.yaml`, ...flags);

    it('exits 1 on a wire warning that --fail-on breaking lets through', async () => {
      expect((await diffPair('request-default-changed', '--fail-on', 'breaking')).code).toBe(0);
      const { code, stdout } = await diffPair('request-default-changed', '--fail-on', 'warning');
      expect(code).toBe(1);
      expect(stdout).toContain('| warning | compatible | request-default-changed |');
    });

    it('exits 1 on breaking changes too, and 0 when all is compatible', async () => {
      expect((await diffPair('request-max-length-decreased', '--fail-on', 'warning')).code).toBe(1);
      expect((await diffPair('request-max-length-increased', '--fail-on', 'warning')).code).toBe(0);
    });
  });

  it('compares only the operations the client has: --include / --exclude, or the config', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-diff-select-'));
    try {
      const op = (tag: string, name: string) => ({
        get: {
          operationId: name,
          tags: [tag],
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${tag}` } } },
            },
          },
        },
      });
      const spec = (ownerId: string) =>
        JSON.stringify({
          openapi: '3.1.0',
          info: { title: 'T', version: '1' },
          paths: { '/pets': op('Pet', 'listPets'), '/owners': op('Owner', 'listOwners') },
          components: {
            schemas: {
              Pet: { type: 'object', properties: { name: { type: 'string' } } },
              Owner: {
                type: 'object',
                required: [ownerId],
                properties: { [ownerId]: { type: 'string' } },
              },
            },
          },
        });
      await writeFile(path.join(dir, 'old.json'), spec('id'));
      await writeFile(path.join(dir, 'new.json'), spec('uuid'));
      const changes = async (...flags: string[]) => {
        const { code, stdout } = await run(
          dir,
          'diff',
          'old.json',
          'new.json',
          '--format',
          'json',
          ...flags,
        );
        expect(code).toBe(0);
        return (JSON.parse(stdout) as { changes: { location: string }[] }).changes.map(
          (c) => c.location,
        );
      };
      expect((await changes()).some((l) => l.startsWith('Owner'))).toBe(true);
      expect(await changes('--include', 'tag:Pet')).toEqual([]);
      expect(await changes('--exclude', 'op:listOwners')).toEqual([]);
      await writeFile(
        path.join(dir, 'clientgen.config.json'),
        JSON.stringify({ spec: 'new.json', out: 'out', include: ['tag:Pet'] }),
      );
      expect(await changes()).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('bad input exits 2', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-diff-test-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('a missing file', async () => {
      const { code, stdout, stderr } = await run(
        CASES,
        'diff',
        'no-changes/old.yaml',
        'no-such-spec.yaml',
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('no-such-spec.yaml');
      expect(stderr).toContain('nothing was compared');
    });

    it('a broken spec, with a diagnostic pointing into it', async () => {
      await writeFile(
        path.join(dir, 'broken.yaml'),
        'openapi: 3.1.0\ninfo:\n  title: Broken\n  version: 1.0.0\npaths:\n  /pets:\n    get:\n      responses:\n        200: [\n',
      );
      const { code, stdout, stderr } = await run(
        dir,
        'diff',
        path.join(CASES, 'no-changes/old.yaml'),
        'broken.yaml',
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/broken\.yaml:\d+/);
      expect(stderr).toMatch(/error/i);
    });

    it('a spec that is valid YAML but not a valid API', async () => {
      await writeFile(path.join(dir, 'not-openapi.yaml'), 'hello: world\n');
      const { code, stderr } = await run(
        dir,
        'diff',
        'not-openapi.yaml',
        path.join(CASES, 'no-changes/new.yaml'),
        '--fail-on',
        'breaking',
      );
      expect(code).toBe(2);
      expect(stderr).toContain('not-openapi.yaml');
    });

    it('a spec generate refuses (a parameter the IR cannot read), exactly as generate does', async () => {
      // Well-formed YAML, but a parameter without a `name` cannot be sent: the IR cannot build the operation.
      await writeFile(
        path.join(dir, 'invalid.yaml'),
        'openapi: 3.1.0\ninfo:\n  title: Invalid\n  version: "1"\npaths:\n  /pets:\n    get:\n      parameters:\n        - in: query\n          schema: { type: string }\n      responses:\n        "200": { description: ok }\n',
      );
      const diffed = await run(
        dir,
        'diff',
        'invalid.yaml',
        path.join(CASES, 'no-changes/new.yaml'),
      );
      const generated = await run(dir, 'generate', 'invalid.yaml', '--out', path.join(dir, 'out'));
      expect(diffed.code).toBe(2);
      expect(generated.code).toBe(2);
      expect(diffed.stderr).toContain('invalid.yaml');
      expect(diffed.stderr).toContain('parameters/0');
    });

    it("a refused diff says the config's warnings once, at the config's entry", async () => {
      const spec = (paths: string) =>
        `openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\npaths:\n${paths}`;
      const get = '    get:\n      responses:\n        "204": { description: ok }\n';
      await writeFile(path.join(dir, 'old.yaml'), spec(`  /pets:\n${get}`));
      // A parameter without a `name`: generate refuses the spec, so diff compares nothing.
      await writeFile(
        path.join(dir, 'new.yaml'),
        spec(
          `  /pets:\n    get:\n      parameters:\n        - in: query\n          schema: { type: string }\n      responses:\n        "204": { description: ok }\n`,
        ),
      );
      await writeFile(
        path.join(dir, 'clientgen.config.json'),
        `{\n  "spec": "new.yaml",\n  "names": {\n    "DELETE /pets": "pets.clear"\n  }\n}\n`,
      );
      const { code, stdout, stderr } = await run(dir, 'diff', 'old.yaml', 'new.yaml');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      // Both builds find it; it is said once, where the config gives the name, with the config's line shown.
      const warning =
        /^clientgen\.config\.json:4:21 warning name-unused: the config's names give "DELETE \/pets"/gm;
      expect(stderr.match(warning)).toHaveLength(1);
      expect(stderr).toContain('  at #/names/DELETE ~1pets');
      expect(stderr).toContain('> 4 |     "DELETE /pets": "pets.clear"');
      expect(stderr).toMatch(/^1 error, 1 warning; nothing was compared$/m);
    });

    it('a spec generate accepts with warnings (no info.version) is compared, as generate generates it', async () => {
      await writeFile(
        path.join(dir, 'lenient.yaml'),
        'openapi: 3.1.0\ninfo:\n  title: Lenient\npaths: {}\n',
      );
      const diffed = await run(dir, 'diff', 'lenient.yaml', 'lenient.yaml');
      const generated = await run(dir, 'generate', 'lenient.yaml', '--out', path.join(dir, 'out'));
      expect(generated.code).toBe(0);
      expect(diffed.code).toBe(0);
    });

    it('an unknown format', async () => {
      const { code, stderr } = await diffCase('no-changes', '--format', 'html');
      expect(code).toBe(2);
      expect(stderr).toContain('md, json');
    });
  });

  it('--date decides whether an x-sunset date has passed, so a report can be reproduced', async () => {
    const rules = async (...flags: string[]) => {
      const { code, stdout } = await diffCase(
        'operation-removed-deprecated',
        '--format',
        'json',
        ...flags,
      );
      expect(code).toBe(0);
      return (JSON.parse(stdout) as { changes: { rule: string }[] }).changes
        .map((c) => c.rule)
        .filter((r) => r.startsWith('operation-removed'))
        .sort();
    };
    // The case removes an operation deprecated with x-sunset 2022-08-10, and one deprecated with no date.
    expect(await rules('--date', '2022-08-09')).toEqual([
      'operation-removed',
      'operation-removed-deprecated',
    ]);
    expect(await rules('--date', '2022-08-10')).toEqual([
      'operation-removed-deprecated',
      'operation-removed-deprecated',
    ]);
    expect(await rules()).toEqual(await rules('--date', '2022-08-10'));
    const bad = await diffCase('operation-removed-deprecated', '--date', '2022-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--date: expected a day as yyyy-mm-dd, got '2022-02-30'");
  });

  it.each([[['diff', '--help']], [['help', 'diff']]])(
    '%j exits 0 and documents flags and exit codes',
    async (args) => {
      const { code, stdout } = await run(CASES, ...args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: clientgen diff/);
      for (const text of ['--format', '--fail-on', 'Exit codes:', 'breaking changes were found'])
        expect(stdout).toContain(text);
    },
  );
});
