import type { ts } from 'ts-morph';
import { isIdentifier, isStringLiteral, kindName } from './syntax';
import { Unsupported } from './unsupported';
import { requote } from '../../text/string-literal';

/** A string literal as prettier prints it (singleQuote): see `requote`. */
export function printStringLiteral(raw: string): string {
  const quote = raw[0];
  if ((quote !== "'" && quote !== '"') || raw[raw.length - 1] !== quote || raw.length < 2)
    throw new Unsupported(`string literal ${raw.slice(0, 20)}`);
  return requote(raw);
}

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A property name with `quoteProps: 'as-needed'`: a quoted name that is an identifier name (keywords included) and
 * has no escapes loses its quotes; numeric names stay as written under the TypeScript parsers.
 */
export function printPropertyName(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  const text = sourceFile.text;
  if (isIdentifier(name)) return name.text;
  if (isStringLiteral(name)) {
    const raw = text.slice(name.getStart(sourceFile), name.end);
    const content = raw.slice(1, -1);
    if (content === name.text && ASCII_IDENTIFIER.test(content)) return content;
    // Prettier unquotes Unicode identifier names by its own table: not reproduced here.
    if (content === name.text && /[^ -~]/.test(content))
      throw new Unsupported('non-ASCII property name');
    return printStringLiteral(raw);
  }
  throw new Unsupported(`property name ${kindName(name.kind)}`);
}

/** A numeric literal, only in the forms prettier's number normalization leaves as they are. */
export function printNumericLiteral(raw: string): string {
  if (/^(0|[1-9]\d*)(\.\d*[1-9])?$/.test(raw)) return raw;
  throw new Unsupported(`number ${raw}`);
}
