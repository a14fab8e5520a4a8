import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { GeneratedFile } from '../../generator/output/generated-file';
import { Stager, writeOutput, type WriteOptions, type WriteStep } from '../../generator/write';
import { makeTempDir, snapshot, v1 } from './helpers';

let root: string;
let cleanup: () => Promise<void>;
const sigintListeners = process.listeners('SIGINT').length;

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

const v2: GeneratedFile[] = [
  { path: 'index.ts', contents: "export * from './client';\nexport * from './models/owner';\n" },
  { path: 'client.ts', contents: 'export class Client {}\n' },
  { path: 'models/pet.ts', contents: 'export interface Pet { name: string; owner?: Owner }\n' },
  { path: 'models/owner.ts', contents: 'export interface Owner { id: string } // ü 🐾\n' },
];

const tempLeftovers = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((n) => n.includes('clientgen-tmp'));

describe('Stager', () => {
  it('stages the files missing from the output folder, with their exact bytes', async () => {
    const out = path.join(root, 'out');
    await mkdir(path.join(out, 'models'), { recursive: true });
    await writeFile(path.join(out, 'client.ts'), 'old\n');
    const stager = Stager.open(out)!;
    for (const file of v2) stager.stage(file);
    const staged = (await stager.finish())!;
    expect([...staged.contents.keys()].sort()).toEqual([
      'index.ts',
      'models/owner.ts',
      'models/pet.ts',
    ]);
    for (const [p, contents] of staged.contents)
      expect(await readFile(path.join(staged.dir, p), 'utf8')).toBe(contents);
    expect(path.dirname(staged.dir)).toBe(root);
    await stager.discard();
    expect(await tempLeftovers(root)).toEqual([]);
    expect(await readFile(path.join(out, 'client.ts'), 'utf8')).toBe('old\n');
  });

  it('stages many files, sent in several batches, each with its exact bytes', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      path: `models/m${i}.ts`,
      contents: `// ${i} é 🐾\n${'x'.repeat(1000 * (i % 7))}\n`,
    }));
    const stager = Stager.open(path.join(root, 'out'))!;
    for (const file of many) stager.stage(file);
    const staged = (await stager.finish())!;
    expect(staged.contents.size).toBe(many.length);
    for (const file of many)
      expect(await readFile(path.join(staged.dir, file.path), 'utf8')).toBe(file.contents);
    await stager.discard();
  });

  it('starts nothing when every file is already in the output folder (a regeneration)', async () => {
    const out = path.join(root, 'out');
    await writeOutput(out, v1);
    const stager = Stager.open(out)!;
    for (const file of v1) stager.stage({ ...file, contents: `${file.contents}// changed\n` });
    expect(await tempLeftovers(root)).toEqual([]);
    expect(await stager.finish()).toBeUndefined();
    await stager.discard();
  });

  it('stages no path the write would refuse, and nothing outside its folder', async () => {
    const out = path.join(root, 'deep', 'out');
    await mkdir(path.dirname(out));
    const stager = Stager.open(out)!;
    for (const p of ['../escaped.ts', '/abs.ts', 'a//b.ts', '.clientgen-manifest.json', 'ok.ts'])
      stager.stage({ path: p, contents: 'x\n' });
    const staged = (await stager.finish())!;
    expect([...staged.contents.keys()]).toEqual(['ok.ts']);
    await stager.discard();
    expect(await readdir(root)).toEqual(['deep']);
    expect(await readdir(path.join(root, 'deep'))).toEqual([]);
  });

  it('is not opened where its folder would have no parent, and finishes with nothing when nothing was staged', async () => {
    expect(Stager.open(path.join(root, 'missing', 'out'))).toBeUndefined();
    const stager = Stager.open(path.join(root, 'out'))!;
    expect(await stager.finish()).toBeUndefined();
    await stager.discard();
    expect(await readdir(root)).toEqual([]);
  });

  it('removes its folder on Ctrl-C before the write, then raises the signal again', async () => {
    const stager = Stager.open(path.join(root, 'out'))!;
    for (const file of v1) stager.stage(file);
    expect(await tempLeftovers(root)).toHaveLength(1);
    const raised = new Promise<unknown[]>((resolve) => {
      jest.spyOn(process, 'kill').mockImplementation((...args) => {
        resolve(args);
        return true;
      });
    });
    process.emit('SIGINT');
    expect(await raised).toEqual([process.pid, 'SIGINT']);
    expect(await tempLeftovers(root)).toEqual([]);
    jest.restoreAllMocks();
    // Its handler is gone once the stager is: a later Ctrl-C is not its business.
    expect(process.listeners('SIGINT')).toHaveLength(sigintListeners);
  });

  it('hands Ctrl-C back once the write owns the staging folder', async () => {
    const stager = Stager.open(path.join(root, 'out'))!;
    stager.stage(v1[0]!);
    expect(process.listeners('SIGINT')).toHaveLength(sigintListeners + 1);
    await stager.finish();
    expect(process.listeners('SIGINT')).toHaveLength(sigintListeners);
    await stager.discard();
  });

  it('removes its folder and stops its worker on discard, before finish', async () => {
    const stager = Stager.open(path.join(root, 'out'))!;
    for (const file of v1) stager.stage(file);
    await stager.discard();
    expect(await tempLeftovers(root)).toEqual([]);
    // Staging after a discard does nothing.
    stager.stage({ path: 'late.ts', contents: 'x\n' });
    expect(await tempLeftovers(root)).toEqual([]);
  });
});

