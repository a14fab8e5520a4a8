import type { Options } from 'prettier';

/**
 * The one formatting config of generated code. It is passed explicitly to prettier's standalone build,
 * which cannot read config files, so a host repo's `.prettierrc` or `.editorconfig` never changes output.
 */
export const PRETTIER_OPTIONS: Options = {
  parser: 'typescript',
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: true,
  quoteProps: 'as-needed',
  trailingComma: 'all',
  bracketSpacing: true,
  arrowParens: 'always',
  endOfLine: 'lf',
};
