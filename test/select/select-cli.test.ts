/** `clientgen generate --include / --exclude` and the config's `include` / `exclude`: exit codes and messages. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';
import { SELECT_SPEC } from './fixture';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-select-cli-'));
  await writeFile(path.join(dir, 'shop.yaml'), SELECT_SPEC);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(dir, ...args);
const list = (rel: string) =>
  readdir(path.join(dir, rel)).then(
    (f) => f.sort(),
    () => undefined,
  );

it('--include, repeated and comma-separated, generates only those operations and their models', async () => {
  const { code, stderr } = await run(
    'generate',
    'shop.yaml',
    '--out',
    'out',
    '--include',
    'op:getPetV2,op:listOrderItems',
    '--include',
    'op:getPetV1',
  );
  expect(code).toBe(0);
  expect(stderr).toBe('clientgen: selected 3 of 4 operations and 3 of 6 models\n');
  expect(await list('out/models')).toEqual(['index.ts', 'item.ts', 'pet.ts', 'pet2.ts']);
  expect(await list('out/resources')).toEqual(['index.ts', 'orders', 'orders.ts', 'pets.ts']);
  const pets = await readFile(path.join(dir, 'out/resources/pets.ts'), 'utf8');
  expect(pets).toContain('getV1(');
  expect(pets).toContain('getV2(');
});

it('--exclude removes operations from what --include (or the whole API) selects', async () => {
  const { code } = await run(
    'generate',
    'shop.yaml',
    '--out',
    'out',
    '--exclude',
    'resource:pets',
    '--exclude',
    'path:/v1/orders/*/items',
  );
  expect(code).toBe(0);
  expect(await list('out/models')).toEqual(['index.ts', 'item.ts', 'order-create.ts', 'order.ts']);
  expect(await list('out/resources')).toEqual(['index.ts', 'orders.ts']);
});

it('reads include and exclude from the config; flags replace the config lists', async () => {
  await writeFile(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'shop.yaml', out: 'out', include: ['tag:Orders'] }),
  );
  expect((await run('generate')).code).toBe(0);
  expect(await list('out/resources')).toEqual(['index.ts', 'orders.ts']);
  expect((await run('generate', '--include', 'resource:pets')).code).toBe(0);
  expect(await list('out/resources')).toEqual(['index.ts', 'pets.ts']);
});

it.each([
  [['--include', 'Chat'], 'invalid --include selector "Chat" has no kind'],
  [['--exclude', 'paths:/x'], 'invalid --exclude selector "paths:/x" has an unknown kind "paths"'],
  [['--include', 'path:x/**'], 'a path pattern starts with /'],
])('a bad selector %j is a usage error (exit 2), nothing written', async (args, message) => {
  const { code, stderr } = await run('generate', 'shop.yaml', '--out', 'out', ...args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(stderr).toContain('a selector is <kind>:<pattern> with kind tag, op, path or resource');
  expect(await list('out')).toBeUndefined();
});

it('a bad selector in the config is a config error naming it', async () => {
  await writeFile(
    path.join(dir, 'clientgen.config.json'),
    JSON.stringify({ spec: 'shop.yaml', out: 'out', exclude: ['tag:A', 'nope'], include: 'tag:A' }),
  );
  const { code, stderr } = await run('generate');
  expect(code).toBe(2);
  expect(stderr).toContain('"exclude": "nope" has no kind');
  expect(stderr).toContain('"include" must be an array of selectors');
});

it('warns about a selector that matches nothing, and still generates the rest', async () => {
  const { code, stderr } = await run(
    'generate',
    'shop.yaml',
    '--out',
    'out',
    '--include',
    'tag:orders,op:createOrder',
  );
  expect(code).toBe(0);
  expect(stderr).toContain(
    'clientgen: warning: --include tag:orders matches no operation (did you mean tag:Orders?)\n',
  );
  expect(await list('out/resources')).toEqual(['index.ts', 'orders.ts']);
});

it('a selection that keeps no operation is an error (exit 2), nothing written', async () => {
  const { code, stderr } = await run(
    'generate',
    'shop.yaml',
    '--out',
    'out',
    '--include',
    'tag:Orders',
    '--exclude',
    'op:createOrder',
  );
  expect(code).toBe(2);
  expect(stderr).toContain('the selection keeps none of the 4 operations');
  expect(await list('out')).toBeUndefined();
});

it('generate --help documents the selectors', async () => {
  const { stdout } = await run('generate', '--help');
  for (const text of [
    '--include <selectors>',
    '--exclude <selectors>',
    'tag:<tag>',
    'op:<operationId>',
    'resource:<a.b>',
  ])
    expect(stdout).toContain(text);
});
