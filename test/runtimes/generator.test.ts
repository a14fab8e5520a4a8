/**
 * The generator itself on the runtimes a user runs it on: the built CLI (`bin/clientgen.js`) on Node 24, Bun and Deno
 * (the releases pinned in `runtimes.ts`) must write byte for byte what it writes on the Node running the tests, and
 * print the same messages with the same exit code. A team whose developers run Bun and whose CI runs Node must see
 * `--check` agree: a sort, a regular expression or a Unicode table that differed between engines would make it
 * flap. The cases reach the names (Unicode, digits, reserved words), the escaping of spec text, the generated tests'
 * samples (written from patterns), OpenAI's 231 warnings with their code frames, a spec split over files, and
 * errors. And the package's `engines` must be a range every dependency it installs allows.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { subset } from 'semver';
import { diffTrees, readTree, type FileTree } from '../helpers/file-tree';
import { RUNTIMES, binaryOf } from './runtimes';

const ROOT = path.join(__dirname, '../..');
const CLI = path.join(ROOT, 'bin/clientgen.js');

/** Each run: the spec (from the repository's root) and whether it writes the generated tests too. */
const CASES: ReadonlyArray<{ spec: string; tests?: boolean }> = [
  { spec: 'spec/chat-completions.yaml', tests: true },
  { spec: 'test/fixtures/specs/openai.yaml', tests: true },
  { spec: 'test/golden/cases/petstore-swagger/spec.yaml', tests: true },
  { spec: 'test/golden/cases/names/spec.yaml' },
  { spec: 'test/golden/cases/digit-first-names/spec.yaml' },
  { spec: 'test/golden/cases/injection/spec.yaml' },
  { spec: 'test/golden/cases/multi-file/spec.yaml' },
  { spec: 'test/errors/several-errors-at-once.yaml' },
  { spec: 'test/errors/duplicate-key.yaml' },
];

/** What one runtime made of every case: the files it wrote, and each run's exit code and messages. */
interface Outcome {
  tree: FileTree;
  runs: Array<{ spec: string; code: number | null; stdout: string; stderr: string }>;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clientgen-generator-runtimes-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs every case with `command` in a folder of its own under `dir` (all at the same depth, so that the paths the
 * messages name are the same), without caches.
 */
async function generateAll(label: string, command: readonly string[]): Promise<Outcome> {
  const cwd = path.join(dir, label);
  mkdirSync(cwd);
  const runs: Outcome['runs'] = [];
  for (const [i, c] of CASES.entries()) {
    const args = [
      ...command.slice(1),
      CLI,
      'generate',
      path.relative(cwd, path.join(ROOT, c.spec)),
      '--out',
      `${i}/client`,
      ...(c.tests ? ['--tests', `${i}/tests`] : []),
      '--no-cache',
    ];
    runs.push({
      spec: c.spec,
      ...(await new Promise<Omit<Outcome['runs'][number], 'spec'>>((resolve, reject) =>
        execFile(
          command[0]!,
          args,
          { cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '' } },
          (error, stdout, stderr) => {
            // An exit code is an outcome to compare (the error specs exit 2); a crash or a timeout is not.
            if (error && typeof error.code !== 'number')
              reject(new Error(`${label}: ${error.message}\n${stderr}`));
            else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
          },
        ),
      )),
    });
  }
  return { tree: readTree(cwd), runs };
}

let onHost: Outcome;

it('the built CLI generates every case on the Node running the tests', async () => {
  onHost = await generateAll('host', [process.execPath]);
  // The cases do what they are here for: clients with tests, warnings with code frames, refusals.
  expect(onHost.runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 2]);
  expect(onHost.runs[1]!.stderr).toMatch(/warning .*\n[\s\S]*\| +\^/);
  expect([...onHost.tree.keys()].filter((f) => /^\d\/tests\/.*\.test\.ts$/.test(f))).not.toEqual(
    [],
  );
}, 180_000);

describe.each(RUNTIMES.filter((r) => r.generator).map((r) => [r.label, r] as const))(
  'on %s',
  (label, runtime) => {
    it('the generator writes the same bytes and prints the same messages', async () => {
      const outcome = await generateAll(label.replace(' ', '-'), [
        binaryOf(runtime),
        ...runtime.generator!,
      ]);
      expect(outcome.runs).toEqual(onHost.runs);
      expect(diffTrees(onHost.tree, outcome.tree).join('\n\n')).toBe('');
    }, 300_000);
  },
);

it('the package asks for a Node every dependency it installs allows', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string; dev?: boolean; engines?: { node?: string } }>;
  };
  const refused = Object.entries(lock.packages).flatMap(([at, p]) => {
    const theirs = p.engines?.node;
    return at === '' || p.dev || theirs === undefined || subset(pkg.engines.node, theirs)
      ? []
      : [`${at}@${p.version}: ${theirs}`];
  });
  expect(refused).toEqual([]);
  // The runtimes above are inside it, Node 18 (the generated client's floor) is not.
  expect(subset('24.21.0', pkg.engines.node)).toBe(true);
  expect(subset('18.20.8', pkg.engines.node)).toBe(false);
});
