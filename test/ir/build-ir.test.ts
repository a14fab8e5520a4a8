/**
 * The IR of small spec fragments (table-driven): each OpenAPI spelling of a feature reduces to the
 * same IR, so later stages never see the difference.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { buildIr } from '../../generator/ir/build-ir';
import type { Ir, IrType } from '../../generator/ir/types';
import { loadSpec } from '../../generator/load/load-spec';
import { pascalCase } from '../../generator/text/case';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'clientgen-ir-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds the IR of a spec whose component schemas are given. */
async function irOf(
  openapi: '3.0.3' | '3.1.0',
  schemas: Record<string, unknown>,
  files: Record<string, unknown> = {},
): Promise<Ir> {
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(dir, name), stringify(content));
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    stringify({ openapi, info: { title: 'T', version: '1' }, paths: {}, components: { schemas } }),
  );
  const { spec } = await loadSpec(file);
  const { ir, diagnostics } = buildIr(spec!, 'spec.yaml');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir!;
}

/** Builds a spec of component schemas (and paths) with the diagnostics it gave. */
async function irWithDiagnostics(
  schemas: Record<string, unknown>,
  paths: Record<string, unknown> = {},
) {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    file,
    stringify({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths,
      components: { schemas },
    }),
  );
  const { spec } = await loadSpec(file);
  return buildIr(spec!, 'spec.yaml');
}

/** The type of a model, with pointers and docs dropped so cases compare shapes only. */
function shape(ir: Ir, name: string): unknown {
  const model = ir.models.find((m) => m.name === name);
  return JSON.parse(
    JSON.stringify(model?.type, (k: string, v: unknown) =>
      k === 'pointer' ||
      k === 'docs' ||
      (k === 'readOnly' && v === false) ||
      (k === 'writeOnly' && v === false)
        ? undefined
        : v,
    ),
  );
}

const str: IrType = { kind: 'primitive', name: 'string' };
const nul: IrType = { kind: 'primitive', name: 'null' };
const nullSchema = { type: 'null' } as const;

describe('nullable: OpenAPI 3.0 and 3.1 spellings give the same IR', () => {
  it.each([
    ['3.0 nullable', '3.0.3', { type: 'string', nullable: true }],
    ['3.1 type array', '3.1.0', { type: ['string', 'null'] }],
    ['3.1 oneOf null', '3.1.0', { oneOf: [{ type: 'string' }, { type: 'null' }] }],
    ['3.1 anyOf null', '3.1.0', { anyOf: [{ type: 'string' }, { type: 'null' }] }],
  ] as const)('%s', async (_name, version, schema) => {
    expect(shape(await irOf(version, { S: schema }), 'S')).toEqual({
      kind: 'union',
      members: [str, nul],
    });
  });
});

describe("a nullable property's docs, whichever way it is written", () => {
  const docs = { description: 'The refusal.', deprecated: true, default: 'none' };
  const propertiesOf = (ir: Ir) => {
    const type = ir.models.find((m) => m.name === 'S')?.type;
    return type?.kind === 'object' ? type.properties : [];
  };
  it.each([
    ['3.0 nullable', '3.0.3', { type: 'string', nullable: true, ...docs }],
    ['3.1 type array', '3.1.0', { type: ['string', 'null'], ...docs }],
    // OpenAI's description writes every nullable so: the docs inside the member.
    [
      '3.1 anyOf, docs in the member',
      '3.1.0',
      { anyOf: [{ type: 'string', ...docs }, nullSchema] },
    ],
    [
      '3.1 oneOf, docs in the member',
      '3.1.0',
      { oneOf: [nullSchema, { type: 'string', ...docs }] },
    ],
  ] as const)('%s', async (_name, version, refusal) => {
    const [property] = propertiesOf(
      await irOf(version, { S: { type: 'object', properties: { refusal } } }),
    );
    expect(property?.docs).toEqual({
      description: 'The refusal.',
      deprecated: true,
      default: 'none',
    });
  });

  it("gives a parameter its schema's member's words too (a nullable limit's default)", async () => {
    const limit = { anyOf: [{ type: 'integer', default: 20, deprecated: true }, nullSchema] };
    const { ir } = await irWithDiagnostics(
      {},
      {
        '/items': {
          get: {
            operationId: 'listItems',
            parameters: [{ name: 'limit', in: 'query', description: 'How many.', schema: limit }],
            responses: { '204': { description: 'None' } },
          },
        },
      },
    );
    expect(ir!.operations[0]!.queryParams[0]!.docs).toEqual({
      default: 20,
      deprecated: true,
      description: 'How many.',
    });
  });

  it("keeps the union's own words over the member's", async () => {
    const refusal = {
      description: 'Outside.',
      anyOf: [{ type: 'string', description: 'Inside.' }, nullSchema],
    };
    const [property] = propertiesOf(
      await irOf('3.1.0', { S: { type: 'object', properties: { refusal } } }),
    );
    expect(property?.docs.description).toBe('Outside.');
  });
});

describe('nullable beside a composition: 3.1 type array and 3.0 nullable give the same IR', () => {
  const owner = { type: 'object', properties: { name: { type: 'string' } } };
  const props = { content: { type: 'string' }, filename: { type: 'string' } };
  it.each([
    [
      // GitHub's gist files: `(A & B) | null`, not `A & (B | null)`.
      'anyOf beside properties',
      { anyOf: [{ required: ['content'] }, { required: ['filename'] }], properties: props },
    ],
    ['oneOf of refs', { oneOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'object' }] }],
    [
      'allOf beside properties',
      { allOf: [{ $ref: '#/components/schemas/Owner' }], properties: props },
    ],
  ])('%s', async (_name, schema) => {
    const v30 = await irOf('3.0.3', {
      Owner: owner,
      S: { ...schema, type: 'object', nullable: true },
    });
    const v31 = await irOf('3.1.0', { Owner: owner, S: { ...schema, type: ['object', 'null'] } });
    // Each spec is its own file: a `$ref`'s target is compared without it.
    const local = (v: unknown) =>
      JSON.parse(JSON.stringify(v).replace(/"[^"]*(#\/components\/)/g, '"$1')) as {
        kind: string;
        members: unknown[];
      };
    const built = local(shape(v31, 'S'));
    expect(built).toEqual(local(shape(v30, 'S')));
    expect(built.kind).toBe('union');
    expect(built.members.at(-1)).toEqual(nul);
  });
});

