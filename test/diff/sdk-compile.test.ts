/**
 * The SDK verdict against the compiler, for a sample of the diff corpus: code written against the client generated
 * from a case's old spec is compiled against the client from its new spec. It must compile exactly when the report
 * has no SDK-breaking change. All clients and their uses are checked in one program, so it stays quick.
 */
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { diffSpecs } from '../../generator/diff';
import { generateTree, typeCheck, writeTempTree } from '../helpers/generate';
import type { FileTree } from '../helpers/file-tree';

const CASES = path.join(__dirname, 'cases');

/** Code a user wrote against the old Pets client: creates a pet and reads what comes back. */
const USE_PETS = `import type Pets from './client';
import type { Pet } from './client';

export async function use(client: Pets): Promise<string> {
  const pet: Pet = await client.pets.create({ name: 'Rex' });
  return [pet.id, pet.name, pet.status].join(' ');
}
`;

const SAMPLE = [
  'request-property-added-required',
  'request-property-added-optional',
  'response-property-removed',
  'response-property-added',
];

let root = '';
afterAll(() => root && rmSync(root, { recursive: true, force: true }));

it('compiles code written for the old client against the new one exactly when the SDK verdict is compatible', async () => {
  const tree: FileTree = new Map();
  const sdkBreaking = new Map<string, boolean>();
  for (const name of SAMPLE) {
    for (const side of ['old', 'new']) {
      const generated = await generateTree(path.join(CASES, name, `${side}.yaml`));
      expect(generated.files.length).toBeGreaterThan(0);
      for (const [rel, text] of generated.tree) tree.set(`${name}/${side}/client/${rel}`, text);
      tree.set(`${name}/${side}/use.ts`, USE_PETS);
    }
    const report = await diffSpecs(
      path.join(CASES, name, 'old.yaml'),
      path.join(CASES, name, 'new.yaml'),
    );
    expect(report.changes.length).toBeGreaterThan(0);
    sdkBreaking.set(
      name,
      report.changes.some((c) => c.sdk === 'breaking'),
    );
  }
  root = writeTempTree(tree, 'clientgen-sdk-compile-');
  writeFileSync(path.join(root, 'package.json'), '{}');
  const errors = typeCheck([root]);
  const failing = (name: string, side: string) =>
    errors.filter((e) => e.startsWith(path.join(root, name, side, 'use.ts')));
  // Nothing else fails: the clients themselves compile.
  expect(errors.filter((e) => !/\/use\.ts:/.test(e))).toEqual([]);
  const verdicts = SAMPLE.map((name) => ({
    name,
    oldCompiles: failing(name, 'old').length === 0,
    newCompiles: failing(name, 'new').length === 0,
  }));
  expect(verdicts).toEqual(
    SAMPLE.map((name) => ({ name, oldCompiles: true, newCompiles: !sdkBreaking.get(name) })),
  );
  // The sample holds both verdicts.
  expect(new Set(sdkBreaking.values())).toEqual(new Set([true, false]));
});
