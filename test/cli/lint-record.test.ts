/**
 * The lint record through the CLI (validate/lint-record.mjs; test/validate/lint-record.test.ts holds its findings to
 * a full lint's): `generate` keeps the record of the spec's last lint beside the format cache, a spec changed in one
 * schema is linted in that schema only (`--verbose` says so), and the client and the messages are those of a run
 * without any cache. `--check` reads the record and leaves it as it is; `--no-cache` neither reads nor writes it.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { readTree } from '../helpers/file-tree';
import { runCli } from '../helpers/run-cli';

const spec = (description: string, extra = '') => `openapi: 3.1.0
info: { title: Tiny, version: 1.0.0 }
servers: [{ url: 'https://api.example.com' }]
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: OK
          content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } }
components:
  schemas:
    Pet:
      type: object
      description: ${description}
      properties:
        name: { type: string }
        kind: { $ref: '#/components/schemas/Kind' }${extra}
    Kind: { type: string, enum: [cat, dog] }
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-lint-record-cli-'));
  // The caches go to the nearest node_modules above the working directory.
  await mkdir(path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'spec.yaml'), spec('A pet.'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const cacheDir = () => path.join(dir, 'node_modules/.cache/clientgen');
const lintRecords = async () =>
  (await readdir(cacheDir()).catch(() => [])).filter((n) => n.startsWith('lint-'));

/** `generate --verbose` into `out`; what it printed under the validate stage. */
async function generate(out: string, ...flags: string[]) {
  const result = await runCli(dir, 'generate', 'spec.yaml', '--out', out, '--verbose', ...flags);
  const linted = /^ +(linted .*)$/m.exec(result.stderr)?.[1];
  return { ...result, linted };
}

it('a spec changed in one schema is linted in it only, and gives what a run without caches gives', async () => {
  const first = await generate('out');
  expect(first.code).toBe(0);
  expect(first.linted).toBe('linted the whole spec');
  expect(await lintRecords()).toHaveLength(1);

  // A new property with a 3.0 keyword: a warning, located in the changed schema.
  await writeFile(
    path.join(dir, 'spec.yaml'),
    spec('A pet, changed.', '\n        age: { type: integer, nullable: true }'),
  );
  const again = await generate('out');
  expect(again.code).toBe(0);
  expect(again.linted).toBe(
    'linted 1 changed schema (#/components/schemas/Pet); the rest from the lint record',
  );
  const cold = await generate('cold', '--no-cache');
  expect(cold.linted).toBe('linted the whole spec');
  // Without the stage lines and the lines under them (indented by 11 spaces): the diagnostics and the summary.
  const messages = (stderr: string) => stderr.replace(/^\S+ +[\d.]+ ms.*\n|^ {11}\S.*\n/gm, '');
  expect(messages(again.stderr)).toBe(messages(cold.stderr).replaceAll('cold/', 'out/'));
  expect(messages(again.stderr)).toMatch(/^spec\.yaml:20:31 warning spec-deviation: `nullable`/m);
  expect(readTree(path.join(dir, 'out'))).toEqual(readTree(path.join(dir, 'cold')));
});

it('--check reads the record and leaves it; --no-cache neither reads nor writes it', async () => {
  expect((await generate('out', '--no-cache')).linted).toBe('linted the whole spec');
  expect(await lintRecords()).toEqual([]);
  await generate('out');
  const [name] = await lintRecords();
  const record = await readFile(path.join(cacheDir(), name!), 'utf8');

  await writeFile(path.join(dir, 'spec.yaml'), spec('A pet, changed.'));
  const check = await generate('out', '--check');
  expect(check.code).toBe(1);
  expect(check.linted).toBe(
    'linted 1 changed schema (#/components/schemas/Pet); the rest from the lint record',
  );
  expect(await readFile(path.join(cacheDir(), name!), 'utf8')).toBe(record);
  expect((await generate('out', '--no-cache')).linted).toBe('linted the whole spec');
  expect(await readFile(path.join(cacheDir(), name!), 'utf8')).toBe(record);
});