/**
 * The write with staging must do exactly what it does without: the same result, the same files, no folder left
 * behind. Each scenario runs twice, in two folders, once staged (with what `stage` gives: the final files, or
 * stale contents that the write must not keep).
 */
describe('writeOutput with staged files', () => {
  interface Scenario {
    name: string;
    /** Puts the output folder in its state before the write. */
    before?: (out: string) => Promise<void>;
    files: GeneratedFile[];
    /** What was staged, when not `files`. */
    stage?: GeneratedFile[];
    options?: WriteOptions;
    /** No stager opens (the output folder cannot be one): the write alone answers. */
    unstaged?: true;
  }
  const editOne = async (out: string): Promise<void> => {
    await writeOutput(out, v1);
    await writeFile(path.join(out, 'models/pet.ts'), 'edited by hand\n');
  };
  const crashAt =
    (phase: WriteStep['phase'], index: number) =>
    (step: WriteStep): void => {
      if (step.phase === phase && step.index === index) throw new Error('crash (simulated)');
    };
  const scenarios: Scenario[] = [
    { name: 'a first write', files: v1 },
    { name: 'a regeneration', before: (out) => writeOutput(out, v1).then(), files: v2 },
    {
      name: 'stale staged contents',
      before: (out) => writeOutput(out, v1).then(),
      files: v2,
      stage: v2.map((f) => ({ path: f.path, contents: `${f.contents}// stale\n` })),
    },
    { name: 'a hand-edited file (refused)', before: editOne, files: v2 },
    { name: 'a hand-edited file with force', before: editOne, files: v2, options: { force: true } },
    {
      name: 'a file of the user at a wanted path (refused)',
      before: async (out) => {
        await mkdir(path.join(out, 'models'), { recursive: true });
        await writeFile(path.join(out, 'models/owner.ts'), 'mine\n');
      },
      files: v2,
    },
    {
      name: 'check',
      before: (out) => writeOutput(out, v1).then(),
      files: v2,
      options: { check: true },
    },
    { name: 'a crash while staging', files: v1, options: { onStep: crashAt('stage', 2) } },
    {
      name: 'a crash while moving in',
      before: (out) => writeOutput(out, v1).then(),
      files: v2,
      options: { onStep: crashAt('commit', 1) },
    },
    {
      name: 'an output folder that is a file',
      before: (out) => writeFile(out, 'x'),
      files: v1,
      unstaged: true,
    },
  ];

  it.each(scenarios)('$name', async (scenario) => {
    const outcomes = [];
    for (const staging of [false, true]) {
      const parent = path.join(root, staging ? 'staged' : 'plain');
      await mkdir(parent);
      const out = path.join(parent, 'out');
      await scenario.before?.(out);
      const stager = staging ? Stager.open(out) : undefined;
      if (staging) expect(stager === undefined).toBe(scenario.unstaged === true);
      for (const file of scenario.stage ?? scenario.files) stager?.stage(file);
      const result = await writeOutput(out, scenario.files, {
        ...scenario.options,
        ...(stager && { staging: stager }),
      }).then(
        (r) => ({ ...r, outDir: path.basename(r.outDir) }),
        (e: unknown) => ({ error: e instanceof Error ? e.message.replaceAll(parent, '…') : e }),
      );
      const files = await snapshot(parent).then(
        (s) => new Map([...s].map(([p, { bytes }]) => [p, bytes.toString('utf8')])),
      );
      outcomes.push({ result, files, leftovers: await tempLeftovers(parent) });
    }
    expect(outcomes[1]).toEqual(outcomes[0]);
    expect(outcomes[1]!.leftovers).toEqual([]);
  });
});
