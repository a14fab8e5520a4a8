import {
  lstat,
  mkdir,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import * as path from 'node:path';
import { GeneratorBug } from '../../generator/errors';
import type { GeneratedFile } from '../../generator/pipeline';
import {
  JOURNAL_NAME,
  MANIFEST_NAME,
  WriteError,
  sha256,
  writeOutput,
  type WriteStep,
} from '../../generator/write';
import { commitFiles } from '../../generator/write/commit';
import { listDirs, makeTempDir, snapshot, v1 } from './helpers';

let root: string;
let out: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  out = path.join(root, 'generated');
});
afterEach(() => cleanup());

const read = (p: string): Promise<string> => readFile(path.join(out, p), 'utf8');
const put = async (p: string, contents: string): Promise<void> => {
  await mkdir(path.dirname(path.join(out, p)), { recursive: true });
  await writeFile(path.join(out, p), contents);
};
/** Puts every mtime in the past, so a rewrite would be visible. */
const age = async (paths: string[]): Promise<void> => {
  const past = new Date('2020-01-01T00:00:00Z');
  for (const p of paths) await utimes(path.join(out, p), past, past);
};
const tempLeftovers = async (): Promise<string[]> =>
  (await readdir(root)).filter((n) => n.includes('clientgen-tmp'));

describe('first write', () => {
  it('creates the folder, the files and a sorted manifest', async () => {
    const result = await writeOutput(out, v1, { generatorVersion: '1.2.3' });
    expect(result.status).toBe('written');
    expect(result.added).toEqual(['client.ts', 'index.ts', 'models/deep/tag.ts', 'models/pet.ts']);
    expect(result.changed).toEqual([]);
    expect(result.removed).toEqual([]);
    expect(result.manifest).toBe('added');
    for (const f of v1) expect(await read(f.path)).toBe(f.contents);

    const manifest = await read(MANIFEST_NAME);
    expect(manifest).toBe(
      JSON.stringify(
        {
          generator: 'clientgen',
          generatorVersion: '1.2.3',
          files: ['client.ts', 'index.ts', 'models/deep/tag.ts', 'models/pet.ts'].map((p) => ({
            path: p,
            sha256: sha256(v1.find((f) => f.path === p)!.contents),
          })),
        },
        null,
        2,
      ) + '\n',
    );
    expect([...(await snapshot(out)).keys()].sort()).toEqual(
      [MANIFEST_NAME, ...result.added].sort(),
    );
    expect(await tempLeftovers()).toEqual([]);
  });

  it('writes exactly the given contents (no added newline, UTF-8)', async () => {
    const files = [
      { path: 'a.ts', contents: 'const s = "héllo – 😀";' },
      { path: 'empty.ts', contents: '' },
    ];
    await writeOutput(out, files);
    expect(await readFile(path.join(out, 'a.ts'))).toEqual(Buffer.from(files[0]!.contents, 'utf8'));
    expect((await readFile(path.join(out, 'empty.ts'))).length).toBe(0);
  });

  it('creates missing parent folders of the output folder', async () => {
    const nested = path.join(root, 'a', 'b', 'generated');
    const result = await writeOutput(nested, v1);
    expect(result.status).toBe('written');
    expect(await readFile(path.join(nested, 'client.ts'), 'utf8')).toBe('export class Client {}\n');
  });
});

