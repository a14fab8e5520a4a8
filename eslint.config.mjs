// Lint for the project's own code: typescript-eslint's type-aware recommended rules, plus the ones that
// matter for a code generator and a shipped runtime. Generated output (generated/, golden expected/
// trees) and fixtures are not linted: their no-`any` and formatting are tested by test/golden.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'generated/**',
      'test/golden/cases/**/expected/**',
      'test/golden/cases/**/expected-tests/**',
      'test/**/fixtures/**',
      // Client code whose imports resolve only where test/runtimes puts it, which type-checks it there.
      'test/runtimes/client-code/**',
      'coverage/**',
      'dist/**',
      '.tmp/**',
      // Plain JS entry points and tool configs: not part of a TypeScript project.
      'bin/**',
      '*.js',
      '*.mjs',
    ],
  },
  {
    files: [
      'generator/**/*.ts',
      'templates/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // tsconfig.json for everything, test/types/tsconfig.json for the type-level tests.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An un-awaited promise loses its error: in the CLI that is a silent exit 0.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // `${n}` with a number or boolean is how messages are written here; objects are still refused.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false },
      ],
    },
  },
);
