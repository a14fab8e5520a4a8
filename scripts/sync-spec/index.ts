/**
 * `npm run sync-spec [-- <official.yaml>] [--check]`: rebuilds spec/chat-completions.yaml from the official
 * description (default: the `official` of spec/sync/mapping.yaml) with spec/sync/mapping.yaml and
 * spec/sync/overlay.yaml, then shows what changed: the `clientgen diff` of the old spec against the new
 * one, and the name-independent comparison of the new spec with the official description (which must be
 * empty). `--check` writes nothing and exits 1 when the spec would change.
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

  const disagreements = compareSpecs(parse(text), official);
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
  // Show what a client user will notice, with the project's own diff.
  const dir = mkdtempSync(join(tmpdir(), 'sync-spec-'));
  try {
    const old = join(dir, 'old.yaml');
    writeFileSync(old, before);
    writeFileSync(outPath, text);
    const report = execFileSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        join(ROOT, 'generator/cli.ts'),
        'diff',
        old,
        outPath,
        '--format',
        'md',
      ],
      { cwd: ROOT, encoding: 'utf8' },
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
