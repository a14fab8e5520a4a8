/**
 * TypeScript's compiler (loaded with ts-morph: ~0.5 s and ~65 MB) is needed only to parse a file outside the subset
 * parser's TypeScript (print/layout/parse-subset.ts), so a run of what clientgen emits never loads it, and a run that
 * needs it loads it after validation's worker is gone, when it prints (docs/performance.md, "Memory"). Emit builds
 * ts-morph structures with the enum values of emit/structure-kind.ts instead of ts-morph's own, the layout reads
 * trees with the values of print/layout/syntax.ts, and the pipeline imports print when it prints.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tsMorph from 'ts-morph';
import {
  ModuleDeclarationKind,
  STRUCTURE_KIND_NAMES,
  Scope,
  StructureKind,
} from '../../generator/emit/structure-kind';

const ROOT = path.join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

it("gives emit the values of ts-morph's own enums", () => {
  for (const [name, value] of Object.entries(StructureKind))
    expect([name, value]).toEqual([
      name,
      tsMorph.StructureKind[name as keyof typeof StructureKind],
    ]);
  for (const [value, name] of Object.entries(STRUCTURE_KIND_NAMES))
    expect([name, Number(value)]).toEqual([
      name,
      tsMorph.StructureKind[name as keyof typeof tsMorph.StructureKind],
    ]);
  for (const [name, value] of Object.entries(Scope))
    expect([name, value]).toEqual([name, tsMorph.Scope[name as keyof typeof Scope]]);
  for (const [name, value] of Object.entries(ModuleDeclarationKind))
    expect([name, value]).toEqual([
      name,
      tsMorph.ModuleDeclarationKind[name as keyof typeof ModuleDeclarationKind],
    ]);
});

it('imports ts-morph in emit and print for its types only; print loads it for a file outside the subset', () => {
  const beforeLayout = [
    ...sources('generator/emit'),
    ...sources('generator/print/structure'),
    ...sources('generator/print/layout'),
    'generator/print/emitted-text.ts',
    'generator/print/print-files.ts',
  ];
  const valueImports = beforeLayout.flatMap((file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    return [...text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'ts-morph'/gm)]
      .filter((m) => !m[1] && m[2]!.split(',').some((s) => s.trim() && !/^type\s/.test(s.trim())))
      .map(() => file);
  });
  expect(valueImports).toEqual([]);
  const pipeline = readFileSync(path.join(ROOT, 'generator/pipeline.ts'), 'utf8');
  expect(pipeline).not.toMatch(/^import\s+\{[^}]*\}\s+from\s+'\.\/print\/print-files'/m);
  expect(pipeline).toMatch(/await import\('\.\/print\/print-files'\)/);
  const print = readFileSync(path.join(ROOT, 'generator/print/print-files.ts'), 'utf8');
  expect(print).toMatch(/await import\('ts-morph'\)/);
});

/** The stage lines of a built-CLI run of `generate` on petstore (with `args`), and `[ts-morph]` where it loaded. */
async function stagesAndCompiler(args: string[]): Promise<string[]> {
  const bundle = path.join(ROOT, 'dist/generator/cli.js');
  expect(existsSync(bundle)).toBe(true);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-late-'));
  try {
    // Marks, in the stage lines of --verbose, the moment ts-morph is first required.
    const hook = path.join(dir, 'hook.js');
    writeFileSync(
      hook,
      `const M = require('node:module'); const load = M._load; let seen = false;
M._load = function (request, ...rest) {
  // A require names the package; a dynamic import (esbuild keeps it) resolves it to a path first.
  if (!seen && /(^|[\\\\/])ts-morph([\\\\/]|$)/.test(request)) { seen = true; process.stderr.write('[ts-morph]\\n'); }
  return load.call(this, request, ...rest);
};`,
    );
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        hook,
        path.join(ROOT, 'bin/clientgen.js'),
        'generate',
        path.join(ROOT, 'test/fixtures/specs/petstore.yaml'),
        '--out',
        path.join(dir, 'out'),
        '--verbose',
        '--no-cache',
        ...args.map((a) => a.replace('$DIR', dir)),
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    return run.stderr
      .split('\n')
      .map(
        (line) =>
          /^(\[ts-morph\]|(?:load|ir|plan|emit|validate|print(?: tests)?)\b)/.exec(line)?.[1],
      )
      .filter((m) => m !== undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

it('never loads the compiler in a run of the built CLI that prints only what the subset parser reads', async () => {
  expect(await stagesAndCompiler([])).toEqual(['load', 'ir', 'plan', 'emit', 'validate', 'print']);
}, 60_000);

it("loads the compiler after validation, to print a file outside the subset (the tests' setup)", async () => {
  expect(await stagesAndCompiler(['--tests', '$DIR/tests'])).toEqual([
    'load',
    'ir',
    'plan',
    'emit',
    'validate',
    'print',
    '[ts-morph]',
    'print tests',
  ]);
}, 60_000);