describe('literals', () => {
  it.each([
    ['const', { const: 'x' }, { kind: 'literal', value: 'x' }],
    ['single-value enum', { type: 'string', enum: ['x'] }, { kind: 'literal', value: 'x' }],
    [
      'enum with null',
      { enum: ['a', null] },
      { kind: 'union', members: [{ kind: 'literal', value: 'a' }, nul] },
    ],
    [
      'enum [true, false] is boolean',
      { enum: [true, false] },
      { kind: 'primitive', name: 'boolean' },
    ],
    [
      'open enum',
      { anyOf: [{ type: 'string' }, { enum: ['a', 'b'] }] },
      {
        kind: 'union',
        members: [str, { kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }],
      },
    ],
  ])('%s', async (_name, schema, expected) => {
    expect(shape(await irOf('3.1.0', { S: schema }), 'S')).toEqual(expected);
  });
});

describe('allOf', () => {
  it('merges a referenced object and inline properties, with required from any member', async () => {
    const ir = await irOf('3.1.0', {
      Animal: { type: 'object', properties: { name: { type: 'string' } } },
      Dog: {
        allOf: [
          { $ref: '#/components/schemas/Animal' },
          {
            type: 'object',
            required: ['name', 'breed'],
            properties: { breed: { type: 'string' } },
          },
        ],
      },
    });
    expect(shape(ir, 'Dog')).toEqual({
      kind: 'object',
      properties: [
        { name: 'name', type: str, required: true },
        { name: 'breed', type: str, required: true },
      ],
    });
  });

  it("requires what the schema beside a lone referenced member requires (linode's create bodies)", async () => {
    const ir = await irOf('3.1.0', {
      Domain: {
        type: 'object',
        properties: { domain: { type: 'string' }, type: { type: 'string' } },
      },
      DomainCreate: { allOf: [{ $ref: '#/components/schemas/Domain' }], required: ['domain'] },
    });
    expect(shape(ir, 'DomainCreate')).toEqual({
      kind: 'object',
      properties: [
        { name: 'domain', type: str, required: true },
        { name: 'type', type: str, required: false },
      ],
    });
  });

  it("declares a name the schema beside a lone member requires and no member declares (gerermesaffaires' social regime)", async () => {
    const ir = await irOf('3.1.0', {
      SocialRegime: {
        allOf: [{ type: 'object', properties: { About: { type: 'string' } } }],
        required: ['Name'],
      },
      // As before: a name the member already requires leaves it as it is.
      Regime: {
        allOf: [{ $ref: '#/components/schemas/Base' }],
        required: ['id'],
      },
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    });
    expect(shape(ir, 'SocialRegime')).toEqual({
      kind: 'object',
      properties: [
        { name: 'About', type: str, required: false },
        { name: 'Name', type: { kind: 'primitive', name: 'unknown' }, required: false },
      ],
      requiredUndeclared: ['Name'],
    });
    const regime = ir.models.find((m) => m.name === 'Regime')?.type;
    expect(regime?.kind === 'ref' && regime.target.endsWith('/Base')).toBe(true);
  });

  it("is the member's model where a bare `type: object` stands beside it (bungie's objective, lyft's tip)", async () => {
    const ir = await irOf('3.0.3', {
      Progress: { type: 'object', properties: { done: { type: 'boolean' } } },
      Status: {
        type: 'object',
        properties: {
          objective: {
            allOf: [{ $ref: '#/components/schemas/Progress' }],
            type: 'object',
            description: 'The progress.',
            nullable: true,
          },
          // Nothing typed in the members: the object is all the schema says.
          anything: { allOf: [{ description: 'free' }], type: 'object' },
        },
      },
    });
    const status = ir.models.find((m) => m.name === 'Status')?.type;
    const [objective, anything] = status?.kind === 'object' ? status.properties : [];
    const progress = ir.models.find((m) => m.name === 'Progress')!.id;
    expect(objective?.type).toEqual({
      kind: 'union',
      members: [{ kind: 'ref', target: progress }, nul],
    });
    expect(anything?.type.kind).toBe('object');
  });

  it('reads keywords beside a `$ref` that change its type as an allOf member in 3.1, and ignores them in 3.0', async () => {
    const schemas = {
      Dates: { type: 'object', properties: { created: { type: 'string' } } },
      Tax: {
        allOf: [
          { type: 'object', properties: { name: { type: 'string' } } },
          { $ref: '#/components/schemas/Dates', required: ['name'] },
        ],
      },
      Branded: {
        $ref: '#/components/schemas/Dates',
        properties: { logo: { type: 'string' } },
        description: 'Dates with a logo.',
      },
      // A type or a bound beside a `$ref` changes no type, nor do names the target has (codat's converted stubs):
      // still the model.
      Named: { $ref: '#/components/schemas/Dates', type: 'object', maxProperties: 3 },
      Stub: { $ref: '#/components/schemas/Dates', properties: { created: {} } },
    };
    const ir31 = await irOf('3.1.0', schemas);
    expect(shape(ir31, 'Tax')).toEqual({
      kind: 'object',
      properties: [
        { name: 'name', type: str, required: true },
        { name: 'created', type: str, required: false },
      ],
    });
    expect(shape(ir31, 'Branded')).toEqual({
      kind: 'object',
      properties: [
        { name: 'created', type: str, required: false },
        { name: 'logo', type: str, required: false },
      ],
    });
    const dates = ir31.models.find((m) => m.name === 'Dates')!.id;
    expect(shape(ir31, 'Named')).toEqual({ kind: 'ref', target: dates });
    expect(shape(ir31, 'Stub')).toEqual({ kind: 'ref', target: dates });
    const ir30 = await irOf('3.0.3', schemas);
    expect(shape(ir30, 'Branded')).toEqual({
      kind: 'ref',
      target: ir30.models.find((m) => m.name === 'Dates')!.id,
    });
  });

  it("is the member's model where a bare primitive `type` stands beside members of that type (twilio, plaid)", async () => {
    const kind = { $ref: '#/components/schemas/Kind' };
    const ir = await irOf('3.0.3', {
      Kind: { type: 'string', enum: ['a', 'b'] },
      Count: { type: 'integer' },
      S: {
        type: 'object',
        properties: {
          kind: { allOf: [kind], type: 'string', description: 'The kind.', nullable: true },
          // A constraint beside it is more than the member says, and a member of another type is no string.
          short: { allOf: [kind], type: 'string', maxLength: 1 },
          count: { allOf: [{ $ref: '#/components/schemas/Count' }], type: 'string' },
        },
      },
    });
    const s = ir.models.find((m) => m.name === 'S')?.type;
    const [k, short, count] = s?.kind === 'object' ? s.properties.map((p) => p.type) : [];
    const id = (name: string) => ir.models.find((m) => m.name === name)!.id;
    expect(k).toEqual({ kind: 'union', members: [{ kind: 'ref', target: id('Kind') }, nul] });
    expect(short?.kind).toBe('intersection');
    expect(count?.kind).toBe('intersection');
  });

  it("keeps the extra keys a member declares where no member forbids them (zuora's custom fields, LUIS's entities)", async () => {
    const ir = await irOf('3.1.0', {
      CustomFields: { type: 'object', additionalProperties: { type: 'string' } },
      Account: {
        allOf: [
          { type: 'object', properties: { name: { type: 'string' } } },
          { $ref: '#/components/schemas/CustomFields' },
        ],
      },
      // As before: a member that forbids extra keys closes the object, and so does no member saying anything.
      Closed: {
        allOf: [
          { $ref: '#/components/schemas/CustomFields' },
          { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false },
        ],
      },
      Plain: {
        allOf: [
          { type: 'object', properties: { id: { type: 'string' } } },
          { type: 'object', properties: { name: { type: 'string' } } },
        ],
      },
    });
    expect(shape(ir, 'Account')).toEqual({
      kind: 'object',
      properties: [{ name: 'name', type: str, required: false }],
      additional: str,
      extras: 'declared',
    });
    expect(shape(ir, 'Closed')).toEqual({
      kind: 'object',
      properties: [{ name: 'id', type: str, required: false }],
      extras: 'forbidden',
    });
    expect(shape(ir, 'Plain')).toEqual({
      kind: 'object',
      properties: [
        { name: 'id', type: str, required: false },
        { name: 'name', type: str, required: false },
      ],
    });
  });

  it('keeps a property type a later member constrains without giving one (linode firewall rules)', async () => {
    const ir = await irOf('3.1.0', {
      Rules: {
        type: 'object',
        properties: { inbound: { type: 'array', items: { type: 'string' } } },
      },
      RulesUpdate: {
        allOf: [
          { $ref: '#/components/schemas/Rules' },
          { properties: { inbound: { required: ['action'] } } },
        ],
      },
    });
    expect(shape(ir, 'RulesUpdate')).toEqual({
      kind: 'object',
      properties: [{ name: 'inbound', type: { kind: 'array', items: str }, required: false }],
    });
  });

  it("gives the same types whatever the order of schemas that hold each other through allOf (Bing's)", async () => {
    const schemas = {
      Thing: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          potentialAction: { type: 'array', items: { $ref: '#/components/schemas/Action' } },
        },
      },
      CreativeWork: {
        allOf: [
          { $ref: '#/components/schemas/Thing' },
          { type: 'object', properties: { text: { type: 'string' } } },
        ],
      },
      Action: {
        allOf: [
          { $ref: '#/components/schemas/CreativeWork' },
          { type: 'object', properties: { target: { type: 'string' } } },
        ],
      },
    };
    const reversed = Object.fromEntries(Object.entries(schemas).reverse());
    // Each spec is its own file: the models' ids differ by its name only.
    const types = (ir: Ir) =>
      JSON.stringify(ir.models.map((m) => [m.name, m.type])).replace(/"[^"]*\.yaml#/g, '"#');
    expect(types(await irOf('3.1.0', reversed))).toBe(types(await irOf('3.1.0', schemas)));
  });

  it('stays an intersection when a member is a union', async () => {
    const ir = await irOf('3.1.0', {
      S: {
        allOf: [
          { oneOf: [{ type: 'string' }, { type: 'number' }] },
          { type: 'object', properties: { a: { type: 'string' } } },
        ],
      },
    });
    expect((shape(ir, 'S') as IrType).kind).toBe('intersection');
  });
});

