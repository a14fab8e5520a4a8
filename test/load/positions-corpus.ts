/** What the positions tests walk: the repository's spec files, and every node's pointer in a text. */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { childPointer } from '../../generator/load/pointer';

export const ROOT = path.resolve(__dirname, '../..');

/** Files under `dir` (relative to the repository) whose names match `pattern`, skipping node_modules and dot-folders. */
export function filesOf(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return filesOf(rel, pattern);
    return pattern.test(name) ? [rel] : [];
  });
}

/** Every node's pointer, and for each mapping and sequence one child that is not there. */
export function pointersOf(text: string): string[] {
  const pointers: string[] = [];
  const walk = (node: unknown, pointer: string): void => {
    pointers.push(pointer);
    if (isMap(node)) {
      pointers.push(childPointer(pointer, 'no such key'));
      for (const pair of node.items)
        if (isScalar(pair.key)) walk(pair.value, childPointer(pointer, String(pair.key.value)));
    } else if (isSeq(node)) {
      pointers.push(childPointer(pointer, node.items.length));
      node.items.forEach((item, i) => walk(item, childPointer(pointer, i)));
    }
  };
  walk(parseDocument(text).contents, '#');
  return pointers;
}
