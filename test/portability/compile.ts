/**
 * Compiles generated outputs under one tsconfig of the matrix, with the compiler API of the chosen
 * TypeScript release: one program per config over every output, so the whole matrix stays fast.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as TS from 'typescript';
import { cacheDeclarationFiles } from '../helpers/declaration-cache';
import type { FileTree } from '../helpers/file-tree';
import type { CompilerName, ImportStyle, PackageType, PortabilityConfig } from './configs';

const NODE_MODULES = path.resolve(__dirname, '../../node_modules');

/** Where each `@types/node` major is installed (18 and 22 are npm aliases of `@types/node`). */
const NODE_TYPES: Record<18 | 20 | 22, string> = {
  18: path.join(NODE_MODULES, '@types/node18'),
  20: path.join(NODE_MODULES, '@types/node'),
  22: path.join(NODE_MODULES, '@types/node22'),
};

/** Loads a TypeScript release by package name (`typescript-5.0` is an alias of 5.0.4). */
export function loadCompiler(name: CompilerName): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the release is chosen at run time
  return require(name) as typeof TS;
}

/** A scratch folder holding each output tree once per import style and package type. */
export class Workspace {
  readonly root = mkdtempSync(path.join(tmpdir(), 'clientgen-portability-'));
  readonly #written = new Map<string, string[]>();
  /** Parsed declaration files (libs, @types/node), shared by the programs of one compiler. */
  readonly libCache = new Map<string, TS.SourceFile | undefined>();

  /**
   * Writes (once) every tree of `style` into a package of the given type; returns its `.ts` files.
   * The runtime is the same in every tree, so each `core/` is a symlink to one shared copy: TypeScript
   * follows it to the real path and checks the runtime once per program, not once per tree. A tree
   * whose runtime differs (generated/, with its banner) keeps its own copy.
   */
  files(trees: Map<string, FileTree>, style: ImportStyle, packageType: PackageType): string[] {
    const key = `${style}-${packageType}`;
    const known = this.#written.get(key);
    if (known) return known;
    const dir = path.join(this.root, key);
    mkdirSync(dir, { recursive: true });
    const pkg = packageType === 'module' ? { type: 'module' } : {};
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg)}\n`);
    const files: string[] = [];
    const write = (rel: string, contents: string): void => {
      const file = path.join(dir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, contents);
      if (rel.endsWith('.ts')) files.push(file);
    };
    let shared: string | undefined;
    for (const [name, tree] of trees) {
      const core = [...tree].filter(([rel]) => rel.startsWith('core/'));
      const coreKey = JSON.stringify(core);
      if (shared === undefined) {
        shared = coreKey;
        for (const [rel, contents] of core) write(`shared-${rel}`, contents);
      }
      for (const [rel, contents] of tree) {
        if (coreKey !== shared || !rel.startsWith('core/')) write(`${name}/${rel}`, contents);
      }
      if (coreKey === shared) {
        mkdirSync(path.join(dir, name), { recursive: true });
        symlinkSync(path.join(dir, 'shared-core'), path.join(dir, name, 'core'), 'dir');
      }
    }
    this.#written.set(key, files);
    return files;
  }

  /** A `typeRoots` folder whose only `node` is the given `@types/node` major. */
  typeRoot(major: 18 | 20 | 22): string {
    const dir = path.join(this.root, `types-node${major}`);
    mkdirSync(dir, { recursive: true });
    try {
      symlinkSync(NODE_TYPES[major], path.join(dir, 'node'), 'dir');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    return dir;
  }
}

/** Type-checks the files under one config; returns the errors as `file:line message`, paths relative to the workspace. */
export function compileUnder(
  config: PortabilityConfig,
  files: string[],
  workspace: Workspace,
): string[] {
  const ts = loadCompiler(config.compiler);
  const json: Record<string, unknown> = { ...config.compilerOptions };
  if (config.nodeTypes) json['typeRoots'] = [workspace.typeRoot(config.nodeTypes)];
  const converted = ts.convertCompilerOptionsFromJson(json, workspace.root);
  const optionErrors = converted.errors.map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
  if (optionErrors.length) return optionErrors.map((m) => `tsconfig: ${m}`);
  const program = ts.createProgram({
    rootNames: files,
    options: converted.options,
    host: createHost(ts, config.compiler, converted.options, workspace.libCache),
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    return `${path.relative(workspace.root, d.file.fileName)}:${line} ${message}`;
  });
}

/**
 * A compiler host that (1) resolves modules to their real path, as bundlers and Node do, so that the
 * symlinked `core/` folders are one set of files, and (2) parses each declaration file once per compiler
 * and language version rather than once per program.
 */
function createHost(
  ts: typeof TS,
  compiler: CompilerName,
  options: TS.CompilerOptions,
  libCache: Map<string, TS.SourceFile | undefined>,
): TS.CompilerHost {
  const host = cacheDeclarationFiles(ts.createCompilerHost(options, true), libCache, compiler);
  host.resolveModuleNameLiterals = (
    literals,
    containingFile,
    redirected,
    opts,
    containingSourceFile,
  ) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, opts);
      const result = ts.resolveModuleName(
        literal.text,
        containingFile,
        opts,
        host,
        undefined,
        redirected,
        mode,
      );
      const resolved = result.resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return result;
      return {
        ...result,
        resolvedModule: { ...resolved, resolvedFileName: realpathSync(resolved.resolvedFileName) },
      };
    });
  return host;
}