describe('oneOf/anyOf beside keys of the holder', () => {
  it("is the union where `additionalProperties: false` is all the holder says (channel4's Atom types, linqr)", async () => {
    const members = [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }];
    const ir = await irOf('3.1.0', {
      A: { type: 'object', properties: { a: { type: 'string' } } },
      B: { type: 'object', properties: { b: { type: 'string' } } },
      Closed: { anyOf: members, additionalProperties: false },
      // What an index signature says is a type: it stays.
      Open: { anyOf: members, additionalProperties: { type: 'string' } },
    });
    expect((shape(ir, 'Closed') as IrType).kind).toBe('union');
    expect((shape(ir, 'Open') as IrType).kind).toBe('intersection');
  });
});

describe('discriminators', () => {
  const variants = {
    Cat: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', enum: ['cat'] } },
    },
    Dog: { type: 'object', required: ['kind'], properties: { kind: { const: 'dog' } } },
  };
  const refs = [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }];

  it('is inferred when every member pins the same property to one value', async () => {
    const ir = await irOf('3.1.0', { ...variants, Pet: { oneOf: refs } });
    expect((shape(ir, 'Pet') as { discriminator: unknown }).discriminator).toEqual({
      property: 'kind',
      mapping: [
        { value: 'cat', member: 0 },
        { value: 'dog', member: 1 },
      ],
      inferred: true,
    });
  });

  it("names each value's member where the union dropped a member listed twice (stream's ChatEvent)", async () => {
    const s = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    /** Each discriminator value of `Pet` with the schema its member names. */
    const valuesOf = async (schemas: Record<string, unknown>) => {
      const pet = shape(await irOf('3.1.0', { ...variants, ...schemas }), 'Pet') as {
        members: unknown[];
        discriminator: { mapping: { value: string; member: number }[] };
      };
      return pet.discriminator.mapping.map((e) => [
        e.value,
        JSON.stringify(pet.members[e.member]).match(/schemas\/(\w+)/)?.[1],
      ]);
    };
    const pet = (oneOf: unknown[], mapping: Record<string, string>) => ({
      Pet: { oneOf, discriminator: { propertyName: 'kind', mapping } },
    });
    expect(
      await valuesOf({
        Any: { type: 'object', properties: { kind: { type: 'string' } } },
        ...pet([s('Any'), s('Cat'), s('Any'), s('Dog')], {
          any: s('Any').$ref,
          cat: s('Cat').$ref,
          dog: s('Dog').$ref,
        }),
      }),
    ).toEqual([
      ['any', 'Any'],
      ['cat', 'Cat'],
      ['dog', 'Dog'],
    ]);
    // An inline union before them is flattened into its members.
    const strings = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(
      await valuesOf(
        pet([strings, s('Cat'), s('Dog')], { cat: s('Cat').$ref, dog: s('Dog').$ref }),
      ),
    ).toEqual([
      ['cat', 'Cat'],
      ['dog', 'Dog'],
    ]);
    // A `$ref` to an inline union is flattened too: its value names no one member, and is left out.
    const choice = '#/components/schemas/Holder/properties/choice';
    expect(
      await valuesOf({
        Holder: { type: 'object', properties: { choice: strings } },
        ...pet([{ $ref: choice }, s('Cat')], { x: choice, cat: s('Cat').$ref }),
      }),
    ).toEqual([['cat', 'Cat']]);
  });

  it('is not inferred when two members share a value', async () => {
    const ir = await irOf('3.1.0', {
      ...variants,
      Cat2: variants.Cat,
      Pet: { oneOf: [refs[0], { $ref: '#/components/schemas/Cat2' }] },
    });
    expect((shape(ir, 'Pet') as { discriminator?: unknown }).discriminator).toBeUndefined();
  });

  it('pins a mapped value on a member whose property is a plain string', async () => {
    const ir = await irOf('3.1.0', {
      A: { type: 'object', properties: { t: { type: 'string' } } },
      B: { type: 'object', required: ['t'], properties: { t: { enum: ['b'] } } },
      U: {
        oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
        discriminator: {
          propertyName: 't',
          mapping: { 'a-kind': '#/components/schemas/A', b: '#/components/schemas/B' },
        },
      },
    });
    const u = shape(ir, 'U') as { members: unknown[] };
    expect(u.members[0]).toEqual({
      kind: 'intersection',
      members: [
        expect.objectContaining({ kind: 'ref' }),
        {
          kind: 'object',
          properties: [{ name: 't', type: { kind: 'literal', value: 'a-kind' }, required: true }],
        },
      ],
    });
    // B already pins `t` to its value: it stays a plain reference.
    expect(u.members[1]).toEqual(expect.objectContaining({ kind: 'ref' }));
  });
});

