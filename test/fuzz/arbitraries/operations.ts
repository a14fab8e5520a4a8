/**
 * Operation arbitraries: parameters in every location (path, query, header; scalars, arrays, objects,
 * enums), request bodies of each supported content type, and every response kind (JSON, text, binary,
 * server-sent events, JSON-or-stream, no content, `default` only, pagination-shaped).
 */
import fc from 'fast-check';
import {
  HEADER_NAMES,
  OPERATION_IDS,
  PATH_PARAM_NAMES,
  PATH_SEGMENTS,
  QUERY_PARAM_NAMES,
  TAGS,
  oddString,
  refTo,
} from './names';
import { objectArb, schemaArb, type Schema, type SchemaScope } from './schemas';

export type Operation = Record<string, unknown>;

export interface GeneratedOperation {
  path: string;
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  operation: Operation;
}

function parameterSchema(scope: SchemaScope): fc.Arbitrary<Schema> {
  return fc.oneof(
    fc.constantFrom<Schema>(
      { type: 'string' },
      { type: 'integer' },
      { type: 'boolean' },
      { type: 'number' },
      { type: 'string', format: 'uuid' },
    ),
    fc
      .uniqueArray(oddString, { minLength: 1, maxLength: 3 })
      .map((e) => ({ type: 'string', enum: e })),
    fc.constantFrom<Schema>(
      { type: 'array', items: { type: 'string' } },
      { type: 'array', items: { type: 'integer' } },
    ),
    schemaArb(scope, 1),
  );
}

function queryParameter(scope: SchemaScope): fc.Arbitrary<Schema> {
  return fc.oneof(
    fc
      .record({
        name: fc.constantFrom(...QUERY_PARAM_NAMES),
        schema: parameterSchema(scope),
        required: fc.boolean(),
      })
      .map((p) => ({ in: 'query', ...p })),
    // An object parameter, serialised as deepObject.
    fc
      .record({
        name: fc.constantFrom(...QUERY_PARAM_NAMES),
        schema: objectArb(parameterSchema(scope)),
        required: fc.boolean(),
      })
      .map((p) => ({ in: 'query', style: 'deepObject', explode: true, ...p })),
    fc
      .record({
        name: fc.constantFrom(...QUERY_PARAM_NAMES),
        explode: fc.boolean(),
        style: fc.constantFrom('form', 'spaceDelimited', 'pipeDelimited'),
      })
      .map((p) => ({ in: 'query', ...p, schema: { type: 'array', items: { type: 'string' } } })),
  );
}

function headerParameter(scope: SchemaScope): fc.Arbitrary<Schema> {
  return fc
    .record({
      name: fc.constantFrom(...HEADER_NAMES),
      schema: parameterSchema(scope),
      required: fc.boolean(),
    })
    .map((p) => ({ in: 'header', ...p }));
}

function requestBody(scope: SchemaScope): fc.Arbitrary<Schema> {
  const schema = schemaArb(scope, 2);
  const content = fc.oneof(
    schema.map((s) => ({ 'application/json': { schema: s } })),
    schema.map((s) => ({ 'application/merge-patch+json': { schema: s } })),
    objectArb(schemaArb(scope, 1)).map((s) => ({
      'application/x-www-form-urlencoded': { schema: s },
    })),
    objectArb(schemaArb(scope, 1)).map((s) => ({
      'multipart/form-data': {
        schema: {
          ...s,
          properties: { ...(s.properties as object), file: { type: 'string', format: 'binary' } },
        },
      },
    })),
    fc.constant({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }),
    fc.constant({ 'application/octet-stream': {} }),
    fc.constant({ 'text/plain': { schema: { type: 'string' } } }),
  );
  return fc.record({ content, required: fc.boolean(), description: oddString });
}

/** `{ data: Item[], has_more }` with a cursor parameter, or an offset, or a next link. */
function paginated(scope: SchemaScope): fc.Arbitrary<{ response: Schema; query: Schema[] }> {
  return fc
    .record({
      style: fc.constantFrom('cursor', 'offset', 'next-link'),
      items: fc.constantFrom('data', 'items', 'results'),
      itemsRequired: fc.boolean(),
      item: fc.oneof(objectArb(schemaArb(scope, 1)), schemaArb(scope, 2)),
    })
    .map(({ style, items, itemsRequired, item }) => {
      const properties: Record<string, Schema> = { [items]: { type: 'array', items: item } };
      const query: Schema[] = [{ in: 'query', name: 'limit', schema: { type: 'integer' } }];
      if (style === 'cursor') {
        properties.has_more = { type: 'boolean' };
        query.push({ in: 'query', name: 'after', schema: { type: 'string' } });
      } else if (style === 'offset')
        query.push({ in: 'query', name: 'offset', schema: { type: 'integer' } });
      else
        properties.next =
          scope.version === '3.1'
            ? { type: ['string', 'null'] }
            : { type: 'string', nullable: true };
      return {
        response: { type: 'object', properties, ...(itemsRequired ? { required: [items] } : {}) },
        query,
      };
    });
}