describe('folders the output folder lacks', () => {
  /** At the commit step of `at`: which of `paths` are in the output folder, and with what text. */
  const seenAt =
    (at: string, paths: string[], seen: Map<string, string | undefined>) =>
    async (step: WriteStep): Promise<void> => {
      if (step.phase !== 'commit' || step.path !== at) return;
      for (const p of paths) seen.set(p, await read(p).catch(() => undefined));
    };

  it('come in whole: when their first file is moved, all of them are there', async () => {
    const seen = new Map<string, string | undefined>();
    const models = ['models/deep/tag.ts', 'models/pet.ts'];
    await writeOutput(out, v1, { onStep: seenAt('models/deep/tag.ts', models, seen) });
    for (const p of models) expect(seen.get(p)).toBe(v1.find((f) => f.path === p)!.contents);
    expect(await listDirs(out)).toEqual(['models', 'models/deep']);
    expect(await tempLeftovers()).toEqual([]);
  });

  it('files of a folder already there are moved one by one', async () => {
    await writeOutput(out, v1);
    const v2 = v1.map((f) => ({ ...f, contents: `${f.contents}// v2\n` }));
    const seen = new Map<string, string | undefined>();
    await writeOutput(out, v2, {
      onStep: seenAt('models/deep/tag.ts', ['models/pet.ts'], seen),
    });
    expect(seen.get('models/pet.ts')).toBe(v1.find((f) => f.path === 'models/pet.ts')!.contents);
    for (const f of v2) expect(await read(f.path)).toBe(f.contents);
  });

  it('a staged folder with a file the write does not want, or an empty folder, is not moved whole', async () => {
    const staging = path.join(root, 'staging');
    const stray = { path: 'models/stray.ts', contents: 'export {};\n' };
    for (const f of [...v1, stray]) {
      await mkdir(path.dirname(path.join(staging, f.path)), { recursive: true });
      await writeFile(path.join(staging, f.path), f.contents);
    }
    await mkdir(path.join(staging, 'empty', 'inner'), { recursive: true });
    const toWrite = [...v1, { path: 'empty/file.ts', contents: 'export {};\n' }];
    await writeFile(path.join(staging, 'empty', 'file.ts'), 'export {};\n');
    await commitFiles(
      out,
      {
        toWrite,
        removed: [],
        writeManifest: true,
        newManifestText: '{}\n',
        newJournalText: '{}\n',
      },
      {
        staged: {
          dir: staging,
          contents: new Map([...v1, stray].map((f) => [f.path, f.contents])),
        },
      },
    );
    for (const f of toWrite) expect(await read(f.path)).toBe(f.contents);
    expect(await readdir(path.join(out, 'models'))).toEqual(['deep', 'pet.ts']);
    expect(await listDirs(out)).toEqual(['empty', 'models', 'models/deep']);
    await expect(stat(staging)).rejects.toThrow('ENOENT');
  });
});

describe('rewrite', () => {
  it('with the same files: up to date, nothing rewritten, mtimes kept', async () => {
    await writeOutput(out, v1);
    await age([...v1.map((f) => f.path), MANIFEST_NAME]);
    const before = await snapshot(out);
    const result = await writeOutput(out, [...v1].reverse());
    expect(result.status).toBe('up-to-date');
    expect(result.unchanged).toEqual([
      'client.ts',
      'index.ts',
      'models/deep/tag.ts',
      'models/pet.ts',
    ]);
    expect(result.added).toEqual([]);
    expect(result.changed).toEqual([]);
    expect(result.manifest).toBe('unchanged');
    expect(await snapshot(out)).toEqual(before);
  });

  it('rewrites only the changed files', async () => {
    await writeOutput(out, v1);
    await age([...v1.map((f) => f.path), MANIFEST_NAME]);
    const before = await snapshot(out);
    const next = v1.map((f) =>
      f.path === 'client.ts' ? { ...f, contents: 'export class Client { x = 1 }\n' } : f,
    );
    const result = await writeOutput(out, next);
    expect(result.status).toBe('written');
    expect(result.changed).toEqual(['client.ts']);
    expect(result.unchanged).toEqual(['index.ts', 'models/deep/tag.ts', 'models/pet.ts']);
    const after = await snapshot(out);
    expect(after.get('client.ts')!.bytes.toString()).toBe('export class Client { x = 1 }\n');
    for (const p of result.unchanged) expect(after.get(p)).toEqual(before.get(p));
    expect(after.get(MANIFEST_NAME)!.bytes).not.toEqual(before.get(MANIFEST_NAME)!.bytes);
  });

  it('rewrites the manifest alone when only the generator version changed', async () => {
    await writeOutput(out, v1, { generatorVersion: '1.0.0' });
    const result = await writeOutput(out, v1, { generatorVersion: '1.0.1' });
    expect(result.status).toBe('written');
    expect(result.manifest).toBe('changed');
    expect(result.changed).toEqual([]);
    expect(await read(MANIFEST_NAME)).toContain('"generatorVersion": "1.0.1"');
  });

  it('re-creates a generated file that was deleted', async () => {
    await writeOutput(out, v1);
    await rm(path.join(out, 'client.ts'));
    const result = await writeOutput(out, v1);
    expect(result.status).toBe('written');
    expect(result.added).toEqual(['client.ts']);
  });

  it('treats a CRLF checkout of unchanged files as unchanged (git autocrlf)', async () => {
    await writeOutput(out, v1);
    const crlf = 'export class Client {}\r\n';
    await writeFile(path.join(out, 'client.ts'), crlf);
    const result = await writeOutput(out, v1);
    expect(result.status).toBe('up-to-date');
    expect(result.handEdited).toEqual([]);
    expect(await read('client.ts')).toBe(crlf);
    // ...and still recognises it as ours when its contents change.
    const next = v1.map((f) =>
      f.path === 'client.ts' ? { ...f, contents: 'export class Client2 {}\n' } : f,
    );
    expect((await writeOutput(out, next)).changed).toEqual(['client.ts']);
  });
});