describe('discriminators by inheritance (golden discriminator-inheritance has the cases)', () => {
  const kind = (ir: Ir, name: string) =>
    (shape(ir, name) as { properties?: { name: string; type: IrType }[] }).properties?.find(
      (p) => p.name === 'kind',
    )?.type;

  it('gives a child its value, and a parent that discriminates a oneOf of its own none', async () => {
    const parent = {
      type: 'object',
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind' },
    };
    const child = (of: string) => ({
      allOf: [{ $ref: `#/components/schemas/${of}` }, { properties: { x: { type: 'string' } } }],
    });
    const ir = await irOf('3.1.0', {
      Pet: parent,
      Cat: child('Pet'),
      Union: { ...parent, oneOf: [{ $ref: '#/components/schemas/Member' }] },
      Member: child('Union'),
    });
    expect(kind(ir, 'Cat')).toEqual({ kind: 'literal', value: 'Cat' });
    expect(kind(ir, 'Pet')).toEqual({ kind: 'primitive', name: 'string' });
    expect(JSON.stringify(shape(ir, 'Member'))).not.toContain('"value":"Member"');
  });

  it("gives a child with children of its own their values too, and no value the parent's enum forbids", async () => {
    // vmware.local/vrni.json: `AristaSwitchDataSource: allOf: [SwitchDataSource]`, `SwitchDataSource: allOf:
    // [BaseDataSource, …]`, and `entity_type` an enum that lists neither `SwitchDataSource` nor
    // `HPOneViewManagerDataSource`. Pinning `SwitchDataSource` to its own name made every child `never`.
    const ir = await irOf('3.1.0', {
      Base: {
        type: 'object',
        properties: { kind: { $ref: '#/components/schemas/Kind' } },
        discriminator: { propertyName: 'kind' },
      },
      Kind: { type: 'string', enum: ['Leaf', 'Other'] },
      Mid: {
        allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { m: { type: 'string' } } }],
      },
      Leaf: { allOf: [{ $ref: '#/components/schemas/Mid' }] },
      Odd: { allOf: [{ $ref: '#/components/schemas/Mid' }] },
    });
    expect(kind(ir, 'Mid')).toEqual({ kind: 'literal', value: 'Leaf' });
    expect(shape(ir, 'Leaf')).toEqual({
      kind: 'intersection',
      members: [
        expect.objectContaining({ kind: 'ref' }),
        expect.objectContaining({
          properties: [
            expect.objectContaining({ name: 'kind', type: { kind: 'literal', value: 'Leaf' } }),
          ],
        }),
      ],
    });
    expect(shape(ir, 'Odd')).toEqual(expect.objectContaining({ kind: 'ref' }));
  });

  it("warns of a value the spec gives a child that the property's enum forbids, not of a schema's name", async () => {
    // Azure's application insights: `x-ms-discriminator-value: availabilityResult`, the enum `availabilityResults`.
    const { ir, diagnostics } = await irWithDiagnostics({
      Base: {
        type: 'object',
        properties: { kind: { type: 'string', enum: ['availabilityResults', 'Other'] } },
        discriminator: { propertyName: 'kind' },
      },
      Result: {
        allOf: [{ $ref: '#/components/schemas/Base' }],
        'x-ms-discriminator-value': 'availabilityResult',
      },
      // An abstract schema's own name, outside the enum too: no warning (vrni's `SwitchDataSource`).
      Middle: { allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { m: {} } }] },
    });
    const found = diagnostics.filter((d) => d.rule === 'discriminator-value-not-allowed');
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'warning',
        pointer: '#/components/schemas/Result',
        message: expect.stringContaining(`the value 'availabilityResult'`) as unknown,
      }),
    ]);
    expect(shape(ir!, 'Result')).toEqual(expect.objectContaining({ kind: 'ref' }));
  });

  it('leaves the children of a schema that fixes its own value with that value', async () => {
    const ir = await irOf('3.1.0', {
      Pet: {
        type: 'object',
        properties: { kind: { type: 'string' } },
        discriminator: { propertyName: 'kind' },
      },
      Fish: {
        allOf: [
          { $ref: '#/components/schemas/Pet' },
          { properties: { kind: { type: 'string', enum: ['fish'] } } },
        ],
      },
      Goldfish: { allOf: [{ $ref: '#/components/schemas/Fish' }] },
    });
    expect(kind(ir, 'Fish')).toEqual({ kind: 'literal', value: 'fish' });
    // Not `Fish & { kind: 'Goldfish' }`, which no value is.
    expect(shape(ir, 'Goldfish')).toEqual({
      kind: 'ref',
      target: expect.stringContaining('Fish') as unknown,
    });
  });

  it('never takes itself for its parent through an allOf cycle', async () => {
    const ir = await irOf('3.1.0', {
      A: {
        allOf: [{ $ref: '#/components/schemas/B' }],
        discriminator: { propertyName: 'kind' },
        properties: { kind: { type: 'string' } },
      },
      B: { allOf: [{ $ref: '#/components/schemas/A' }], properties: { b: { type: 'string' } } },
    });
    expect(JSON.stringify(shape(ir, 'A'))).not.toContain('"value":"A"');
  });
});

