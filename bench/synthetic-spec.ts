/**
 * A synthetic OpenAPI 3.1 description the size of the largest public ones (GitHub's REST description: ~1,100
 * operations, ~12 MB of JSON), built deterministically (no randomness, no clock) so every run benchmarks the same
 * bytes. Its shapes are the ones real specs are made of: resources under tags with CRUD operations and cursor
 * pagination, path and query parameters, JSON bodies, objects with nested objects, enums, nullable fields, arrays
 * of references, `allOf` and discriminated `oneOf`, and prose descriptions.
 */

const RESOURCES = 100;

const WORDS =
  'the a resource of to and is for in that this value when an be with by on or as returned request field object list id created updated time status account customer invoice payment setting owner team project event token limit page cursor'.split(
    ' ',
  );

function words(seed: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++)
    out.push(WORDS[(seed * 31 + i * 17 + ((seed * i) % 7)) % WORDS.length]!);
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function pascal(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

type Json = Record<string, unknown>;

function resourceSchemas(r: number, name: string): Record<string, Json> {
  const model = pascal(name);
  const properties: Record<string, Json> = {
    id: { type: 'string', description: words(r, 8) },
    object: { type: 'string', const: name },
    created_at: { type: 'integer', format: 'int64', description: words(r + 1, 12) },
    status: {
      type: 'string',
      enum: ['active', 'pending', 'archived', 'deleted'],
      description: words(r + 2, 16),
    },
    owner: { $ref: `#/components/schemas/${pascal(`res_${(r + 1) % RESOURCES}`)}Owner` },
    metadata: {
      type: ['object', 'null'],
      additionalProperties: { type: 'string' },
      description: words(r + 3, 20),
    },
    items: {
      type: 'array',
      items: { $ref: `#/components/schemas/${model}Item` },
      description: words(r + 4, 10),
    },
    settings: {
      type: 'object',
      description: words(r + 5, 14),
      properties: Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [
          `setting_${i}`,
          i % 3 === 0
            ? { type: 'boolean', description: words(r + i, 18) }
            : i % 3 === 1
              ? { type: ['string', 'null'], description: words(r + i, 22) }
              : { type: 'number', minimum: 0, description: words(r + i, 15) },
        ]),
      ),
    },
    source: {
      oneOf: [
        { $ref: `#/components/schemas/${model}CardSource` },
        { $ref: `#/components/schemas/${model}BankSource` },
      ],
      discriminator: { propertyName: 'type' },
    },
  };
  for (let i = 0; i < 165; i++)
    properties[`field_${i}`] = {
      type: i % 2 ? 'string' : 'integer',
      description: words(r * 7 + i, 50 + (i % 5) * 10),
    };
  const source = (kind: string): Json => ({
    type: 'object',
    required: ['type', 'last4'],
    properties: {
      type: { type: 'string', const: kind },
      last4: { type: 'string', description: words(r + kind.length, 12) },
      country: { type: ['string', 'null'], description: words(r + 9, 14) },
    },
  });
  return {
    [model]: {
      type: 'object',
      description: words(r, 150),
      required: ['id', 'object', 'created_at', 'status'],
      properties,
    },
    [`${model}Item`]: {
      allOf: [
        { $ref: '#/components/schemas/BaseItem' },
        {
          type: 'object',
          properties: {
            quantity: { type: 'integer', description: words(r + 11, 18) },
            price: { type: 'number', description: words(r + 12, 18) },
          },
        },
      ],
    },
    [`${model}Owner`]: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        email: { type: 'string', format: 'email', description: words(r + 13, 20) },
      },
    },
    [`${model}CardSource`]: source('card'),
    [`${model}BankSource`]: source('bank'),
    [`${model}List`]: {
      type: 'object',
      required: ['data', 'has_more'],
      properties: {
        data: { type: 'array', items: { $ref: `#/components/schemas/${model}` } },
        has_more: { type: 'boolean' },
        next_cursor: { type: ['string', 'null'] },
      },
    },
    [`${model}CreateParams`]: {
      type: 'object',
      required: ['status'],
      properties: Object.fromEntries(
        [
          'status',
          'metadata',
          'settings',
          ...Array.from({ length: 16 }, (_, i) => `field_${i}`),
        ].map((k) => [k, properties[k]!]),
      ),
    },
  };
}

