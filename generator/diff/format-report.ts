import { rank } from './diff-ir';
import type { ApiChange } from './types';

/** `{ "summary": {...}, "changes": [...] }`, stable key order, and a final newline. */
export function formatJson(changes: ApiChange[]): string {
  const summary = count(changes);
  const list = changes.map(({ breaking, location, message, wire, sdk, kind, rule, resource }) => ({
    breaking,
    location,
    message,
    wire,
    sdk,
    kind,
    rule,
    resource,
  }));
  return `${JSON.stringify({ summary, changes: list }, null, 2)}\n`;
}

const HEADINGS: Record<string, string> = { client: 'Client', models: 'Types' };

/**
 * A pull-request review report: one table per resource (the client, each `client.<resource>`, then the exported
 * types), resources with breaking changes first, then those with warnings; in each table breaking changes first.
 */
export function formatMarkdown(changes: ApiChange[], title = 'API changes'): string {
  const { breaking, warnings, compatible } = count(changes);
  const lines = [
    `## ${title}`,
    '',
    `${breaking} breaking, ${warnings} warning${warnings === 1 ? '' : 's'}, ${compatible} compatible.`,
  ];
  if (!changes.length) return `${lines.join('\n')}\n\nNo changes a client user could notice.\n`;
  lines.push(
    '',
    '*wire*: does a client built for the old spec still work against the new server? ' +
      '*SDK*: does code written against the old generated client still compile?',
  );
  const groups = new Map<string, ApiChange[]>();
  for (const c of changes) groups.set(c.resource, [...(groups.get(c.resource) ?? []), c]);
  const worst = (group: ApiChange[]) => Math.min(...group.map(rank));
  const order = (resource: string) => (resource === 'client' ? 0 : resource === 'models' ? 2 : 1);
  const ordered = [...groups].sort(
    ([a, x], [b, y]) => worst(x) - worst(y) || order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const [resource, group] of ordered) {
    lines.push(
      '',
      `### ${cell(HEADINGS[resource] ?? resource)}`,
      '',
      '| | where | change | wire | SDK | rule |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const c of group) {
      const icon = c.breaking ? '❌' : c.wire === 'warning' ? '⚠️' : '✅';
      lines.push(
        `| ${icon} | ${code(c.location)} | ${cell(c.message)} | ${c.wire} | ${c.sdk} | ${c.rule} |`,
      );
    }
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

/** An inline code span that survives backticks in the text. */
function code(text: string): string {
  const t = cell(text);
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}
