/**
 * A regeneration with every cache (the run cache, the format cache, the emit, lint and load records and the names
 * lock) writes and
 * prints what the same regeneration writes and prints without them (`--no-cache`), over chains of seeded random
 * edits of a spec: the property any incremental part of `generate` has to keep (docs/performance.md). Each step
 * edits the spec, copies the output folder as the last step left it, and regenerates both copies: one with the
 * caches the chain has built, one with none.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { readTree } from '../helpers/file-tree';
import { runCli } from '../helpers/run-cli';
import { seededRandom } from '../helpers/seeded-random';
import { readPrintStatsLine } from '../../generator/print/print-stats-line';

const ROOT = path.resolve(__dirname, '../..');

type Json = Record<string, unknown>;

type Pick = <T>(items: readonly T[]) => T;
type Edit = (spec: Json, pick: Pick, step: number) => void;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const schemasOf = (spec: Json) => (spec.components as Json).schemas as Json;
/** A schema component that is an object with properties, or undefined when the spec has none. */
const withProperties = (spec: Json, pick: Pick): Json | undefined => {
  const found = Object.values(schemasOf(spec)).filter(
    (s): s is Json => isObject(s) && isObject(s.properties) && Object.keys(s.properties).length > 0,
  );
  return found.length ? pick(found) : undefined;
};
const anySchema = (spec: Json, pick: Pick): Json => {
  const schemas = schemasOf(spec);
  const name = pick(Object.keys(schemas));
  if (!isObject(schemas[name])) schemas[name] = {};
  return schemas[name] as Json;
};
const operations = (spec: Json): Json[] =>
  Object.values(spec.paths as Json).flatMap((item) =>
    isObject(item)
      ? Object.entries(item)
          .filter(([method, op]) => /^(get|put|post|delete|patch)$/.test(method) && isObject(op))
          .map(([, op]) => op as Json)
      : [],
  );
/** Whether any `$ref` of the spec names the schema. */
const referenced = (spec: Json, name: string) =>
  JSON.stringify(spec).includes(`"#/components/schemas/${name}"`);

