/**
 * Names never move (docs/naming.md, "Names that never move"): `generate` records every operation's name in the output
 * folder's `.clientgen-names.json`, and the next run keeps them, even when a new operation would now win a name;
 * the changed inference is a warning, `--rename` takes the new names, and `--check` sees a stale record.
 * `clientgen names` prints the mapping, and the config's `names` overrides any name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { runCli } from '../helpers/run-cli';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'clientgen-names-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ok = { responses: { '204': { description: 'OK' } } };
const thread = { name: 'thread', in: 'path', required: true, schema: { type: 'string' } };

function writeSpec(paths: Record<string, unknown>): void {
  writeFileSync(
    path.join(dir, 'spec.yaml'),
    stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths }),
  );
}

const lockNames = () =>
  (
    JSON.parse(readFileSync(path.join(dir, 'out/.clientgen-names.json'), 'utf8')) as {
      names: Record<string, string>;
    }
  ).names;

it('keeps every earlier name after a clashing operation is added, warns, and --rename takes the new names', async () => {
  writeSpec({ '/threads/runs': { post: { operationId: 'createThreadAndRun', ...ok } } });
  expect((await runCli(dir, 'generate', 'spec.yaml', '--out', 'out')).code).toBe(0);
  expect(lockNames()).toEqual({ 'POST /threads/runs': 'threads.runs.create' });

  // `POST /threads/{thread}/runs` is the resource's usual path: a fresh run would give it `create`.
  const run = { name: 'run', in: 'path', required: true, schema: { type: 'string' } };
  writeSpec({
    '/threads/runs': { post: { operationId: 'createThreadAndRun', ...ok } },
    '/threads/{thread}/runs': { post: { operationId: 'createRun', parameters: [thread], ...ok } },
    '/threads/{thread}/runs/{run}': { get: { parameters: [thread, run], ...ok } },
  });
  const second = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out');
  expect(second.code).toBe(0);
  expect(second.stderr).toContain(
    'POST /threads/runs keeps its name threads.runs.create (recorded in .clientgen-names.json); ' +
      'clientgen now names it threads.runs.createAndRun',
  );
  expect(lockNames()).toEqual({
    'GET /threads/{thread}/runs/{run}': 'threads.runs.retrieve',
    'POST /threads/runs': 'threads.runs.create',
    'POST /threads/{thread}/runs': 'threads.runs.createRun',
  });
  const runs = readFileSync(path.join(dir, 'out/resources/threads/runs.ts'), 'utf8');
  expect(runs).toContain('  create(options?: RequestOptions)');
  expect(runs).toContain('  createRun(thread: string, options?: RequestOptions)');
  // The record and the spec agree: --check finds nothing to do.
  expect((await runCli(dir, 'generate', 'spec.yaml', '--out', 'out', '--check')).code).toBe(0);

  const renamed = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out', '--rename');
  expect(renamed.code).toBe(0);
  expect(renamed.stderr).not.toContain('keeps its name');
  expect(lockNames()).toEqual({
    'GET /threads/{thread}/runs/{run}': 'threads.runs.retrieve',
    'POST /threads/runs': 'threads.runs.createAndRun',
    'POST /threads/{thread}/runs': 'threads.runs.create',
  });
});

it('reads back the lock it wrote for every method, a path with a space and a name with a digit first', async () => {
  // A lock with a `HEAD` key was refused as "no operation key", one with `1Clicks.list` as no "resource.method": S3's
  // and DigitalOcean's specs, regenerated into their own output, failed.
  writeSpec({
    '/buckets/{thread}': {
      head: { parameters: [thread], ...ok },
      options: { parameters: [thread], ...ok },
      trace: { parameters: [thread], ...ok },
      get: { parameters: [thread], ...ok },
    },
    '/odd path': { get: ok },
    // A resource whose name starts with a digit (DigitalOcean's `/v2/1-clicks`).
    '/1-clicks': { get: ok },
    '/1-clicks/{thread}': { get: { parameters: [thread], ...ok } },
  });
  const first = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out');
  expect(first.code).toBe(0);
  const keys = Object.keys(lockNames()).sort();
  expect(keys).toEqual([
    'GET /1-clicks',
    'GET /1-clicks/{thread}',
    'GET /buckets/{thread}',
    'GET /odd path',
    'HEAD /buckets/{thread}',
    'OPTIONS /buckets/{thread}',
    'TRACE /buckets/{thread}',
  ]);
  const again = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out');
  // What the first run said (TRACE's warning), and nothing about the lock.
  expect(again.stderr).toBe(first.stderr);
  expect(again.code).toBe(0);
  expect(Object.keys(lockNames()).sort()).toEqual(keys);
});

it('--check reports a record that no longer matches the spec', async () => {
  writeSpec({ '/pets': { get: ok } });
  expect((await runCli(dir, 'generate', 'spec.yaml', '--out', 'out')).code).toBe(0);
  writeSpec({ '/pets': { get: ok }, '/owners': { get: ok } });
  const check = await runCli(dir, 'generate', 'spec.yaml', '--out', 'out', '--check');
  expect(check.code).toBe(1);
  expect(check.stdout).toContain('.clientgen-names.json');
});

it('prints the mapping with sources, as text and as a config section that the config then applies', async () => {
  writeSpec({
    '/jobs/{id}/cancel': { post: { parameters: [{ ...thread, name: 'id' }], ...ok } },
    '/jobs': { get: { 'x-clientgen-resource': 'jobs', 'x-clientgen-method': 'all', ...ok } },
  });
  const text = await runCli(dir, 'names', 'spec.yaml');
  expect(text.code).toBe(0);
  expect(text.stdout).toBe(
    'POST /jobs/{id}/cancel → jobs.cancel (inferred)\nGET /jobs              → jobs.all (x-clientgen)\n',
  );
  const json = await runCli(dir, 'names', 'spec.yaml', '--json');
  expect(JSON.parse(json.stdout)).toEqual({
    names: { 'POST /jobs/{id}/cancel': 'jobs.cancel', 'GET /jobs': 'jobs.all' },
  });
  writeFileSync(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({
      spec: 'spec.yaml',
      out: 'out',
      names: { 'POST /jobs/{id}/cancel': 'jobs.stop' },
    }),
  );
  const configured = await runCli(dir, 'names');
  expect(configured.stdout).toContain('POST /jobs/{id}/cancel → jobs.stop (config)');
  expect((await runCli(dir, 'generate')).code).toBe(0);
  expect(lockNames()['POST /jobs/{id}/cancel']).toBe('jobs.stop');
});

it('prints each call as the client spells it, where that is not the name the config pins', async () => {
  const named = (resource: string, method: string) => ({
    get: { 'x-clientgen-resource': resource, 'x-clientgen-method': method, ...ok },
  });
  writeSpec({
    '/jobs': named('jobs', 'list'),
    '/jobs/list': named('jobs.list', 'retrieve'),
    '/3d/models': { get: ok },
  });
  const text = await runCli(dir, 'names', 'spec.yaml');
  expect(text.stdout).toBe(
    'GET /jobs      → jobs.list (x-clientgen)\n' +
      'GET /jobs/list → jobs.listResource.retrieve (x-clientgen)\n' +
      'GET /3d/models → _3d.models.list (inferred)\n',
  );
  // The config and the lock keep the names themselves.
  const json = await runCli(dir, 'names', 'spec.yaml', '--json');
  expect(JSON.parse(json.stdout)).toEqual({
    names: {
      'GET /jobs': 'jobs.list',
      'GET /jobs/list': 'jobs.list.retrieve',
      'GET /3d/models': '3d.models.list',
    },
  });
  // And the client has the calls the text says.
  expect((await runCli(dir, 'generate', 'spec.yaml', '--out', 'out')).code).toBe(0);
  const api = readFileSync(path.join(dir, 'out/api.md'), 'utf8');
  for (const call of ['jobs.listResource.retrieve(', '_3d.models.list('])
    expect(api).toContain(call);
});

it('warns about a config name for an operation the spec does not have, with the one it likely meant', async () => {
  writeSpec({ '/pets/{petId}': { get: { parameters: [{ ...thread, name: 'petId' }], ...ok } } });
  writeFileSync(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({
      spec: 'spec.yaml',
      out: 'out',
      names: { 'GET /pets/{id}': 'pets.fetch', 'DELETE /pets': 'pets.clear' },
    }),
  );
  const result = await runCli(dir, 'generate');
  expect(result.code).toBe(0);
  expect(result.stderr).toContain(
    'the config\'s names give "GET /pets/{id}" the name pets.fetch, but the spec has no GET /pets/{id} ' +
      '(did you mean "GET /pets/{petId}"?): the name is not used',
  );
  expect(result.stderr).toContain(
    'the config\'s names give "DELETE /pets" the name pets.clear, but the spec has no DELETE /pets: the name is not used',
  );
  // Said at the config's entry, and the summary names the config.
  expect(result.stderr).toMatch(
    /^clientgen\.config\.json:1:\d+ warning name-unused: the config's names give "DELETE \/pets"/m,
  );
  expect(result.stderr).toContain('  at #/names/DELETE ~1pets');
  expect(result.stderr).toMatch(
    /^0 errors, 2 warnings in spec\.yaml and clientgen\.config\.json$/m,
  );
  expect(lockNames()).toEqual({ 'GET /pets/{petId}': 'pets.retrieve' });
  // A gate for spec authors refuses it; the key spelled as the spec writes it is used, without a word.
  expect((await runCli(dir, 'generate', '--strict')).code).toBe(2);
  writeFileSync(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'spec.yaml', out: 'out', names: { 'GET /pets/{petId}': 'pets.fetch' } }),
  );
  const fixed = await runCli(dir, 'generate');
  expect(fixed.code).toBe(0);
  expect(fixed.stderr).not.toContain('is not used');
  expect(lockNames()).toEqual({ 'GET /pets/{petId}': 'pets.fetch' });
});

it('refuses a config whose names are not resource.method', async () => {
  writeSpec({ '/pets': { get: ok } });
  writeFileSync(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'spec.yaml', out: 'out', names: { 'GET /pets': 'list()' } }),
  );
  const result = await runCli(dir, 'generate');
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('"names": "GET /pets": expected "resource.method"');
});

it('diff compares the names the client keeps: the lock of --out (or the config), not fresh inference', async () => {
  const v1 = { '/threads/runs': { post: { operationId: 'createThreadAndRun', ...ok } } };
  writeSpec(v1);
  expect((await runCli(dir, 'generate', 'spec.yaml', '--out', 'out')).code).toBe(0);
  writeFileSync(
    path.join(dir, 'old.yaml'),
    stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: v1 }),
  );
  // The new version adds an operation that also wants `create`: fresh inference gives it to neither (a tie), so the
  // old one is renamed (to `createAndRun`, its operationId's name) and the new one is `start`.
  writeSpec({
    ...v1,
    '/threads/{thread}/runs': { post: { operationId: 'startRun', parameters: [thread], ...ok } },
  });
  const renames = (stdout: string) =>
    (JSON.parse(stdout) as { changes: { rule: string; message: string }[] }).changes
      .filter((c) => c.rule === 'operation-renamed')
      .map((c) => c.message);

  const fresh = await runCli(dir, 'diff', 'old.yaml', 'spec.yaml', '--format', 'json');
  expect(fresh.code).toBe(0);
  expect(renames(fresh.stdout)).toHaveLength(1);

  // The lock keeps `threads.runs.create`, so the client sees no rename.
  const kept = await runCli(
    dir,
    'diff',
    'old.yaml',
    'spec.yaml',
    '--out',
    'out',
    '--format',
    'json',
  );
  expect(kept.code).toBe(0);
  expect(renames(kept.stdout)).toEqual([]);
  expect(kept.stdout).toContain('threads.runs.start()');

  // The config's out names the same folder; --rename previews `generate --rename`.
  writeFileSync(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'spec.yaml', out: 'out' }),
  );
  const configured = await runCli(dir, 'diff', 'old.yaml', 'spec.yaml', '--format', 'json');
  expect(renames(configured.stdout)).toEqual([]);
  const renamed = await runCli(
    dir,
    'diff',
    'old.yaml',
    'spec.yaml',
    '--rename',
    '--format',
    'json',
  );
  expect(renames(renamed.stdout)).toEqual(renames(fresh.stdout));
});
