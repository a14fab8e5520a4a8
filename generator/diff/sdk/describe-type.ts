/** Small readings of IR types for messages and comparisons: descriptions, null handling, deprecation notes. */
import { assertNever } from '../../errors';
import type { IrDocs, IrType, IrUnion } from '../../ir/types';

/** Said of removed things: a reviewer expects deprecated ones to go. */
export function wasDeprecated(docs: IrDocs): string {
  return docs.deprecated ? ' (it was deprecated)' : '';
}

export function isPrimitive(t: IrType, name: string): boolean {
  return t.kind === 'primitive' && t.name === name;
}

export function asUnion(t: IrType): IrUnion {
  return t.kind === 'union' ? t : { kind: 'union', members: [t] };
}

export function hasNull(t: IrType): boolean {
  return (
    (t.kind === 'primitive' && t.name === 'null') || (t.kind === 'union' && t.members.some(hasNull))
  );
}

export function withoutNull(t: IrType): IrType {
  if (t.kind !== 'union') return t;
  const members = t.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'));
  return members.length === 1 ? members[0]! : { ...t, members };
}

/** A short, stable description of a type for messages: `string`, `Pet`, `Pet[]`, `object`, `"a" | "b"`. */
export function describeType(t: IrType, name: (id: string) => string): string {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'binary' ? 'Blob' : t.name;
    case 'literal':
      return JSON.stringify(t.value);
    case 'array': {
      const items = describeType(t.items, name);
      return /[ |&]/.test(items) ? `(${items})[]` : `${items}[]`;
    }
    case 'object':
      return t.additional && !t.properties.length
        ? `Record<string, ${describeType(t.additional, name)}>`
        : 'object';
    case 'union':
      return t.members.map((m) => describeType(m, name)).join(' | ');
    case 'intersection': {
      // A discriminated member pinned to its value (`Cat & { petType: 'cat' }`) reads as the member.
      const named = t.members.filter(
        (m) =>
          !(
            m.kind === 'object' &&
            m.properties.length &&
            m.properties.every((p) => p.type.kind === 'literal')
          ),
      );
      return (named.length ? named : t.members).map((m) => describeType(m, name)).join(' & ');
    }
    case 'ref':
      return name(t.target);
    default:
      return assertNever(t);
  }
}
