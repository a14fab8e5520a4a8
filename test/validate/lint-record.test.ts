/**
 * The lint record (generator/validate/lint-record.mjs): a spec changed in a few schemas is linted in those only,
 * and its findings must be exactly a full lint's. Each test walks a chain of random edits (seeded), each edit on
 * the spec the one before left, validating every step twice: with the record of the step before, and from scratch.
 * The traps in TRAPS are the ways a change can reach beyond its schema: a schema used where a request body is
 * expected, a `$ref` into a schema, a schema that is itself a `$ref`, discriminator mappings, parameters.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
} from '../../generator/diagnostics/diagnostic';
import { loadSpec } from '../../generator/load/load-spec';
import { stopValidation, validateSpec, type Linted } from '../../generator/validate/validate-spec';
import { documentArb } from '../fuzz/arbitraries/document';
import { applyMutation, brokenDocumentArb, mutationArb } from '../fuzz/arbitraries/mutations';
import { seededRandom } from '../helpers/seeded-random';

const ROOT = path.resolve(__dirname, '../..');
type Json = Record<string, unknown>;

/** Each test's own folder, for the spec files it writes. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'clientgen-lint-record-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TRAPS = (openapi: string): Json => ({
  openapi,
  info: { title: 'Traps', version: '1' },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        parameters: [
          { name: 'limit', in: 'query', schema: { $ref: '#/components/schemas/Limit' } },
          { $ref: '#/components/parameters/Cursor' },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PetList' } } },
          },
        },
      },
      post: {
        operationId: 'createPet',
        requestBody: { $ref: '#/components/requestBodies/PetBody' },
        responses: { '201': { description: 'created' } },
      },
    },
    '/weird': {
      post: {
        operationId: 'weird',
        // A schema where a request body is expected: walked as a RequestBody.
        requestBody: { $ref: '#/components/schemas/NotABody' },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    schemas: {
      Limit: { type: 'integer', maximum: 100 },
      Pet: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          kind: { $ref: '#/components/schemas/Kind' },
          // Into another schema.
          ownerName: { $ref: '#/components/schemas/Owner/properties/name' },
        },
      },
      Kind: { type: 'string', enum: ['cat', 'dog'] },
      Owner: { type: 'object', properties: { name: { type: 'string' } } },
      PetList: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
      // A schema that is itself a $ref.
      Alias: { $ref: '#/components/schemas/Kind' },
      NotABody: { type: 'object', properties: { a: { type: 'string' } } },
      Shape: {
        oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }],
        discriminator: {
          propertyName: 'shape',
          mapping: { circle: '#/components/schemas/Circle', square: '#/components/schemas/Square' },
        },
      },
      Circle: { type: 'object', properties: { shape: { type: 'string' }, r: { type: 'number' } } },
      Square: {
        type: 'object',
        properties: { shape: { type: 'string' }, side: { type: 'number' } },
      },
      Plain: { type: 'object', description: 'Nothing refers to it.' },
    },
    parameters: {
      Cursor: { name: 'cursor', in: 'query', schema: { $ref: '#/components/schemas/Kind' } },
    },
    requestBodies: {
      PetBody: {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
      },
    },
  },
});

type Edit = (spec: Json, name: string, pick: <T>(items: readonly T[]) => T, step: number) => void;

const schemasOf = (spec: Json) => (spec.components as Json).schemas as Record<string, unknown>;
const objectAt = (spec: Json, name: string): Json => {
  const schemas = schemasOf(spec);
  const value = schemas[name];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  return (schemas[name] = {});
};
const addProperty = (spec: Json, name: string, key: string, value: unknown) => {
  const schema = objectAt(spec, name);
  const properties = (schema.properties ?? {}) as Json;
  schema.properties = { ...properties, [key]: value };
};

/** Edits of one schema (most of them may be linted alone) and of the rest (which must not be). */
const EDITS: Record<string, Edit> = {
  description: (spec, name, _pick, step) => {
    objectAt(spec, name).description = `Changed at step ${step}.`;
  },
  property: (spec, name, pick, step) =>
    addProperty(spec, name, `p${step}`, { type: pick(['string', 'integer', 'boolean', 'array']) }),
  badType: (spec, name) => {
    objectAt(spec, name).type = 'strin';
  },
  badRequired: (spec, name) => {
    objectAt(spec, name).required = 'id';
  },
  unknownKeyword: (spec, name, _pick, step) => {
    objectAt(spec, name)[`unknown${step}`] = 1;
  },
  refToSchema: (spec, name, pick, step) =>
    addProperty(spec, name, `r${step}`, {
      $ref: `#/components/schemas/${pick(Object.keys(schemasOf(spec)))}`,
    }),
  refToNothing: (spec, name, _pick, step) =>
    addProperty(spec, name, `m${step}`, { $ref: '#/components/schemas/Missing' }),
  refIntoSchema: (spec, name, _pick, step) =>
    addProperty(spec, name, `i${step}`, { $ref: '#/components/schemas/Circle/properties/r' }),
  refToParameter: (spec, name, _pick, step) =>
    addProperty(spec, name, `q${step}`, { $ref: '#/components/parameters/Cursor' }),
  becomeRef: (spec, name, pick) => {
    // To a schema that is not a $ref itself: a loop of $refs is the loader's error, and ends the chain.
    const schemas = schemasOf(spec);
    const targets = Object.keys(schemas).filter(
      (n) => n !== name && !(typeof schemas[n] === 'object' && schemas[n] && '$ref' in schemas[n]),
    );
    if (targets.length) schemas[name] = { $ref: `#/components/schemas/${pick(targets)}` };
  },
  becomeScalar: (spec, name, pick) => {
    schemasOf(spec)[name] = pick(['string', 42, null, true, []]);
  },
  mapping: (spec, name, pick) => {
    const schema = objectAt(spec, name);
    schema.discriminator = {
      propertyName: 'shape',
      mapping: { a: `#/components/schemas/${pick([...Object.keys(schemasOf(spec)), 'Missing'])}` },
    };
  },
  anchor: (spec, name, pick) => {
    objectAt(spec, name).$anchor = pick(['here', 'there']);
  },
  refToAnchor: (spec, name, pick, step) =>
    addProperty(spec, name, `a${step}`, { $ref: pick(['#here', '#there']) }),
  refToMap: (spec, name, _pick, step) =>
    addProperty(spec, name, `s${step}`, { $ref: '#/components/schemas' }),
  restore: (spec, name, pick) => {
    schemasOf(spec)[name] = pick([
      { type: 'object' },
      { type: 'string', enum: ['a', 'b'] },
      { allOf: [{ $ref: '#/components/schemas/Circle' }] },
    ]);
  },
  // Not one schema: each of these must be a full lint.
  addSchema: (spec, _name, _pick, step) => {
    schemasOf(spec)[`New${step}`] = { type: 'string' };
  },
  removeSchema: (spec, name) => {
    delete schemasOf(spec)[name];
  },
  pathChange: (spec, _name, _pick, step) => {
    const paths = spec.paths as Record<string, Json>;
    const first = Object.keys(paths)[0];
    if (first) paths[first] = { ...paths[first], description: `Path changed at ${step}.` };
  },
  parameterChange: (spec, _name, pick) => {
    const parameters = (spec.components as Json).parameters as Json | undefined;
    const names = Object.keys(parameters ?? {});
    if (parameters && names.length) parameters[pick(names)] = { name: 'cursor', in: 'nowhere' };
  },
};

