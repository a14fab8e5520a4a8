/**
 * The tsconfigs generated clients are compiled under: the ones users of a copied-in `generated/` folder
 * actually have (Node-only backends, browser apps, older libs, the strictest flags, CommonJS and ESM),
 * each under the oldest TypeScript the README promises and the newest. Options are written as they would
 * be in a tsconfig.json, so a failing entry can be pasted into a project to reproduce it.
 */

/** Which TypeScript compiles a config: the oldest supported release or the project's own (newest). */
export type CompilerName = 'typescript-5.0' | 'typescript';

/** `bundler` output (`./x` imports), `nodenext` output (`./x.js` imports) or `ts` output (`./x.ts` imports). */
export type ImportStyle = 'bundler' | 'nodenext' | 'ts';

/** The `package.json` next to the output: ESM (`"type": "module"`) or CommonJS (no type). */
export type PackageType = 'module' | 'commonjs';

/** One tsconfig of the matrix. */
export type PortabilityConfig = {
  name: string;
  compiler: CompilerName;
  importStyle: ImportStyle;
  packageType: PackageType;
  /** Which `@types/node` major is visible as `types: ["node"]`, or none. */
  nodeTypes?: 18 | 20 | 22;
  /** tsconfig `compilerOptions`, as JSON. */
  compilerOptions: Record<string, unknown>;
};

/** What every config shares: `strict`, no emit, and `skipLibCheck` (as in every recommended tsconfig). */
const BASE = { strict: true, noEmit: true, skipLibCheck: true, types: [] as string[] };

/** The strict flags a careful project turns on beyond `strict`. */
const STRICTEST = {
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

/** `@tsconfig/node20`-style: Node 20, no DOM, node16 modules. */
const nodeOnly = (lib: string, target: string, module: 'node16' | 'nodenext') => ({
  ...BASE,
  target,
  lib: [lib],
  module,
  moduleResolution: module,
  types: ['node'],
});

const configs = (compiler: CompilerName): PortabilityConfig[] => [
  {
    name: 'node 18 (no DOM), nodenext ESM',
    compiler,
    importStyle: 'nodenext',
    packageType: 'module',
    nodeTypes: 18,
    compilerOptions: nodeOnly('es2022', 'es2022', 'nodenext'),
  },
  {
    name: 'node 20 (no DOM), node16 ESM, @tsconfig/node20',
    compiler,
    importStyle: 'nodenext',
    packageType: 'module',
    nodeTypes: 20,
    compilerOptions: nodeOnly('es2023', 'es2022', 'node16'),
  },
  {
    name: 'node 22 (no DOM), nodenext ESM, strictest flags',
    compiler,
    importStyle: 'nodenext',
    packageType: 'module',
    nodeTypes: 22,
    compilerOptions: { ...nodeOnly('es2023', 'es2022', 'nodenext'), ...STRICTEST },
  },
  {
    name: 'node 20 (no DOM), node16 CommonJS package',
    compiler,
    importStyle: 'nodenext',
    packageType: 'commonjs',
    nodeTypes: 20,
    compilerOptions: { ...nodeOnly('es2023', 'es2022', 'node16'), isolatedModules: true },
  },
  {
    name: 'node 20 (no DOM), module commonjs, moduleResolution node10, ES2020 lib',
    compiler,
    importStyle: 'bundler',
    packageType: 'commonjs',
    nodeTypes: 20,
    compilerOptions: {
      ...BASE,
      target: 'es2020',
      lib: ['es2020'],
      module: 'commonjs',
      moduleResolution: 'node10',
      esModuleInterop: true,
      types: ['node'],
      isolatedModules: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
    },
  },
  {
    name: 'browser (DOM, no Node types), bundler, strictest flags',
    compiler,
    importStyle: 'bundler',
    packageType: 'module',
    compilerOptions: {
      ...BASE,
      target: 'es2022',
      lib: ['es2022', 'dom', 'dom.iterable'],
      module: 'esnext',
      moduleResolution: 'bundler',
      ...STRICTEST,
    },
  },
  {
    name: 'browser (DOM, no Node types), ES2020 lib and target, bundler, nodenext-style imports',
    compiler,
    importStyle: 'nodenext',
    packageType: 'module',
    compilerOptions: {
      ...BASE,
      target: 'es2020',
      lib: ['es2020', 'dom', 'dom.iterable'],
      module: 'es2020',
      moduleResolution: 'bundler',
      isolatedModules: true,
    },
  },
  {
    // Node 22.18+ and 24 run TypeScript by erasing its types: only erasable syntax, `.ts` imports, type imports
    // marked as such (TypeScript 5.8 and later check the first with `erasableSyntaxOnly`).
    name: 'node type stripping (no DOM), nodenext ESM, .ts imports, strictest flags',
    compiler,
    importStyle: 'ts',
    packageType: 'module',
    nodeTypes: 22,
    compilerOptions: {
      ...nodeOnly('es2023', 'es2022', 'nodenext'),
      ...STRICTEST,
      allowImportingTsExtensions: true,
      ...(compiler === 'typescript' && { erasableSyntaxOnly: true }),
    },
  },
  {
    name: 'DOM and Node types together, nodenext ESM',
    compiler,
    importStyle: 'nodenext',
    packageType: 'module',
    nodeTypes: 20,
    compilerOptions: {
      ...nodeOnly('es2023', 'es2022', 'nodenext'),
      lib: ['es2023', 'dom', 'dom.iterable'],
      verbatimModuleSyntax: true,
    },
  },
];

/** Every config of the matrix, under TypeScript 5.0 and under the project's TypeScript. */
export const PORTABILITY_CONFIGS: PortabilityConfig[] = [
  ...configs('typescript-5.0'),
  ...configs('typescript'),
];
