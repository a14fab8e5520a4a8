import type {
  ModuleDeclarationKind as ModuleKind,
  Scope as ScopeKind,
  StructureKind as Kind,
} from 'ts-morph';

/*
 * The values of ts-morph's enums that emit builds structures with (and print's structure printer reads), without
 * loading ts-morph: its module loads TypeScript's compiler (~0.5 s and ~65 MB), which a run needs only to parse a file
 * outside the layout's subset parser (print/layout/parse-subset.ts), after validation's worker is stopped.
 * test/memory/compiler-late.test.ts holds each value and name to ts-morph's.
 */

export const StructureKind = {
  Class: 2 as Kind.Class,
  ExportDeclaration: 11 as Kind.ExportDeclaration,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  Interface: 19 as Kind.Interface,
  Module: 29 as Kind.Module,
  PropertySignature: 33 as Kind.PropertySignature,
  SourceFile: 36 as Kind.SourceFile,
  TypeAlias: 38 as Kind.TypeAlias,
} as const;

export const Scope = {
  Private: 'private' as ScopeKind.Private,
  Protected: 'protected' as ScopeKind.Protected,
  Public: 'public' as ScopeKind.Public,
} as const;

export const ModuleDeclarationKind = {
  Global: 'global' as ModuleKind.Global,
  Namespace: 'namespace' as ModuleKind.Namespace,
} as const;

/** ts-morph's name of every `StructureKind` value, for messages (a kind added later reads as its number). */
export const STRUCTURE_KIND_NAMES: Readonly<Record<number, string>> = {
  0: 'ImportAttribute',
  1: 'CallSignature',
  2: 'Class',
  3: 'ClassStaticBlock',
  4: 'ConstructSignature',
  5: 'Constructor',
  6: 'ConstructorOverload',
  7: 'Decorator',
  8: 'Enum',
  9: 'EnumMember',
  10: 'ExportAssignment',
  11: 'ExportDeclaration',
  12: 'ExportSpecifier',
  13: 'Function',
  14: 'FunctionOverload',
  15: 'GetAccessor',
  16: 'ImportDeclaration',
  17: 'ImportSpecifier',
  18: 'IndexSignature',
  19: 'Interface',
  20: 'JsxAttribute',
  21: 'JsxSpreadAttribute',
  22: 'JsxElement',
  23: 'JsxSelfClosingElement',
  24: 'JSDoc',
  25: 'JSDocTag',
  26: 'Method',
  27: 'MethodOverload',
  28: 'MethodSignature',
  29: 'Module',
  30: 'Parameter',
  31: 'Property',
  32: 'PropertyAssignment',
  33: 'PropertySignature',
  34: 'SetAccessor',
  35: 'ShorthandPropertyAssignment',
  36: 'SourceFile',
  37: 'SpreadAssignment',
  38: 'TypeAlias',
  39: 'TypeParameter',
  40: 'VariableDeclaration',
  41: 'VariableStatement',
};
