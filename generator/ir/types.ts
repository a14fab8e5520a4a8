/**
 * The intermediate representation: what the client needs to know about a spec, with every OpenAPI quirk
 * (`nullable`, type arrays, `allOf`, `const`, open enums, discriminators) already reduced. Only `ir/` reads
 * raw OpenAPI; later stages read only these types. Every node keeps the pointer it came from.
 */

/** A schema-level type. A small closed set of kinds: every `switch (t.kind)` ends in `assertNever`. */
export type IrType =
  | {
      kind: 'primitive';
      name: 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' | 'binary';
      /** What the schema asks of a value beyond its type; only the generated tests read it. */
      constraints?: IrConstraints;
    }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; items: IrType; constraints?: IrConstraints }
  | IrObject
  | IrUnion
  | { kind: 'intersection'; members: IrType[] }
  | { kind: 'ref'; target: string };

/**
 * Validation keywords of a string, number or array schema, kept (only when present) so that the generated tests can
 * build values a validating server accepts. Types never depend on them.
 */
export interface IrConstraints {
  format?: string;
  /** `type: integer` (the type is `number` either way). */
  integer?: boolean;
  /** Inclusive bounds; an exclusive bound of 3.0 (boolean) or 3.1 (number) is in `exclusiveMinimum`/`Maximum`. */
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** The schema's own `example`/`examples`/`default`, for values nested where no property docs reach. */
  examples?: unknown[];
}

export interface IrObject {
  kind: 'object';
  properties: IrProperty[];
  /** The type of extra keys; undefined for a closed object. */
  additional: IrType | undefined;
  /**
   * A `oneOf` (exclusive) or `anyOf` beside the properties whose members only list `required` names: one of these
   * sets of properties must be present. Types ignore it; the generated tests' values keep to it.
   */
  requiredAlternatives?: { exclusive: boolean; sets: string[][] };
}

export interface IrUnion {
  kind: 'union';
  members: IrType[];
  /** Set when members share a literal property: from `discriminator`, or inferred from the members. */
  discriminator?: IrDiscriminator;
}

export interface IrDiscriminator {
  property: string;
  /** Discriminant value → index in `members`. */
  mapping: { value: string; member: number }[];
  /** True when the spec has no `discriminator` and clientgen found it from single-value enums or consts. */
  inferred: boolean;
}

export interface IrProperty {
  /** The wire name, exactly as in the spec. */
  name: string;
  type: IrType;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  docs: IrDocs;
  pointer: string;
}

export interface IrDocs {
  title?: string;
  description?: string;
  deprecated?: boolean;
  /** JSON values, rendered as `@default` / `@example`. */
  default?: unknown;
  examples?: unknown[];
  format?: string;
}

/** A named schema: a component schema, or a schema in its own file reached by `$ref`. */
export interface IrModel {
  /** Unique id: the absolute file id plus the pointer. */
  id: string;
  /** The name in the spec (e.g. the component key); the plan turns it into an identifier. */
  name: string;
  type: IrType;
  docs: IrDocs;
  pointer: string;
  file: string;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

export interface IrParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  type: IrType;
  required: boolean;
  docs: IrDocs;
  /** Query serialisation (OpenAPI `style`/`explode`), kept only when not the default for the type. */
  style?: 'form' | 'deepObject' | 'spaceDelimited' | 'pipeDelimited';
  explode?: boolean;
  pointer: string;
}

export type IrPagination =
  | {
      style: 'cursor';
      items: string;
      hasMore?: string;
      cursorParam: string;
      cursorField: string;
      inferred: boolean;
    }
  | {
      style: 'offset';
      items: string;
      offsetParam: string;
      limitParam?: string;
      total?: string;
      inferred: boolean;
    }
  | { style: 'next-link'; items: string; next: string; inferred: boolean };

export interface IrBody {
  contentType:
    | 'application/json'
    | 'application/x-www-form-urlencoded'
    | 'multipart/form-data'
    | 'application/octet-stream'
    | 'text/plain';
  type: IrType;
  required: boolean;
  pointer: string;
}

export interface IrOperation {
  operationId: string;
  /** Resource path from the root, e.g. ['chat', 'completions', 'messages']. */
  resource: string[];
  /** The method name on the resource, e.g. 'list'. */
  methodName: string;
  /** The operation's tags as written in the spec (for `--include tag:…`). */
  tags: string[];
  httpMethod: HttpMethod;
  path: string;
  /** Query parameters sent on every call, from a query string in the path key (`/responses?beta=true`). */
  fixedQuery?: { name: string; value: string }[];
  pathParams: IrParameter[];
  queryParams: IrParameter[];
  headerParams: IrParameter[];
  body: IrBody | undefined;
  /** The 2xx JSON (or text/binary) response; undefined for no content. */
  response: { type: IrType; contentType: string } | undefined;
  /** The type of each server-sent event's data, when the operation can answer text/event-stream. */
  stream: { eventType: IrType; param: string | undefined } | undefined;
  pagination: (IrPagination & { itemType: IrType }) | undefined;
  /** Names the params types: `${typePrefix}${Method}Params`. */
  typePrefix: string;
  docs: IrDocs & { summary?: string };
  pointer: string;
  /** The file the operation is written in, as diagnostics name it. */
  file: string;
  /** False when the operation needs no credentials (`security: []`): the client then sends no API key. */
  authenticated: boolean;
  /** The security schemes the operation names itself, when it overrides the document's. */
  securitySchemes: string[] | undefined;
}

export interface IrClient {
  name: string;
  baseURL: string;
  /** Environment variables read by the client: API key, base URL, and log level. */
  env: { apiKey?: string; baseURL?: string; log?: string };
  /** How the API key is sent, and the name of the security scheme that says so. */
  auth:
    | (({ type: 'bearer' } | { type: 'header'; name: string } | { type: 'query'; name: string }) & {
        scheme: string;
      })
    | undefined;
  timeout: number;
  maxRetries: number;
  title: string;
  description?: string;
}

export interface Ir {
  client: IrClient;
  /** Sorted by id, so output never depends on discovery order. */
  models: IrModel[];
  /** In document order (paths, then methods as get, put, post, patch, delete). */
  operations: IrOperation[];
  /** The spec's path as the banner names it. */
  source: string;
}
