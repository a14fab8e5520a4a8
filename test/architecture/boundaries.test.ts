/**
 * The module boundaries of the pipeline (see README, "How it works"), checked on the import statements
 * of every source file: the IR never sees ts-morph, emit never reads raw specs, templates import only
 * each other, generated code imports only its own files, and only the write stage writes to disk.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    return statSync(path.join(ROOT, rel)).isDirectory()
      ? sources(rel)
      : /\.(ts|js|mjs)$/.test(name)
        ? [rel]
        : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)].map((m) => m[1]!);
}

const RULES: { files: string; forbidden: RegExp; why: string }[] = [
  {
    files: 'generator/ir',
    forbidden: /^(ts-morph|prettier)|\/(emit|plan|print|write)\//,
    why: 'the IR knows nothing of printing',
  },
  {
    files: 'generator/samples',
    forbidden: /^(ts-morph|prettier)|\/(load|validate|emit|plan|print|write)\//,
    why: 'sample values are plain data built from the IR; emit writes them as code',
  },
  {
    files: 'generator/load',
    forbidden: /\/(ir|emit|plan|print|write)\//,
    why: 'loading comes first',
  },
  {
    files: 'generator/plan',
    forbidden: /^(ts-morph|prettier)|\/(emit|print|write|load)\//,
    why: 'plan works on the IR only',
  },
  {
    files: 'generator/emit',
    forbidden: /\/(load|validate|write)\/|^yaml$/,
    why: 'emit never reads raw OpenAPI',
  },
  {
    files: 'generator/emit',
    forbidden: /\/print\/|^prettier/,
    why: 'print comes after emit: only print reads what emit built',
  },
  {
    files: 'generator/print',
    forbidden: /\/(load|validate|ir|plan|write)\//,
    why: 'print formats what emit built, nothing else',
  },
  {
    files: 'generator/incremental',
    forbidden: /\/(load|validate|ir\/build|write|cache)\b|^(ts-morph|prettier|yaml)$/,
    why: 'what is kept between runs is read from and written to a store the caller gives',
  },
  {
    files: 'generator/text',
    forbidden: /^(ts-morph|prettier)|\/(load|validate|plan|emit|print|write)\//,
    why: 'text helpers (JSDoc, case) serve emit and print alike',
  },
  {
    files: 'generator/diagnostics',
    forbidden: /\/(ir|emit|plan|print|write)\//,
    why: 'diagnostics are shared by every stage',
  },
  {
    files: 'generator/diff/sdk',
    forbidden: /\/wire\/|^\.\.\/diff-|^\.\.\/index$/,
    why: 'the SDK verdict reads the IR only; the walk in generator/diff/ calls it, not the reverse',
  },
  {
    files: 'generator/diff/wire',
    forbidden: /\/sdk\/|^\.\.\/diff-|^\.\.\/index$/,
    why: 'the wire verdict reads the raw specs only; the walk in generator/diff/ calls it, not the reverse',
  },
  {
    files: 'generator/cache',
    forbidden:
      /^(ts-morph|prettier|yaml|@redocly)|\/(load|validate|ir|plan|emit|print)\/|(^|\/)(pipeline|cli)$/,
    why: 'a run cache hit loads none of the stages it skips',
  },
  {
    files: 'generator/watch',
    forbidden: /^(?!node:)/,
    why: "the watch knows files and folders only: which files a run read is the CLI's to tell it",
  },
  {
    files: 'generator/output',
    forbidden: /./,
    why: 'the types the stages hand each other depend on nothing',
  },
  ...[
    'load',
    'validate',
    'diagnostics',
    'ir',
    'plan',
    'emit',
    'print',
    'text',
    'write',
    'output',
    'config',
  ].map((stage) => ({
    files: `generator/${stage}`,
    forbidden: /(^|\/)(pipeline|cli)$/,
    why: 'a stage never depends on the modules that run it (pipeline.ts, cli.ts): no arrow runs back up',
  })),
];

describe.each(RULES)('$files', ({ files, forbidden, why }) => {
  it(`imports nothing matching ${forbidden} (${why})`, () => {
    const offending = sources(files).flatMap((f) =>
      imports(f)
        .filter((i) => forbidden.test(i))
        .map((i) => `${f}: ${i}`),
    );
    expect(offending).toEqual([]);
  });
});

it('templates/ imports only sibling templates', () => {
  const offending = sources('templates').flatMap((f) =>
    imports(f)
      .filter((i) => !/^\.\/[\w-]+$/.test(i))
      .map((i) => `${f}: ${i}`),
  );
  expect(offending).toEqual([]);
});

it('generated/ imports only its own files', () => {
  const offending = sources('generated').flatMap((f) =>
    imports(f)
      .filter((i) => !i.startsWith('.'))
      .map((i) => `${f}: ${i}`),
  );
  expect(offending).toEqual([]);
  expect(sources('generated').length).toBeGreaterThan(50);
});

it('only generator/write/ writes to disk', () => {
  const writers =
    /\b(writeFile|writeFileSync|rename|renameSync|rm|rmSync|unlink|unlinkSync|mkdir|mkdirSync|copyFile)\s*\(/;
  const offending = sources('generator').filter(
    (f) =>
      !f.startsWith('generator/write/') && writers.test(readFileSync(path.join(ROOT, f), 'utf8')),
  );
  expect(offending).toEqual([]);
});
