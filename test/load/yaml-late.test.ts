/**
 * `yaml` loads only when a file needs it (load/source-file.ts): js-yaml's fast path reads most specs, and loading
 * `yaml` took ~30 ms of every run's start. Checked on runs of the built CLI, with every require logged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeRequireLog } from '../helpers/require-log';

const ROOT = path.join(__dirname, '../..');

/** Whether a built-CLI `generate` of `spec` (text) required `yaml`, and its exit code. */
async function loadsYaml(spec: string): Promise<{ loaded: boolean; status: number | null }> {
  expect(existsSync(path.join(ROOT, 'dist/generator/cli.js'))).toBe(true);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-yaml-late-'));
  try {
    const hook = writeRequireLog(dir);
    writeFileSync(path.join(dir, 'spec.yaml'), spec);
    const run = spawnSync(
      process.execPath,
      ['-r', hook, path.join(ROOT, 'bin/clientgen.js'), 'generate', 'spec.yaml', '--out', 'out'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CLIENTGEN_CACHE_DIR: path.join(dir, 'cache') },
      },
    );
    return { loaded: run.stderr.split('\n').includes('yaml'), status: run.status };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const SPEC = readFileSync(path.join(ROOT, 'test/fixtures/specs/petstore.yaml'), 'utf8');

it('does not load yaml for a spec the fast path reads', async () => {
  expect(await loadsYaml(SPEC)).toEqual({ loaded: false, status: 0 });
}, 30_000);

it('loads yaml for a spec the fast path leaves to it (a tag)', async () => {
  expect(await loadsYaml(SPEC.replace('version: 1.0.0', 'version: !!str 1.0.0'))).toEqual({
    loaded: true,
    status: 0,
  });
}, 30_000);
