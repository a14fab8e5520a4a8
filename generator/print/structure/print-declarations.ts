import type {
  ExportDeclarationStructure,
  ExportSpecifierStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  IndexSignatureDeclarationStructure,
  InterfaceDeclarationStructure,
  ModuleDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
  WriterFunction,
} from 'ts-morph';
import { ModuleDeclarationKind } from '../../emit/structure-kind';
import { GeneratorBug } from '../../errors';
import { assertKnownKeys, keys } from './known-keys';
import {
  MODIFIER_KEYS,
  printDocs,
  printInitializer,
  printLeadingTrivia,
  printModifiers,
  printTyped,
  quoted,
} from './print-parts';
import { printStatements, type StatementContext } from './print-structure';
import type { TextWriter } from './text-writer';

export const INTERFACE = keys(
  'kind',
  'name',
  'docs',
  'properties',
  'indexSignatures',
  'leadingTrivia',
  ...MODIFIER_KEYS,
);
export const PROPERTY_SIGNATURE = keys(
  'kind',
  'name',
  'type',
  'hasQuestionToken',
  'initializer',
  'docs',
  ...MODIFIER_KEYS,
);
export const INDEX_SIGNATURE = keys(
  'kind',
  'keyName',
  'keyType',
  'returnType',
  'docs',
  ...MODIFIER_KEYS,
);
export const TYPE_ALIAS = keys('kind', 'name', 'type', 'docs', 'leadingTrivia', ...MODIFIER_KEYS);
export const MODULE = keys(
  'kind',
  'name',
  'declarationKind',
  'docs',
  'statements',
  'leadingTrivia',
  ...MODIFIER_KEYS,
);
export const IMPORT = keys(
  'kind',
  'moduleSpecifier',
  'namedImports',
  'isTypeOnly',
  'leadingTrivia',
);
export const EXPORT = keys(
  'kind',
  'moduleSpecifier',
  'namedExports',
  'isTypeOnly',
  'leadingTrivia',
);
export const SPECIFIER = keys('kind', 'name', 'alias', 'isTypeOnly');

/** `interface Name { [index signatures] properties }`: index signatures first, one member per line. */
export function printInterface(writer: TextWriter, s: InterfaceDeclarationStructure): void {
  assertKnownKeys(s, INTERFACE, `interface ${s.name}`);
  printLeadingTrivia(writer, s.leadingTrivia);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(`interface ${s.name} `);
  writer.inlineBlock(() => {
    const indexSignatures = s.indexSignatures ?? [];
    const properties = s.properties ?? [];
    if (indexSignatures.length && !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
    indexSignatures.forEach((member, i) => {
      if (i > 0) writer.newLine();
      printIndexSignature(writer, member, s.name);
    });
    if (properties.length && !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
    properties.forEach((member, i) => {
      if (i > 0) writer.newLine();
      printPropertySignature(writer, member, s.name);
    });
  });
}

function printPropertySignature(
  writer: TextWriter,
  s: OptionalKind<PropertySignatureStructure>,
  owner: string,
): void {
  assertKnownKeys(s, PROPERTY_SIGNATURE, `property ${s.name} of ${owner}`);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(s.name);
  if (s.hasQuestionToken) writer.write('?');
  printTyped(writer, ':', s.type, 'a property type');
  printInitializer(writer, s.initializer, 'an initializer');
  writer.write(';');
}

function printIndexSignature(
  writer: TextWriter,
  s: OptionalKind<IndexSignatureDeclarationStructure>,
  owner: string,
): void {
  assertKnownKeys(s, INDEX_SIGNATURE, `an index signature of ${owner}`);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(`[${s.keyName || 'key'}: ${s.keyType || 'string'}]`);
  printTyped(writer, ':', s.returnType, 'an index signature type');
  writer.write(';');
}

/** `type Name = type;` */
export function printTypeAlias(writer: TextWriter, s: TypeAliasDeclarationStructure): void {
  assertKnownKeys(s, TYPE_ALIAS, `type ${s.name}`);
  printLeadingTrivia(writer, s.leadingTrivia);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(`type ${s.name}`);
  printTyped(writer, ' =', s.type, 'a type alias');
  writer.write(';');
}

/** `namespace Name { statements }` (or `module`), ambient inside when declared. */
export function printModule(
  writer: TextWriter,
  s: ModuleDeclarationStructure,
  ctx: StatementContext,
): void {
  assertKnownKeys(s, MODULE, `namespace ${s.name}`);
  const name = s.name.trim();
  if (/^['"`]/.test(name) || s.declarationKind === ModuleDeclarationKind.Global)
    throw new GeneratorBug(
      `the structure printer does not print a quoted or global module (${name})`,
    );
  printLeadingTrivia(writer, s.leadingTrivia);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(`${s.declarationKind || 'namespace'} ${s.name} `);
  writer.inlineBlock(() =>
    printStatements(writer, s.statements, {
      isAmbient: Boolean(s.hasDeclareKeyword) || ctx.isAmbient,
    }),
  );
}

/** `import type { a, b as c } from 'module';` (`import 'module';` when nothing is named). */
export function printImport(writer: TextWriter, s: ImportDeclarationStructure): void {
  assertKnownKeys(s, IMPORT, `an import of ${s.moduleSpecifier}`);
  printLeadingTrivia(writer, s.leadingTrivia);
  const named = specifiers(s.namedImports, s.moduleSpecifier);
  writer.write(`import${s.isTypeOnly ? ' type' : ''}`);
  if (named) writer.write(` ${named} from`);
  writer.write(` ${quoted(s.moduleSpecifier)};`);
}

/** `export type { a, b as c } from 'module';` (`export *` when nothing is named, `export { }` without a module). */
export function printExport(writer: TextWriter, s: ExportDeclarationStructure): void {
  const from = s.moduleSpecifier;
  assertKnownKeys(s, EXPORT, `an export from ${from ?? 'the file'}`);
  printLeadingTrivia(writer, s.leadingTrivia);
  const named = specifiers(s.namedExports, from ?? 'the file');
  const hasModule = from != null && from.length > 0;
  writer.write(`export${s.isTypeOnly ? ' type' : ''}`);
  writer.write(named ? ` ${named}` : hasModule ? ' *' : ' { }');
  if (hasModule) writer.write(` from ${quoted(from)}`);
  writer.write(';');
}

type Specifier = string | OptionalKind<ImportSpecifierStructure | ExportSpecifierStructure>;

/** `{ a, type b, c as d }`, or undefined when there are none. */
function specifiers(
  list: Specifier[] | WriterFunction | undefined,
  module: string,
): string | undefined {
  if (list === undefined) return undefined;
  if (typeof list === 'function')
    throw new GeneratorBug('the structure printer prints import and export names given as a list');
  if (!list.length) return undefined;
  const parts = list.map((item) => {
    if (typeof item === 'string') return item;
    if (typeof item !== 'object' || item === null)
      throw new GeneratorBug(
        `the structure printer prints names given as text or objects (${module})`,
      );
    assertKnownKeys(item, SPECIFIER, `a name imported from or exported to ${module}`);
    const alias = item.alias?.trim() ? ` as ${item.alias}` : '';
    return `${item.isTypeOnly ? 'type ' : ''}${item.name}${alias}`;
  });
  return `{ ${parts.join(', ')} }`;
}