describe('files that are not ours', () => {
  it('keeps foreign files untouched, lists them, and never records them', async () => {
    await put('README.md', '# mine\n');
    await put('models/custom.ts', 'export const mine = 1;\n');
    await age(['README.md', 'models/custom.ts']);
    const before = await snapshot(out);
    const result = await writeOutput(out, v1);
    expect(result.status).toBe('written');
    expect(result.foreignKept).toEqual(['README.md', 'models/custom.ts']);
    const after = await snapshot(out);
    expect(after.get('README.md')).toEqual(before.get('README.md'));
    expect(after.get('models/custom.ts')).toEqual(before.get('models/custom.ts'));
    expect(await read(MANIFEST_NAME)).not.toContain('custom.ts');

    // Still there after the files around them go stale.
    const result2 = await writeOutput(out, [{ path: 'index.ts', contents: 'export {};\n' }]);
    expect(result2.removed).toEqual(['client.ts', 'models/deep/tag.ts', 'models/pet.ts']);
    const after2 = await snapshot(out);
    expect(after2.get('README.md')).toEqual(before.get('README.md'));
    expect(after2.get('models/custom.ts')).toEqual(before.get('models/custom.ts'));
    expect(await listDirs(out)).toEqual(['models']);
  });

  it('refuses to overwrite a foreign file at one of our paths, changing nothing', async () => {
    await put('client.ts', '// my own client\n');
    await put('other.ts', 'x\n');
    const before = await snapshot(out);
    const result = await writeOutput(out, v1);
    expect(result.status).toBe('foreign-conflict');
    expect(result.foreignConflicts).toEqual(['client.ts']);
    expect(await snapshot(out)).toEqual(before);
    expect(await tempLeftovers()).toEqual([]);
  });

  it('overwrites a foreign file at one of our paths with force', async () => {
    await put('client.ts', '// my own client\n');
    const result = await writeOutput(out, v1, { force: true });
    expect(result.status).toBe('written');
    expect(result.foreignConflicts).toEqual(['client.ts']);
    expect(result.changed).toEqual(['client.ts']);
    expect(await read('client.ts')).toBe('export class Client {}\n');
    expect(await read(MANIFEST_NAME)).toContain('"path": "client.ts"');
  });

  it('adopts a file without a manifest entry when it already holds exactly our contents', async () => {
    await put('client.ts', 'export class Client {}\n');
    const result = await writeOutput(out, v1);
    expect(result.status).toBe('written');
    expect(result.unchanged).toEqual(['client.ts']);
    expect(result.foreignConflicts).toEqual([]);
  });

  it('refuses when a folder sits at one of our paths, even with force', async () => {
    await mkdir(path.join(out, 'client.ts', 'inner'), { recursive: true });
    await put('client.ts/inner/keep.txt', 'keep\n');
    await expect(writeOutput(out, v1, { force: true })).rejects.toThrow(WriteError);
    await expect(writeOutput(out, v1, { force: true })).rejects.toThrow(
      /client\.ts is a directory/,
    );
    expect(await read('client.ts/inner/keep.txt')).toBe('keep\n');
  });

  it('refuses when a file sits where we need a folder', async () => {
    await put('models', 'not a folder\n');
    await expect(writeOutput(out, v1)).rejects.toThrow(/generated\/models is not a directory/);
    expect(await read('models')).toBe('not a folder\n');
  });

  it('refuses an output folder that is a file', async () => {
    await writeFile(out, 'file');
    await expect(writeOutput(out, v1)).rejects.toThrow(/not a directory/);
  });
});

