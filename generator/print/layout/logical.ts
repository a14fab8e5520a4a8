import { builders } from 'prettier/doc';
import type { ts } from 'ts-morph';
import {
  isArrayLiteralExpression,
  isArrowFunction,
  isBinaryExpression,
  isBlock,
  isCallExpression,
  isIdentifier,
  isPrefixUnaryExpression,
  isPropertyAccessExpression,
  isStringLiteral,
  SyntaxKind,
  tokenToString,
} from './syntax';
import type { LayoutContext } from './context';
import type { Doc } from './doc';
import { printExpression } from './expressions';
import { Unsupported } from './unsupported';

const { group, indent, softline, line, ifBreak } = builders;

const LOGICAL = new Set<ts.SyntaxKind>([
  SyntaxKind.BarBarToken,
  SyntaxKind.AmpersandAmpersandToken,
]);
const EQUALITY = new Set<ts.SyntaxKind>([
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
]);

/** An operand of a comparison the layout prints: a name, `null`, `undefined` or a string. */
function isSimpleOperand(node: ts.Expression): boolean {
  return isIdentifier(node) || isStringLiteral(node) || node.kind === SyntaxKind.NullKeyword;
}

/** `a === b` (or `!==`) inside a logical chain: prettier's group, with an id, around the comparison. */
function printComparison(node: ts.Expression, ctx: LayoutContext): Doc {
  if (
    !isBinaryExpression(node) ||
    !EQUALITY.has(node.operatorToken.kind) ||
    !isSimpleOperand(node.left) ||
    !isSimpleOperand(node.right)
  )
    throw new Unsupported('operand of a logical chain');
  const operator = tokenToString(node.operatorToken.kind)!;
  return group(
    [
      group(printExpression(node.left, ctx)),
      indent([' ', group([operator, line, printExpression(node.right, ctx)])]),
    ],
    { id: Symbol('logicalChain') },
  );
}

/**
 * `a === x || a === y || a === z` (one operator, every operand a comparison of simple operands), as prettier's
 * printBinaryish flattens it: the parts, not grouped (the caller groups them where prettier does).
 */
export function logicalChainParts(node: ts.Expression, ctx: LayoutContext): Doc[] {
  if (!isBinaryExpression(node) || !LOGICAL.has(node.operatorToken.kind))
    throw new Unsupported('logical chain');
  const kind = node.operatorToken.kind;
  const operands: ts.Expression[] = [];
  let left: ts.Expression = node;
  while (isBinaryExpression(left) && left.operatorToken.kind === kind) {
    operands.unshift(left.right);
    left = left.left;
  }
  operands.unshift(left);
  const operator = tokenToString(kind)!;
  const [first, ...rest] = operands.map((o) => printComparison(o, ctx));
  return [group(first!), ...rest.flatMap((d) => [' ', operator, line, d])];
}

/** `(value) => <logical chain>`: an arrow with one untyped parameter and a logical chain for a body. */
function printPredicate(node: ts.Expression, ctx: LayoutContext): Doc {
  if (
    !isArrowFunction(node) ||
    node.modifiers?.length ||
    node.typeParameters ||
    node.type ||
    node.parameters.length !== 1 ||
    isBlock(node.body)
  )
    throw new Unsupported('arrow function');
  const parameter = node.parameters[0]!;
  if (
    !isIdentifier(parameter.name) ||
    parameter.type ||
    parameter.initializer ||
    parameter.questionToken ||
    parameter.dotDotDotToken ||
    parameter.modifiers?.length
  )
    throw new Unsupported('arrow parameter');
  const parameters = group(
    group(['(', indent([softline, parameter.name.text]), ifBreak(','), softline, ')']),
    { id: Symbol('arrow-chain') },
  );
  return group([
    parameters,
    ' =>',
    group(indent([line, group(logicalChainParts(node.body, ctx))])),
  ]);
}

/** `![a, b].some((value) => …)`: the member chain on an array of names, called once with a predicate. */
function printNegatedSome(node: ts.PrefixUnaryExpression, ctx: LayoutContext): Doc {
  const call = node.operand;
  if (
    node.operator !== SyntaxKind.ExclamationToken ||
    !isCallExpression(call) ||
    call.questionDotToken ||
    call.typeArguments ||
    call.arguments.length !== 1 ||
    !isPropertyAccessExpression(call.expression) ||
    call.expression.questionDotToken ||
    !isIdentifier(call.expression.name)
  )
    throw new Unsupported('prefix expression');
  const array = call.expression.expression;
  if (
    !isArrayLiteralExpression(array) ||
    array.elements.length === 0 ||
    !array.elements.every(isIdentifier)
  )
    throw new Unsupported('member chain on an array');
  const elements = array.elements.map((e) => group(printExpression(e, ctx)));
  const printedArray = group(
    ['[', indent([softline, ...joinLines(elements), ifBreak(',')]), softline, ']'],
    { id: Symbol('array') },
  );
  const args = group([
    '(',
    indent([softline, printPredicate(call.arguments[0]!, ctx)]),
    ifBreak(','),
    softline,
    ')',
  ]);
  return ['!', group([printedArray, '.', call.expression.name.text, args])];
}

function joinLines(docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [',', line, d]));
}

/** The test of an `if`: a logical chain of comparisons, or a negated `.some(…)` over an array of names. */
export function printIfTest(node: ts.Expression, ctx: LayoutContext): Doc {
  if (isPrefixUnaryExpression(node)) return printNegatedSome(node, ctx);
  return logicalChainParts(node, ctx);
}
