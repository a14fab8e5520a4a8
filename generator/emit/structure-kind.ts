import type {
  ModuleDeclarationKind as ModuleKind,
  Scope as ScopeKind,
  StructureKind as Kind,
} from 'ts-morph';

/*
 * The values of ts-morph's enums that emit builds structures with, without loading ts-morph: its module loads
 * TypeScript's compiler (~0.5 s and ~65 MB), which only the print stage needs. Emit then runs while validation's
 * worker holds its memory, and the compiler loads after it: a lower peak. `test/emit/structure-kind.test.ts` holds
 * each value to ts-morph's.
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
  Namespace: 'namespace' as ModuleKind.Namespace,
} as const;
