/**
 * A JSON spec reaches Redocly's worker as its text alone, which the worker parses (validate-spec.ts): its findings
 * must be those of the same spec written as YAML, whose parsed value the worker is sent. Every one-file case of the
 * error goldens, written as JSON, is held to its YAML's diagnostics (all but their lines and columns).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic';
import { generateClient } from '../../generator/pipeline';

const ERRORS = path.join(__dirname, '../errors');

/** The one-file cases whose YAML js-yaml reads (a case of YAML syntax has no JSON twin). */
const cases = readdirSync(ERRORS)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => {
    try {
      const value = load(readFileSync(path.join(ERRORS, f), 'utf8'));
      return typeof value === 'object' && value !== null ? [[f, value] as const] : [];
    } catch {
      return [];
    }
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'clientgen-json-spec-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shown = (diagnostics: Diagnostic[]) =>
  diagnostics.map(({ code, severity, pointer, message }) => ({ code, severity, pointer, message }));

it('has cases with findings of Redocly', () => {
  expect(cases.length).toBeGreaterThan(15);
});

it.each(cases)('%s: the same findings as JSON', async (name, value) => {
  const base = name.slice(0, -'.yaml'.length);
  writeFileSync(path.join(dir, `${base}.yaml`), readFileSync(path.join(ERRORS, name)));
  writeFileSync(path.join(dir, `${base}.json`), JSON.stringify(value, null, 2));
  const yaml = await generateClient(`${base}.yaml`, { cwd: dir, specLabel: 'spec' });
  const json = await generateClient(`${base}.json`, { cwd: dir, specLabel: 'spec' });
  expect(shown(json.diagnostics)).toEqual(shown(yaml.diagnostics));
});

it('finds what Redocly finds in a JSON spec', async () => {
  // No `info.title`: only Redocly's `struct` rule reports it.
  writeFileSync(
    path.join(dir, 'untitled.json'),
    JSON.stringify({ openapi: '3.1.0', info: { version: '1' }, paths: {} }),
  );
  const { diagnostics } = await generateClient('untitled.json', { cwd: dir });
  expect(diagnostics.map((d) => [d.code, d.pointer, d.message])).toContainEqual([
    'spec-structure',
    '#/info',
    expect.stringMatching(/title/),
  ]);
});