describe('hand-edited files', () => {
  it('refuses, listing them, and changes nothing (every byte)', async () => {
    await writeOutput(out, v1);
    await put('client.ts', 'export class Client { mine = true }\n');
    await put('models/pet.ts', '// edited\n');
    const before = await snapshot(out);
    const next = v1.map((f) => ({ ...f, contents: f.contents + '// v2\n' }));
    const result = await writeOutput(out, [...next, { path: 'new.ts', contents: 'new\n' }]);
    expect(result.status).toBe('hand-edited');
    expect(result.handEdited).toEqual(['client.ts', 'models/pet.ts']);
    expect(await snapshot(out)).toEqual(before);
    expect(await tempLeftovers()).toEqual([]);
  });

  it('overwrites them with force', async () => {
    await writeOutput(out, v1);
    await put('client.ts', 'export class Client { mine = true }\n');
    const result = await writeOutput(out, v1, { force: true });
    expect(result.status).toBe('written');
    expect(result.handEdited).toEqual(['client.ts']);
    expect(result.changed).toEqual(['client.ts']);
    expect(await read('client.ts')).toBe('export class Client {}\n');
    expect((await writeOutput(out, v1)).status).toBe('up-to-date');
  });

  it('does not count an edit that already matches the new contents', async () => {
    await writeOutput(out, v1);
    await put('client.ts', 'export class Client { v = 2 }\n');
    const next = v1.map((f) =>
      f.path === 'client.ts' ? { ...f, contents: 'export class Client { v = 2 }\n' } : f,
    );
    const result = await writeOutput(out, next);
    expect(result.status).toBe('written'); // the manifest records the new hash
    expect(result.handEdited).toEqual([]);
    expect(result.unchanged).toContain('client.ts');
  });

  it('never deletes a hand-edited stale file: refused without force, kept (and no longer ours) with force', async () => {
    await writeOutput(out, v1);
    await put('models/pet.ts', '// my edits\n');
    const next = v1.filter((f) => f.path !== 'models/pet.ts');
    const before = await snapshot(out);
    const refused = await writeOutput(out, next);
    expect(refused.status).toBe('hand-edited');
    expect(refused.handEdited).toEqual(['models/pet.ts']);
    expect(await snapshot(out)).toEqual(before);

    const forced = await writeOutput(out, next, { force: true });
    expect(forced.status).toBe('written');
    expect(forced.removed).toEqual([]);
    expect(forced.foreignKept).toEqual(['models/pet.ts']);
    expect(await read('models/pet.ts')).toBe('// my edits\n');
    expect(await read(MANIFEST_NAME)).not.toContain('models/pet.ts');
    // From now on it is simply a foreign file.
    const again = await writeOutput(out, next);
    expect(again.status).toBe('up-to-date');
    expect(again.foreignKept).toEqual(['models/pet.ts']);
  });

  it('treats a symlink in place of one of our files as an edit', async () => {
    await writeOutput(out, v1);
    await writeFile(path.join(root, 'target.ts'), 'target\n');
    await rm(path.join(out, 'client.ts'));
    await symlink(path.join(root, 'target.ts'), path.join(out, 'client.ts'));
    const result = await writeOutput(out, v1);
    expect(result.status).toBe('hand-edited');
    expect(result.handEdited).toEqual(['client.ts']);
    await writeOutput(out, v1, { force: true });
    expect(await readFile(path.join(root, 'target.ts'), 'utf8')).toBe('target\n');
    expect((await lstat(path.join(out, 'client.ts'))).isFile()).toBe(true);
    expect(await read('client.ts')).toBe('export class Client {}\n');
  });
});

