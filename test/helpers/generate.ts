import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { generateClient, type GenerateOptions } from '../../generator/pipeline';
import type { FileTree } from './file-tree';

/** Generates a client in memory; the spec is named relative to its own folder, as the banner shows it. */
export async function generateTree(specPath: string, options: GenerateOptions = {}) {
  const dir = path.dirname(specPath);
  const result = await generateClient(path.basename(specPath), {
    cwd: dir,
    specLabel: path.basename(specPath),
    ...options,
  });
  const tree: FileTree = new Map(result.files.map((f) => [f.path, f.contents]));
  return { ...result, tree };
}

/** Writes a tree into a new temporary folder and returns its path. */
export function writeTempTree(tree: FileTree, prefix = 'clientgen-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, contents] of tree) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), contents);
  }
  return dir;
}

/** The strictest options a host project is likely to use: generated code must compile under all of them. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: false,
};

/**
 * Type-checks code that uses a client: the tree is written to a temporary folder with `usage` beside it as
 * `usage.ts` (importing `./index`), and the strict errors of the whole are returned (an unused `@ts-expect-error` is one).
 */
export function usageErrors(tree: FileTree, usage: string, prefix = 'clientgen-usage-'): string[] {
  const dir = writeTempTree(tree, prefix);
  try {
    writeFileSync(path.join(dir, 'usage.ts'), usage);
    return typeCheck([dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Type-checks the `.ts` files under the given folders in one program; returns formatted errors. */
export function typeCheck(
  dirs: string[],
  resolution: 'bundler' | 'nodenext' = 'bundler',
  extra: ts.CompilerOptions = {},
  include: (file: string) => boolean = () => true,
): string[] {
  const files = dirs.flatMap((d) => ts.sys.readDirectory(d, ['.ts'])).filter(include);
  const options: ts.CompilerOptions = {
    ...STRICT_OPTIONS,
    ...(resolution === 'bundler'
      ? { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }
      : { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }),
    ...extra,
  };
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
        : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Every place the `any` keyword appears in TypeScript source (comments and strings do not count). */
export function findAnyKeywords(tree: FileTree): string[] {
  const found: string[] = [];
  for (const [rel, text] of tree) {
    if (!rel.endsWith('.ts')) continue;
    const scanner = ts.createScanner(
      ts.ScriptTarget.Latest,
      true,
      ts.LanguageVariant.Standard,
      text,
    );
    let pending: number | undefined;
    for (
      let token = scanner.scan();
      token !== ts.SyntaxKind.EndOfFileToken;
      token = scanner.scan()
    ) {
      if (token === ts.SyntaxKind.WhitespaceTrivia || token === ts.SyntaxKind.NewLineTrivia)
        continue;
      if (
        token === ts.SyntaxKind.SingleLineCommentTrivia ||
        token === ts.SyntaxKind.MultiLineCommentTrivia
      )
        continue;
      // `any` followed by `:` or `?` is a property named "any", not the type.
      if (
        pending !== undefined &&
        token !== ts.SyntaxKind.ColonToken &&
        token !== ts.SyntaxKind.QuestionToken
      )
        found.push(`${rel}:${pending}`);
      pending =
        token === ts.SyntaxKind.AnyKeyword
          ? text.slice(0, scanner.getTokenStart()).split('\n').length
          : undefined;
    }
    if (pending !== undefined) found.push(`${rel}:${pending}`);
  }
  return found;
}
