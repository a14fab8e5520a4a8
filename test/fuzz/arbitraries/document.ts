/**
 * Whole OpenAPI 3.0 and 3.1 documents: odd component names, schemas that refer to each other (and to
 * themselves), discriminated unions with and without a mapping, and a handful of operations.
 */
import fc from 'fast-check';
import { COMPONENT_NAMES, oddString, refTo } from './names';
import { operationArb } from './operations';
import { objectArb, schemaArb, type Schema, type Version } from './schemas';

export type Document = Record<string, unknown>;

/** Variants pinned on a `kind`-like property, and the union that names them with a discriminator. */
function discriminated(
  version: Version,
  components: string[],
): fc.Arbitrary<Record<string, Schema>> {
  const scope = { version, components };
  return fc
    .record({
      union: fc.constantFrom('Animal', 'Pet', 'Message', 'APIError', 'Page'),
      variants: fc.uniqueArray(fc.constantFrom('Cat', 'Dog', 'cat', 'Bird-2', 'Stream', 'class'), {
        minLength: 1,
        maxLength: 3,
      }),
      property: fc.constantFrom('kind', 'type', 'object', 'pet-type', 'class'),
      values: fc.uniqueArray(oddString, { minLength: 3, maxLength: 3 }),
      mapping: fc.boolean(),
      pinned: fc.constantFrom('enum', 'const', 'string'),
      keyword: fc.constantFrom('oneOf', 'anyOf'),
      bodies: fc.array(objectArb(schemaArb(scope, 1)), { minLength: 3, maxLength: 3 }),
    })
    .map((d) => {
      const out: Record<string, Schema> = {};
      d.variants.forEach((name, i) => {
        const value = d.mapping ? d.values[i]! : name;
        const pin =
          d.pinned === 'enum'
            ? { type: 'string', enum: [value] }
            : d.pinned === 'const' && version === '3.1'
              ? { const: value }
              : { type: 'string' };
        const body = d.bodies[i]!;
        const required = [
          ...((body.required as string[] | undefined) ?? []).filter((r) => r !== d.property),
          d.property,
        ];
        out[name] = {
          ...body,
          type: 'object',
          properties: { ...(body.properties as object), [d.property]: pin },
          required,
        };
      });
      const discriminator: Schema = { propertyName: d.property };
      if (d.mapping)
        discriminator.mapping = Object.fromEntries(
          d.variants.map((name, i) => [d.values[i]!, refTo(name).$ref]),
        );
      out[d.union] = { [d.keyword]: d.variants.map(refTo), discriminator };
      return out;
    });
}

/** A valid document of either version. */
export const documentArb: fc.Arbitrary<Document> = fc
  .record({
    version: fc.constantFrom<Version>('3.0', '3.1'),
    names: fc.uniqueArray(fc.constantFrom(...COMPONENT_NAMES), { maxLength: 5 }),
  })
  .chain(({ version, names }) => {
    const scope = { version, components: names };
    return fc.record({
      version: fc.constant(version),
      schemas: fc.tuple(
        ...names.map((name) => schemaArb(scope, 2).map((s): [string, Schema] => [name, s])),
      ),
      union: fc.option(discriminated(version, names), { nil: undefined, freq: 3 }),
      operations: fc.uniqueArray(operationArb(scope), {
        minLength: 1,
        maxLength: 5,
        // Equivalent templated paths (`/a/{x}` and `/a/{y}`) may not both exist.
        selector: (o) => o.path.replace(/\{[^}]*\}/g, '{}'),
      }),
      title: oddString,
      security: fc.constantFrom('none', 'bearer', 'header', 'query'),
    });
  })
  .map(assemble);

interface Parts {
  version: Version;
  schemas: [string, Schema][];
  union: Record<string, Schema> | undefined;
  operations: { path: string; method: string; operation: Record<string, unknown> }[];
  title: string;
  security: string;
}

function assemble(d: Parts): Document {
  // The union block's names win over random schemas of the same name: its refs must reach its variants.
  const schemas: Record<string, Schema> = Object.fromEntries([
    ...d.schemas,
    ...Object.entries(d.union ?? {}),
  ]);
  breakRefLoops(schemas);
  const paths: Record<string, Record<string, unknown>> = {};
  const ids = new Set<string>();
  for (const { path, method, operation } of d.operations) {
    const op = { ...operation };
    // operationIds are unique in a document.
    if (typeof op.operationId === 'string' && ids.has(op.operationId)) delete op.operationId;
    if (typeof op.operationId === 'string') ids.add(op.operationId);
    paths[path] = { [method]: op };
  }
  const doc: Document = {
    openapi: d.version === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: d.title || 'Fuzz', version: '1.0.0', description: d.title },
    servers: [{ url: 'https://api.example.com/v1' }],
    paths,
  };
  const components: Record<string, unknown> = {};
  if (Object.keys(schemas).length) components.schemas = schemas;
  if (d.security !== 'none') {
    components.securitySchemes = {
      auth:
        d.security === 'bearer'
          ? { type: 'http', scheme: 'bearer' }
          : {
              type: 'apiKey',
              in: d.security,
              name: d.security === 'header' ? 'X-API-Key' : 'api_key',
            },
    };
    doc.security = [{ auth: [] }];
  }
  if (Object.keys(components).length) doc.components = components;
  return doc;
}

/** A component that is only a `$ref`, in a loop of such components, names no schema: it becomes an array of it. */
function breakRefLoops(schemas: Record<string, Schema>): void {
  const target = (s: Schema | undefined) =>
    s && typeof s.$ref === 'string' && Object.keys(s).length === 1
      ? decodeURIComponent(s.$ref.replace('#/components/schemas/', ''))
      : undefined;
  for (const name of Object.keys(schemas)) {
    const seen = [name];
    for (let next = target(schemas[name]); next !== undefined; next = target(schemas[next])) {
      if (seen.includes(next)) {
        schemas[name] = { type: 'array', items: schemas[name] };
        break;
      }
      seen.push(next);
    }
  }
}
