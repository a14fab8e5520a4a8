/**
 * No stage writes the spec's parsed value. The load record is encoded from it right after the load, Redocly's worker
 * hashes a copy of it, and a run that kept it for the next one (docs/performance.md, under `--watch`) would need it
 * to still be what the text gave. Each spec's files are frozen through after the load (a write to a frozen object
 * throws in strict code, which every module is), and the IR, the client's files and the generated tests emitted from
 * them must be those of an unfrozen load: a write that a `catch` swallowed would show there.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { emitTests } from '../../generator/emit/tests/emit-tests';
import { emittedTexts } from '../../generator/print/emitted-text';
import { emitTexts } from '../../generator/incremental/emit-record';
import { buildIr } from '../../generator/ir/build-ir';
import { loadSpec } from '../../generator/load/load-spec';
import { planOutput } from '../../generator/plan/plan-output';

const ROOT = path.join(__dirname, '../..');
const GOLDEN = path.join(ROOT, 'test/golden/cases');

function freeze(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) freeze((value as Record<string, unknown>)[key], seen);
}

/** The IR's JSON and the emitted files' texts of `spec`, its load frozen or not. */
async function emitted(spec: string, frozen: boolean): Promise<string[]> {
  const { spec: loaded } = await loadSpec(spec);
  if (!loaded) throw new Error(`${spec} did not load`);
  if (frozen) for (const file of loaded.files.values()) freeze(file.value);
  const { ir } = buildIr(loaded, path.relative(ROOT, spec));
  if (!ir) return ['no IR'];
  const plan = planOutput(ir);
  return [
    JSON.stringify(ir),
    ...emitTexts(plan, ir.source).map((t) => `${t.path}\n${t.text}`),
    ...emittedTexts(emitTests(plan, '../client'), ir.source).map((t) => `${t.path}\n${t.text}`),
  ];
}

const specs = [
  ...readdirSync(GOLDEN).map((c) => path.join(GOLDEN, c, 'spec.yaml')),
  path.join(ROOT, 'spec/chat-completions.yaml'),
  path.join(ROOT, 'test/fixtures/specs/petstore-swagger.yaml'),
  path.join(ROOT, 'test/fixtures/specs/openai.yaml'),
];

it.each(specs.map((s) => [path.relative(ROOT, s)]))(
  '%s: the pipeline reads the spec and writes none of it',
  async (spec) => {
    const frozen = await emitted(path.join(ROOT, spec), true);
    expect(frozen).toEqual(await emitted(path.join(ROOT, spec), false));
    expect(frozen.length).toBeGreaterThan(1);
  },
);
