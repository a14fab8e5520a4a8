import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A file tree in memory: posix relative path → contents. */
export type FileTree = Map<string, string>;

/** Reads every file under `dir` (skipping `skip` prefixes) into a tree; an absent folder is empty. */
export function readTree(dir: string, skip: string[] = []): FileTree {
  const tree: FileTree = new Map();
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    for (const name of readdirSync(abs).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (skip.some((s) => childRel === s || childRel.startsWith(`${s}/`))) continue;
      if (statSync(path.join(abs, name)).isDirectory()) walk(childRel);
      else tree.set(childRel, readFileSync(path.join(abs, name), 'utf8'));
    }
  };
  try {
    walk('');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return tree;
}

/** Replaces `dir` with exactly the given tree. Used only by the golden update command. */
export function writeTree(dir: string, tree: FileTree): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, contents] of tree) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), contents);
  }
}

/** Lists what differs between two trees: missing, extra and changed files, each changed one with a diff. */
export function diffTrees(expected: FileTree, actual: FileTree): string[] {
  const problems: string[] = [];
  for (const rel of expected.keys()) if (!actual.has(rel)) problems.push(`missing: ${rel}`);
  for (const rel of actual.keys()) if (!expected.has(rel)) problems.push(`extra: ${rel}`);
  for (const [rel, want] of expected) {
    const got = actual.get(rel);
    if (got !== undefined && got !== want) problems.push(`changed: ${rel}\n${lineDiff(want, got)}`);
  }
  return problems;
}

/** A compact line diff (expected `-`, actual `+`) with two lines of context. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const ctx = (lines: string[], from: number, to: number) =>
    lines.slice(Math.max(0, from), to).map((l) => `  ${l}`);
  return [
    `@@ line ${start + 1} @@`,
    ...ctx(a, start - 2, start),
    ...a.slice(start, endA + 1).map((l) => `- ${l}`),
    ...b.slice(start, endB + 1).map((l) => `+ ${l}`),
    ...ctx(a, endA + 1, endA + 3),
  ].join('\n');
}

/** True when goldens should be rewritten instead of compared (`npm run test:update-goldens`). */
export const UPDATE_GOLDENS = process.env.UPDATE_GOLDENS === '1';
