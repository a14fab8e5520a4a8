import { builders, utils } from 'prettier/doc';
import type { ts } from 'ts-morph';
import {
  isBinaryExpression,
  isBlock,
  isCallExpression,
  isConstructorDeclaration,
  isExpressionStatement,
  isIdentifier,
  isIfStatement,
  isMethodDeclaration,
  isNewExpression,
  isNumericLiteral,
  isPropertyDeclaration,
  isReturnStatement,
  isThrowStatement,
  isTypeQueryNode,
  isTypeReferenceNode,
  kindName,
  SyntaxKind,
  tokenToString,
} from './syntax';
import { blankLineBetween } from './blank-lines';
import { printLeadingComments } from './comments';
import type { LayoutContext } from './context';
import { printExportModifier } from './declarations';
import type { Doc } from './doc';
import { printConstructor } from './constructors';
import { printExpression } from './expressions';
import { printIfTest } from './logical';
import { printPropertyName } from './literals';
import { isObjectType, printAnnotationType, printType, printTypeArguments } from './types';
import { Unsupported } from './unsupported';

const { group, indent, softline, line, ifBreak, hardline, indentIfBreak, join } = builders;

/** `class Name extends Base { … }`: members one per line, one blank line kept where the source has any. */
export function printClass(node: ts.ClassDeclaration, ctx: LayoutContext): Doc {
  if (!node.name || node.typeParameters) throw new Unsupported('class header');
  const heritage = node.heritageClauses ?? [];
  let base: Doc[] = [];
  if (heritage.length > 0) {
    const clause = heritage[0]!;
    const type = clause.types[0];
    if (
      heritage.length > 1 ||
      clause.token !== SyntaxKind.ExtendsKeyword ||
      clause.types.length !== 1 ||
      !type
    )
      throw new Unsupported('class heritage');
    if (!isIdentifier(type.expression)) throw new Unsupported('class base');
    base = ['extends ', type.expression.text, printTypeArguments(type.typeArguments, ctx), ' '];
  }
  const header = [
    ...printExportModifier(node),
    'class',
    ' ',
    node.name.text,
    indent(''),
    ' ',
    ...base,
  ];
  if (node.members.length === 0) {
    if (/\/[/*]/.test(ctx.text.slice(node.getStart(ctx.sourceFile), node.end)))
      throw new Unsupported('comment in {}');
    return [...header, '{}'];
  }
  const members: Doc[] = [];
  node.members.forEach((member, i) => {
    members.push(hardline);
    if (i > 0 && blankLineBetween(node.members[i - 1]!, member, ctx)) members.push(hardline);
    members.push(...printLeadingComments(member, ctx), printClassMember(member, ctx));
  });
  return [...header, '{', indent(members), hardline, '}'];
}

const MODIFIER_ORDER: ts.SyntaxKind[] = [
  SyntaxKind.PublicKeyword,
  SyntaxKind.ProtectedKeyword,
  SyntaxKind.PrivateKeyword,
  SyntaxKind.StaticKeyword,
  SyntaxKind.OverrideKeyword,
  SyntaxKind.ReadonlyKeyword,
];

/** Accessibility, `static`, `override` and `readonly`, in the order prettier prints them (others are Unsupported). */
function printModifiers(modifiers: ts.NodeArray<ts.ModifierLike> | undefined): Doc[] {
  const kinds = (modifiers ?? []).map((m) => m.kind);
  const order = kinds.map((k) => MODIFIER_ORDER.indexOf(k));
  if (order.some((o, i) => o < 0 || (i > 0 && o <= order[i - 1]!)))
    throw new Unsupported('class member modifiers');
  return kinds.map((k) => `${tokenToString(k)!} `);
}

function printClassMember(member: ts.ClassElement, ctx: LayoutContext): Doc {
  if (isPropertyDeclaration(member)) return printProperty(member, ctx);
  if (isMethodDeclaration(member)) return printMethod(member, ctx);
  if (isConstructorDeclaration(member))
    return printConstructor(member, ctx, (body) => printBlock(body, ctx));
  throw new Unsupported(`class member ${kindName(member.kind)}`);
}

/**
 * `readonly name: Type = new X(…);` and `static readonly NAME[: Type] = value;`: `new`, a name and `this` in the
 * fluid assignment layout, a number never broken after the `=`. Other initializers are not reproduced.
 */
function printProperty(node: ts.PropertyDeclaration, ctx: LayoutContext): Doc {
  if (node.exclamationToken) throw new Unsupported('property declaration');
  const left = [
    ...printModifiers(node.modifiers),
    printPropertyName(node.name, ctx.sourceFile),
    node.questionToken ? '?' : '',
    ...(node.type ? [':', ' ', printAnnotationType(node.type, ctx)] : []),
  ];
  const value = node.initializer;
  if (!value) {
    if (!node.type) throw new Unsupported('property without a type');
    return [...left, ';'];
  }
  if (isNumericLiteral(value))
    return [group([group(left), ' =', ' ', printExpression(value, ctx)]), ';'];
  const named = isIdentifier(value) || value.kind === SyntaxKind.ThisKeyword;
  // A type annotation with type arguments may make prettier choose another assignment layout: not reproduced.
  if (named && node.type && !isPlainAnnotation(node.type))
    throw new Unsupported('property annotation');
  if (!named && !(isNewExpression(value) && node.type))
    throw new Unsupported('property initializer');
  const id = Symbol('assignment');
  return [
    group([
      group(left),
      ' =',
      group(indent(line), { id }),
      indentIfBreak(printExpression(value, ctx), { groupId: id }),
    ]),
    ';',
  ];
}

/** `typeof X`, `X` or a keyword: an annotation that cannot break. */
function isPlainAnnotation(node: ts.TypeNode): boolean {
  return (
    (isTypeQueryNode(node) && !node.typeArguments && isIdentifier(node.exprName)) ||
    (isTypeReferenceNode(node) && !node.typeArguments) ||
    node.kind === SyntaxKind.NumberKeyword ||
    node.kind === SyntaxKind.StringKeyword
  );
}

/** A method (or an overload signature): parameters broken one per line when the signature does not fit. */
function printMethod(node: ts.MethodDeclaration, ctx: LayoutContext): Doc {
  if (node.typeParameters || node.asteriskToken || node.questionToken || !node.type)
    throw new Unsupported('method signature');
  const name = printPropertyName(node.name, ctx.sourceFile);
  const returnType = printAnnotationType(node.type, ctx);
  const params = node.parameters.map((p) => printParameter(p, ctx));
  // prettier hugs a lone object-typed parameter, and groups a lone parameter apart when the return type breaks.
  const only = node.parameters.length === 1 ? node.parameters[0] : undefined;
  if (
    only &&
    ((only.type && isObjectType(only.type)) ||
      isObjectType(node.type) ||
      utils.willBreak(returnType))
  )
    throw new Unsupported('lone parameter layout');
  const parameters =
    params.length === 0
      ? ['(', ')']
      : ['(', indent([softline, join([',', line], params)]), ifBreak(','), softline, ')'];
  const signature = [
    ...printModifiers(node.modifiers),
    name,
    group([...parameters, ':', ' ', returnType]),
  ];
  if (!node.body) return [...signature, ';'];
  return [...signature, ' ', printBlock(node.body, ctx)];
}

function printParameter(node: ts.ParameterDeclaration, ctx: LayoutContext): Doc {
  if (
    node.modifiers?.length ||
    node.dotDotDotToken ||
    node.initializer ||
    !node.type ||
    !isIdentifier(node.name)
  )
    throw new Unsupported('parameter');
  return [node.name.text, node.questionToken ? '?' : '', ':', ' ', printType(node.type, ctx)];
}

/** A method or constructor body: `return`, `throw`, `if` (with a block, no `else`) and call statements. */
function printBlock(block: ts.Block, ctx: LayoutContext): Doc {
  if (block.statements.length === 0) throw new Unsupported('empty block');
  const statements: Doc[] = [];
  block.statements.forEach((statement, i) => {
    statements.push(hardline);
    if (i > 0 && blankLineBetween(block.statements[i - 1]!, statement, ctx))
      statements.push(hardline);
    statements.push(...printLeadingComments(statement, ctx), printBodyStatement(statement, ctx));
  });
  return ['{', indent(statements), hardline, '}'];
}

function printBodyStatement(statement: ts.Statement, ctx: LayoutContext): Doc {
  if (isReturnStatement(statement)) {
    if (!statement.expression) return 'return;';
    if (isBinaryExpression(statement.expression))
      throw new Unsupported('return of a binary expression');
    return ['return', ' ', printExpression(statement.expression, ctx), ';'];
  }
  if (isThrowStatement(statement)) {
    // prettier's return/throw argument rule treats binary and sequence expressions apart: only `new` is handled.
    if (!isNewExpression(statement.expression)) throw new Unsupported('throw argument');
    return ['throw', ' ', printExpression(statement.expression, ctx), ';'];
  }
  if (isIfStatement(statement)) {
    if (statement.elseStatement || !isBlock(statement.thenStatement))
      throw new Unsupported('if statement');
    return group([
      'if (',
      group([indent([softline, printIfTest(statement.expression, ctx)]), softline]),
      ')',
      ' ',
      printBlock(statement.thenStatement, ctx),
    ]);
  }
  if (isExpressionStatement(statement) && isCallExpression(statement.expression))
    return [printExpression(statement.expression, ctx), ';'];
  throw new Unsupported(`statement ${kindName(statement.kind)}`);
}