describe('stale files', () => {
  it('removes our unchanged stale files and their now-empty folders, never foreign files', async () => {
    await writeOutput(out, v1);
    await put('models/notes.md', 'mine\n');
    const result = await writeOutput(out, [{ path: 'index.ts', contents: 'export {};\n' }]);
    expect(result.status).toBe('written');
    expect(result.removed).toEqual(['client.ts', 'models/deep/tag.ts', 'models/pet.ts']);
    expect(result.foreignKept).toEqual(['models/notes.md']);
    const files = [...(await snapshot(out)).keys()].sort();
    expect(files).toEqual([MANIFEST_NAME, 'index.ts', 'models/notes.md']);
    expect(await listDirs(out)).toEqual(['models']); // models/deep was ours and is now empty: gone
    expect(await read(MANIFEST_NAME)).not.toContain('pet.ts');
  });

  it('does not complain about a stale file the user already deleted', async () => {
    await writeOutput(out, v1);
    await rm(path.join(out, 'models/pet.ts'));
    const result = await writeOutput(
      out,
      v1.filter((f) => f.path !== 'models/pet.ts'),
    );
    expect(result.status).toBe('written');
    expect(result.removed).toEqual([]);
    expect(result.handEdited).toEqual([]);
  });
});

describe('interrupted runs', () => {
  const v2: GeneratedFile[] = [
    ...v1.map((f) => ({ ...f, contents: f.contents + '// v2\n' })),
    { path: 'models/new.ts', contents: 'export type New = 1;\n' },
    { path: 'extra/x.ts', contents: 'export {};\n' },
  ];

  it('a failure while staging leaves the old files and manifest byte for byte, and no temp folder', async () => {
    await writeOutput(out, v1);
    await put('mine.txt', 'mine\n');
    const before = await snapshot(out);
    const dirsBefore = await listDirs(out);
    const steps: WriteStep[] = [];
    const onStep = (step: WriteStep): void => {
      steps.push(step);
      if (step.phase === 'stage' && step.index === 2) throw new Error('disk full (simulated)');
    };
    await expect(writeOutput(out, v2.slice(1), { onStep })).rejects.toThrow(
      'disk full (simulated)',
    );
    expect(steps.map((s) => s.phase)).toEqual(['stage', 'stage', 'stage']);
    expect(await snapshot(out)).toEqual(before);
    expect(await listDirs(out)).toEqual(dirsBefore);
    expect(await tempLeftovers()).toEqual([]);
    // The next run works normally.
    expect((await writeOutput(out, v2)).status).toBe('written');
    for (const f of v2) expect(await read(f.path)).toBe(f.contents);
  });

  it('an abort signal while staging leaves everything as it was', async () => {
    await writeOutput(out, v1);
    const before = await snapshot(out);
    const controller = new AbortController();
    const onStep = (step: WriteStep): void => {
      if (step.index === 1) controller.abort(new Error('interrupted'));
    };
    await expect(writeOutput(out, v2, { signal: controller.signal, onStep })).rejects.toThrow(
      'interrupted',
    );
    expect(await snapshot(out)).toEqual(before);
    expect(await tempLeftovers()).toEqual([]);
  });

  it('a failure on the first run leaves no output folder behind', async () => {
    const onStep = (): void => {
      throw new Error('boom');
    };
    await expect(writeOutput(out, v1, { onStep })).rejects.toThrow('boom');
    expect(await readdir(root)).toEqual([]);
  });

  it('a failure while moving files in keeps the old manifest, and the next run recognises our files', async () => {
    await writeOutput(out, v1);
    const oldManifest = await read(MANIFEST_NAME);
    const onStep = (step: WriteStep): void => {
      if (step.phase === 'commit' && step.index === 2) throw new Error('power cut (simulated)');
    };
    await expect(writeOutput(out, v2, { onStep })).rejects.toThrow('power cut (simulated)');
    expect(await read(MANIFEST_NAME)).toBe(oldManifest);
    expect(await tempLeftovers()).toEqual([]);
    // Files not moved yet still hold the old output.
    expect(await read('models/pet.ts')).toBe(v1.find((f) => f.path === 'models/pet.ts')!.contents);

    // Neither the half-moved new files nor the old ones count as hand edits, whichever output is wanted next.
    const check = await writeOutput(out, v1, { check: true });
    expect(check.handEdited).toEqual([]);
    const result = await writeOutput(out, v2);
    expect(result.status).toBe('written');
    expect(result.handEdited).toEqual([]);
    for (const f of v2) expect(await read(f.path)).toBe(f.contents);
    expect((await snapshot(out)).has(JOURNAL_NAME)).toBe(false);
    expect((await writeOutput(out, v2)).status).toBe('up-to-date');
  });

  it('survives two interrupted runs in a row', async () => {
    await writeOutput(out, v1);
    const failAt = (n: number) => (step: WriteStep) => {
      if (step.phase === 'commit' && step.index === n) throw new Error('crash');
    };
    // Moves client.ts and extra/x.ts (v2) in, then crashes.
    await expect(writeOutput(out, v2, { onStep: failAt(1) })).rejects.toThrow('crash');
    // Moves client.ts (v3) in, then crashes: extra/x.ts still holds v2, known only from the first run.
    const v3 = v1.map((f) => ({ ...f, contents: f.contents + '// v3\n' }));
    await expect(writeOutput(out, v3, { onStep: failAt(0) })).rejects.toThrow('crash');
    const result = await writeOutput(out, v1);
    expect(result.handEdited).toEqual([]);
    expect(result.status).toBe('written');
    expect(result.removed).toEqual(['extra/x.ts']);
    expect(result.changed).toEqual(['client.ts']);
    expect(await listDirs(out)).toEqual(['models', 'models/deep']);
  });
});