interface Step {
  linted: Linted | 'skipped';
  incremental: Diagnostic[];
  full: Diagnostic[];
}

/** Validates `spec` with the record (then replaced by this lint's) and from scratch. */
async function validateTwice(
  file: string,
  spec: Json,
  record: { previous: unknown },
): Promise<Step> {
  writeFileSync(file, JSON.stringify(spec, null, 2));
  const load = await loadSpec(file);
  const loaded = load.spec;
  if (!loaded) throw new Error('the spec did not load');
  // The pipeline validates only what loads without errors (a `$ref` loop is the loader's): so does this.
  if (hasErrors(load.diagnostics)) return { linted: 'skipped', incremental: [], full: [] };
  let linted: Linted | 'skipped' = 'all';
  let next: unknown;
  const incremental = await validateSpec(loaded, {
    record: { key: 'test', previous: record.previous, write: true },
    onLinted: (l, made) => {
      linted = l;
      next = made;
    },
  });
  // No record when nothing was linted: the last one stays.
  record.previous = next ?? record.previous;
  const full = await validateSpec((await loadSpec(file)).spec!);
  return { linted, incremental: sortDiagnostics(incremental), full: sortDiagnostics(full) };
}

/** Walks `steps` random edits from `start`, checking each step; returns how each step was linted. */
async function walkEdits(
  start: Json,
  seed: number,
  steps: number,
  edits: { local: readonly string[]; other: readonly string[] },
): Promise<Step['linted'][]> {
  const file = path.join(dir, 'spec.json');
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const spec = structuredClone(start);
  const record = { previous: undefined as unknown };
  const seen: Step['linted'][] = [];
  const first = await validateTwice(file, spec, record);
  expect(first.linted).toBe('all');
  expect(first.incremental).toEqual(first.full);
  for (let step = 1; step <= steps; step++) {
    const names = Object.keys(schemasOf(spec));
    const name = pick(names);
    // Three in four edits keep to one schema's own value: the others make it, or the spec, a full lint's.
    const edit = pick(next() < 0.75 ? edits.local : edits.other);
    EDITS[edit]!(spec, name, pick, step);
    const result = await validateTwice(file, spec, record);
    try {
      expect(result.incremental).toEqual(result.full);
    } catch (e) {
      // Say which edit of which seed, and how it was linted.
      const linted = JSON.stringify(result.linted);
      throw new Error(`seed ${seed}, step ${step}, edit ${edit}, linted ${linted}:\n${String(e)}`, {
        cause: e,
      });
    }
    seen.push(result.linted);
  }
  return seen;
}

