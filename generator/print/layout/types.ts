import { builders } from 'prettier/doc';
import type { Doc } from './doc';
import type { ts } from 'ts-morph';
import {
  isArrayTypeNode,
  isConditionalTypeNode,
  isFunctionTypeNode,
  isIdentifier,
  isIndexedAccessTypeNode,
  isIntersectionTypeNode,
  isLiteralTypeNode,
  isNumericLiteral,
  isParenthesizedTypeNode,
  isTypeLiteralNode,
  isTypeOperatorNode,
  isTypeQueryNode,
  isTypeReferenceNode,
  isUnionTypeNode,
  kindName,
  SyntaxKind,
} from './syntax';
import type { LayoutContext } from './context';
import { printNumericLiteral, printStringLiteral } from './literals';
import { printTypeMembers } from './type-members';
import { Unsupported } from './unsupported';

const { group, indent, softline, line, ifBreak, join, align } = builders;

const KEYWORDS = new Map<ts.SyntaxKind, string>([
  [SyntaxKind.StringKeyword, 'string'],
  [SyntaxKind.NumberKeyword, 'number'],
  [SyntaxKind.BooleanKeyword, 'boolean'],
  [SyntaxKind.UnknownKeyword, 'unknown'],
  [SyntaxKind.AnyKeyword, 'any'],
  [SyntaxKind.NeverKeyword, 'never'],
  [SyntaxKind.VoidKeyword, 'void'],
  [SyntaxKind.UndefinedKeyword, 'undefined'],
  [SyntaxKind.ObjectKeyword, 'object'],
  [SyntaxKind.BigIntKeyword, 'bigint'],
  [SyntaxKind.SymbolKeyword, 'symbol'],
  [SyntaxKind.ThisType, 'this'],
]);

/** prettier's isObjectType: an object type literal (mapped types are not handled). */
export function isObjectType(node: ts.TypeNode): boolean {
  return isTypeLiteralNode(node);
}

/** prettier's isSimpleType: keywords, literals and type references without type arguments. */
function isSimpleType(node: ts.TypeNode): boolean {
  if (isTypeReferenceNode(node)) return !node.typeArguments;
  return KEYWORDS.has(node.kind) || isLiteralTypeNode(node) || node.kind === SyntaxKind.NullKeyword;
}

function isNullish(node: ts.TypeNode): boolean {
  return (
    node.kind === SyntaxKind.VoidKeyword ||
    (isLiteralTypeNode(node) && node.literal.kind === SyntaxKind.NullKeyword)
  );
}

/** prettier's shouldHugType: a simple or object type, or a union of one object/reference and nulls. */
export function shouldHugType(node: ts.TypeNode): boolean {
  if (isSimpleType(node) || isObjectType(node)) return true;
  if (isUnionTypeNode(node)) {
    const nulls = node.types.filter(isNullish).length;
    const hasObject = node.types.some((t) => isTypeLiteralNode(t) || isTypeReferenceNode(t));
    return node.types.length - 1 === nulls && hasObject;
  }
  return false;
}

/** A union that prettier breaks one member per line with a leading `|`, or undefined when it hugs (or is no union). */
export function unionLines(node: ts.TypeNode, ctx: LayoutContext): Doc | undefined {
  if (!isUnionTypeNode(node) || shouldHugType(node)) return undefined;
  return group([
    ifBreak('| '),
    join(
      [line, '| '],
      node.types.map((t) => align(2, printUnionMember(t, ctx))),
    ),
  ]);
}

/** A member of a union: an intersection in parentheses (written or not), other kinds only where none are needed. */
function printUnionMember(node: ts.TypeNode, ctx: LayoutContext): Doc {
  const inner = isParenthesizedTypeNode(node) ? node.type : node;
  if (isIntersectionTypeNode(inner)) return ['(', printIntersection(inner, ctx), ')'];
  if (
    inner !== node ||
    isFunctionTypeNode(node) ||
    isTypeOperatorNode(node) ||
    isConditionalTypeNode(node)
  )
    throw new Unsupported('union member');
  return printType(node, ctx);
}

/** A type in a position where prettier indents a breaking union after a soft line (annotations, index signatures). */
export function printAnnotationType(node: ts.TypeNode, ctx: LayoutContext): Doc {
  const union = unionLines(node, ctx);
  return union ? group(indent([softline, union])) : printType(node, ctx);
}

/** A type node as prettier's TypeScript printer prints it; unions only where they hug (see `unionLines`). */
export function printType(node: ts.TypeNode, ctx: LayoutContext): Doc {
  const keyword = KEYWORDS.get(node.kind);
  if (keyword) return keyword;
  if (isTypeReferenceNode(node))
    return [printEntityName(node.typeName), printTypeArguments(node.typeArguments, ctx)];
  if (isLiteralTypeNode(node)) return printLiteralType(node, ctx);
  if (isArrayTypeNode(node)) return [printElementType(node.elementType, ctx), '[]'];
  if (isUnionTypeNode(node)) {
    if (!shouldHugType(node)) throw new Unsupported('union in this position');
    return join(
      ' | ',
      node.types.map((t) => printUnionMember(t, ctx)),
    );
  }
  if (isIntersectionTypeNode(node)) return printIntersection(node, ctx);
  if (isTypeLiteralNode(node)) return printTypeLiteral(node, ctx);
  if (isTypeOperatorNode(node)) {
    if (node.operator === SyntaxKind.ReadonlyKeyword && isArrayTypeNode(node.type))
      return ['readonly', ' ', printType(node.type, ctx)];
    if (node.operator === SyntaxKind.KeyOfKeyword && isPlainOperand(node.type))
      return ['keyof', ' ', printType(node.type, ctx)];
    throw new Unsupported('type operator');
  }
  if (isTypeQueryNode(node) && !node.typeArguments)
    return ['typeof ', printEntityName(node.exprName)];
  if (isIndexedAccessTypeNode(node) && isPlainOperand(node.objectType))
    return [printType(node.objectType, ctx), '[', printType(node.indexType, ctx), ']'];
  throw new Unsupported(`type ${kindName(node.kind)}`);
}