describe('check', () => {
  it('is up to date right after a write, and writes nothing', async () => {
    await writeOutput(out, v1);
    const before = await snapshot(out);
    const result = await writeOutput(out, v1, { check: true });
    expect(result.status).toBe('up-to-date');
    expect(await snapshot(out)).toEqual(before);
  });

  it('reports drift with the files that would be added, changed and removed, and writes nothing', async () => {
    await writeOutput(out, v1);
    await put('mine.txt', 'mine\n');
    const before = await snapshot(out);
    const next = [
      ...v1
        .filter((f) => f.path !== 'models/pet.ts')
        .map((f) => (f.path === 'client.ts' ? { ...f, contents: 'changed\n' } : f)),
      { path: 'added.ts', contents: 'added\n' },
    ];
    const result = await writeOutput(out, next, { check: true });
    expect(result.status).toBe('drift');
    expect(result.added).toEqual(['added.ts']);
    expect(result.changed).toEqual(['client.ts']);
    expect(result.removed).toEqual(['models/pet.ts']);
    expect(result.foreignKept).toEqual(['mine.txt']);
    expect(result.manifest).toBe('changed');
    expect(await snapshot(out)).toEqual(before);
    expect(await tempLeftovers()).toEqual([]);
  });

  it('reports a hand-edited file as drift (never refused)', async () => {
    await writeOutput(out, v1);
    await put('client.ts', 'edited\n');
    const result = await writeOutput(out, v1, { check: true });
    expect(result.status).toBe('drift');
    expect(result.changed).toEqual(['client.ts']);
    expect(result.handEdited).toEqual(['client.ts']);
  });

  it('on a missing folder: drift, and the folder is not created', async () => {
    const result = await writeOutput(out, v1, { check: true });
    expect(result.status).toBe('drift');
    expect(result.added).toHaveLength(v1.length);
    expect(result.manifest).toBe('added');
    expect(await readdir(root)).toEqual([]);
  });
});

