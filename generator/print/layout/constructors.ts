import { builders } from 'prettier/doc';
import type { ts } from 'ts-morph';
import {
  isCallExpression,
  isIdentifier,
  isObjectBindingPattern,
  isObjectLiteralExpression,
  isStringLiteral,
  isTypeReferenceNode,
} from './syntax';
import type { LayoutContext } from './context';
import type { Doc } from './doc';
import { printExpression } from './expressions';
import { printType } from './types';
import { Unsupported } from './unsupported';

const { group, indent, line } = builders;

/**
 * `constructor({ a = f('…'), b, ...rest }: Options = {}) { … }`: prettier hugs a lone object pattern defaulting to
 * `{}` (the pattern breaks one binding per line, the type annotation stays after `}`). Other parameter lists are not
 * reproduced.
 */
export function printConstructor(
  node: ts.ConstructorDeclaration,
  ctx: LayoutContext,
  printBody: (block: ts.Block) => Doc,
): Doc {
  if (node.modifiers?.length || node.typeParameters || node.type || !node.body)
    throw new Unsupported('constructor signature');
  const parameters =
    node.parameters.length === 0 ? group(['(', ')']) : printHuggedPattern(node, ctx);
  return ['constructor', parameters, ' ', printBody(node.body)];
}

function printHuggedPattern(node: ts.ConstructorDeclaration, ctx: LayoutContext): Doc {
  const only = node.parameters.length === 1 ? node.parameters[0] : undefined;
  if (
    !only ||
    only.modifiers?.length ||
    only.dotDotDotToken ||
    only.questionToken ||
    !only.type ||
    !isTypeReferenceNode(only.type) ||
    !isObjectBindingPattern(only.name) ||
    !only.initializer ||
    !isObjectLiteralExpression(only.initializer) ||
    only.initializer.properties.length !== 0
  )
    throw new Unsupported('constructor parameters');
  const elements = only.name.elements;
  const last = elements[elements.length - 1];
  // Without a rest element last, prettier adds a trailing comma when the pattern breaks: not reproduced.
  if (!last?.dotDotDotToken) throw new Unsupported('object pattern without a rest element');
  if (/\/[/*]/.test(ctx.text.slice(only.getStart(ctx.sourceFile), only.end)))
    throw new Unsupported('comment in a parameter');
  const bindings = elements.map((e) => printBinding(e, ctx));
  const pattern = group([
    '{',
    indent([line, ...bindings.flatMap((b, i) => (i === 0 ? [b] : [',', line, b]))]),
    line,
    '}',
    ':',
    ' ',
    printType(only.type, ctx),
  ]);
  return group(['(', pattern, ' = ', group(group(['{', '}'])), ')']);
}

/** `name`, `...name` or `name = f('…')` (a call of a name with string arguments). */
function printBinding(node: ts.BindingElement, ctx: LayoutContext): Doc {
  if (node.propertyName || !isIdentifier(node.name)) throw new Unsupported('binding element');
  const name = node.name.text;
  if (node.dotDotDotToken) {
    if (node.initializer) throw new Unsupported('rest element');
    return ['...', name];
  }
  if (!node.initializer) return name;
  const value = node.initializer;
  if (
    !isCallExpression(value) ||
    !isIdentifier(value.expression) ||
    value.typeArguments ||
    !value.arguments.every(isStringLiteral)
  )
    throw new Unsupported('binding default');
  return [name, ' = ', printExpression(value, ctx)];
}