describe('discriminators without mapping: a member that fixes the property gives its own value', () => {
  const member = (t: unknown) => ({ type: 'object', required: ['role'], properties: { role: t } });
  const U = (mapping?: Record<string, string>) => ({
    oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }],
    discriminator: { propertyName: 'role', ...(mapping ? { mapping } : {}) },
  });
  it.each([
    ['enum of one', { type: 'string', enum: ['user'] }, undefined, 'user', 1],
    ['const', { const: 'user' }, undefined, 'user', 1],
    [
      'an allOf member that fixes it',
      { allOf: [{ type: 'string' }, { enum: ['user'] }] },
      undefined,
      'user',
      1,
    ],
    ['any string: the schema name', { type: 'string' }, undefined, 'A', 0],
    [
      'enum of two: the schema name',
      { type: 'string', enum: ['user', 'human'] },
      undefined,
      'A',
      0,
    ],
    [
      'an explicit mapping entry: kept',
      { enum: ['user'] },
      { u: '#/components/schemas/A' },
      'u',
      0,
    ],
  ])('%s', async (_, roleOfA, mapping, value, warnings) => {
    const { ir, diagnostics } = await irWithDiagnostics({
      A: member(roleOfA),
      B: member({ const: 'system' }),
      U: U(mapping),
    });
    const d = (shape(ir!, 'U') as { discriminator: { mapping: unknown[] } }).discriminator;
    expect(d.mapping).toEqual([
      { value, member: 0 },
      { value: 'system', member: 1 },
    ]);
    // B always pins 'system' itself: one warning for the union whatever A does.
    const found = diagnostics.filter((x) => x.code === 'spec-deviation');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      rule: 'discriminator-own-values',
      pointer: '#/components/schemas/U/discriminator',
    });
    expect(found[0]!.message).toContain(`B → 'system'`);
    expect(found[0]!.message.includes(`A → `)).toBe(warnings === 1);
  });

  it('does not warn when no member fixes the property', async () => {
    const { ir, diagnostics } = await irWithDiagnostics({
      A: member({ type: 'string' }),
      B: member({ type: 'string' }),
      U: U(),
    });
    expect(diagnostics).toEqual([]);
    expect(
      (shape(ir!, 'U') as { discriminator: { mapping: unknown[] } }).discriminator.mapping,
    ).toEqual([
      { value: 'A', member: 0 },
      { value: 'B', member: 1 },
    ]);
  });

  it("a member $ref'd where a schema has no name has no implicit value: the one it fixes, or none", async () => {
    // DigitalOcean's droplet actions: members $ref'd into another operation's body (`…/anyOf/0`), whose last
    // segments were read as the values `0` and `6`, which no request can carry.
    const { ir, diagnostics } = await irWithDiagnostics({
      Holder: { oneOf: [member({ const: 'user' }), member({ type: 'string', enum: ['a', 'b'] })] },
      B: member({ type: 'string' }),
      U: {
        oneOf: [
          { $ref: '#/components/schemas/Holder/oneOf/0' },
          { $ref: '#/components/schemas/Holder/oneOf/1' },
          { $ref: '#/components/schemas/B' },
        ],
        discriminator: { propertyName: 'role' },
      },
    });
    expect(
      (shape(ir!, 'U') as { discriminator: { mapping: unknown[] } }).discriminator.mapping,
    ).toEqual([
      { value: 'B', member: 2 },
      { value: 'user', member: 0 },
    ]);
    expect(diagnostics.filter((d) => d.code === 'spec-deviation')).toEqual([]);
  });

  it("a member that is a whole file is named by the file's name", async () => {
    const ir = await irOf(
      '3.1.0',
      {
        U: {
          oneOf: [{ $ref: 'cat.yaml' }, { $ref: './dog.yaml' }],
          discriminator: { propertyName: 'role' },
        },
      },
      { 'cat.yaml': member({ type: 'string' }), 'dog.yaml': member({ type: 'string' }) },
    );
    expect(
      (shape(ir, 'U') as { discriminator: { mapping: unknown[] } }).discriminator.mapping,
    ).toEqual([
      { value: 'cat', member: 0 },
      { value: 'dog', member: 1 },
    ]);
  });

  it('leaves a member that fixes its own value unnarrowed', async () => {
    const { ir } = await irWithDiagnostics({
      A: member({ enum: ['user'] }),
      B: member({ const: 'system' }),
      U: U(),
    });
    const u = shape(ir!, 'U') as { members: { kind: string; target: string }[] };
    expect(u.members.map((m) => [m.kind, m.target.split('/').pop()])).toEqual([
      ['ref', 'A'],
      ['ref', 'B'],
    ]);
  });
});

