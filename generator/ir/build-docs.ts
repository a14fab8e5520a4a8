import type { IrDocs } from './types';

/** Picks the documentation keywords of a schema, parameter or operation. */
export function buildDocs(node: Record<string, unknown>): IrDocs {
  const docs: IrDocs = {};
  if (typeof node.title === 'string' && node.title.trim()) docs.title = node.title.trim();
  if (typeof node.description === 'string' && node.description.trim())
    docs.description = node.description.trim();
  if (node.deprecated === true) docs.deprecated = true;
  if ('default' in node && node.default !== undefined) docs.default = node.default;
  const examples: unknown[] = [];
  if ('example' in node && node.example !== undefined) examples.push(node.example);
  if (Array.isArray(node.examples)) examples.push(...(node.examples as unknown[]));
  if (examples.length) docs.examples = examples;
  if (typeof node.format === 'string') docs.format = node.format;
  return docs;
}

/** Combines the docs of a `$ref` site with those of its target: the site's own words win. */
export function mergeDocs(target: IrDocs, site: IrDocs): IrDocs {
  return { ...target, ...site };
}
