/**
 * `clientgen --help` starts only what it prints with: the bundle and commander. The stages (and the Node modules
 * they alone need, `node:crypto` and `node:fs/promises`, ~25 ms to load) wait for a command that runs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeRequireLog } from '../helpers/require-log';

const ROOT = path.join(__dirname, '../..');

it('loads neither a stage nor the Node modules only the stages need', async () => {
  expect(existsSync(path.join(ROOT, 'dist/generator/cli.js'))).toBe(true);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-help-'));
  try {
    const hook = writeRequireLog(dir);
    const run = spawnSync(
      process.execPath,
      ['-r', hook, path.join(ROOT, 'bin/clientgen.js'), '--help'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: clientgen/);
    const loaded = new Set(run.stderr.split('\n'));
    expect(loaded.has('commander')).toBe(true);
    for (const late of [
      'node:crypto',
      'node:fs/promises',
      'js-yaml',
      'yaml',
      'prettier',
      'prettier/doc',
      'ts-morph',
      'pluralize',
      '@babel/code-frame',
    ])
      expect([late, loaded.has(late)]).toEqual([late, false]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