describe('references', () => {
  it('a recursive schema refers to itself by model id', async () => {
    const ir = await irOf('3.1.0', {
      Node: {
        type: 'object',
        properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
      },
    });
    const node = ir.models.find((m) => m.name === 'Node')!;
    expect(shape(ir, 'Node')).toEqual({
      kind: 'object',
      properties: [
        {
          name: 'children',
          type: { kind: 'array', items: { kind: 'ref', target: node.id } },
          required: false,
        },
      ],
    });
  });

  it('a component that only points at another file is that schema, under the component name', async () => {
    const ir = await irOf(
      '3.1.0',
      { Error: { $ref: './common.yaml#/Err' } },
      { 'common.yaml': { Err: { type: 'object', properties: { message: { type: 'string' } } } } },
    );
    expect(ir.models.map((m) => m.name)).toEqual(['Error']);
  });

  it('names a schema written in an operation, which several $refs name, after its parameter or its operation (enode, conjur)', async () => {
    const ok = { '200': { description: 'OK' } };
    const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
    const at = (pointer: string) => ({ $ref: `#/paths/${pointer}/schema` });
    // Each is `$ref`'d twice: a schema `$ref`'d once is written where the `$ref` is.
    const uses = {
      post: {
        parameters: [
          { name: 'a', in: 'query', schema: at('~1chargers~1{id}/get/parameters/0') },
          { name: 'b', in: 'query', schema: at('~1chargers~1{id}/parameters/0') },
        ],
        requestBody: json(at('~1chargers~1{id}/put/requestBody/content/application~1json')),
        responses: {
          '200': {
            description: 'OK',
            ...json(at('~1chargers~1{id}/get/responses/200/content/application~1json')),
          },
        },
      },
    };
    const { ir } = await irWithDiagnostics(
      {},
      {
        '/uses': uses,
        '/uses/again': uses,
        '/chargers/{id}': {
          parameters: [{ name: 'region', in: 'query', schema: { type: 'string', minLength: 2 } }],
          get: {
            operationId: 'getCharger',
            parameters: [{ name: 'login', in: 'query', schema: { type: 'string', minLength: 3 } }],
            responses: { '200': { description: 'OK', ...json({ type: 'object' }) } },
          },
          put: { requestBody: json({ type: 'object', required: ['a'] }), responses: ok },
        },
      },
    );
    // As the plan writes them: `Schema` and `Schema2`… before.
    expect(ir!.models.map((m) => pascalCase(m.name)).sort()).toEqual([
      'GetChargerResponse',
      'Login',
      'PutChargersIdBody',
      'Region',
    ]);
  });
});

describe('an unknown `type`', () => {
  it.each([
    ['a misspelt name', 'strnig'],
    // codat's accounting spec: a property's schema written where its `type` goes.
    ['a schema in its place', { description: 'The type', enum: ['A', 'B'], type: 'string' }],
  ])('%s is read as any value, with a warning', async (_what, type) => {
    const { ir, diagnostics } = await irWithDiagnostics({
      Item: { type: 'object', properties: { kind: { type }, name: { type: 'string' } } },
    });
    expect(shape(ir!, 'Item')).toMatchObject({
      kind: 'object',
      properties: [
        { name: 'kind', type: { kind: 'primitive', name: 'unknown' } },
        { name: 'name', type: str },
      ],
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'spec-invalid',
        severity: 'warning',
        pointer: '#/components/schemas/Item/properties/kind/type',
      }),
    ]);
  });
});

