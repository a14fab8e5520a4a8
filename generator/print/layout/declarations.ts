import { builders } from 'prettier/doc';
import type { Doc } from './doc';
import type { ts } from 'ts-morph';
import {
  isIdentifier,
  isModuleBlock,
  isNamedExports,
  isNamedImports,
  isStringLiteral,
  NodeFlags,
  SyntaxKind,
} from './syntax';
import type { LayoutContext } from './context';
import { printStringLiteral } from './literals';
import { printStatements } from './statements';
import { printTypeMembers } from './type-members';
import { printType, printTypeArguments, unionLines } from './types';
import { Unsupported } from './unsupported';

const { group, indent, line, hardline, ifBreak, join, lineSuffixBoundary, indentIfBreak } =
  builders;

/** `export` (the only modifier handled on declarations), or nothing. */
export function printExportModifier(
  node: ts.Node & { modifiers?: ts.NodeArray<ts.ModifierLike> },
): Doc[] {
  const modifiers = node.modifiers ?? [];
  if (modifiers.length === 0) return [];
  if (modifiers.length === 1 && modifiers[0]!.kind === SyntaxKind.ExportKeyword)
    return ['export', ' '];
  throw new Unsupported('modifiers');
}

/** `interface Name extends A, B { … }` with its members one per line. */
export function printInterface(node: ts.InterfaceDeclaration, ctx: LayoutContext): Doc {
  if (node.typeParameters) throw new Unsupported('interface type parameters');
  const heritage = node.heritageClauses ?? [];
  const body =
    node.members.length === 0
      ? ['{', '}']
      : ['{', indent(printTypeMembers(node.members, ctx, 'interface')), hardline, '}'];
  if (
    node.members.length === 0 &&
    /\/[/*]/.test(ctx.text.slice(node.getStart(ctx.sourceFile), node.end))
  )
    throw new Unsupported('comment in an empty interface');
  if (heritage.length === 0)
    return [
      ...printExportModifier(node),
      'interface',
      ' ',
      node.name.text,
      indent(''),
      ' ',
      ...body,
    ];
  if (heritage.length !== 1 || heritage[0]!.token !== SyntaxKind.ExtendsKeyword)
    throw new Unsupported('heritage clause');
  const bases = heritage[0]!.types.map((t) => {
    if (!isIdentifier(t.expression)) throw new Unsupported('qualified base interface');
    return [t.expression.text, printTypeArguments(t.typeArguments, ctx)];
  });
  return [
    ...printExportModifier(node),
    'interface',
    group([
      ' ',
      node.name.text,
      indent(''),
      indent([line, 'extends', group(indent([line, join([',', line], bases)]))]),
    ]),
    ' ',
    ...body,
  ];
}

/** `type Name = …;`: a breaking union goes below the `=` with leading `|`s, anything else in the fluid layout. */
export function printTypeAlias(node: ts.TypeAliasDeclaration, ctx: LayoutContext): Doc {
  if (node.typeParameters) throw new Unsupported('type alias type parameters');
  const left = group(['type ', node.name.text]);
  const union = unionLines(node.type, ctx);
  if (union)
    return [...printExportModifier(node), group([left, ' =', group(indent([line, union]))]), ';'];
  const id = Symbol('assignment');
  return [
    ...printExportModifier(node),
    group([
      left,
      ' =',
      group(indent(line), { id }),
      lineSuffixBoundary,
      indentIfBreak(printType(node.type, ctx), { groupId: id }),
    ]),
    ';',
  ];
}

/** `export`, `declare` or `export declare` before a namespace, as prettier prints them. */
function printNamespaceModifiers(node: ts.ModuleDeclaration): Doc[] {
  const kinds = (node.modifiers ?? []).map((m) => m.kind);
  const exported = kinds[0] === SyntaxKind.ExportKeyword;
  const rest = exported ? kinds.slice(1) : kinds;
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== SyntaxKind.DeclareKeyword))
    throw new Unsupported('namespace modifiers');
  return [...(exported ? ['export', ' '] : []), ...(rest.length ? ['declare '] : [])];
}

/** `[export] [declare] namespace Name { … }` (nested namespaces by dotted names are not handled). */
export function printNamespace(node: ts.ModuleDeclaration, ctx: LayoutContext): Doc {
  if (
    !(node.flags & NodeFlags.Namespace) ||
    !isIdentifier(node.name) ||
    !node.body ||
    !isModuleBlock(node.body)
  )
    throw new Unsupported('module declaration');
  const statements = node.body.statements;
  if (statements.length === 0) {
    if (/\/[/*]/.test(ctx.text.slice(node.body.getStart(ctx.sourceFile), node.body.end)))
      throw new Unsupported('comment in an empty namespace');
    return [...printNamespaceModifiers(node), 'namespace ', node.name.text, ' ', group(['{', '}'])];
  }
  return [
    ...printNamespaceModifiers(node),
    'namespace ',
    node.name.text,
    ' ',
    group([
      '{',
      indent([hardline, printStatements(statements, { ...ctx, indent: ctx.indent + 2 })]),
      hardline,
      '}',
    ]),
  ];
}

/** `import [type] { A, B } from '…';` and `import X from '…';`. */
export function printImport(node: ts.ImportDeclaration, ctx: LayoutContext): Doc {
  const clause = node.importClause;
  if (node.modifiers?.length || node.attributes || !clause) throw new Unsupported('import form');
  const source = printModuleSpecifier(node.moduleSpecifier, ctx);
  const type = clause.isTypeOnly ? ' type' : '';
  if (clause.name && !clause.namedBindings)
    return ['import', type, ' ', clause.name.text, ' from', ' ', source, ';'];
  if (clause.name || !clause.namedBindings || !isNamedImports(clause.namedBindings))
    throw new Unsupported('import clause');
  return [
    'import',
    type,
    ' ',
    printSpecifiers(clause.namedBindings.elements),
    ' from',
    ' ',
    source,
    ';',
  ];
}

/** `export [type] { A, B } [from '…'];`. */
export function printExportDeclaration(node: ts.ExportDeclaration, ctx: LayoutContext): Doc {
  if (
    node.modifiers?.length ||
    node.attributes ||
    !node.exportClause ||
    !isNamedExports(node.exportClause)
  )
    throw new Unsupported('export form');
  const from = node.moduleSpecifier
    ? [' from', ' ', printModuleSpecifier(node.moduleSpecifier, ctx)]
    : [];
  return [
    'export',
    node.isTypeOnly ? ' type' : '',
    ' ',
    printSpecifiers(node.exportClause.elements),
    ...from,
    ';',
  ];
}

function printSpecifiers(elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>): Doc {
  // `export { type A }`: prettier prints `type ` before the name (the declaration itself is not type-only then).
  const names = elements.map((e) => {
    if ((e.propertyName && !isIdentifier(e.propertyName)) || !isIdentifier(e.name))
      throw new Unsupported('specifier');
    const name = e.propertyName ? `${e.propertyName.text} as ${e.name.text}` : e.name.text;
    return e.isTypeOnly ? ['type ', name] : name;
  });
  if (names.length === 0) return '{}';
  if (names.length === 1) return ['{', ' ', names[0]!, ' ', '}'];
  return group(['{', indent([line, join([',', line], names)]), ifBreak(','), line, '}']);
}

function printModuleSpecifier(node: ts.Expression, ctx: LayoutContext): string {
  if (!isStringLiteral(node)) throw new Unsupported('module specifier');
  return printStringLiteral(ctx.text.slice(node.getStart(ctx.sourceFile), node.end));
}
