import { builders, utils } from 'prettier/doc';
import type { ts } from 'ts-morph';
import {
  isArrayLiteralExpression,
  isAsExpression,
  isBinaryExpression,
  isCallExpression,
  isIdentifier,
  isNewExpression,
  isNumericLiteral,
  isObjectLiteralExpression,
  isOmittedExpression,
  isPrefixUnaryExpression,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isShorthandPropertyAssignment,
  isSpreadAssignment,
  isSpreadElement,
  isStringLiteral,
  kindName,
  SyntaxKind,
} from './syntax';
import { blankLineBetween } from './blank-lines';
import type { LayoutContext } from './context';
import type { Doc } from './doc';
import { printNumericLiteral, printPropertyName, printStringLiteral } from './literals';
import { printAnnotationType, printTypeArguments } from './types';
import { Unsupported } from './unsupported';

const { group, indent, softline, line, ifBreak, conditionalGroup, indentIfBreak, join } = builders;

const KEYWORD_EXPRESSIONS = new Map<ts.SyntaxKind, string>([
  [SyntaxKind.ThisKeyword, 'this'],
  [SyntaxKind.TrueKeyword, 'true'],
  [SyntaxKind.FalseKeyword, 'false'],
  [SyntaxKind.NullKeyword, 'null'],
]);

/** An expression as prettier prints it, for the kinds generated resource classes hold. */
export function printExpression(node: ts.Expression, ctx: LayoutContext): Doc {
  const keyword = KEYWORD_EXPRESSIONS.get(node.kind);
  if (keyword) return keyword;
  if (isIdentifier(node)) return node.text;
  if (isStringLiteral(node)) return printStringLiteral(sourceOf(node, ctx));
  if (isNumericLiteral(node)) return printNumericLiteral(sourceOf(node, ctx));
  if (isPropertyAccessExpression(node)) return printMemberAccess(node);
  if (isCallExpression(node)) return printCall(node, ctx);
  if (isNewExpression(node)) {
    if (!isIdentifier(node.expression)) throw new Unsupported('new of an expression');
    return [
      'new ',
      node.expression.text,
      printTypeArguments(node.typeArguments, ctx),
      printArguments(node.arguments ?? [], ctx),
    ];
  }
  if (isObjectLiteralExpression(node)) return printObject(node, ctx);
  if (isArrayLiteralExpression(node)) return printArray(node, ctx);
  if (isAsExpression(node)) {
    if (!isCallExpression(node.expression) && !isIdentifier(node.expression))
      throw new Unsupported('as of this expression');
    return [
      printExpression(node.expression, ctx),
      ' ',
      'as',
      ' ',
      printAnnotationType(node.type, ctx),
    ];
  }
  throw new Unsupported(`expression ${kindName(node.kind)}`);
}

/** Whether the source has a blank line between two of the nodes (prettier keeps it: not reproduced here). */
function hasBlankLine(nodes: readonly ts.Node[], ctx: LayoutContext): boolean {
  return nodes.some((n, i) => i > 0 && blankLineBetween(nodes[i - 1]!, n, ctx));
}

function sourceOf(node: ts.Node, ctx: LayoutContext): string {
  return ctx.text.slice(node.getStart(ctx.sourceFile), node.end);
}

/**
 * `a.b` or `this.b` outside a call: inline after a name, else the lookup may break onto its own line. Longer chains
 * outside calls do not occur in generated code and are not reproduced.
 */
function printMemberAccess(node: ts.PropertyAccessExpression): Doc {
  const object = node.expression;
  if (node.questionDotToken || !isIdentifier(node.name)) throw new Unsupported('member access');
  const lookup = ['.', node.name.text];
  if (isIdentifier(object)) return [object.text, lookup];
  if (object.kind === SyntaxKind.ThisKeyword) return ['this', group(indent([softline, lookup]))];
  throw new Unsupported('member access object');
}

/**
 * A call: `f(…)`, or a member chain with its only call at the end (`this._client.get<T>(…)`), which prettier's
 * member-chain printer keeps on one line as a group (two groups, below its cutoff).
 */
function printCall(node: ts.CallExpression, ctx: LayoutContext): Doc {
  if (node.questionDotToken) throw new Unsupported('optional call');
  const callee = node.expression;
  const typeArguments = printTypeArguments(node.typeArguments, ctx);
  const args = printArguments(node.arguments, ctx);
  if (isIdentifier(callee)) return [callee.text, typeArguments, args];
  if (callee.kind === SyntaxKind.SuperKeyword) return ['super', typeArguments, args];
  if (!isPropertyAccessExpression(callee)) throw new Unsupported('callee');
  // `super.method(…)` only: longer chains from `super` do not occur in generated code.
  if (isPropertyAccessExpression(callee.expression) && flatChain(callee.expression)[0] === 'super')
    throw new Unsupported('member chain from super');
  return group([...flatChain(callee), typeArguments, args]);
}

/** The names of `a.b.c` (or `this.b.c`) one after the other, as the member chain prints them on one line. */
function flatChain(node: ts.Expression): Doc[] {
  if (isIdentifier(node)) return [node.text];
  if (node.kind === SyntaxKind.ThisKeyword) return ['this'];
  if (node.kind === SyntaxKind.SuperKeyword) return ['super'];
  if (isPropertyAccessExpression(node) && !node.questionDotToken && isIdentifier(node.name))
    return [...flatChain(node.expression), '.', node.name.text];
  throw new Unsupported('member chain');
}

/** Whether prettier may hug the last argument (an object or array literal that is not empty). */
function couldGroupLast(args: readonly ts.Expression[]): boolean {
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  if (!last) return false;
  const kind = last.kind;
  const groupable =
    (isObjectLiteralExpression(last) && last.properties.length > 0) ||
    (isArrayLiteralExpression(last) && last.elements.length > 0);
  return groupable && (!penultimate || penultimate.kind !== kind);
}

