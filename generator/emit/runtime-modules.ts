/**
 * Which runtime modules a client ships: those that export a name its files import from `core/`, and every module
 * those import (types too: a module must exist to be compiled), found in the templates' own import statements.
 * `core/index.ts` re-exports only from the modules shipped. A client that streams nothing, lists nothing, sends no
 * multipart body, has no file in a body or a model and knows no OAuth 2 flow ships no `streaming.ts`,
 * `pagination.ts`, `multipart.ts`, `uploads.ts` or `oauth2.ts` (docs/architecture.md, `templates/`).
 */

import { GeneratorBug } from '../errors';

/** A runtime module's file name without `.ts` (`streaming`), as the templates import it (`'./streaming'`). */
export type RuntimeModule = string;

/** One `export … from './module';` statement of the runtime's index, with the names it exports. */
interface IndexExport {
  text: string;
  module: RuntimeModule;
  names: string[];
}

const INDEX = 'index';
/** An export statement of the index: `export [type] { A, B as C } from './module';`, possibly over several lines. */
const INDEX_EXPORT = /^export (?:type )?\{([^}]*)\} from '\.\/([a-z0-9-]+)';\n/gm;
/** A relative import or re-export of a template: `from './module'` (the templates import nothing else). */
const RELATIVE = /\bfrom '\.\/([a-z0-9-]+)'/g;

/**
 * The templates a client needs, by file name (`streaming.ts`), and its index's text: `names` are the names its files
 * import from `core/` (the index). Throws on a name the index does not export (a generator bug).
 */
export function runtimeFor(
  templates: ReadonlyMap<string, string>,
  names: ReadonlySet<string>,
): { files: Set<string>; index: string } {
  const indexText = templates.get(`${INDEX}.ts`);
  if (indexText === undefined) throw new GeneratorBug('templates/index.ts is missing');
  const exports = indexExports(indexText);
  const byName = new Map(exports.flatMap((e) => e.names.map((n) => [n, e.module] as const)));
  const wanted: RuntimeModule[] = [];
  for (const name of names) {
    const module = byName.get(name);
    if (module === undefined) throw new GeneratorBug(`the runtime's index exports no '${name}'`);
    wanted.push(module);
  }
  const kept = new Set<RuntimeModule>();
  const visit = (module: RuntimeModule) => {
    if (kept.has(module)) return;
    const text = templates.get(`${module}.ts`);
    if (text === undefined) throw new GeneratorBug(`templates/${module}.ts is missing`);
    kept.add(module);
    for (const m of text.matchAll(RELATIVE)) visit(m[1]!);
  };
  wanted.forEach(visit);
  // The index without the statements of the modules left out (its comments and order as written).
  let index = indexText;
  for (const e of exports) if (!kept.has(e.module)) index = index.replace(e.text, '');
  return { files: new Set([...kept, INDEX].map((m) => `${m}.ts`)), index };
}

/** The index's export statements. */
function indexExports(text: string): IndexExport[] {
  return [...text.matchAll(INDEX_EXPORT)].map((m) => ({
    text: m[0],
    module: m[2]!,
    names: m[1]!
      .split(',')
      .map((item) => item.trim().split(/\s+as\s+/)[1] ?? item.trim())
      .filter((n) => n !== ''),
  }));
}

/**
 * The names a generated file at `path` (`resources/chat/completions.ts`) imports or re-exports from the runtime's
 * index (`from '../../core'`, `'./core/index.js'`, `'./core/index.ts'`): read from its text, as printed, so a file
 * taken whole from the last run counts as well. Only the specifier that reaches `core/` from the file's folder is the
 * runtime: in `models/`, `'./core'` is a model named `Core` (AWS Greengrass).
 */
export function runtimeNamesIn(path: string, text: string, into: Set<string>): void {
  const depth = path.split('/').length - 1;
  const core = depth ? '../'.repeat(depth) + 'core' : './core';
  for (const m of text.matchAll(FROM_CORE)) {
    if (m[2] !== core) continue;
    for (const item of m[1]!.split(',')) {
      // `type X`, `X as Y`: the index's name is the first word after an optional `type`.
      const name = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+/)[0];
      if (name) into.add(name);
    }
  }
}

const FROM_CORE =
  /^(?:import|export) (?:type )?\{([^}]*)\} from '((?:\.\/|(?:\.\.\/)+)core)(?:\/index\.[jt]s)?';$/gm;
