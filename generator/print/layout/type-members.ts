import { builders } from 'prettier/doc';
import type { Doc } from './doc';
import type { ts } from 'ts-morph';
import {
  isIdentifier,
  isIndexSignatureDeclaration,
  isPropertySignature,
  kindName,
  SyntaxKind,
} from './syntax';
import { printLeadingComments } from './comments';
import { fitsFlat } from './flat';
import { PRETTIER_OPTIONS } from '../prettier-options';
import type { LayoutContext } from './context';
import { printPropertyName } from './literals';
import { blankLineBetween } from './blank-lines';
import { printAnnotationType, printType } from './types';
import { Unsupported } from './unsupported';

const { group, indent, softline, line, hardline } = builders;

/**
 * The members of an interface body (each ends in `;`, one per line) or an object type literal (separated by `;` and
 * a line; the caller adds the last `;` when the group breaks). A blank line between members is kept.
 */
export function printTypeMembers(
  members: ts.NodeArray<ts.TypeElement>,
  ctx: LayoutContext,
  where: 'interface' | 'object',
): Doc {
  const parts: Doc[] = [];
  members.forEach((member, i) => {
    if (where === 'interface') parts.push(hardline);
    else if (i > 0) parts.push(line);
    if (i > 0 && blankLineBetween(members[i - 1]!, member, ctx)) parts.push(hardline);
    const printed = group(printMember(member, ctx));
    // An interface member that fits its line is printed flat by prettier: its text, without the printer's work
    // (half the layout's time went to printDocToString). The `;` after it is on the line too.
    const flat =
      where === 'interface'
        ? fitsFlat(printed, PRETTIER_OPTIONS.printWidth - (ctx.indent + 2) - 1)
        : undefined;
    parts.push(...printLeadingComments(member, ctx), flat ?? printed);
    if (where === 'interface' || i < members.length - 1) parts.push(';');
  });
  return parts;
}

function printMember(member: ts.TypeElement, ctx: LayoutContext): Doc {
  if (isPropertySignature(member)) {
    if (!member.type) throw new Unsupported('property without a type');
    const modifiers = member.modifiers ?? [];
    if (modifiers.some((m) => m.kind !== SyntaxKind.ReadonlyKeyword))
      throw new Unsupported('modifier');
    return [
      modifiers.length ? 'readonly ' : '',
      printPropertyName(member.name, ctx.sourceFile),
      member.questionToken ? '?' : '',
      ':',
      ' ',
      printAnnotationType(member.type, ctx),
    ];
  }
  if (isIndexSignatureDeclaration(member)) {
    const parameter = member.parameters[0];
    if (
      member.modifiers?.length ||
      member.parameters.length !== 1 ||
      !parameter?.type ||
      !isIdentifier(parameter.name)
    )
      throw new Unsupported('index signature');
    return [
      '[',
      group([
        indent([softline, parameter.name.text, ':', ' ', printType(parameter.type, ctx)]),
        softline,
      ]),
      ']',
      ':',
      ' ',
      printAnnotationType(member.type, ctx),
    ];
  }
  throw new Unsupported(`member ${kindName(member.kind)}`);
}
