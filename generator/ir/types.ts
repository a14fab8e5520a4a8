import type { NameSource } from './naming/evidence';
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
  /** `minProperties` above 0. Types ignore it; the generated tests' values keep to it. */
  minProperties?: number;
  /**
   * Names `required` lists that no property here declares (`{required: [email]}` beside an `allOf` member that
   * declares `email`): the allOf merge makes those properties required.
   */
  requiredUndeclared?: string[];
  /**
   * What the schema itself says of extra keys: `additionalProperties` given as `true` or a schema (`declared`), or
   * `false` (`forbidden`); unset where it says nothing. An `allOf` merge reads it (merge-all-of.ts).
   */
  extras?: 'declared' | 'forbidden';
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

/** The operations a path item may hold, in OpenAPI's order. */
export const HTTP_METHODS: readonly HttpMethod[] = [
  'get',
  'put',
  'post',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
];

/**
 * How a parameter or a form-body field is serialized (OpenAPI `style`, `explode`, `allowReserved`, `content`),
 * kept only where it differs from the default of its place (docs/serialization.md).
 */
export interface IrSerialization {
  style?:
    'simple' | 'label' | 'matrix' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
  allowReserved?: boolean;
  /** How arrays inside deepObject keys are written (`x-clientgen-array-format`); indices when absent. */
  arrayFormat?: 'indices' | 'brackets' | 'repeat';
  /** A parameter declared with `content`, or a form field with an encoding `contentType`: sent as that type's text. */
  contentType?: string;
}

export interface IrParameter extends IrSerialization {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  type: IrType;
  required: boolean;
  /**
   * The one value a required query or header parameter can take (a one-value `enum` or a `const`): the client sends
   * it, and the caller may leave the parameter out (`required` is then false).
   */
  constant?: string | number | boolean;
  docs: IrDocs;
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
  /** The media type as the spec declares it (`application/json-patch+json`, `text/csv`, `image/*`…). */
  contentType: string;
  /** How that media type is sent: JSON text, a form, multipart parts, the string as is, or bytes. */
  encoding: 'json' | 'form' | 'multipart' | 'text' | 'binary';
  /** Multipart only: the `encoding` map's `contentType` per property, where the spec gives one. */
  partContentTypes?: Record<string, string>;
  type: IrType;
  required: boolean;
  pointer: string;
  /** A form body's `encoding` map: how each field it names is serialized. */
  fieldEncoding?: Record<string, IrSerialization>;
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
  /**
   * The query string of the path key, as written (`/responses?beta=true`, weatherbit's `/current?lat={lat}&lon={lon}`):
   * part of the operation's identity (its key, its route in api.md, the diff's wire name).
   */
  pathQuery?: { name: string; value: string }[];
  /** Query parameters sent on every call: the path key's query entries that are no `{parameter}` (`beta=true`). */
  fixedQuery?: { name: string; value: string }[];
  pathParams: IrParameter[];
  queryParams: IrParameter[];
  /** Header and cookie parameters (`in` tells them apart): keys of the params object sent in request headers. */
  headerParams: IrParameter[];
  body: IrBody | undefined;
  /**
   * Headers sent when the call sends no body (an optional one left out): a required `Content-Type` parameter the spec
   * declares beside an optional body, with its schema's value (VTEX's POSTs). With a body, its media type is sent.
   */
  bodylessHeaders?: { name: string; value: string }[];
  /**
   * The 2xx JSON (or text/binary) response; undefined for no content. `exampleArray`: a JSON response with no schema
   * whose example is an array (trakt's, examples only): not a type, but naming reads it (a GET answering one lists).
   */
  response: { type: IrType; contentType: string; exampleArray?: true } | undefined;
  /**
   * The `Accept` the client sends when it is not `application/json`: the success response's declared media
   * type (`application/vnd.api+json`, `image/png`, `text/csv`). Streams ask for `text/event-stream` at run time.
   */
  accept?: string;
  /** The type of each server-sent event's data, when the operation can answer text/event-stream. */
  stream: { eventType: IrType; param: string | undefined } | undefined;
  pagination: (IrPagination & { itemType: IrType }) | undefined;
  /** Names the params types: `${typePrefix}${Method}Params`. */
  typePrefix: string;
  /** Where the resource and method names came from (docs/naming.md); absent in hand-built IR. */
  nameSource?: NameSource;
  docs: IrDocs & { summary?: string };
  pointer: string;
  /** The file the operation is written in, as diagnostics name it. */
  file: string;
  /** False when the operation can use no credentials at all (`security: []`): the client sends none. */
  authenticated: boolean;
  /**
   * The operation's own security requirements (an OR of ANDs; an empty alternative means none needed) when
   * they are not the document's; undefined when it inherits them. Schemes the client cannot send are left out.
   */
  security: IrSecurityRequirement[] | undefined;
}

/** One alternative of a security requirement: every scheme named, with the oauth2 scopes it asks for. */
export type IrSecurityRequirement = { scheme: string; scopes: string[] }[];

/** A credential the user gives: the client option, and the environment variable it defaults to. */
export interface IrCredential {
  option: string;
  env: string;
}

/** A security scheme of `components.securitySchemes`, with the client options that carry its credentials. */
export type IrSecurityScheme = {
  /** The key in `components.securitySchemes`. */
  name: string;
  pointer: string;
} & (
  | { kind: 'apiKey'; in: 'header' | 'query' | 'cookie'; paramName: string; key: IrCredential }
  /** `bearer` or another HTTP scheme sent as `Authorization: <scheme> <token>`. */
  | { kind: 'http'; scheme: string; token: IrCredential }
  | { kind: 'basic'; username: IrCredential; password: IrCredential }
  | {
      kind: 'oauth2';
      /** The flows the spec declares (`clientCredentials`, `authorizationCode`, …). */
      flows: string[];
      token: IrCredential;
      clientCredentials?: {
        tokenUrl: string;
        scopes: string[];
        clientId: IrCredential;
        clientSecret: IrCredential;
      };
    }
  | { kind: 'openIdConnect'; url: string; token: IrCredential }
);

/** The document's security: the schemes the client can send, and the requirements operations inherit. */
export interface IrSecurity {
  /** Sorted by name. */
  schemes: IrSecurityScheme[];
  /** Never empty: `[[]]` when no credentials are needed. */
  requirements: IrSecurityRequirement[];
}

export interface IrClient {
  name: string;
  baseURL: string;
  /** Environment variables read by the client: API key, base URL, and log level. */
  env: { apiKey?: string; baseURL?: string; log?: string };
  /** The security schemes and the document's requirements. */
  security: IrSecurity;
  timeout: number;
  maxRetries: number;
  /**
   * `opt-in` (`x-clientgen.browser`): the client refuses to be made in a browser unless `dangerouslyAllowBrowser`,
   * as the API's credentials are secrets; `allow` (the default) runs anywhere.
   */
  browser: 'allow' | 'opt-in';
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
