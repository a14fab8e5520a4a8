/**
 * `npm run sync-spec [-- <official.yaml>] [--check]`: rebuilds spec/chat-completions.yaml from the official
 * description (default: the `official` of spec/sync/mapping.yaml) with spec/sync/mapping.yaml and
 * spec/sync/overlay.yaml, then shows what changed: the facts that differ between the old spec and the new
 * one (name-independent), and the `clientgen diff` of the two; the new spec's comparison with the official
 * description must be empty. `--check` writes nothing and exits 1 when the spec would change.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

import { buildSpec, type Mapping, type Overlay } from './build';
import { compareSpecs } from './compare';
import type { JsonObject } from './schema-view';

const ROOT = resolve(__dirname, '..', '..');

/** Reads the mapping and overlay that belong to the repo. */
export function readSyncFiles(root = ROOT): { mapping: Mapping; overlay: Overlay } {
  const mapping = parse(readFileSync(join(root, 'spec/sync/mapping.yaml'), 'utf8')) as Mapping;
  const overlay = parse(readFileSync(join(root, 'spec/sync/overlay.yaml'), 'utf8')) as Overlay;
  return { mapping, overlay };
}

/** A comparison message (ours = the old spec, official = the new one) said as a change. */
function asChange(message: string): string {
  return message
    .replace(
      /^(property|union member|parameter|response|request body|media type) missing from ours$/,
      '$1 added',
    )
    .replace(
      /^(property|union member|parameter|response|request body|media type) only in ours$/,
      '$1 removed',
    )
    .replace('nullable in official, not in ours', 'may now be null')
    .replace('nullable in ours, not in official', 'can no longer be null')
    .replace(/^enum: missing (.*); extra (.*)$/, 'enum: added $1; removed $2')
    .replace(/\bours\b/g, 'old')
    .replace(/\bofficial\b/g, 'new');
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const { mapping, overlay } = readSyncFiles();
  const officialPath = resolve(
    argv.find((a) => !a.startsWith('--')) ?? join(ROOT, mapping.official),
  );
  const outPath = join(ROOT, mapping.output);
  const official = parse(readFileSync(officialPath, 'utf8')) as JsonObject;
  const text = buildSpec(official, mapping, overlay);
  const before = readFileSync(outPath, 'utf8');

  const disagreements = compareSpecs(parse(text) as JsonObject, official);
  for (const d of disagreements) console.error(`disagreement: ${d.path}: ${d.message}`);
  if (disagreements.length) {
    console.error(
      `${disagreements.length} disagreements with ${officialPath}: the overlay changes facts; fix spec/sync/overlay.yaml`,
    );
    return 2;
  }
  if (text === before) {
    console.log(`${mapping.output} is up to date with ${officialPath}`);
    return 0;
  }
  if (check) {
    console.log(`${mapping.output} is out of date with ${officialPath}: run npm run sync-spec`);
    return 1;
  }
  // What changed, fact by fact and name-independently (renames and moved schemas are not changes here).
  const facts = compareSpecs(parse(before) as JsonObject, parse(text) as JsonObject, {
    descriptions: false,
  });
  const texts =
    compareSpecs(parse(before) as JsonObject, parse(text) as JsonObject).length - facts.length;
  console.log(`## Facts changed: old.yaml → new.yaml (name-independent, by path)\n`);
  for (const f of facts) console.log(`- \`${f.path}\`: ${asChange(f.message)}`);
  console.log(`\n${facts.length} facts changed, and ${texts} descriptions or summaries.\n`);
  // Show what a client user will notice, with the project's own diff.
  const dir = mkdtempSync(join(tmpdir(), 'sync-spec-'));
  try {
    writeFileSync(join(dir, 'old.yaml'), before);
    writeFileSync(join(dir, 'new.yaml'), text);
    writeFileSync(outPath, text);
    const cli = [require.resolve('tsx/cli'), join(ROOT, 'generator/cli.ts')];
    const report = execFileSync(
      process.execPath,
      [...cli, 'diff', 'old.yaml', 'new.yaml', '--format', 'md'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    console.log(report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `wrote ${mapping.output}; 0 disagreements with ${officialPath}. Next: npm run generate`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