/** Operands that need no parentheses after `keyof` or before `[…]`. */
function isPlainOperand(node: ts.TypeNode): boolean {
  return (
    isTypeReferenceNode(node) ||
    isTypeQueryNode(node) ||
    KEYWORDS.has(node.kind) ||
    (isIndexedAccessTypeNode(node) && isPlainOperand(node.objectType))
  );
}

function printElementType(node: ts.TypeNode, ctx: LayoutContext): Doc {
  if (isParenthesizedTypeNode(node)) {
    const union = unionLines(node.type, ctx);
    if (!union) throw new Unsupported('parenthesized element type');
    return ['(', group([indent([softline, union]), softline]), ')'];
  }
  if (
    isTypeReferenceNode(node) ||
    KEYWORDS.has(node.kind) ||
    isTypeLiteralNode(node) ||
    isArrayTypeNode(node)
  )
    return printType(node, ctx);
  throw new Unsupported(`array element ${kindName(node.kind)}`);
}

function printLiteralType(node: ts.LiteralTypeNode, ctx: LayoutContext): Doc {
  const literal = node.literal;
  switch (literal.kind) {
    case SyntaxKind.NullKeyword:
      return 'null';
    case SyntaxKind.TrueKeyword:
      return 'true';
    case SyntaxKind.FalseKeyword:
      return 'false';
    case SyntaxKind.StringLiteral:
      return printStringLiteral(ctx.text.slice(literal.getStart(ctx.sourceFile), literal.end));
    case SyntaxKind.NumericLiteral:
      return printNumericLiteral(ctx.text.slice(literal.getStart(ctx.sourceFile), literal.end));
    case SyntaxKind.PrefixUnaryExpression: {
      const unary = literal as ts.PrefixUnaryExpression;
      if (unary.operator === SyntaxKind.MinusToken && isNumericLiteral(unary.operand))
        return [
          '-',
          printNumericLiteral(
            ctx.text.slice(unary.operand.getStart(ctx.sourceFile), unary.operand.end),
          ),
        ];
      throw new Unsupported('prefix literal type');
    }
    default:
      throw new Unsupported(`literal type ${kindName(literal.kind)}`);
  }
}

/** Type arguments: inline when one argument hugs, else broken one per line (no trailing comma). */
export function printTypeArguments(
  args: ts.NodeArray<ts.TypeNode> | undefined,
  ctx: LayoutContext,
): Doc {
  if (!args) return '';
  if (args.length === 0) return '<>';
  const only = args.length === 1 ? args[0] : undefined;
  if (only && shouldHugType(only)) return ['<', printType(only, ctx), '>'];
  return group([
    '<',
    indent([
      softline,
      join(
        [',', line],
        args.map((a) => unionLines(a, ctx) ?? printType(a, ctx)),
      ),
    ]),
    softline,
    '>',
  ]);
}

function printIntersection(node: ts.IntersectionTypeNode, ctx: LayoutContext): Doc {
  const types = node.types.map((t) => {
    if (isUnionTypeNode(t) || isFunctionTypeNode(t)) throw new Unsupported('intersection member');
    // `(A | B) & X`: a union that breaks one member per line, in parentheses (a hugged union is not handled).
    if (isParenthesizedTypeNode(t)) {
      const union = unionLines(t.type, ctx);
      if (!union) throw new Unsupported('parenthesized intersection member');
      return ['(', group([indent([softline, union]), softline]), ')'];
    }
    return printType(t, ctx);
  });
  const result: Doc[] = [];
  let wasIndented = false;
  node.types.forEach((t, i) => {
    const printed = types[i]!;
    if (i === 0) return void result.push(printed);
    const previous = node.types[i - 1]!;
    if (isObjectType(previous) && isObjectType(t))
      result.push([' & ', wasIndented ? indent(printed) : printed]);
    else if (!isObjectType(previous) && !isObjectType(t))
      result.push(indent([' &', line, printed]));
    else {
      if (i > 1) wasIndented = true;
      result.push(' & ', i > 1 ? indent(printed) : printed);
    }
  });
  return group(result);
}

/** An object type literal: expanded when the source has a line break between `{` and the first member. */
function printTypeLiteral(node: ts.TypeLiteralNode, ctx: LayoutContext): Doc {
  if (node.members.length === 0) {
    if (/\/[/*]/.test(ctx.text.slice(node.getStart(ctx.sourceFile), node.end)))
      throw new Unsupported('comment in {}');
    return group('{}');
  }
  const first = node.members[0]!;
  const shouldBreak = ctx.text
    .slice(node.getStart(ctx.sourceFile) + 1, first.getStart(ctx.sourceFile))
    .includes('\n');
  return group(
    ['{', indent([line, printTypeMembers(node.members, ctx, 'object'), ifBreak(';')]), line, '}'],
    {
      shouldBreak,
    },
  );
}

function printEntityName(name: ts.EntityName): string {
  return isIdentifier(name) ? name.text : `${printEntityName(name.left)}.${name.right.text}`;
}
