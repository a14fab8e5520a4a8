import { builders } from 'prettier/doc';
import type { ts } from 'ts-morph';
import {
  isArrowFunction,
  isAwaitExpression,
  isBlock,
  isCallExpression,
  isExpressionStatement,
  isIdentifier,
  isStringLiteral,
  kindName,
  SyntaxKind,
} from './syntax';
import { blankLineBetween } from './blank-lines';
import { printLeadingComments } from './comments';
import type { LayoutContext } from './context';
import type { Doc } from './doc';
import { printExpression } from './expressions';
import { printStringLiteral } from './literals';
import { Unsupported } from './unsupported';

const { group, indent, hardline } = builders;

/**
 * `test('name', async () => { await …; });` of the generated tests: prettier keeps a test call's arguments on the
 * line of `test(` whatever their width (its test-call rule), the callback's body one statement per line.
 */
export function printTestCall(statement: ts.ExpressionStatement, ctx: LayoutContext): Doc {
  const call = statement.expression;
  if (!isCallExpression(call) || !isIdentifier(call.expression) || call.expression.text !== 'test')
    throw new Unsupported('expression statement');
  const [name, callback] = call.arguments;
  if (
    call.arguments.length !== 2 ||
    call.typeArguments ||
    !name ||
    !callback ||
    !isStringLiteral(name)
  )
    throw new Unsupported('test call arguments');
  if (
    !isArrowFunction(callback) ||
    callback.parameters.length > 0 ||
    callback.typeParameters ||
    callback.type ||
    !isBlock(callback.body) ||
    callback.modifiers?.length !== 1 ||
    callback.modifiers[0]!.kind !== SyntaxKind.AsyncKeyword
  )
    throw new Unsupported('test callback');
  const body = callback.body;
  if (body.statements.length === 0) throw new Unsupported('empty test');
  const statements: Doc[] = [];
  body.statements.forEach((s, i) => {
    statements.push(hardline);
    if (i > 0 && blankLineBetween(body.statements[i - 1]!, s, ctx)) statements.push(hardline);
    statements.push(...printLeadingComments(s, ctx), printAwaitStatement(s, ctx));
  });
  const arrow = group([
    group(['async ', group(['(', ')'])]),
    ' =>',
    group([' ', '{', indent(statements), hardline, '}']),
  ]);
  return [
    'test',
    '(',
    printStringLiteral(ctx.text.slice(name.getStart(ctx.sourceFile), name.end)),
    ', ',
    arrow,
    ')',
    ';',
  ];
}

/** `await f(…);` */
function printAwaitStatement(statement: ts.Statement, ctx: LayoutContext): Doc {
  if (!isExpressionStatement(statement) || !isAwaitExpression(statement.expression))
    throw new Unsupported(`test statement ${kindName(statement.kind)}`);
  const argument = statement.expression.expression;
  if (!isCallExpression(argument)) throw new Unsupported('await of a non-call');
  return ['await', ' ', printExpression(argument, ctx), ';'];
}
