import type { Doc } from './doc';

/**
 * A Doc's text when prettier's printer prints it flat (every group on one line), or undefined when it holds anything
 * whose flat text depends on more than the Doc itself: a hard line or break-parent, a group that must break, an
 * if-break on a group outside it, a fill, a line suffix. Width is left to the caller: `fitsFlat`.
 */
export function flatText(doc: Doc, groups: Set<symbol> = new Set()): string | undefined {
  if (typeof doc === 'string') return doc;
  if (Array.isArray(doc)) {
    let text = '';
    for (const part of doc) {
      const flat = flatText(part, groups);
      if (flat === undefined) return undefined;
      text += flat;
    }
    return text;
  }
  switch (doc.type) {
    case 'group':
      if (doc.break) return undefined;
      if (doc.id) groups.add(doc.id);
      return flatText(doc.contents, groups);
    case 'indent':
    case 'align':
    case 'label':
      return flatText(doc.contents, groups);
    case 'line':
      return doc.hard ? undefined : doc.soft ? '' : ' ';
    case 'if-break': {
      const id = (doc as { groupId?: symbol }).groupId;
      return id && !groups.has(id) ? undefined : flatText(doc.flatContents, groups);
    }
    case 'indent-if-break': {
      // prettier's type of it names none of its fields.
      const { groupId, contents, negate } = doc as typeof doc & {
        groupId?: symbol;
        contents: Doc;
        negate?: boolean;
      };
      return negate || (groupId && !groups.has(groupId)) ? undefined : flatText(contents, groups);
    }
    case 'line-suffix-boundary':
      return '';
    default:
      return undefined;
  }
}

/**
 * The text of `doc` (a group) when prettier prints it flat in `width` columns, else undefined. Prettier prints a group
 * flat when it fits the rest of the line up to the next line break: the caller passes what is left of the line minus
 * what follows the group on it. Text outside printable ASCII is left to prettier (its width rules for wide characters).
 */
export function fitsFlat(doc: Doc, width: number): string | undefined {
  const text = flatText(doc);
  return text !== undefined && text.length <= width && !/[^\x20-\x7F]/.test(text)
    ? text
    : undefined;
}