function responses(scope: SchemaScope, errorSchema: Schema): fc.Arbitrary<Schema> {
  const json = schemaArb(scope, 2).map((s) => ({
    description: 'ok',
    content: { 'application/json': { schema: s } },
  }));
  const ok = fc.oneof(
    json.map((r) => ({ '200': r })),
    json.map((r) => ({ '201': r })),
    fc.constant({
      '200': { description: 'text', content: { 'text/plain': { schema: { type: 'string' } } } },
    }),
    fc.constant({
      '200': {
        description: 'file',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
    }),
    schemaArb(scope, 2).map((s) => ({
      '200': { description: 'events', content: { 'text/event-stream': { schema: s } } },
    })),
    fc.constant({ '204': { description: 'nothing' } }),
    json.map((r) => ({ default: r })),
  );
  return fc.record({ ok, error: fc.boolean() }).map(({ ok, error }) =>
    error
      ? {
          ...ok,
          '4XX': {
            description: 'error',
            content: { 'application/json': { schema: errorSchema } },
          },
        }
      : ok,
  );
}

/** One operation on a path built from odd segments and path parameters. */
export function operationArb(scope: SchemaScope): fc.Arbitrary<GeneratedOperation> {
  const errorSchema = scope.components.includes('APIError')
    ? refTo('APIError')
    : { type: 'object', properties: { message: { type: 'string' } } };
  const segment = fc.oneof(
    fc.constantFrom(...PATH_SEGMENTS).map((s) => ({ text: s, param: undefined })),
    fc.constantFrom(...PATH_PARAM_NAMES).map((p) => ({ text: `{${p}}`, param: p })),
  );
  return fc
    .record({
      segments: fc.uniqueArray(segment, { minLength: 1, maxLength: 3, selector: (s) => s.text }),
      method: fc.constantFrom<GeneratedOperation['method']>(
        'get',
        'put',
        'post',
        'patch',
        'delete',
      ),
      operationId: fc.option(fc.constantFrom(...OPERATION_IDS), { nil: undefined }),
      tag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }),
      pathSchemas: fc.array(
        fc.constantFrom<Schema>(
          { type: 'string' },
          { type: 'integer' },
          { type: 'string', enum: ['a', 'b-c'] },
          { type: 'string', format: 'uuid' },
        ),
        { minLength: 3, maxLength: 3 },
      ),
      query: fc.array(queryParameter(scope), { maxLength: 3 }),
      headers: fc.array(headerParameter(scope), { maxLength: 2 }),
      body: fc.option(requestBody(scope), { nil: undefined }),
      responses: responses(scope, errorSchema),
      page: fc.option(paginated(scope), { nil: undefined, freq: 4 }),
      streaming: fc.option(schemaArb(scope, 1), { nil: undefined, freq: 6 }),
      summary: fc.option(oddString, { nil: undefined }),
    })
    .map((r) => {
      const path = '/' + r.segments.map((s) => s.text).join('/');
      const pathParams = r.segments
        .filter((s) => s.param)
        .map((s, i) => ({ in: 'path', name: s.param, required: true, schema: r.pathSchemas[i] }));
      let query = r.query;
      let resps = r.responses;
      let body = r.body;
      const operation: Operation = {};
      if (r.operationId !== undefined) operation.operationId = r.operationId;
      if (r.tag !== undefined) operation.tags = [r.tag];
      if (r.summary !== undefined) operation.summary = r.summary;
      if (r.page && r.method === 'get') {
        query = [...r.page.query, ...query];
        resps = {
          '200': {
            description: 'a page',
            content: { 'application/json': { schema: r.page.response } },
          },
        };
      }
      if (r.streaming && r.method === 'post') {
        // JSON or a stream, switched by a boolean `stream` field of the body.
        resps = {
          '200': {
            description: 'json or events',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { id: { type: 'string' } } },
              },
              'text/event-stream': { schema: r.streaming },
            },
          },
        };
        body = {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { stream: { type: 'boolean' }, prompt: { type: 'string' } },
              },
            },
          },
        };
      }
      // Parameters are unique by name and location.
      const seen = new Set<string>();
      const parameters = [...pathParams, ...query, ...r.headers].filter((p) => {
        const key = `${String(p.in)}:${String(p.name).toLowerCase()}`;
        return !seen.has(key) && seen.add(key);
      });
      if (parameters.length) operation.parameters = parameters;
      if (body && r.method !== 'get' && r.method !== 'delete') operation.requestBody = body;
      operation.responses = resps;
      return { path, method: r.method, operation };
    });
}
