/**
 * `generate --tests <dir>` and the config's `tests`: the generated tests are written through the write stage into
 * their own folder, with their own manifest, so `--check` and the refusal to overwrite files cover them too.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { MANIFEST_NAME } from '../../generator/write';
import { runCli } from '../helpers/run-cli';

const SPEC = `openapi: 3.1.0
info:
  title: Tiny
  version: 1.0.0
servers:
  - url: https://api.example.com
paths:
  /pings/{id}:
    get:
      operationId: getPing
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
            format: uuid
        - name: verbose
          in: query
          schema:
            type: boolean
      responses:
        '204':
          description: OK
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-cli-tests-'));
  await writeFile(path.join(dir, 'tiny.yaml'), SPEC);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(dir, ...args);
const read = (p: string) => readFile(path.join(dir, p), 'utf8');

describe('generate --tests', () => {
  it('writes setup.ts and a test file per resource, importing the client by a relative path', async () => {
    const { code, stdout, stderr } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--tests',
      'spec-tests',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('spec-tests/');
    expect((await readdir(path.join(dir, 'spec-tests'))).sort()).toEqual([
      MANIFEST_NAME,
      'pings.test.ts',
      'setup.ts',
    ]);
    expect(await read('spec-tests/setup.ts')).toContain(`from '../out';`);
    const test = await read('spec-tests/pings.test.ts');
    expect(test).toContain(`test('pings.retrieve: required params'`);
    expect(test).toContain(
      `client.pings.retrieve('3fa85f64-5717-4562-b3fc-2c963f66afa6', { verbose: true })`,
    );
    // The client folder's manifest does not list the tests.
    expect(await read(`out/${MANIFEST_NAME}`)).not.toContain('setup.ts');
  });

  it('takes "tests" from the config, relative to the config file', async () => {
    await mkdir(path.join(dir, 'conf'));
    await writeFile(
      path.join(dir, 'conf', 'clientgen.config.json'),
      JSON.stringify({ spec: '../tiny.yaml', out: 'gen', tests: 'gen-tests' }),
    );
    const { code } = await run('generate', '--config', 'conf/clientgen.config.json');
    expect(code).toBe(0);
    expect(await read('conf/gen-tests/setup.ts')).toContain(`from '../gen';`);
  });

  it('--check covers the tests folder: an edited test is drift (exit 1), and nothing is written', async () => {
    expect((await run('generate', 'tiny.yaml', '--out', 'out', '--tests', 't')).code).toBe(0);
    await writeFile(path.join(dir, 't', 'pings.test.ts'), '// edited\n');
    const { code, stdout } = await run(
      'generate',
      'tiny.yaml',
      '--out',
      'out',
      '--tests',
      't',
      '--check',
    );
    expect(code).toBe(1);
    expect(stdout).toContain('out/ is up to date');
    expect(stdout).toMatch(/t\/pings\.test\.ts/);
    expect(await read('t/pings.test.ts')).toBe('// edited\n');
  });

  it('refuses to overwrite a file of the tests folder it did not write (exit 2)', async () => {
    await mkdir(path.join(dir, 't'));
    await writeFile(path.join(dir, 't', 'setup.ts'), '// mine\n');
    const { code, stderr } = await run('generate', 'tiny.yaml', '--out', 'out', '--tests', 't');
    expect(code).toBe(2);
    expect(stderr).toContain('setup.ts');
    expect(await read('t/setup.ts')).toBe('// mine\n');
  });

  it('refuses the output folder as the tests folder (exit 2)', async () => {
    const { code, stderr } = await run('generate', 'tiny.yaml', '--out', 'out', '--tests', 'out/');
    expect(code).toBe(2);
    expect(stderr).toContain('tests folder must not be the output folder');
  });
});
