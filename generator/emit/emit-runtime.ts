import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type * as TsMorph from 'ts-morph';
import type { EmittedFile } from './emitted-file';
import type { ImportStyle } from '../plan/types';
import { EXTENSIONS } from './module-specifier';
import { runtimeFor } from './runtime-modules';

/** Where the runtime sources live: `templates/` at the package root. */
export const TEMPLATES_DIR = path.resolve(__dirname, '../../templates');

/**
 * The runtime, copied into `core/` unchanged except that, for `nodenext` and `ts`, each relative import gets its
 * `.js` or `.ts` extension. The import positions come from TypeScript's own pre-processor, not from a regex; it is loaded only
 * then (ts-morph loads TypeScript's compiler: see structure-kind.ts). With `names`, the names the client's files import
 * from `core/`, only the modules those need are copied, and the index re-exports from those only (runtime-modules.ts).
 */
export async function emitRuntime(
  importStyle: ImportStyle,
  dir: string = TEMPLATES_DIR,
  names?: ReadonlySet<string>,
): Promise<EmittedFile[]> {
  const extension = EXTENSIONS[importStyle];
  const ts = extension ? (await import('ts-morph')).ts : undefined;
  const templates = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const),
  );
  const needed = names && runtimeFor(templates, names);
  return [...templates]
    .filter(([f]) => !needed || needed.files.has(f))
    .map(([f, template]) => {
      const text = needed && f === 'index.ts' ? needed.index : template;
      return { path: `core/${f}`, text: ts ? withExtensions(text, ts, extension) : text };
    });
}

function withExtensions(text: string, ts: typeof TsMorph.ts, extension: string): string {
  const imports = ts
    .preProcessFile(text, true, false)
    .importedFiles.filter((i) => i.fileName.startsWith('.') && !/\.[cm]?[jt]s$/.test(i.fileName));
  let out = text;
  // Replace from the end so earlier positions stay valid.
  for (const i of [...imports].sort((a, b) => b.pos - a.pos)) {
    // `pos` may point at the opening quote; find the specifier itself before inserting after it.
    const start = out[i.pos] === "'" || out[i.pos] === '"' ? i.pos + 1 : i.pos;
    const end = start + i.fileName.length;
    if (out.slice(start, end) === i.fileName)
      out = `${out.slice(0, end)}${extension}${out.slice(end)}`;
  }
  return out;
}
