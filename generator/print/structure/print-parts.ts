import type { JSDocStructure, OptionalKind, Scope, WriterFunction } from 'ts-morph';
import { GeneratorBug } from '../../errors';
import type { TextWriter } from './text-writer';

/** The modifier flags, in the order ts-morph prints them. */
export const MODIFIER_KEYS = [
  'isDefaultExport',
  'isExported',
  'hasDeclareKeyword',
  'scope',
  'isStatic',
  'hasOverrideKeyword',
  'isAbstract',
  'isAsync',
  'isReadonly',
  'hasAccessorKeyword',
] as const;

export interface Modifiers {
  isDefaultExport?: boolean;
  isExported?: boolean;
  hasDeclareKeyword?: boolean;
  scope?: Scope;
  isStatic?: boolean;
  hasOverrideKeyword?: boolean;
  isAbstract?: boolean;
  isAsync?: boolean;
  isReadonly?: boolean;
  hasAccessorKeyword?: boolean;
}

/** `export declare public static override abstract async readonly accessor `, as far as set. */
export function printModifiers(writer: TextWriter, s: Modifiers): void {
  if (s.isDefaultExport) writer.write('export default ');
  else if (s.isExported) writer.write('export ');
  if (s.hasDeclareKeyword) writer.write('declare ');
  if (s.scope != null) writer.write(`${s.scope} `);
  if (s.isStatic) writer.write('static ');
  if (s.hasOverrideKeyword) writer.write('override ');
  if (s.isAbstract) writer.write('abstract ');
  if (s.isAsync) writer.write('async ');
  if (s.isReadonly) writer.write('readonly ');
  if (s.hasAccessorKeyword) writer.write('accessor ');
}

type Docs = (OptionalKind<JSDocStructure> | string | WriterFunction)[] | undefined;

/** Each JSDoc comment on its own lines, as ts-morph writes a string doc: `/** text *\/` or one ` * ` line per line. */
export function printDocs(writer: TextWriter, docs: Docs): void {
  if (!docs) return;
  for (const doc of docs) {
    if (typeof doc !== 'string')
      throw new GeneratorBug('the structure printer prints JSDoc given as text only');
    printDoc(writer, doc);
    writer.newLine();
  }
}

function printDoc(writer: TextWriter, text: string): void {
  const lines = text.split(/\r?\n/);
  writer.write('/**');
  if (lines.length <= 1) {
    writer.write(' ');
    writer.write(lines[0]!);
  } else {
    writer.newLine();
    for (let i = lines[0]!.length === 0 ? 1 : 0; i < lines.length; i++) {
      const line = lines[i]!;
      writer.write(line.length > 0 ? ` * ${line}` : ' *');
      writer.newLine();
    }
  }
  writer.spaceIfLastNot();
  writer.write('*/');
}

/** `: type` (or another separator) unless the text is missing or blank; `fallback` when missing but required. */
export function printTyped(
  writer: TextWriter,
  separator: string,
  type: unknown,
  what: string,
  fallback?: string,
): void {
  const text = textOf(type ?? fallback, what);
  if (text !== undefined && text.trim()) writer.write(`${separator} ${text}`);
}

/** ` = initializer` unless missing or blank. */
export function printInitializer(writer: TextWriter, initializer: unknown, what: string): void {
  const text = textOf(initializer, what);
  if (text === undefined || !text.trim()) return;
  writer.spaceIfLastNot();
  writer.write(`= ${text}`);
}

/** A property that holds code: emit gives text; a WriterFunction there is not printed (GeneratorBug). */
export function textOf(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new GeneratorBug(`the structure printer prints ${what} given as text only`);
  return value;
}

/** Text before a statement (a line comment), which must end its line. */
export function printLeadingTrivia(writer: TextWriter, trivia: unknown): void {
  if (trivia === undefined) return;
  if (typeof trivia !== 'string' || !trivia.endsWith('\n'))
    throw new GeneratorBug(
      'the structure printer prints leadingTrivia given as text ending a line',
    );
  writer.write(trivia);
}

/** A string literal as code-block-writer quotes one (single quotes; `\\`, `'` and line breaks escaped). */
export function quoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '\\') out += '\\';
    else if (c === '\r' && text[i + 1] === '\n') {
      out += '\\r\\n\\';
      i++;
      out += '\n';
      continue;
    } else if (c === '\n') out += '\\n\\';
    out += c;
  }
  return `'${out}'`;
}
