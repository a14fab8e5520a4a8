import { builders, utils } from 'prettier/doc';
import { ts } from 'ts-morph';
import { blankLineBetween } from './blank-lines';
import { printLeadingComments } from './comments';
import type { LayoutContext } from './context';
import { printExportModifier } from './declarations';
import type { Doc } from './doc';
import { printExpression } from './expressions';
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
      clause.token !== ts.SyntaxKind.ExtendsKeyword ||
      clause.types.length !== 1 ||
      !type
    )
      throw new Unsupported('class heritage');
    if (!ts.isIdentifier(type.expression)) throw new Unsupported('class base');
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

const MODIFIER_ORDER = [
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.StaticKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
];

/** Accessibility, `static` and `readonly`, in the order prettier prints them (others are Unsupported). */
function printModifiers(modifiers: ts.NodeArray<ts.ModifierLike> | undefined): Doc[] {
  const kinds = (modifiers ?? []).map((m) => m.kind);
  const order = kinds.map((k) => MODIFIER_ORDER.indexOf(k));
  if (order.some((o, i) => o < 0 || (i > 0 && o <= order[i - 1]!)))
    throw new Unsupported('class member modifiers');
  return kinds.map((k) => `${ts.tokenToString(k)!} `);
}

function printClassMember(member: ts.ClassElement, ctx: LayoutContext): Doc {
  if (ts.isPropertyDeclaration(member)) return printProperty(member, ctx);
  if (ts.isMethodDeclaration(member)) return printMethod(member, ctx);
  throw new Unsupported(`class member ${ts.SyntaxKind[member.kind]}`);
}

/** `readonly name: Type = new X(…);`: the initializer in the fluid assignment layout (only `new` is handled). */
function printProperty(node: ts.PropertyDeclaration, ctx: LayoutContext): Doc {
  if (node.exclamationToken || !node.type) throw new Unsupported('property declaration');
  const left = [
    ...printModifiers(node.modifiers),
    printPropertyName(node.name, ctx.sourceFile),
    node.questionToken ? '?' : '',
    ':',
    ' ',
    printAnnotationType(node.type, ctx),
  ];
  if (!node.initializer) return [...left, ';'];
  if (!ts.isNewExpression(node.initializer)) throw new Unsupported('property initializer');
  const id = Symbol('assignment');
  return [
    group([
      group(left),
      ' =',
      group(indent(line), { id }),
      indentIfBreak(printExpression(node.initializer, ctx), { groupId: id }),
    ]),
    ';',
  ];
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
    !ts.isIdentifier(node.name)
  )
    throw new Unsupported('parameter');
  return [node.name.text, node.questionToken ? '?' : '', ':', ' ', printType(node.type, ctx)];
}

/** A method body of `return` statements. */
function printBlock(block: ts.Block, ctx: LayoutContext): Doc {
  if (block.statements.length === 0) throw new Unsupported('empty block');
  const statements: Doc[] = [];
  block.statements.forEach((statement, i) => {
    statements.push(hardline);
    if (i > 0 && blankLineBetween(block.statements[i - 1]!, statement, ctx))
      statements.push(hardline);
    statements.push(...printLeadingComments(statement, ctx));
    if (!ts.isReturnStatement(statement))
      throw new Unsupported(`statement ${ts.SyntaxKind[statement.kind]}`);
    if (!statement.expression) return void statements.push('return;');
    if (ts.isBinaryExpression(statement.expression))
      throw new Unsupported('return of a binary expression');
    statements.push('return', ' ', printExpression(statement.expression, ctx), ';');
  });
  return ['{', indent(statements), hardline, '}'];
}
