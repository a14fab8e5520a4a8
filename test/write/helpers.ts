import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GeneratedFile } from '../../generator/output/generated-file';

/** A first output: files at the top and in nested folders. */
export const v1: GeneratedFile[] = [
  { path: 'index.ts', contents: "export * from './client';\n" },
  { path: 'client.ts', contents: 'export class Client {}\n' },
  { path: 'models/pet.ts', contents: 'export interface Pet { name: string }\n' },
  { path: 'models/deep/tag.ts', contents: 'export type Tag = string;\n' },
];

/** A fresh folder under os.tmpdir(); `cleanup` removes it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-write-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` (dotfiles included) with its bytes and mtime, keyed by posix path. */
export async function snapshot(
  dir: string,
): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const walk = async (current: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full, `${prefix}${entry.name}/`);
      else
        out.set(`${prefix}${entry.name}`, {
          bytes: await readFile(full),
          mtimeMs: (await stat(full)).mtimeMs,
        });
    }
  };
  await walk(dir, '');
  return out;
}

/** Directories (posix, relative) under `dir`. */
export async function listDirs(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      out.push(`${prefix}${entry.name}`);
      await walk(path.join(current, entry.name), `${prefix}${entry.name}/`);
    }
  };
  await walk(dir, '');
  return out.sort();
}
