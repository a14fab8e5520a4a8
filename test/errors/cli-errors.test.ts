/** A broken spec writes nothing through the CLI: exit 2, diagnostics on stderr, the output folder as it was. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT } from '../../generator/cli';
import { runCli } from '../helpers/run-cli';
import { readTree } from '../helpers/file-tree';

const TINY_SPEC = `openapi: 3.1.0
info:
  title: Tiny
  version: 1.0.0
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  ok:
                    type: boolean
`;

const BROKEN = [
  'ref-unresolved.yaml',
  'several-errors-at-once.yaml',
  'yaml-syntax.yaml',
  'missing-file-ref.yaml',
  'not-openapi.yaml',
  'ref-unresolved-in-other-file/spec.yaml',
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-cli-errors-'));
  await writeFile(path.join(dir, 'tiny.yaml'), TINY_SPEC);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(dir, ...args);

describe('generate with a broken spec', () => {
  it.each(BROKEN)(
    '%s: exits 2 and leaves the output folder byte-for-byte as it was',
    async (spec) => {
      const out = path.join(dir, 'out');
      const first = await run('generate', 'tiny.yaml', '--out', out, '--client-name', 'Tiny');
      expect(first.stderr).toBe('');
      expect(first.code).toBe(EXIT.ok);
      await writeFile(path.join(out, 'NOTES.md'), 'a file of the user\n');
      const before = readTree(out);
      expect(before.size).toBeGreaterThan(1);

      const broken = await run(
        'generate',
        path.join(__dirname, spec),
        '--out',
        out,
        '--client-name',
        'Tiny',
      );
      expect(broken.code).toBe(EXIT.usage);
      expect(broken.stdout).toBe('');
      expect(broken.stderr).toMatch(/ error [a-z-]+: /);
      expect(broken.stderr).toMatch(
        /\d+ errors?, \d+ warnings? in .*; nothing was written to out\/?\n$/,
      );
      expect(readTree(out)).toEqual(before);
    },
  );

  it('creates no output folder', async () => {
    const result = await run(
      'generate',
      path.join(__dirname, 'ref-unresolved.yaml'),
      '--out',
      'out',
    );
    expect(result.code).toBe(EXIT.usage);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