/** Edits of a spec's schemas and operations; most keep it valid, `badType` makes it a spec with an error. */
const EDITS: Record<string, Edit> = {
  none: () => {},
  description: (spec, pick, step) => {
    anySchema(spec, pick).description = `Changed at step ${step}.`;
  },
  addProperty: (spec, pick, step) => {
    const schema = withProperties(spec, pick);
    if (schema)
      (schema.properties as Json)[`added_${step}`] = {
        type: pick(['string', 'integer', 'boolean']),
        description: `Added at step ${step}.`,
      };
  },
  removeProperty: (spec, pick) => {
    const schema = withProperties(spec, pick);
    if (!schema) return;
    const key = pick(Object.keys(schema.properties as Json));
    delete (schema.properties as Json)[key];
    if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => r !== key);
  },
  toggleRequired: (spec, pick) => {
    const schema = withProperties(spec, pick);
    if (!schema) return;
    const key = pick(Object.keys(schema.properties as Json));
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    schema.required = required.includes(key)
      ? required.filter((r) => r !== key)
      : [...required, key];
  },
  retype: (spec, pick) => {
    const schema = withProperties(spec, pick);
    if (!schema) return;
    const key = pick(Object.keys(schema.properties as Json));
    (schema.properties as Json)[key] = { type: pick(['string', 'number', 'array']), items: {} };
  },
  enumValue: (spec, pick, step) => {
    const schema = withProperties(spec, pick);
    if (schema)
      (schema.properties as Json)[`kind_${step}`] = { type: 'string', enum: ['a', `b${step}`] };
  },
  refToSchema: (spec, pick, step) => {
    const schema = withProperties(spec, pick);
    if (schema)
      (schema.properties as Json)[`link_${step}`] = {
        $ref: `#/components/schemas/${pick(Object.keys(schemasOf(spec)))}`,
      };
  },
  // A keyword OpenAPI does not have: a warning of Redocly's alone (the lint record must find it again).
  unknownKeyword: (spec, pick, step) => {
    const schema = withProperties(spec, pick);
    if (schema) (schema.properties as Json)[`counted_${step}`] = { type: 'array', min_items: 1 };
  },
  deprecate: (spec, pick) => {
    const schema = anySchema(spec, pick);
    schema.deprecated = !schema.deprecated;
  },
  addSchema: (spec, _pick, step) => {
    schemasOf(spec)[`Added${step}`] = {
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    };
  },
  removeUnusedSchema: (spec, pick) => {
    const unused = Object.keys(schemasOf(spec)).filter((n) => !referenced(spec, n));
    if (unused.length) delete schemasOf(spec)[pick(unused)];
  },
  operationSummary: (spec, pick, step) => {
    pick(operations(spec)).summary = `Summary of step ${step}.`;
  },
  badType: (spec, pick) => {
    const schema = withProperties(spec, pick);
    if (schema)
      (schema.properties as Json)[pick(Object.keys(schema.properties as Json))] = {
        type: 'strnig',
      };
  },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-regeneration-'));
  // The caches go to the nearest node_modules above the working directory.
  await mkdir(path.join(dir, 'node_modules'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** What a run printed, without `--verbose`'s stage lines and the lines under them, and with the folder's name as `OUT`. */
const messages = (stderr: string, out: string) =>
  stderr
    .replace(/^(\S+|cache hit) +[\d.]+ ms.*\n|^ {11}\S.*\n/gm, '')
    .replaceAll(`${out}/`, 'OUT/');

/**
 * How a cached run went, from `--verbose`: a run-cache hit, files the emit record and the format cache gave, a
 * partial lint, a spec parsed in one place.
 */
const howRun = (stderr: string) => ({
  hit: /^cache hit/m.test(stderr),
  reused: Number(
    /^ +(\d+) of \d+ model and resource files as the last run/m.exec(stderr)?.[1] ?? 0,
  ),
  formatted: readPrintStatsLine(stderr)?.filesFromCache ?? 0,
  partial: /^ +linted \d+ changed schema/m.test(stderr),
  reparsed: /^ +parsed #\S* alone/m.test(stderr),
});

/**
 * Walks `steps` random edits of `start`, regenerating with and without the caches at each step; returns how the
 * cached runs went.
 */
async function walkEdits(
  start: Json,
  seed: number,
  steps: number,
  edits: readonly string[],
  format: 'json' | 'yaml',
) {
  const next = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(next() * items.length)]!;
  const spec = structuredClone(start);
  const name = `spec.${format}`;
  const specFile = path.join(dir, name);
  // YAML as `yaml` writes it: an edit changes the text only where it changed the spec (the load record's case).
  const text = () =>
    format === 'json'
      ? JSON.stringify(spec, null, 2)
      : stringify(spec, { aliasDuplicateObjects: false, lineWidth: 0 });
  const out = path.join(dir, 'out');
  const bare = path.join(dir, 'bare');
  const runs: ReturnType<typeof howRun>[] = [];
  writeFileSync(specFile, text());
  const first = await runCli(dir, 'generate', name, '--out', 'out');
  expect(first.code).toBe(0);
  for (let step = 1; step <= steps; step++) {
    const edit = pick(edits);
    EDITS[edit]!(spec, pick, step);
    writeFileSync(specFile, text());
    rmSync(bare, { recursive: true, force: true });
    cpSync(out, bare, { recursive: true });
    const cached = await runCli(dir, 'generate', name, '--out', 'out', '--verbose');
    const without = await runCli(dir, 'generate', name, '--out', 'bare', '--no-cache', '--verbose');
    try {
      expect(cached.code).toBe(without.code);
      expect(messages(cached.stderr, 'out')).toBe(messages(without.stderr, 'bare'));
      expect(readTree(out)).toEqual(readTree(bare));
    } catch (e) {
      throw new Error(`seed ${seed}, step ${step}, edit ${edit}:\n${String(e)}`, { cause: e });
    }
    runs.push(howRun(cached.stderr));
  }
  return runs;
}

const ALL = Object.keys(EDITS);

it('the chat spec: a regeneration from the caches writes and prints what one without them does', async () => {
  const chat = parse(readFileSync(path.join(ROOT, 'spec/chat-completions.yaml'), 'utf8')) as Json;
  const runs = [
    ...(await walkEdits(chat, 1, 16, ALL, 'json')),
    ...(await walkEdits(chat, 2, 16, ALL, 'yaml')),
  ];
  // The chains went through the incremental paths: run-cache hits, files from the emit record and the format
  // cache, schemas linted alone from the record, a spec parsed in one place from the load record.
  expect(runs.filter((r) => r.hit).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.reused > 0).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.formatted > 0).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.partial).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.reparsed).length).toBeGreaterThan(0);
}, 180_000);

it("OpenAI's published spec: the same, on edits of its schemas", async () => {
  const openai = parse(
    readFileSync(path.join(ROOT, 'test/fixtures/specs/openai.yaml'), 'utf8'),
  ) as Json;
  const runs = await walkEdits(
    openai,
    3,
    5,
    [
      'description',
      'addProperty',
      'unknownKeyword',
      'toggleRequired',
      'retype',
      'removeUnusedSchema',
      'operationSummary',
    ],
    'yaml',
  );
  expect(runs.filter((r) => r.reused > 0).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.formatted > 0).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.partial).length).toBeGreaterThan(0);
  expect(runs.filter((r) => r.reparsed).length).toBeGreaterThan(0);
}, 300_000);