/** Call arguments: flat, or the last object/array hugged, or one per line (prettier's printCallArguments). */
export function printArguments(args: readonly ts.Expression[], ctx: LayoutContext): Doc {
  if (args.length === 0) return ['(', ')'];
  if (hasBlankLine(args, ctx)) throw new Unsupported('blank line between arguments');
  const printed = args.map((a) => printExpression(a, ctx));
  if (printed.some((d) => utils.willBreak(d))) throw new Unsupported('argument that breaks');
  const parts = printed.map((d, i) => (i < printed.length - 1 ? [d, ',', line] : d));
  if (couldGroupLast(args)) {
    const head = parts.slice(0, -1);
    const last = printed[printed.length - 1]!;
    return conditionalGroup([
      ['(', ...head, last, ')'],
      ['(', ...head, group(last, { shouldBreak: true }), ')'],
      group(['(', indent([line, ...parts]), ifBreak(','), line, ')'], { shouldBreak: true }),
    ]);
  }
  return group(['(', indent([softline, ...parts]), ifBreak(','), softline, ')']);
}

/** An object literal: expanded when the source breaks the line after `{`. */
function printObject(node: ts.ObjectLiteralExpression, ctx: LayoutContext): Doc {
  if (node.properties.length === 0) return group(['{', '}']);
  const first = node.properties[0]!;
  const shouldBreak = ctx.text
    .slice(node.getStart(ctx.sourceFile) + 1, first.getStart(ctx.sourceFile))
    .includes('\n');
  if (hasBlankLine(node.properties, ctx)) throw new Unsupported('blank line between properties');
  const properties = node.properties.map((p) => printObjectMember(p, ctx));
  return group(['{', indent([line, join([',', line], properties)]), ifBreak(','), line, '}'], {
    shouldBreak,
  });
}

function printObjectMember(node: ts.ObjectLiteralElementLike, ctx: LayoutContext): Doc {
  if (isShorthandPropertyAssignment(node) && !node.objectAssignmentInitializer)
    return node.name.text;
  if (isSpreadAssignment(node)) return ['...', printExpression(node.expression, ctx)];
  if (!isPropertyAssignment(node)) throw new Unsupported('object member');
  const key = printPropertyName(node.name, ctx.sourceFile);
  if (/[^ -~]/.test(key)) throw new Unsupported('non-ASCII key');
  return printPropertyAssignment(key, node.initializer, ctx);
}

/**
 * `key: value` in prettier's assignment layouts: a short key (under 5 columns) never breaks after `:` (unless the
 * value is a logical expression), nor do booleans and numbers; strings and logical expressions go below the key when
 * they do not fit; objects, arrays, names and calls with several arguments are "fluid".
 */
function printPropertyAssignment(key: string, value: ts.Expression, ctx: LayoutContext): Doc {
  const left = group(key);
  const shortKey = key.length < 5;
  if (isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (
      operator !== SyntaxKind.QuestionQuestionToken ||
      isBinaryExpression(value.left) ||
      isBinaryExpression(value.right)
    )
      throw new Unsupported('binary expression');
    if (isObjectLiteralExpression(value.right) || isArrayLiteralExpression(value.right))
      throw new Unsupported('inlined logical expression');
    const right = group(['??', line, printExpression(value.right, ctx)]);
    return group([
      left,
      ':',
      group(indent([line, group([group(printExpression(value.left, ctx)), ' ', right])])),
    ]);
  }
  const printed = printExpression(value, ctx);
  if (isStringLiteral(value))
    return shortKey
      ? group([left, ':', ' ', printed])
      : group([left, ':', group(indent([line, printed]))]);
  if (
    shortKey ||
    value.kind === SyntaxKind.TrueKeyword ||
    value.kind === SyntaxKind.FalseKeyword ||
    isNumericLiteral(value)
  )
    return group([left, ':', ' ', printed]);
  const fluid =
    isIdentifier(value) ||
    isObjectLiteralExpression(value) ||
    isArrayLiteralExpression(value) ||
    ((isCallExpression(value) || isNewExpression(value)) && (value.arguments?.length ?? 0) >= 2);
  if (!fluid) throw new Unsupported('property value');
  const id = Symbol('assignment');
  return group([left, ':', group(indent(line), { id }), indentIfBreak(printed, { groupId: id })]);
}

/**
 * An array literal, one group per element; prettier breaks an array of several objects (or arrays) that each have
 * more than one entry. Numbers (printed with `fill`) and holes are not handled.
 */
function printArray(node: ts.ArrayLiteralExpression, ctx: LayoutContext): Doc {
  if (node.elements.length === 0) return group(['[', ']']);
  if (hasBlankLine(node.elements, ctx)) throw new Unsupported('blank line between elements');
  const elements = node.elements.map((e) => {
    if (
      isNumericLiteral(e) ||
      isOmittedExpression(e) ||
      isSpreadElement(e) ||
      isPrefixUnaryExpression(e)
    )
      throw new Unsupported('array element');
    return group(printExpression(e, ctx));
  });
  const entries = (e: ts.Expression): number | undefined =>
    isObjectLiteralExpression(e)
      ? e.properties.length
      : isArrayLiteralExpression(e)
        ? e.elements.length
        : undefined;
  const first = node.elements[0]!;
  const shouldBreak =
    node.elements.length > 1 &&
    node.elements.every((e) => e.kind === first.kind && (entries(e) ?? 0) > 1);
  return group(
    ['[', indent([softline, join([',', line], elements)]), ifBreak(','), softline, ']'],
    { shouldBreak },
  );
}
