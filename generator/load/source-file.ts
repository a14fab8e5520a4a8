import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parsePointer } from './pointer';

/** One parsed YAML or JSON file of a spec, with the positions of its nodes. */
export interface SourceFile {
  /** Absolute path (or URL for an allowed remote file). */
  id: string;
  /** Path shown to users: relative to the working directory when possible. */
  displayPath: string;
  text: string;
  /** The plain JS value (YAML aliases resolved). */
  value: unknown;
  /** 1-based line and column of the node a pointer names (or of its deepest existing ancestor). */
  locate(pointer: string): { line: number; column: number };
}

/** Parses YAML (JSON is a subset) keeping positions; syntax problems become diagnostics. */
export function parseSourceFile(id: string, displayPath: string, text: string): { file: SourceFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      code: 'yaml-syntax',
      severity: doc.errors.includes(e) ? 'error' : 'warning',
      message:
        e.code === 'DUPLICATE_KEY'
          ? `duplicate key '${text.slice(e.pos[0], e.pos[1]).trim()}': the keys of a mapping must be unique`
          : (e.message.split('\n')[0] ?? e.message),
      pointer: '#',
      file: displayPath,
      line: pos.line,
      column: pos.col,
    };
  });
  const value = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 });
  const locate = (pointer: string) => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of parsePointer(pointer)) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
        next = pair?.value ?? undefined;
        // A key with no value still has a position: point at the key.
        if (pair && !next && isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset;
      } else if (isSeq(node)) next = node.items[Number(segment)];
      if (!next) break;
      node = next;
      offset = (next as Node).range?.[0] ?? offset;
    }
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { file: { id, displayPath, text, value, locate }, diagnostics };
}
