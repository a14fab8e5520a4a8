import type { ApiChange } from './types';

/** `{ "changes": [...] }` with a summary, stable key order, and a final newline. */
export function formatJson(changes: ApiChange[]): string {
  const summary = count(changes);
  return `${JSON.stringify({ summary, changes: changes.map(({ breaking, location, message, wire, sdk, kind, resource }) => ({ breaking, location, message, wire, sdk, kind, resource })) }, null, 2)}\n`;
}

/** A pull-request review report: grouped by resource, resources with breaking changes first. */
export function formatMarkdown(changes: ApiChange[], title = 'API changes'): string {
  const { breaking, warnings, compatible } = count(changes);
  const lines = [`## ${title}`, '', `${breaking} breaking, ${warnings} warning${warnings === 1 ? '' : 's'}, ${compatible} compatible.`];
  if (!changes.length) return `${lines.join('\n')}\n\nNo changes a client user could notice.\n`;
  const groups = new Map<string, ApiChange[]>();
  for (const c of changes) groups.set(c.resource, [...(groups.get(c.resource) ?? []), c]);
  const ordered = [...groups].sort(([a, x], [b, y]) => Number(!x.some((c) => c.breaking)) - Number(!y.some((c) => c.breaking)) || (a < b ? -1 : a > b ? 1 : 0));
  for (const [resource, group] of ordered) {
    lines.push('', `### ${cell(resource === 'models' ? 'Types' : resource)}`, '', '| | where | change | wire | SDK |', '| --- | --- | --- | --- | --- |');
    for (const c of group) lines.push(`| ${c.breaking ? '❌' : c.wire === 'warning' ? '⚠️' : '✅'} | \`${cell(c.location)}\` | ${cell(c.message)} | ${c.wire} | ${c.sdk} |`);
  }
  return `${lines.join('\n')}\n`;
}

function count(changes: ApiChange[]) {
  const breaking = changes.filter((c) => c.breaking).length;
  const warnings = changes.filter((c) => !c.breaking && c.wire === 'warning').length;
  return { breaking, warnings, compatible: changes.length - breaking - warnings };
}

/** Table cells cannot hold pipes or line breaks; spec names might. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