const partial = (seen: Step['linted'][]) => seen.filter((l) => Array.isArray(l)).length;

/** Edits that change one schema's own value, and the others. */
const LOCAL = [
  'description',
  'property',
  'badType',
  'unknownKeyword',
  'refToSchema',
  'refToNothing',
  'mapping',
  'restore',
];
/**
 * Edits that give a schema component a value of the wrong type (`required: 'id'`, the schema a scalar): the spec is
 * linted whole until it is mended (lint-record.mjs, `stopsSchemaComponent`). In the chains, with the other edits.
 */
const STOPPING = ['badRequired', 'becomeScalar'];
/** Edits after which no schema of the spec may change alone again: each is tested on its own below. */
const FOR_GOOD = ['anchor', 'refToAnchor', 'refToMap'];
const OTHER = Object.keys(EDITS).filter(
  (e) => !LOCAL.includes(e) && !FOR_GOOD.includes(e) && !STOPPING.includes(e),
);

afterAll(() => stopValidation());

describe('a spec linted from the record of its last lint finds what a full lint finds', () => {
  it.each([
    ['3.0.3', 1],
    ['3.1.0', 2],
    ['3.0.3', 3],
    ['3.1.0', 4],
  ])('OpenAPI %s, traps, seed %d', async (openapi, seed) => {
    const seen = await walkEdits(TRAPS(openapi), seed, 40, { local: LOCAL, other: OTHER });
    // The chain must take the short way often enough for the comparison to mean something (5 to 14 of the 40
    // steps with these seeds: a schema a $ref leads into, or that became a $ref, is linted whole from then on).
    expect(partial(seen)).toBeGreaterThanOrEqual(5);
  });

  it('the chat spec, edits of its schemas', async () => {
    const chat = parse(readFileSync(path.join(ROOT, 'spec/chat-completions.yaml'), 'utf8')) as Json;
    const seen = await walkEdits(chat, 7, 30, {
      local: LOCAL,
      other: ['pathChange', 'addSchema', ...STOPPING],
    });
    expect(partial(seen)).toBeGreaterThanOrEqual(10);
  });

  it("OpenAI's published spec (3 MB, 231 warnings), edits of its schemas", async () => {
    const text = readFileSync(path.join(ROOT, 'test/fixtures/specs/openai.yaml'), 'utf8');
    const seen = await walkEdits(parse(text) as Json, 11, 8, {
      local: LOCAL,
      other: ['addSchema'],
    });
    expect(partial(seen)).toBeGreaterThanOrEqual(4);
  });
});