describe('manifest', () => {
  it('is deterministic: same bytes whatever the input order and folder, no absolute paths', async () => {
    const other = path.join(root, 'elsewhere', 'out');
    await writeOutput(out, v1, { generatorVersion: '0.1.0' });
    await writeOutput(other, [...v1].reverse(), { generatorVersion: '0.1.0' });
    const a = await read(MANIFEST_NAME);
    const b = await readFile(path.join(other, MANIFEST_NAME), 'utf8');
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a).not.toContain(root);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT/);
    const paths = (JSON.parse(a) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
  });

  it('sorts by code unit, not locale', async () => {
    await writeOutput(out, [
      { path: 'b.ts', contents: '' },
      { path: 'B.ts2', contents: '' },
      { path: 'a.ts', contents: '' },
      { path: '_x.ts', contents: '' },
    ]);
    const paths = (
      JSON.parse(await read(MANIFEST_NAME)) as { files: { path: string }[] }
    ).files.map((f) => f.path);
    expect(paths).toEqual(['B.ts2', '_x.ts', 'a.ts', 'b.ts']);
  });

  it('an unreadable manifest is refused (nothing changed), and ignored with force', async () => {
    await writeOutput(out, v1);
    await put(MANIFEST_NAME, '{ not json');
    const before = await snapshot(out);
    await expect(writeOutput(out, v1)).rejects.toThrow(WriteError);
    expect(await snapshot(out)).toEqual(before);
    const result = await writeOutput(out, v1, { force: true });
    expect(result.status).toBe('written');
    expect(result.unchanged).toHaveLength(v1.length);
    expect(JSON.parse(await read(MANIFEST_NAME))).toMatchObject({ generator: 'clientgen' });
  });

  it('never follows a manifest path out of the output folder', async () => {
    await writeFile(path.join(root, 'outside.txt'), 'precious\n');
    await put(
      MANIFEST_NAME,
      JSON.stringify({
        generator: 'clientgen',
        files: [{ path: '../outside.txt', sha256: sha256('precious\n') }],
      }),
    );
    await expect(writeOutput(out, v1)).rejects.toThrow(/outside\.txt/);
    await writeOutput(out, v1, { force: true });
    expect(await readFile(path.join(root, 'outside.txt'), 'utf8')).toBe('precious\n');
  });
});

describe('invalid generated files (generator bugs)', () => {
  it.each([
    ['../escape.ts', /'\.\.'/],
    ['/abs.ts', /absolute/],
    ['a\\b.ts', /backslash/],
    ['a//b.ts', /empty/],
    [MANIFEST_NAME, /reserved/],
  ])('rejects the path %s', async (p, message) => {
    await expect(writeOutput(out, [{ path: p, contents: '' }])).rejects.toThrow(message);
    await expect(writeOutput(out, [{ path: p, contents: '' }])).rejects.toThrow(GeneratorBug);
  });

  it('rejects duplicates, case clashes, file/folder clashes and CR', async () => {
    await expect(
      writeOutput(out, [
        { path: 'a.ts', contents: '' },
        { path: 'a.ts', contents: '' },
      ]),
    ).rejects.toThrow(/twice/);
    await expect(
      writeOutput(out, [
        { path: 'A.ts', contents: '' },
        { path: 'a.ts', contents: '' },
      ]),
    ).rejects.toThrow(/case/);
    await expect(
      writeOutput(out, [
        { path: 'a', contents: '' },
        { path: 'a/b.ts', contents: '' },
      ]),
    ).rejects.toThrow(/directory/);
    await expect(writeOutput(out, [{ path: 'a.ts', contents: 'x\r\n' }])).rejects.toThrow(
      /carriage return/,
    );
    await expect(stat(out)).rejects.toThrow();
  });
});
