/**
 * Schema arbitraries: valid JSON Schemas of the dialect of an OpenAPI version, nested through objects,
 * arrays, maps, oneOf/anyOf/allOf and every nullable spelling of that version, with `$ref`s to the
 * document's own components (so `A -> B -> A` and arrays of self come up on their own).
 */
import fc from 'fast-check';
import { oddString, propertyName, refTo } from './names';

export type Version = '3.0' | '3.1';
export type Schema = Record<string, unknown>;

export interface SchemaScope {
  version: Version;
  /** Component names a `$ref` may point at (possibly the schema's own). */
  components: string[];
}

const primitive: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: 'string' }),
  fc
    .constantFrom('date-time', 'uuid', 'uri', 'email', 'byte')
    .map((format) => ({ type: 'string', format })),
  fc.constant({ type: 'integer' }),
  fc.constant({ type: 'integer', format: 'int64' }),
  fc.constant({ type: 'number' }),
  fc.constant({ type: 'boolean' }),
  fc.constant({}),
  fc.constant({ description: 'anything */ at all' }),
);

/** Enums of one type, and (3.1, where `type` may be left out) of mixed types with `null`. */
function enumSchema(version: Version): fc.Arbitrary<Schema> {
  const strings = fc
    .uniqueArray(oddString, { minLength: 1, maxLength: 5 })
    .map((e) => ({ type: 'string', enum: e }));
  const numbers = fc
    .uniqueArray(fc.oneof(fc.integer({ min: -5, max: 300 }), fc.constantFrom(0.5, -1.25, 1e21)), {
      minLength: 1,
      maxLength: 4,
    })
    .map((e) => ({ type: 'number', enum: e }));
  const integers = fc
    .uniqueArray(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 4 })
    .map((e) => ({ type: 'integer', enum: e }));
  const booleans = fc
    .uniqueArray(fc.boolean(), { minLength: 1, maxLength: 2 })
    .map((e) => ({ type: 'boolean', enum: e }));
  const constant = fc.oneof(oddString, fc.integer({ min: -2, max: 2 }), fc.boolean()).map((c) =>
    version === '3.1'
      ? { const: c }
      : {
          type: typeof c === 'string' ? 'string' : typeof c === 'number' ? 'integer' : 'boolean',
          enum: [c],
        },
  );
  const mixed = fc
    .uniqueArray(
      fc.oneof(oddString, fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null)),
      { minLength: 1, maxLength: 5, selector: (v) => JSON.stringify(v) },
    )
    .map((e) => ({ enum: e }));
  return version === '3.1'
    ? fc.oneof(strings, numbers, integers, booleans, constant, mixed)
    : fc.oneof(strings, numbers, integers, booleans, constant);
}

/** Makes a schema accept null, in one of the spellings its version allows. */
function nullable(version: Version, inner: Schema): fc.Arbitrary<Schema> {
  if (version === '3.0') {
    // 3.0 ignores siblings of `$ref`, so a nullable reference goes through allOf.
    return fc.constant(
      typeof inner.$ref === 'string'
        ? { allOf: [inner], nullable: true }
        : 'enum' in inner
          ? { ...inner, enum: [...(inner.enum as unknown[]), null], nullable: true }
          : { ...inner, nullable: true },
    );
  }
  const spellings: fc.Arbitrary<Schema>[] = [
    fc.constant({ oneOf: [inner, { type: 'null' }] }),
    fc.constant({ anyOf: [inner, { type: 'null' }] }),
  ];
  if (typeof inner.type === 'string') {
    const withNull = { ...inner, type: [inner.type, 'null'] };
    spellings.push(
      fc.constant(
        Array.isArray(inner.enum)
          ? { ...withNull, enum: [...(inner.enum as unknown[]), null] }
          : withNull,
      ),
    );
  }
  return fc.oneof(...spellings);
}