function resourcePaths(r: number, name: string): Record<string, Json> {
  const model = pascal(name);
  const tag = name;
  const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
  const json = (schema: Json) => ({ 'application/json': { schema } });
  const ok = (schema: Json, description = 'OK') => ({
    '200': { description, content: json(schema) },
    default: { description: 'Error', content: json(ref('Error')) },
  });
  const id = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: words(r + 20, 10),
  };
  const list = (operationId: string, schema: string): Json => ({
    tags: [tag],
    operationId,
    summary: words(r + operationId.length, 6),
    description: words(r + 21, 120),
    parameters: [
      {
        name: 'limit',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: 100 },
        description: words(r + 22, 14),
      },
      {
        name: 'starting_after',
        in: 'query',
        schema: { type: 'string' },
        description: words(r + 23, 14),
      },
      {
        name: 'status',
        in: 'query',
        schema: { type: 'string', enum: ['active', 'pending', 'archived'] },
      },
    ],
    responses: ok(ref(schema)),
  });
  const one = (operationId: string, extra: Json = {}): Json => ({
    tags: [tag],
    operationId,
    summary: words(r + operationId.length, 5),
    description: words(r + 24, 120),
    ...extra,
  });
  return {
    [`/v1/${name}`]: {
      get: list(`list_${name}`, `${model}List`),
      post: one(`create_${name}`, {
        requestBody: { required: true, content: json(ref(`${model}CreateParams`)) },
        responses: ok(ref(model)),
      }),
    },
    [`/v1/${name}/{id}`]: {
      get: one(`retrieve_${name}`, { parameters: [id], responses: ok(ref(model)) }),
      post: one(`update_${name}`, {
        parameters: [id],
        requestBody: { content: json(ref(`${model}CreateParams`)) },
        responses: ok(ref(model)),
      }),
      delete: one(`delete_${name}`, {
        parameters: [id],
        responses: ok({
          type: 'object',
          properties: { id: { type: 'string' }, deleted: { type: 'boolean', const: true } },
        }),
      }),
    },
    [`/v1/${name}/{id}/archive`]: {
      post: one(`archive_${name}`, { parameters: [id], responses: ok(ref(model)) }),
    },
    [`/v1/${name}/{id}/restore`]: {
      post: one(`restore_${name}`, { parameters: [id], responses: ok(ref(model)) }),
    },
    [`/v1/${name}/{id}/items`]: {
      get: {
        ...list(`list_${name}_items`, `${model}List`),
        parameters: [id, ...(list('x', 'x').parameters as Json[])],
      },
      post: one(`add_${name}_item`, {
        parameters: [id],
        requestBody: { content: json(ref('BaseItem')) },
        responses: ok(ref(`${model}Item`)),
      }),
    },
    [`/v1/${name}/{id}/items/{item_id}`]: {
      get: one(`retrieve_${name}_item`, {
        parameters: [id, { ...id, name: 'item_id' }],
        responses: ok(ref(`${model}Item`)),
      }),
      delete: one(`remove_${name}_item`, {
        parameters: [id, { ...id, name: 'item_id' }],
        responses: ok(ref(`${model}Item`)),
      }),
    },
    [`/v1/${name}/search`]: { get: list(`search_${name}`, `${model}List`) },
  };
}

/** The spec as a plain object (12 operations for each of 100 resources: 1,200 operations). */
export function buildSyntheticSpec(): Json {
  const schemas: Record<string, Json> = {
    Error: {
      type: 'object',
      required: ['message'],
      properties: { message: { type: 'string' }, code: { type: ['string', 'null'] } },
    },
    BaseItem: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        description: { type: ['string', 'null'], description: words(3, 20) },
      },
    },
  };
  const paths: Record<string, Json> = {};
  const tags: Json[] = [];
  for (let r = 0; r < RESOURCES; r++) {
    const name = `res_${r}`;
    Object.assign(schemas, resourceSchemas(r, name));
    Object.assign(paths, resourcePaths(r, name));
    tags.push({ name, description: words(r + 30, 30) });
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Synthetic', version: '1.0.0', description: words(1, 80) },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