describe("deviations: each version's keywords in the other version read as their author meant", () => {
  const owner = { type: 'object', properties: { name: { type: 'string' } } };
  const ownerRef: IrType = {
    kind: 'ref',
    target: expect.stringContaining('#/components/schemas/Owner') as unknown as string,
  };
  it.each([
    [
      '3.0 nullable in a 3.1 document',
      '3.1.0',
      { type: 'string', nullable: true },
      { kind: 'union', members: [str, nul] },
    ],
    [
      '3.0 nullable beside a $ref in 3.1',
      '3.1.0',
      { $ref: '#/components/schemas/Owner', nullable: true },
      { kind: 'union', members: [ownerRef, nul] },
    ],
    [
      '3.0 nullable beside allOf in 3.1',
      '3.1.0',
      { allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
      { kind: 'union', members: [ownerRef, nul] },
    ],
    [
      '3.0 boolean exclusiveMinimum in 3.1',
      '3.1.0',
      { type: 'number', minimum: 0, exclusiveMinimum: true },
      // The bound the generated tests' sample values keep to: 0 itself is out.
      { kind: 'primitive', name: 'number', constraints: { exclusiveMinimum: 0 } },
    ],
    [
      '3.0 example in 3.1',
      '3.1.0',
      { type: 'string', example: 'x' },
      { ...str, constraints: { examples: ['x'] } },
    ],
    [
      '3.1 type array in a 3.0 document',
      '3.0.3',
      { type: ['string', 'null'] },
      { kind: 'union', members: [str, nul] },
    ],
    ['3.1 const in 3.0', '3.0.3', { type: 'string', const: 'x' }, { kind: 'literal', value: 'x' }],
    [
      '3.1 examples in 3.0',
      '3.0.3',
      { type: 'string', examples: ['x'] },
      { ...str, constraints: { examples: ['x'] } },
    ],
  ] as const)('%s', async (_name, version, schema, expected) => {
    expect(shape(await irOf(version, { S: schema, Owner: owner }), 'S')).toEqual(expected);
  });

  it("$recursiveRef: '#' refers to the enclosing schema marked $recursiveAnchor", async () => {
    const ir = await irOf('3.1.0', {
      Filter: {
        $recursiveAnchor: true,
        type: 'object',
        required: ['filters'],
        properties: {
          filters: {
            type: 'array',
            items: { oneOf: [{ type: 'string' }, { $recursiveRef: '#' }] },
          },
        },
      },
    });
    const filter = ir.models.find((m) => m.name === 'Filter')!;
    expect(shape(ir, 'Filter')).toEqual({
      kind: 'object',
      properties: [
        {
          name: 'filters',
          required: true,
          type: {
            kind: 'array',
            items: { kind: 'union', members: [str, { kind: 'ref', target: filter.id }] },
          },
        },
      ],
    });
  });

  it('an enum value of another type is read as the declared type when its text says it exactly', async () => {
    const { ir, diagnostics } = await irWithDiagnostics({
      Level: { type: 'string', enum: ['none', 1, 2, true, 'latest'] },
      Flags: { type: 'integer', enum: ['1', '2', '08', '1.5', 'Primary', 4] },
      Scale: { type: 'number', enum: ['1.5', ' 2'] },
      Switch: { type: 'boolean', enum: ['false', 'true'] },
      Fine: { type: 'string', enum: ['a', null] },
    });
    const literals = (name: string) => {
      const t = shape(ir!, name) as { members?: { value?: unknown }[]; value?: unknown };
      return (t.members ?? [t]).map((m) => m.value);
    };
    expect(literals('Level')).toEqual(['none', '1', '2', 'true', 'latest']);
    // '08' and '1.5' are not an integer's text, 'Primary' no number's: kept as written.
    expect(literals('Flags')).toEqual([1, 2, '08', '1.5', 'Primary', 4]);
    expect(literals('Scale')).toEqual([1.5, ' 2']);
    expect(shape(ir!, 'Switch')).toEqual({ kind: 'primitive', name: 'boolean' });
    expect(
      diagnostics.filter((d) => d.rule === 'enum-value-type').map((d) => [d.pointer, d.message]),
      // In the order the schemas are built, their names' (the CLI prints diagnostics in the document's).
    ).toEqual([
      ['#/components/schemas/Flags/enum', 'enum of type integer lists "1", "2": read as 1, 2'],
      [
        '#/components/schemas/Level/enum',
        'enum of type string lists 1, 2, true: read as "1", "2", "true"',
      ],
      ['#/components/schemas/Scale/enum', 'enum of type number lists "1.5": read as 1.5'],
      [
        '#/components/schemas/Switch/enum',
        'enum of type boolean lists "false", "true": read as false, true',
      ],
    ]);
  });

  it("reads allOf beside a member that admits only null as nullable (codat's currencies)", async () => {
    const { ir, diagnostics } = await irWithDiagnostics({
      Currency: { type: 'string' },
      A: { allOf: [{ $ref: '#/components/schemas/Currency' }, { type: 'null' }] },
      B: { allOf: [{ type: ['null'], description: 'none' }, { type: 'string' }] },
      C: { allOf: [{ const: null }, { type: 'null' }] },
      // What is said of the other members is said where they are.
      D: { allOf: [{ type: 'null' }, { type: 'string', enum: [1] }] },
    });
    const currency = { kind: 'ref', target: expect.stringContaining('Currency') as unknown };
    const none = { kind: 'primitive', name: 'null' };
    expect(shape(ir!, 'A')).toEqual({ kind: 'union', members: [currency, none] });
    expect(shape(ir!, 'B')).toEqual({
      kind: 'union',
      members: [{ kind: 'primitive', name: 'string' }, none],
    });
    // Only null in every member: no deviation (C is not reported below).
    expect(diagnostics.filter((d) => d.rule === 'all-of-null').map((d) => d.pointer)).toEqual([
      '#/components/schemas/A/allOf/1',
      '#/components/schemas/B/allOf/0',
      '#/components/schemas/D/allOf/0',
    ]);
    expect(diagnostics.filter((d) => d.rule === 'enum-value-type').map((d) => d.pointer)).toEqual([
      '#/components/schemas/D/allOf/1/enum',
    ]);
  });

  it("reads oneOf beside allOf as both: allOf's part and one of the members (shipengine's rate requests)", async () => {
    const { ir } = await irWithDiagnostics({
      Options: { type: 'object', properties: { carrier: { type: 'string' } } },
      Ids: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } } } },
      // One named allOf member: that member, and the union.
      Bulk: {
        type: 'object',
        allOf: [{ $ref: '#/components/schemas/Options' }],
        oneOf: [{ $ref: '#/components/schemas/Ids' }, { type: 'string' }],
      },
      // A name the holder requires that only a member declares: required there, not an undeclared name.
      Rate: {
        required: ['id'],
        allOf: [{ $ref: '#/components/schemas/Options' }],
        oneOf: [{ type: 'object', properties: { id: { type: 'string' } } }, { type: 'integer' }],
      },
      // allOf with a null-only member, beside a oneOf: the whole is nullable.
      Maybe: {
        allOf: [{ $ref: '#/components/schemas/Options' }, { type: 'null' }],
        anyOf: [{ $ref: '#/components/schemas/Ids' }],
      },
    });
    const ref = (name: string) => ({
      kind: 'ref',
      target: expect.stringContaining(name) as unknown,
    });
    expect(shape(ir!, 'Bulk')).toEqual({
      kind: 'intersection',
      members: [
        ref('Options'),
        { kind: 'union', members: [ref('Ids'), { kind: 'primitive', name: 'string' }] },
      ],
    });
    const rate = shape(ir!, 'Rate') as { kind: string; members: IrType[] };
    expect(rate.kind).toBe('intersection');
    expect(rate.members[0]).toEqual(ref('Options'));
    const [withId] = (rate.members[1] as { members: IrType[] }).members;
    expect(withId).toMatchObject({
      kind: 'object',
      properties: [{ name: 'id', required: true }],
    });
    expect(shape(ir!, 'Maybe')).toMatchObject({
      kind: 'union',
      members: [{ kind: 'intersection' }, { kind: 'primitive', name: 'null' }],
    });
  });

  it('declares a required name no property declares as an optional property of any value (box, sakari)', async () => {
    const ir = await irOf('3.1.0', {
      Lock: { type: 'object', properties: { access: { type: 'string' } }, required: ['type'] },
      Base: { type: 'object', properties: { id: { type: 'string' } } },
      // Declared by another member: required, with that member's type, and nothing added.
      Merged: { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['id', 'kind'] }] },
    });
    const names = (name: string) =>
      (
        shape(ir, name) as { properties: { name: string; required: boolean; type: IrType }[] }
      ).properties.map((p) => [
        p.name,
        p.required,
        p.type.kind === 'primitive' ? p.type.name : p.type.kind,
      ]);
    expect(names('Lock')).toEqual([
      ['access', false, 'string'],
      ['type', false, 'unknown'],
    ]);
    expect(names('Merged')).toEqual([
      ['id', true, 'string'],
      ['kind', false, 'unknown'],
    ]);
  });

  it('schemas that admit no value are never; allOf: [] is unknown', async () => {
    const ir = await irOf('3.0.3', { A: { enum: [] }, B: { oneOf: [] }, C: { allOf: [] } });
    expect([shape(ir, 'A'), shape(ir, 'B'), shape(ir, 'C')]).toEqual([
      { kind: 'primitive', name: 'never' },
      { kind: 'primitive', name: 'never' },
      { kind: 'primitive', name: 'unknown' },
    ]);
  });
});

describe('operations fetch cannot make', () => {
  it('leaves out an operation whose only success is 101 Switching Protocols, with a warning at the 101', async () => {
    const ok = { '200': { description: 'ok' } };
    const { ir, diagnostics } = await irWithDiagnostics(
      {},
      {
        '/streams/{id}/channel': {
          get: {
            operationId: 'openChannel',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '101': { description: 'a WebSocket' }, '409': { description: 'busy' } },
          },
        },
        // A 101 beside a 2xx: fetch takes the 2xx.
        '/feed': { get: { responses: { '101': { description: 'upgrade' }, ...ok } } },
        '/streams': { get: { responses: ok } },
      },
    );
    expect(ir!.operations.map((op) => `${op.httpMethod} ${op.path}`)).toEqual([
      'get /feed',
      'get /streams',
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
      ['unsupported-keyword', 'warning', '#/paths/~1streams~1{id}~1channel/get/responses/101'],
    ]);
    expect(diagnostics[0]!.message).toMatch(/101 Switching Protocols.*left out of the client/);
  });
});