describe("the fuzzer's documents (test/fuzz), valid and broken, mutated in their schemas", () => {
  it('a lint from the record finds what a full lint finds', async () => {
    const file = path.join(dir, 'spec.json');
    let partials = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(documentArb, brokenDocumentArb),
        fc.array(mutationArb, { minLength: 1, maxLength: 2 }),
        async (doc, mutations) => {
          const record = { previous: undefined as unknown };
          const before = await validateTwice(file, doc, record);
          expect(before.incremental).toEqual(before.full);
          // The fuzzer's mutations (deleted nodes, odd values, $refs to themselves or a parent), applied to the
          // map of schemas only: most of them keep to one schema.
          const components = (doc.components ?? {}) as Json;
          const schemas = mutations.reduce<Json>(
            (at, m) => applyMutation({ schemas: at }, m).schemas as Json,
            (components.schemas ?? {}) as Json,
          );
          const after = await validateTwice(
            file,
            { ...doc, components: { ...components, schemas } },
            record,
          );
          expect(after.incremental).toEqual(after.full);
          if (Array.isArray(after.linted)) partials++;
        },
      ),
      { seed: 20261202, numRuns: 60 },
    );
    // Enough of them took the short way for the comparison to mean something.
    expect(partials).toBeGreaterThanOrEqual(10);
  });
});

