/**
 * Users copy `generated/` into their own repos, so their tsconfig compiles it, not ours. Every golden
 * output (expected/ plus the runtime, as `core/`) and `generated/` must compile, with no error at all,
 * under each tsconfig of the matrix in configs.ts: Node-only with @types/node 18, 20 and 22, browser-only,
 * an ES2020 lib, the strictest flags, CommonJS and ESM, under TypeScript 5.0 and the newest.
 * `nodenext` configs compile the same specs generated with `--import-style nodenext`, the type-stripping config
 * those generated with `--import-style ts`.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { readTree, type FileTree } from '../helpers/file-tree';
import { generateTree } from '../helpers/generate';
import { compileUnder, loadCompiler, Workspace } from './compile';
import { PORTABILITY_CONFIGS, type ImportStyle, type PortabilityConfig } from './configs';

const ROOT = path.resolve(__dirname, '../..');
const CASES = path.join(ROOT, 'test/golden/cases');
const cases = readdirSync(CASES)
  .filter((c) => existsSync(path.join(CASES, c, 'expected')))
  .sort();
const specOf = (c: string): string =>
  ['spec.yaml', 'spec.json'].map((f) => path.join(CASES, c, f)).find((f) => existsSync(f))!;

/** The outputs as they are on disk: each case's expected/ with the runtime as core/, and generated/. */
function readBundlerTrees(): Map<string, FileTree> {
  const core = new Map(
    [...readTree(path.join(ROOT, 'templates'))].map(([f, t]) => [`core/${f}`, t]),
  );
  const trees = new Map<string, FileTree>();
  for (const c of cases)
    trees.set(c, new Map([...readTree(path.join(CASES, c, 'expected')), ...core]));
  trees.set('generated', readTree(path.join(ROOT, 'generated')));
  return trees;
}

/** The same specs generated with another `--import-style` (golden files hold the bundler style only). */
async function generateTrees(importStyle: 'nodenext' | 'ts'): Promise<Map<string, FileTree>> {
  const trees = new Map<string, FileTree>();
  for (const c of cases) {
    const { tree, diagnostics } = await generateTree(specOf(c), { importStyle });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    trees.set(c, tree);
  }
  const main = await generateTree(path.join(ROOT, 'spec/chat-completions.yaml'), {
    importStyle,
  });
  trees.set('generated', main.tree);
  return trees;
}

const workspace = new Workspace();
const trees = new Map<ImportStyle, Map<string, FileTree>>();

beforeAll(async () => {
  trees.set('bundler', readBundlerTrees());
  trees.set('nodenext', await generateTrees('nodenext'));
  trees.set('ts', await generateTrees('ts'));
}, 300_000);

afterAll(() => rmSync(workspace.root, { recursive: true, force: true }));

it('covers every golden case and generated/, under TypeScript 5.0 and the newest', () => {
  expect(cases.length).toBeGreaterThan(10);
  for (const style of ['bundler', 'nodenext', 'ts'] as const) {
    expect([...trees.get(style)!.keys()].sort()).toEqual([...cases, 'generated'].sort());
  }
  expect(loadCompiler('typescript-5.0').version).toMatch(/^5\.0\./);
  expect(loadCompiler('typescript').version).toMatch(/^5\.9\./);
});

describe.each(PORTABILITY_CONFIGS.map((c) => [`${c.compiler}: ${c.name}`, c] as const))(
  '%s',
  (_, config) => {
    it('compiles every output with no error', () => {
      const files = workspace.files(
        trees.get(config.importStyle)!,
        config.importStyle,
        config.packageType,
      );
      expect(compileUnder(config, files, workspace)).toEqual([]);
    });
  },
);

/**
 * What cannot be served, stated in docs/compatibility.md: these configs must keep failing for the
 * documented reason (if one starts passing, the docs are out of date).
 */
describe('documented limits', () => {
  const limit = (
    name: string,
    importStyle: ImportStyle,
    compilerOptions: Record<string, unknown>,
  ): PortabilityConfig => ({
    name,
    compiler: 'typescript',
    importStyle,
    packageType: 'commonjs',
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      target: 'es2022',
      ...compilerOptions,
    },
  });

  it('neither the DOM lib nor @types/node: fetch and its types are not declared', () => {
    const config = limit('no DOM, no Node types', 'bundler', {
      lib: ['es2022'],
      module: 'esnext',
      moduleResolution: 'bundler',
    });
    const errors = compileUnder(
      config,
      workspace.files(trees.get('bundler')!, 'bundler', 'commonjs'),
      workspace,
    );
    expect(errors.some((e) => e.includes("Cannot find name 'Response'"))).toBe(true);
    expect(errors.some((e) => e.includes("Cannot find name 'AbortController'"))).toBe(true);
  });

  it('module commonjs with verbatimModuleSyntax: TypeScript refuses ESM syntax in any CommonJS file', () => {
    const config = limit('commonjs + verbatimModuleSyntax', 'bundler', {
      lib: ['es2022', 'dom'],
      module: 'commonjs',
      moduleResolution: 'node10',
      verbatimModuleSyntax: true,
    });
    const errors = compileUnder(
      config,
      workspace.files(trees.get('bundler')!, 'bundler', 'commonjs'),
      workspace,
    );
    expect(errors.length).toBeGreaterThan(0);
    // TS1286/TS1287 (5.0) and TS1295 (5.9): about the module system, not about the code.
    const other = errors.filter(
      (e) => !/CommonJS (module|file) (when|under) 'verbatimModuleSyntax'/.test(e),
    );
    expect(other).toEqual([]);
  });

  it('bundler-style imports (no .js) in an ESM package under node16: use --import-style nodenext', () => {
    const config = limit('bundler imports under node16 ESM', 'bundler', {
      lib: ['es2022', 'dom'],
      module: 'node16',
      moduleResolution: 'node16',
    });
    const errors = compileUnder(
      config,
      workspace.files(trees.get('bundler')!, 'bundler', 'module'),
      workspace,
    );
    expect(
      errors.some((e) => e.includes('Relative import paths need explicit file extensions')),
    ).toBe(true);
  });

  it('no target (TypeScript 5 defaults to ES5) or one below ES2015: #private fields need ES2015', () => {
    const config = limit('target es5', 'bundler', {
      target: 'es5',
      lib: ['es2022', 'dom'],
      module: 'esnext',
      moduleResolution: 'bundler',
    });
    const errors = compileUnder(
      config,
      workspace.files(trees.get('bundler')!, 'bundler', 'module'),
      workspace,
    );
    expect(errors.length).toBeGreaterThan(0);
    // Both say ES2015: #private fields, and iterating a Set, Map or typed array (the auth and log runtime do).
    const other = errors.filter(
      (e) =>
        !/only available when targeting ECMAScript 2015|a '--target' of 'es2015' or higher/.test(e),
    );
    expect(other).toEqual([]);
  });
});