describe('form and multipart bodies', () => {
  const post = (contentType: string, schema: unknown) => ({
    post: {
      requestBody: { content: { [contentType]: { schema } } },
      responses: { '204': { description: 'ok' } },
    },
  });

  it('warns where the schema is an array, which has no field names (peertube)', async () => {
    const { diagnostics } = await irWithDiagnostics(
      { Edits: { type: 'array', items: { type: 'object' } } },
      {
        '/edit': post('application/x-www-form-urlencoded', { $ref: '#/components/schemas/Edits' }),
        '/upload': post('multipart/form-data', { type: 'array', items: { type: 'string' } }),
        '/fields': post('application/x-www-form-urlencoded', {
          type: 'object',
          properties: { tags: { type: 'array', items: { type: 'string' } } },
        }),
      },
    );
    expect(
      diagnostics
        .filter((d) => d.code === 'spec-invalid')
        .map((d) => [d.severity, d.pointer, d.message.split(' carries')[0]]),
    ).toEqual([
      [
        'warning',
        '#/paths/~1edit/post/requestBody/content/application~1x-www-form-urlencoded/schema',
        'application/x-www-form-urlencoded',
      ],
      [
        'warning',
        '#/paths/~1upload/post/requestBody/content/multipart~1form-data/schema',
        'multipart/form-data',
      ],
    ]);
  });
});

describe('text bodies', () => {
  const post = (schema: unknown) => ({
    post: {
      requestBody: { content: { 'text/plain': { schema } } },
      responses: { '204': { description: 'ok' } },
    },
  });

  it("keeps a string schema's constraints through a $ref (conjur's API key), and sends any other as a string", async () => {
    const { ir } = await irWithDiagnostics(
      { ApiKey: { type: 'string', minLength: 55 }, Note: { type: 'object' } },
      {
        '/inline': post({ type: 'string', minLength: 3 }),
        '/ref': post({ $ref: '#/components/schemas/ApiKey' }),
        '/object': post({ $ref: '#/components/schemas/Note' }),
      },
    );
    const body = (path: string) => ir!.operations.find((o) => o.path === path)!.body!.type;
    expect(body('/inline')).toMatchObject({ kind: 'primitive', name: 'string' });
    expect(body('/inline')).toHaveProperty('constraints.minLength', 3);
    const ref = body('/ref');
    expect(ref.kind === 'ref' && ref.target).toMatch(/ApiKey$/);
    expect(body('/object')).toEqual({ kind: 'primitive', name: 'string' });
  });
});

describe('a form or multipart body with no fields', () => {
  const bodyOf = (mediaType: string, schema: object) => ({
    '/upload': {
      post: {
        requestBody: { required: true, content: { [mediaType]: { schema } } },
        responses: { '200': { description: 'OK' } },
      },
    },
  });
  const multipart = 'multipart/form-data';
  const form = 'application/x-www-form-urlencoded';
  const strings = { type: 'array', items: { type: 'string' } };

  it.each<[string, object, [string, string][]]>([
    // libretranslate's `/translate_file`: sent as the string, with no boundary.
    [multipart, { type: 'string' }, [['spec-invalid', 'a string, which has none']]],
    [multipart, { type: 'integer' }, [['spec-invalid', 'a number, which has none']]],
    [multipart, { const: 'x' }, [['spec-invalid', 'a single value, which has none']]],
    // peertube's `studio/edit`.
    [multipart, strings, [['spec-invalid', 'an array, which has none']]],
    [form, strings, [['spec-invalid', 'an array, which has none']]],
    // A form's string may be the form already encoded (`a=1&b=2`).
    [form, { type: 'string' }, []],
    // Jira's attachments: one file, sent as the part `file`.
    [multipart, { type: 'string', format: 'binary' }, [['spec-deviation', 'names no part']]],
    [multipart, { type: 'object', properties: { a: { type: 'string' } } }, []],
    [multipart, {}, []],
  ])('%s with %j warns %j', async (mediaType, schema, expected) => {
    const { diagnostics } = await irWithDiagnostics({}, bodyOf(mediaType, schema));
    expect(diagnostics).toEqual(
      expected.map(([code, fragment]): unknown =>
        expect.objectContaining({
          code,
          severity: 'warning',
          pointer: `#/paths/~1upload/post/requestBody/content/${mediaType.replace('/', '~1')}/schema`,
          message: expect.stringContaining(fragment) as unknown,
        }),
      ),
    );
  });
});

describe("a file field is 3.0's format binary or 3.1's contentMediaType, for the body's media type too", () => {
  const bodyOf = async (media: Record<string, unknown>) => {
    const { ir } = await irWithDiagnostics(
      {},
      {
        '/jobs': {
          post: { requestBody: { content: media }, responses: { '204': { description: 'OK' } } },
        },
      },
    );
    return ir!.operations[0]!.body!.contentType;
  };
  // rev.ai's jobs: a media URL as JSON, or the media itself as a multipart part.
  const jsonOrParts = (file: Record<string, unknown>) => ({
    'application/json': { schema: { type: 'object', properties: { url: { type: 'string' } } } },
    'multipart/form-data': {
      schema: { type: 'object', properties: { media: { type: 'string', ...file } } },
    },
  });
  it.each([
    ['format: binary', 'multipart/form-data', { format: 'binary' }],
    ['a contentMediaType of bytes', 'multipart/form-data', { contentMediaType: 'audio/mpeg' }],
    ['a contentMediaType of text', 'application/json', { contentMediaType: 'text/plain' }],
    [
      'an encoded contentMediaType',
      'application/json',
      { contentMediaType: 'audio/mpeg', contentEncoding: 'base64' },
    ],
  ])('multipart beside JSON, whose field has %s: sends %s', async (_name, picked, file) => {
    expect(await bodyOf(jsonOrParts(file))).toBe(picked);
  });

  it('a multipart body that is one file of a contentMediaType is sent as the bytes declared beside it', async () => {
    expect(
      await bodyOf({
        'multipart/form-data': { schema: { type: 'string', contentMediaType: 'image/png' } },
        'application/octet-stream': { schema: { type: 'string', contentMediaType: 'image/png' } },
      }),
    ).toBe('application/octet-stream');
  });
});