describe('what is linted', () => {
  async function lintedAfter(
    edit: (spec: Json) => void,
    spec = TRAPS('3.1.0'),
  ): Promise<Step['linted']> {
    const file = path.join(dir, 'spec.json');
    const record = { previous: undefined as unknown };
    await validateTwice(file, spec, record);
    edit(spec);
    const result = await validateTwice(file, spec, record);
    expect(result.incremental).toEqual(result.full);
    return result.linted;
  }

  it('an unchanged spec: nothing, its findings from the record', async () => {
    expect(await lintedAfter(() => {})).toBe('none');
  });

  it('a schema only schema $refs touch: that schema', async () => {
    expect(await lintedAfter((s) => EDITS.description!(s, 'Limit', (x) => x[0]!, 1))).toEqual([
      '#/components/schemas/Limit',
    ]);
    expect(await lintedAfter((s) => EDITS.badType!(s, 'Circle', (x) => x[0]!, 1))).toEqual([
      '#/components/schemas/Circle',
    ]);
  });

  it.each([
    ['used as a request body', 'NotABody'],
    ['with a $ref into another schema', 'Pet'],
    ['that a $ref points into', 'Owner'],
    ['that is itself a $ref', 'Alias'],
  ])('a schema %s: the whole spec', async (_why, name) => {
    expect(await lintedAfter((s) => EDITS.description!(s, name, (x) => x[0]!, 1))).toBe('all');
  });

  it('a schema that requires a property of a schema it composes, changed: that schema, as a full lint finds', async () => {
    // The partial lint sees every other schema as `{}`: sound only while each rule's findings stay within a unit.
    // Redocly's no-required-schema-properties-undefined reads across them and found `id` undefined here (a partial
    // lint's finding no full lint has), so it stays off until the record knows what a rule reads.
    const spec = TRAPS('3.1.0');
    schemasOf(spec).Base = { type: 'object', properties: { id: { type: 'string' } } };
    schemasOf(spec).Child = {
      description: 'A child.',
      allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['id'] }],
    };
    expect(await lintedAfter((s) => EDITS.description!(s, 'Child', (x) => x[0]!, 1), spec)).toEqual(
      ['#/components/schemas/Child'],
    );
  });

  it('a schema that gains an $anchor a $ref elsewhere names: the whole spec', async () => {
    // Redocly resolves `#here` to the node with `$anchor: here`, wherever it is.
    const spec = TRAPS('3.1.0');
    EDITS.refToAnchor!(spec, 'Plain', (x) => x[0]!, 1);
    expect(await lintedAfter((s) => EDITS.anchor!(s, 'Limit', (x) => x[0]!, 2), spec)).toBe('all');
  });

  it('a schema that a $ref to the whole map of schemas reaches: the whole spec', async () => {
    const spec = TRAPS('3.1.0');
    EDITS.refToMap!(spec, 'Plain', (x) => x[0]!, 1);
    expect(await lintedAfter((s) => EDITS.description!(s, 'Limit', (x) => x[0]!, 2), spec)).toBe(
      'all',
    );
  });

  it.each([...FOR_GOOD, ...STOPPING])(
    'chains of edits with %s: a full lint finds the same',
    async (edit) => {
      const seen = await walkEdits(TRAPS('3.1.0'), 5, 15, {
        local: [...LOCAL, edit],
        other: OTHER,
      });
      expect(seen.length).toBe(15);
    },
  );

  it('a spec with a YAML alias: the whole spec (Redocly walks a shared node once, where it meets it first)', async () => {
    const yaml = (description: string) => `openapi: 3.1.0
info: { title: Aliases, version: '1' }
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        x: &shared { type: strin }
    B:
      type: object
      description: ${description}
      properties:
        y: *shared
`;
    const file = path.join(dir, 'spec.yaml');
    let previous: unknown;
    const lint = async (text: string) => {
      writeFileSync(file, text);
      let linted: Linted | undefined;
      let next: unknown;
      const incremental = await validateSpec((await loadSpec(file)).spec!, {
        record: { key: 'test', previous, write: true },
        onLinted: (l, made) => {
          linted = l;
          next = made;
        },
      });
      previous = next ?? previous;
      const full = await validateSpec((await loadSpec(file)).spec!);
      expect(sortDiagnostics(incremental)).toEqual(sortDiagnostics(full));
      return { linted, found: full.length };
    };
    // The shared node's finding is reported once, in A, where the walk meets it first.
    expect(await lint(yaml('One.'))).toEqual({ linted: 'all', found: 1 });
    expect(await lint(yaml('Two.'))).toEqual({ linted: 'all', found: 1 });
  });

  it('a value of the wrong type in a schema: the whole spec (Redocly stops other rules there)', async () => {
    // Found by the fuzz property: Stream alone, walked from components/schemas, gets its property names reported as
    // component names; reached first through Pet's $ref, it does not.
    const spec: Json = {
      openapi: '3.0.3',
      info: { title: 'Stopped', version: '1' },
      paths: {},
      components: {
        schemas: {
          Pet: { oneOf: [{ $ref: '#/components/schemas/Stream' }] },
          Stream: {
            type: 'object',
            properties: { 'foo bar': { type: 'boolean' }, kind: { type: 'string' } },
            required: ['kind'],
          },
        },
      },
    };
    const linted = await lintedAfter((s) => {
      ((s.components as Json).schemas as Record<string, Json>).Stream!.required = null;
    }, spec);
    expect(linted).toBe('all');
  });

  it('a map of components that comes, even empty: the whole spec (a root finding reads it)', async () => {
    // "Must contain at least one of the following fields: paths, components, webhooks."
    const spec: Json = { openapi: '3.1.0', info: { title: 'Shape', version: '1' } };
    expect(await lintedAfter((s) => (s.components = {}), spec)).toBe('all');
  });

  it('a schema that gains a $ref to a parameter: the whole spec', async () => {
    expect(await lintedAfter((s) => EDITS.refToParameter!(s, 'Limit', (x) => x[0]!, 1))).toBe(
      'all',
    );
  });

  it('without `write` (`--check`) no record is made', async () => {
    const file = path.join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(TRAPS('3.1.0')));
    const loaded = (await loadSpec(file)).spec!;
    const made = async (write: boolean) => {
      let record: unknown = 'not called';
      await validateSpec(loaded, {
        record: { key: 'k', previous: undefined, write },
        onLinted: (_l, r) => (record = r),
      });
      return record;
    };
    expect(await made(false)).toBeUndefined();
    expect(await made(true)).toMatchObject({ key: 'k', entry: file });
  });

  it('a record of other code is not used', async () => {
    const file = path.join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(TRAPS('3.1.0')));
    const loaded = (await loadSpec(file)).spec!;
    let record: unknown;
    await validateSpec(loaded, {
      record: { key: 'one', previous: undefined, write: true },
      onLinted: (_l, r) => (record = r),
    });
    expect(record).toBeDefined();
    let linted: Linted | undefined;
    await validateSpec(loaded, {
      record: { key: 'two', previous: record, write: true },
      onLinted: (l) => (linted = l),
    });
    expect(linted).toBe('all');
    await validateSpec(loaded, {
      record: { key: 'one', previous: record, write: true },
      onLinted: (l) => (linted = l),
    });
    expect(linted).toBe('none');
  });
});