/** Any schema of the scope's version, at most `maxDepth` levels deep. */
export function schemaArb(scope: SchemaScope, maxDepth = 3): fc.Arbitrary<Schema> {
  const { version, components } = scope;
  const ref = components.length
    ? fc.constantFrom(...components).map(refTo)
    : fc.constant({ type: 'string' });
  const nullOnly =
    version === '3.1'
      ? fc.constantFrom<Schema>({ type: 'null' }, { const: null }, { enum: [null] })
      : fc.constant<Schema>({ type: 'string', nullable: true, enum: [null] });
  const leaf = fc.oneof(
    { weight: 4, arbitrary: primitive },
    { weight: 3, arbitrary: ref },
    { weight: 3, arbitrary: enumSchema(version) },
    { weight: 1, arbitrary: nullOnly },
    { weight: 1, arbitrary: fc.constant({ type: 'string', format: 'binary' }) },
  );

  const { schema } = fc.letrec<{
    schema: Schema;
    object: Schema;
    array: Schema;
    map: Schema;
    union: Schema;
    allOf: Schema;
    nullable: Schema;
    indexed: Schema;
  }>((tie) => ({
    schema: fc.oneof(
      { maxDepth, depthIdentifier: 'schema', withCrossShrink: true },
      leaf,
      tie('object'),
      tie('array'),
      tie('map'),
      tie('union'),
      tie('allOf'),
      tie('nullable'),
      tie('indexed'),
    ),
    object: objectArb(tie('schema')),
    array: tie('schema').map((items) => ({ type: 'array', items })),
    map: tie('schema').map((additionalProperties) => ({ type: 'object', additionalProperties })),
    union: fc
      .record({
        keyword: fc.constantFrom('oneOf', 'anyOf'),
        members: fc.array(tie('schema'), { minLength: 1, maxLength: 3 }),
      })
      .map(({ keyword, members }) => ({ [keyword]: members })),
    allOf: fc
      .array(fc.oneof(ref, tie('object')), { minLength: 1, maxLength: 3 })
      .map((members) => ({ allOf: members })),
    nullable: tie('schema').chain((inner) => nullable(version, inner)),
    // An optional array of inline objects inside an object: what `T['x'][number]` reaches into.
    indexed: fc
      .record({ outer: propertyName, required: fc.boolean(), inner: objectArb(tie('schema')) })
      .map(({ outer, required, inner }) => ({
        type: 'object',
        properties: { [outer]: { type: 'array', items: inner } },
        ...(required ? { required: [outer] } : {}),
      })),
  }));
  return schema;
}

/** An object schema with odd property names, some required, some read-only or write-only, maybe a map too. */
export function objectArb(propertySchema: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  const property = fc.record({
    schema: propertySchema,
    required: fc.boolean(),
    access: fc.constantFrom(undefined, undefined, undefined, 'readOnly', 'writeOnly'),
    description: fc.option(oddString, { nil: undefined }),
  });
  return fc
    .record({
      properties: fc.uniqueArray(fc.tuple(propertyName, property), {
        maxLength: 3,
        selector: ([n]) => n,
      }),
      additional: fc.constantFrom(undefined, undefined, false, true, 'schema'),
      extra: propertySchema,
    })
    .map(({ properties, additional, extra }) => {
      const schema: Schema = { type: 'object' };
      if (properties.length) {
        schema.properties = Object.fromEntries(
          properties.map(([name, p]) => [
            name,
            {
              ...p.schema,
              ...(p.access ? { [p.access]: true } : {}),
              ...(p.description !== undefined && !('$ref' in p.schema)
                ? { description: p.description }
                : {}),
            },
          ]),
        );
        const required = properties.filter(([, p]) => p.required).map(([n]) => n);
        if (required.length) schema.required = required;
      }
      if (additional === 'schema') schema.additionalProperties = extra;
      else if (additional !== undefined) schema.additionalProperties = additional;
      return schema;
    });
}
