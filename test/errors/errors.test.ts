/**
 * Error goldens: each case is a broken spec, `<case>.yaml` or (with sibling files) `<case>/spec.yaml`, and
 * `<case>.txt` holds exactly what clientgen prints for it (formatDiagnostics, no colors, paths relative to the
 * case's folder; only an absolute path inside a message reads `<case-dir>`). `UPDATE_GOLDENS=1` rewrites the .txt
 * files. A `warning-*` case is a spec that bends OpenAPI in a way clientgen reads (docs/spec-problems.md): only
 * warnings, and a client is generated. A `strict-*` case runs with `strict: true`: its warnings are errors.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { hasErrors } from '../../generator/diagnostics/diagnostic';
import { formatDiagnostics } from '../../generator/diagnostics/format';
import { generateClient } from '../../generator/pipeline';
import { lineDiff, UPDATE_GOLDENS } from '../helpers/file-tree';

const DIR = __dirname;

/** Every case: its name, its folder and the spec's name there. */
function cases(): { name: string; dir: string; spec: string }[] {
  return readdirSync(DIR)
    .sort()
    .flatMap((entry) => {
      const full = path.join(DIR, entry);
      if (statSync(full).isDirectory()) {
        return existsSync(path.join(full, 'spec.yaml'))
          ? [{ name: entry, dir: full, spec: 'spec.yaml' }]
          : [];
      }
      return entry.endsWith('.yaml')
        ? [{ name: entry.slice(0, -'.yaml'.length), dir: DIR, spec: entry }]
        : [];
    });
}

describe('error goldens', () => {
  const all = cases();

  it('has cases', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it.each(all.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const strict = c.name.startsWith('strict-');
    const result = await generateClient(c.spec, { cwd: c.dir, specLabel: c.spec, strict });
    if (c.name.startsWith('warning-')) {
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(result.files.length).toBeGreaterThan(0);
    } else {
      expect(result.files).toEqual([]);
      expect(hasErrors(result.diagnostics)).toBe(true);
    }
    // An OS error message names the absolute path it failed on (file-unreadable): the one machine-dependent part.
    const printed =
      formatDiagnostics(result.diagnostics, { files: result.sources }, { color: false })
        .split(c.dir)
        .join('<case-dir>') + '\n';
    const golden = path.join(DIR, `${c.name}.txt`);
    if (UPDATE_GOLDENS) {
      writeFileSync(golden, printed);
      return;
    }
    if (!existsSync(golden))
      throw new Error(`missing ${path.relative(process.cwd(), golden)}: run with UPDATE_GOLDENS=1`);
    const expected = readFileSync(golden, 'utf8');
    if (printed !== expected)
      throw new Error(
        `${c.name}.txt differs (- expected, + printed):\n${lineDiff(expected, printed)}`,
      );
  });

  it('prints every error of a spec at once, sorted by position', async () => {
    const result = await generateClient('several-errors-at-once.yaml', { cwd: DIR });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    // `minimum: zero` is a structure warning: the client does not depend on it.
    expect(errors.map((d) => d.code).sort()).toEqual(['ref-unresolved', 'spec-invalid']);
    expect(result.diagnostics.map((d) => d.code)).toContain('spec-structure');
    const printed = formatDiagnostics(result.diagnostics, { files: result.sources });
    const lines = [...printed.matchAll(/^several-errors-at-once\.yaml:(\d+):\d+ /gm)].map((m) =>
      Number(m[1]),
    );
    expect(lines).toHaveLength(3);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('has no .txt without a case', () => {
    const names = new Set(all.map((c) => c.name));
    const orphans = readdirSync(DIR).filter(
      (f) => f.endsWith('.txt') && !names.has(f.slice(0, -'.txt'.length)),
    );
    expect(orphans).toEqual([]);
  });
});
