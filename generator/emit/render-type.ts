import { assertNever } from '../errors';
import type { IrObject, IrProperty, IrType } from '../ir/types';
import { walkType } from '../ir/walk';
import { pascalCase, singular } from '../text/case';
import { isIdentifier } from '../plan/identifiers';
import { jsDocComment, jsDocText } from '../text/js-doc';
import { jsonString, tsString } from '../text/string-literal';

/** What a file's namespaces reserve, and what their interfaces were named. */
export interface NamespaceNames {
  /** Lower-cased. */
  reserved: ReadonlySet<string>;
  claimed: string[];
}

/** What a type is rendered for: responses drop writeOnly properties, requests drop readOnly ones. */
export interface TypeContext {
  mode: 'request' | 'response';
  /** The identifier of a model in this mode; records it as used so the file imports it. */
  nameOf(modelId: string): string;
  /** A type the runtime exports (`Uploadable`, what a file may be); records it as used so the file imports it. */
  runtimeType(name: 'Uploadable'): string;
  /**
   * Names an inline object instead of writing it out: returns a qualified name such as
   * `ChatCompletion.Choice` (see hoist.ts). Absent: objects are written inline.
   */
  hoist?(object: IrObject, hint: string): string;
  /** The names a file's hoisted interfaces may not take, and those they took (hoist.ts, `withNamespaceNames`). */
  namespaces?: NamespaceNames;
  /**
   * Types for api.md, which prettier never formats, written as api.md has always shown them: string literals in
   * JSON's double quotes, `;` after an inline object's last member, an intersection in a union without parentheses.
   * Otherwise types are written as prettier prints them flat (a file of them can be final as printed).
   */
  forMarkdown?: true;
}

/** TypeScript type text for an IR type. Spec strings only enter as JSON string literals or quoted keys. */
export function renderType(type: IrType, ctx: TypeContext, hint = 'Item'): string {
  switch (type.kind) {
    case 'primitive':
      // A file: a Blob, bytes, a stream, a Response or an fs.ReadStream (templates/uploads.ts).
      return type.name === 'binary' ? ctx.runtimeType('Uploadable') : type.name;
    case 'literal':
      return typeof type.value === 'string' ? literal(type.value, ctx) : String(type.value);
    case 'array': {
      const items = renderType(type.items, ctx, singular(hint));
      return /^[\w.]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
    }
    case 'object':
      // Objects of literals only (a discriminator pinned on a member: `{ petType: 'cat' }`) read best inline.
      return ctx.hoist && type.properties.some((p) => p.type.kind !== 'literal')
        ? ctx.hoist(type, hint)
        : renderObjectLiteral(type.properties, type.additional, ctx);
    case 'union': {
      // An open enum (`anyOf: [string, enum]`): `(string & {})` keeps the literals visible to autocomplete.
      const hasStringLiteral = type.members.some(
        (m) => m.kind === 'literal' && typeof m.value === 'string',
      );
      const hasNumberLiteral = type.members.some(
        (m) => m.kind === 'literal' && typeof m.value === 'number',
      );
      // Members of a discriminated union are named after their discriminant: `Message.Audio`.
      const memberHint = (i: number) => {
        const value = type.discriminator?.mapping.find((e) => e.member === i)?.value;
        return value !== undefined && pascalCase(value) ? pascalCase(value) : hint;
      };
      return type.members
        .map((m, i) => {
          if (m.kind === 'primitive' && m.name === 'string' && hasStringLiteral)
            return '(string & {})';
          if (m.kind === 'primitive' && m.name === 'number' && hasNumberLiteral)
            return '(number & {})';
          const text = renderType(m, ctx, memberHint(i));
          return m.kind === 'intersection' ? `(${text})` : text;
        })
        .join(' | ');
    }
    case 'intersection':
      return type.members
        .map((m) =>
          m.kind === 'union' ? `(${renderType(m, ctx, hint)})` : renderType(m, ctx, hint),
        )
        .join(' & ');
    case 'ref':
      return ctx.nameOf(type.target);
    default:
      return assertNever(type);
  }
}

/** The properties kept in a mode: requests never send readOnly properties, responses never carry writeOnly ones. */
export function visibleProperties(
  properties: IrProperty[],
  mode: TypeContext['mode'],
): IrProperty[] {
  return properties.filter((p) => (mode === 'request' ? !p.readOnly : !p.writeOnly));
}

/** `{ a: string; 'b-c'?: number | null; [key: string]: unknown }` with each member's JSDoc. */
export function renderObjectLiteral(
  properties: IrProperty[],
  additional: IrType | undefined,
  ctx: TypeContext,
): string {
  const members = visibleProperties(properties, ctx.mode).map(
    (p) =>
      `${jsDocComment(propertyDocText(p))}${ctx.mode === 'response' && p.readOnly ? 'readonly ' : ''}${isIdentifier(p.name) ? p.name : literal(p.name, ctx)}${p.required ? '' : '?'}: ${renderType(p.type, ctx, propertyHint(p))};`,
  );
  // A plain map stays on one line. (Not `Record<…>`: a recursive alias cannot refer to itself through it.)
  if (additional && !members.length)
    return `{ [key: string]: ${renderType(additional, ctx, 'Value')} }`;
  if (additional)
    members.push(`[key: string]: ${indexSignatureType(properties, additional, ctx)};`);
  if (!members.length) return '{}';
  // Without comments, one line as prettier prints it flat (no `;` after the last member); with them, one member per
  // line.
  return members.some((m) => m.startsWith('/**'))
    ? `{\n${members.join('\n')}\n}`
    : `{ ${ctx.forMarkdown ? members.join(' ') : members.join(' ').slice(0, -1)} }`;
}

/** Index signatures must admit every declared property's type, so those types are added when they differ. */
export function indexSignatureType(
  properties: IrProperty[],
  additional: IrType,
  ctx: TypeContext,
): string {
  const extra = renderType(additional, ctx);
  if (extra === 'unknown' || !properties.length) return extra;
  // Each type by its text, with whether it is an intersection: in a union, prettier writes one in parentheses.
  const types = new Map([[extra, additional.kind === 'intersection']]);
  for (const p of visibleProperties(properties, ctx.mode)) {
    const text = renderType(p.type, ctx, propertyHint(p));
    if (!types.has(text)) types.set(text, p.type.kind === 'intersection');
    if (!p.required) types.set('undefined', false);
  }
  if (types.size === 1) return extra;
  return [...types]
    .map(([t, intersection]) =>
      (intersection && !ctx.forMarkdown) || t.includes('=>') ? `(${t})` : t,
    )
    .join(' | ');
}

/**
 * A property's JSDoc. The `title` of an object-valued property names the object's type
 * (`ChoiceLogprobs`), which the hoisted interface already says, so it is left out there.
 */
export function propertyDocText(p: IrProperty): string | undefined {
  let object = false;
  walkType(p.type, (t) => (object ||= t.kind === 'object'));
  if (!object) return jsDocText(p.docs);
  const { title: _title, ...docs } = p.docs;
  return jsDocText(docs);
}

/** The name an inline object under a property would get: its schema title, else the property's name. */
export function propertyHint(p: IrProperty): string {
  return pascalCase(p.name) || 'Item';
}

/** A string literal type in the context's quotes. */
function literal(value: string, ctx: TypeContext): string {
  return ctx.forMarkdown ? jsonString(value) : tsString(value);
}

/** A property key: bare when it is an identifier, otherwise a quoted string. */
export function tsPropertyName(name: string): string {
  return isIdentifier(name) ? name : tsString(name);
}
