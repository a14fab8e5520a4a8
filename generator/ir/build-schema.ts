import { childPointer, findByPointer, formatPointer, parsePointer } from '../load/pointer';
import { derefMap, entryAt } from './ref-as-map';
import { resolveRef } from '../load/load-spec';
import { followRef, isRecord, quietDeref, report, type IrContext, type Location } from './context';
import { buildConstraints } from './build-constraints';
import { buildDocs } from './build-docs';
import { isUnknown, mergeAllOf } from './merge-all-of';
import { pinInheritedDiscriminator } from './inherited-discriminator';
import type { IrConstraints, IrDocs, IrModel, IrObject, IrProperty, IrType } from './types';
import { isTextMediaType } from './media-types';
import { singular } from '../text/case';
import type { SourceFile } from '../load/source-file';

const UNKNOWN: IrType = { kind: 'primitive', name: 'unknown' };
const NULL: IrType = { kind: 'primitive', name: 'null' };

/** Keywords that change what a value may be but that clientgen cannot express as a type. */
const UNSUPPORTED = [
  'not',
  'if',
  'then',
  'else',
  'patternProperties',
  'prefixItems',
  'dependentSchemas',
  'unevaluatedProperties',
];

/** Builds the IR type of a schema object (or boolean schema) found at `at`. */
export function buildType(ctx: IrContext, schema: unknown, at: Location): IrType {
  // A schema several `$ref`s name is its model where it is written too (not a copy beside the model).
  if (ctx.sharedTargets.size) {
    const id = at.file.id + at.pointer;
    if (ctx.sharedTargets.has(id) && ctx.models.get(id)?.type !== BUILDING) {
      ensureModel(ctx, id, locationName(at.pointer, at.file), schema, at);
      return { kind: 'ref', target: id };
    }
  }
  if (schema === true || (isRecord(schema) && Object.keys(schema).every(isAnnotation)))
    return UNKNOWN;
  if (schema === false) return { kind: 'primitive', name: 'never' };
  if (!isRecord(schema)) {
    report(ctx, at, 'spec-invalid', `expected a schema object, found ${describe(schema)}`);
    return UNKNOWN;
  }
  // `$recursiveRef: '#'` (JSON Schema 2019-09, a deviation in OpenAPI): the enclosing `$recursiveAnchor` schema.
  const ref =
    typeof schema.$ref === 'string'
      ? schema.$ref
      : typeof schema.$recursiveRef === 'string'
        ? recursiveTarget(at, schema.$recursiveRef)
        : undefined;
  if (ref !== undefined && !(ctx.version === '3.1' && typedBesideRef(ctx, schema, at))) {
    const target = buildRef(ctx, ref, at);
    return schema.nullable === true ? union([target, NULL]) : target;
  }
  const read = ref !== undefined ? refAsAllOf(schema) : schema;
  for (const keyword of UNSUPPORTED) {
    if (keyword in read) {
      report(
        ctx,
        { file: at.file, pointer: childPointer(at.pointer, keyword) },
        'unsupported-keyword',
        `'${keyword}' is not supported: the type is left wider than the schema`,
        'warning',
      );
    }
  }
  const withoutNull = nullBesideComposition(read);
  let type = buildCore(ctx, withoutNull ?? read, at);
  if (read.nullable === true || withoutNull) type = union([type, NULL]);
  return type;
}

/** Keywords that change a type: beside a `$ref` in OpenAPI 3.1, they make the schema an `allOf` (refAsAllOf). */
const TYPED_BESIDE_REF = [
  'additionalProperties',
  'patternProperties',
  'items',
  'prefixItems',
  'enum',
  'const',
  'allOf',
  'anyOf',
  'oneOf',
];

/**
 * Whether keywords beside a schema's `$ref` change its type. OpenAPI 3.1 (JSON Schema 2020-12) applies them beside
 * what the `$ref` names, as an `allOf` member would: `{$ref: Pet, required: [name]}` requires `name`, and
 * `{$ref: Pet, properties: {tag: …}}` adds `tag`. 3.0 ignores them. A `type` or a bound beside a `$ref` changes no
 * type, nor do `properties` and `required` that only restate the target's names (codat's branding response,
 * `{$ref: Branding, properties: {logo: {properties: {full: {}}}}}`, a converter's stub): read as an `allOf`, they
 * made a copy of the model where the model was meant.
 */
function typedBesideRef(ctx: IrContext, schema: Record<string, unknown>, at: Location): boolean {
  if (typeof schema.$ref !== 'string') return false;
  if (TYPED_BESIDE_REF.some((k) => k in schema)) return true;
  const properties = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  const required = stringsOf(schema.required);
  if (!properties.length && !required.length) return false;
  const named = namesOf(ctx, schema, at.file);
  return (
    properties.some((p) => !named.properties.has(p)) || required.some((r) => !named.required.has(r))
  );
}

/**
 * The property and required names of the schema a node is or `$ref`s (its siblings not read), through its `allOf`
 * members; read quietly, as a hint (the schema is built and reported on where it is).
 */
function namesOf(
  ctx: IrContext,
  node: unknown,
  file: Location['file'],
  into = { properties: new Set<string>(), required: new Set<string>() },
  seen = new Set<unknown>(),
): { properties: Set<string>; required: Set<string> } {
  const found = quietDeref(ctx, node, file);
  if (!found || !isRecord(found.value) || seen.has(found.value)) return into;
  const { value } = found;
  seen.add(value);
  if (isRecord(value.properties))
    Object.keys(value.properties).forEach((p) => into.properties.add(p));
  stringsOf(value.required).forEach((r) => into.required.add(r));
  if (Array.isArray(value.allOf))
    for (const member of value.allOf) namesOf(ctx, member, found.file, into, seen);
  return into;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * `{$ref: X, …}` as `{allOf: [X], …}`, the `$ref` last among the `allOf` members (theirs keep their places). The
 * member is read where the `$ref` is written (REF_MEMBERS), not at an `allOf` index the file does not have.
 */
function refAsAllOf(schema: Record<string, unknown>): Record<string, unknown> {
  const { $ref, ...rest } = schema;
  const allOf = Array.isArray(rest.allOf) ? (rest.allOf as unknown[]) : [];
  const member = { $ref };
  REF_MEMBERS.add(member);
  return { ...rest, allOf: [...allOf, member] };
}

/** The `allOf` members refAsAllOf made. */
const REF_MEMBERS = new WeakSet<object>();

/**
 * A schema whose `type` lists `null` beside an `allOf`, `anyOf` or `oneOf`, without it: 3.1's `type: [object, 'null']`
 * there says what 3.0's `nullable: true` does, null or the composed value (`(A & B) | null`), and is read so: read
 * in place, the null went into the holder's part (`A & (B | null)`), and a spec moved from 3.0 to 3.1 changed its
 * client (GitHub's gist files). Undefined for any other schema.
 */
function nullBesideComposition(
  schema: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const { type } = schema;
  if (!Array.isArray(type) || type.length < 2 || !type.includes('null')) return undefined;
  if ('enum' in schema || 'const' in schema) return undefined;
  if (!['allOf', 'anyOf', 'oneOf'].some((k) => Array.isArray(schema[k]))) return undefined;
  const rest = type.filter((t) => t !== 'null');
  return { ...schema, type: rest.length === 1 ? rest[0] : rest };
}

/**
 * An array schema whose `enum` lists no array (`type: array, items: {type: string}, enum: [new, used]`, as Swagger 2
 * specs wrote the values of an array query parameter) admits no value as written: its author meant the values of
 * the items. The schema read so, with a warning. One whose enum lists arrays of one value each (Mailchimp's
 * `enum: [[abuse], [bounce]]`) is exactly an array of one of those values, read so without a warning (it was
 * `unknown`). Undefined for any other schema.
 */
function arrayEnumOfItems(
  ctx: IrContext,
  schema: Record<string, unknown>,
  at: Location,
): Record<string, unknown> | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types.includes('array') || types.some((t) => t !== 'array' && t !== 'null'))
    return undefined;
  const values = schema.enum;
  if (!Array.isArray(values) || values.every((v) => v === null)) return undefined;
  const items = isRecord(schema.items) ? schema.items : {};
  // Items that name their values already (dracoon writes the same enum on the array and on its items): the
  // array's enum is dropped, and the items' values are read.
  const itemsHaveValues = 'enum' in items || 'const' in items || '$ref' in items;
  const { enum: _values, ...rest } = schema;
  if (
    !itemsHaveValues &&
    values.every((v) => v === null || (Array.isArray(v) && v.length === 1 && isScalar(v[0])))
  )
    return {
      ...rest,
      minItems: 1,
      maxItems: 1,
      items: {
        ...items,
        enum: values.flatMap((v: unknown): unknown[] => (Array.isArray(v) ? v : [])),
      },
    };
  if (values.some(Array.isArray)) return undefined;
  report(
    ctx,
    { file: at.file, pointer: childPointer(at.pointer, 'enum') },
    'spec-invalid',
    "an array's enum lists no array: read as the values of its items",
    'warning',
  );
  return itemsHaveValues
    ? rest
    : { ...rest, items: { ...items, enum: values.filter((v) => v !== null) } };
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function buildCore(ctx: IrContext, schema: Record<string, unknown>, at: Location): IrType {
  if ('const' in schema) return literalOrNull(schema.const, ctx, at);
  const itemsEnum = arrayEnumOfItems(ctx, schema, at);
  if (itemsEnum) return buildCore(ctx, itemsEnum, at);
  if (Array.isArray(schema.enum)) {
    const values = enumOfType(ctx, schema.enum, schema.type, at);
    return union(
      values.map((v, i) =>
        literalOrNull(v, ctx, { file: at.file, pointer: childPointer(at.pointer, 'enum', i) }),
      ),
    );
  }
  const parts: IrType[] = [];
  // `allOf` beside `oneOf`/`anyOf` (shipengine's rate requests): both constrain the value, `allOf & (A | B)`.
  const unionBeside = Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf);
  let holder: IrType | undefined;
  let nullableAllOf = false;
  if (Array.isArray(schema.allOf)) {
    // `allOf: [Currency, {type: 'null'}]` admits no value at all (a string that is null); codat's specs mean a
    // nullable Currency by it, and a type of `never` makes the property impossible to send.
    const nullOnly = schema.allOf.map(isNullOnly);
    const nullable = nullOnly.includes(true) && nullOnly.includes(false);
    if (nullable)
      report(
        ctx,
        { file: at.file, pointer: childPointer(at.pointer, 'allOf', nullOnly.indexOf(true)) },
        'spec-deviation',
        'an allOf member that admits only null beside members that admit no null makes the schema admit no value: read as nullable (`| null`)',
        'warning',
        'all-of-null',
      );
    const members = schema.allOf.flatMap((s, i) =>
      nullable && nullOnly[i]
        ? []
        : [
            buildType(
              ctx,
              s,
              isRecord(s) && REF_MEMBERS.has(s)
                ? at
                : { file: at.file, pointer: childPointer(at.pointer, 'allOf', i) },
            ),
          ],
    );
    // `required` may name a property another member declares (`allOf: [Animal, {required: [name]}]`).
    // A name only a `oneOf`/`anyOf` member beside declares is that member's to require (below), not an undeclared one.
    const beside = unionBeside ? namesOnlyBeside(ctx, schema, at) : new Set<string>();
    // A bare `type: object` beside typed members says nothing they do not (bungie's `objective: {allOf:
    // [DestinyObjectiveProgress], type: object}`): merged in, it made a copy of the member where its model was meant.
    // A component written so is a type of its own (Bing's `CivicStructure: {allOf: [Place], type: object}`, pinned
    // to its discriminator value), as before.
    // So does a bare `type: string` beside members whose values are strings already (twilio's `{type: string, $ref:
    // SinkType}` written as an allOf, plaid's and shipengine's ids): merged in, it printed `SinkType & string`.
    const primitive = barePrimitive(schema);
    const bare =
      members.some((m) => !isUnknown(m)) &&
      ((isBareObject(schema) && modelNameOf(ctx, at.file.id, at.pointer) === undefined) ||
        (primitive !== undefined &&
          members.every((m) => isUnknown(m) || admitsOnly(ctx, m, primitive, new Set()))));
    const own =
      hasShape(schema) && !bare ? [withoutUndeclared(buildShape(ctx, schema, at), beside)] : [];
    const required = [schema, ...(schema.allOf as unknown[])].flatMap((s) =>
      isRecord(s) && Array.isArray(s.required)
        ? s.required.filter((r): r is string => typeof r === 'string' && !beside.has(r))
        : [],
    );
    // A member that constrains nothing the types show (only a title, a description, `required`) is `unknown`,
    // and `unknown & T` is `T`: it is left out rather than printed.
    const shaped = [...members, ...own].filter(
      (m) => !(m.kind === 'primitive' && m.name === 'unknown'),
    );
    const merged = mergeAllOf(
      ctx,
      shaped.length ? shaped : [...members, ...own],
      new Set(required),
    );
    const pinned = pinInheritedDiscriminator(
      ctx,
      schema,
      at,
      modelNameOf(ctx, at.file.id, at.pointer),
      merged,
    );
    if (!unionBeside) return nullable ? union([pinned, NULL]) : pinned;
    // One named member and nothing of the holder's own is that member: `RateOptions & (A | B)`, not a copy of it.
    const ownRequired = Array.isArray(schema.required)
      ? schema.required.filter((r) => typeof r === 'string' && !beside.has(r))
      : [];
    const whole =
      pinned === merged &&
      (!own.length || isBareObject(schema)) &&
      !ownRequired.length &&
      members.length === 1
        ? members[0]!
        : undefined;
    parts.push(whole?.kind === 'ref' ? whole : pinned);
    holder = whole?.kind === 'ref' ? undefined : pinned;
    nullableAllOf = nullable;
  }
  const composed: { list: unknown[]; members: IrType[] }[] = [];
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    const members = list.map((s, i) =>
      buildType(ctx, s, { file: at.file, pointer: childPointer(at.pointer, keyword, i) }),
    );
    composed.push({ list, members });
    const u = union(members);
    if (u.kind === 'union' && isRecord(schema.discriminator)) {
      // The union drops a member listed twice and flattens an inline union into its members: a listed member's
      // place in it is not its place in the list (stream's `ChatEvent` lists `AnyEvent` twice, and every value
      // after it named the member after its own).
      const placed = u.members;
      const position = (i: number): number => {
        const built = members[i]!;
        const same = placed.indexOf(built);
        const key = simpleKey(built);
        return same !== -1 || key === undefined
          ? same
          : placed.findIndex((m) => simpleKey(m) === key);
      };
      u.discriminator = readDiscriminator(
        ctx,
        schema.discriminator,
        list,
        { file: at.file, pointer: childPointer(at.pointer, 'discriminator') },
        position,
      );
    }
    parts.push(u);
  }
  if (parts.length) {
    // Properties beside oneOf/anyOf apply to every member. A bare `type: object` there says no more than the
    // members do (and is often wrong: `type: object, oneOf: [{enum: [auto]}, Config]`): it adds no
    // `{ [key: string]: unknown }`, which would also stop interface-typed values from being assigned.
    // Beside `allOf`, the holder's own properties are merged into its part already.
    // Nor does `additionalProperties: false` alone, the usual way to write a closed union (channel4's Atom types,
    // linqr's contact data): it would print as `(A | B) & {}`.
    if (
      !holder &&
      !Array.isArray(schema.allOf) &&
      hasShape(schema) &&
      !isBareObject(schema) &&
      !isClosedBareObject(schema)
    ) {
      holder = buildShape(ctx, schema, at);
      parts.push(holder);
    }
    if (holder) for (const { list, members } of composed) requireFromHolder(list, members, holder);
    if (Array.isArray(schema.allOf) && Array.isArray(schema.required))
      for (const { list, members } of composed) requireDeclared(list, members, schema.required);
    // `anyOf: [{required: [a]}, {required: [b]}]` beside properties constrains no type: `unknown & T` is `T`.
    const typed = parts.filter((p) => !(p.kind === 'primitive' && p.name === 'unknown'));
    const kept = typed.length ? typed : parts;
    const alternatives = kept.length === 1 ? requiredAlternatives(schema) : undefined;
    if (alternatives && kept[0]!.kind === 'object')
      return { ...kept[0]!, requiredAlternatives: alternatives };
    const built: IrType = kept.length === 1 ? kept[0]! : { kind: 'intersection', members: kept };
    return nullableAllOf ? union([built, NULL]) : built;
  }
  return buildShape(ctx, schema, at);
}

/**
 * A member of `oneOf`/`anyOf` that requires a property its holder declares (GitHub's check runs: `{properties: {status:
 * {enum: [completed]}}, required: [status, conclusion]}` beside `properties: {conclusion: …}`) gets that property,
 * required, from the holder's type: `{ status: 'completed'; conclusion: … }`, so that the type and the generated tests
 * ask for it where the spec does.
 */
function requireFromHolder(list: unknown[], members: IrType[], holder: IrType): void {
  if (holder.kind !== 'object') return;
  members.forEach((member, i) => {
    const source = list[i];
    if (member.kind !== 'object' || !isRecord(source) || !Array.isArray(source.required)) return;
    for (const name of source.required) {
      if (typeof name !== 'string' || member.properties.some((p) => p.name === name)) continue;
      const declared = holder.properties.find((p) => p.name === name);
      if (declared) member.properties.push({ ...declared, required: true });
    }
  });
}

/**
 * The property names only the `oneOf`/`anyOf` members beside an `allOf` declare (through `$ref`s, read quietly: the
 * members are built and reported on where they are), not the holder nor a member of its `allOf`.
 */
function namesOnlyBeside(
  ctx: IrContext,
  schema: Record<string, unknown>,
  at: Location,
): Set<string> {
  const names = (list: unknown): string[] =>
    Array.isArray(list)
      ? list.flatMap((member) => {
          const found = quietDeref(ctx, member, at.file)?.value;
          return isRecord(found) && isRecord(found.properties) ? Object.keys(found.properties) : [];
        })
      : [];
  const own = new Set([...names([schema]), ...names(schema.allOf)]);
  return new Set([...names(schema.oneOf), ...names(schema.anyOf)].filter((n) => !own.has(n)));
}

/** An object without the undeclared `required` names given (names a `oneOf`/`anyOf` member beside declares). */
function withoutUndeclared(type: IrType, names: ReadonlySet<string>): IrType {
  if (type.kind !== 'object' || !type.requiredUndeclared || !names.size) return type;
  const { requiredUndeclared, ...rest } = type;
  const left = requiredUndeclared.filter((n) => !names.has(n));
  return left.length ? { ...rest, requiredUndeclared: left } : rest;
}

/**
 * The holder's `required` names that a `oneOf`/`anyOf` member declares (beside an `allOf`: shipengine's
 * `shipment_id`) are required in that member, when it is written inline (a named schema is not changed for one user).
 */
function requireDeclared(list: unknown[], members: IrType[], required: unknown[]): void {
  members.forEach((member, i) => {
    if (member.kind !== 'object' || !isRecord(list[i])) return;
    member.properties = member.properties.map((p) =>
      required.includes(p.name) && !p.required ? { ...p, required: true } : p,
    );
  });
}

/** `oneOf`/`anyOf` whose members only list `required` names (which properties go together), for sample values. */
function requiredAlternatives(
  schema: Record<string, unknown>,
): IrObject['requiredAlternatives'] | undefined {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = schema[keyword];
    if (!Array.isArray(list) || !list.length) continue;
    const sets = list.map((m) =>
      isRecord(m) &&
      Array.isArray(m.required) &&
      Object.keys(m).every((k) => k === 'required' || isAnnotation(k))
        ? m.required.filter((r): r is string => typeof r === 'string')
        : undefined,
    );
    if (sets.every((s) => s !== undefined)) return { exclusive: keyword === 'oneOf', sets: sets };
  }
  return undefined;
}

/**
 * Swagger 2's `type: file` as converters write it, `{ type: object, format: file }` (Azure's and Microsoft's specs in
 * APIs.guru's directory: uploads): a file, as `format: binary` is.
 */
export function isSwagger2File(schema: Record<string, unknown>): boolean {
  return (
    schema.format === 'file' &&
    (schema.type === undefined || schema.type === 'object' || schema.type === 'string') &&
    schema.properties === undefined &&
    schema.additionalProperties === undefined
  );
}

/**
 * Whether a string schema holds a file's bytes: 3.0's `format: binary`, 3.1's `contentMediaType` of a non-text type
 * without a `contentEncoding` (raw bytes), or Swagger 2's `type: file`. A string whose content is JSON or text, or
 * encoded (`contentEncoding: base64`), is no file.
 */
export function isFileSchema(schema: Record<string, unknown>): boolean {
  return (
    schema.format === 'binary' ||
    (typeof schema.contentMediaType === 'string' &&
      schema.contentEncoding === undefined &&
      !isTextMediaType(schema.contentMediaType)) ||
    isSwagger2File(schema)
  );
}

/** The `type`-driven part of a schema: primitives, arrays, objects, and 3.1 type arrays. */
function buildShape(ctx: IrContext, schema: Record<string, unknown>, at: Location): IrType {
  if (isSwagger2File(schema)) return { kind: 'primitive', name: 'binary' };
  const types = Array.isArray(schema.type)
    ? schema.type
    : schema.type === undefined
      ? [inferTypeName(schema)]
      : [schema.type];
  return union(
    types.map((t): IrType => {
      switch (t) {
        case 'string':
          // A file (isFileSchema); a string whose content is JSON or text stays a string.
          return withConstraints(
            {
              kind: 'primitive',
              name: isFileSchema(schema) ? 'binary' : 'string',
            },
            buildConstraints(schema, 'string'),
          );
        case 'number':
        case 'integer':
          return withConstraints(
            { kind: 'primitive', name: 'number' },
            buildConstraints(schema, t === 'integer' ? 'integer' : 'number'),
          );
        case 'boolean':
          return { kind: 'primitive', name: 'boolean' };
        case 'null':
          return NULL;
        case 'array':
          return withConstraints(
            {
              kind: 'array',
              items:
                schema.items === undefined
                  ? UNKNOWN
                  : buildType(ctx, schema.items, {
                      file: at.file,
                      pointer: childPointer(at.pointer, 'items'),
                    }),
            },
            buildConstraints(schema, 'array'),
          );
        case 'object':
          return buildObject(ctx, schema, at);
        case undefined:
          return UNKNOWN;
        default:
          report(
            ctx,
            { file: at.file, pointer: childPointer(at.pointer, 'type') },
            'spec-invalid',
            `unknown type ${describeBriefly(t)}: read as any value`,
            // A looser type is still a correct client: a published spec's slip does not refuse it (codat's
            // accounting spec writes a property's schema where its `type` goes).
            'warning',
          );
          return UNKNOWN;
      }
    }),
  );
}

/**
 * The docs of a value's schema (a property's, a parameter's), over those of the one member of a nullable union written
 * inline (`anyOf: [{type: object, description, deprecated: true, …}, {type: 'null'}]`, as OpenAI's description writes
 * every nullable value): they say what the value is, as they do written beside `nullable: true` or `type: [object,
 * 'null']`, and were lost (the chat client's `function_call` was neither described nor deprecated).
 */
export function valueDocs(node: Record<string, unknown>): IrDocs {
  const own = buildDocs(node);
  const list = Array.isArray(node.anyOf) ? node.anyOf : node.oneOf;
  if (
    !Array.isArray(list) ||
    list.length !== 2 ||
    'allOf' in node ||
    ('anyOf' in node && 'oneOf' in node)
  )
    return own;
  const members: unknown[] = list.filter((m) => !isNullOnly(m));
  const [member] = members;
  return members.length === 1 && isRecord(member) && !('$ref' in member)
    ? { ...buildDocs(member), ...own }
    : own;
}

function buildObject(ctx: IrContext, schema: Record<string, unknown>, at: Location): IrObject {
  const required = new Set(
    Array.isArray(schema.required)
      ? schema.required.filter((r): r is string => typeof r === 'string')
      : [],
  );
  const properties: IrProperty[] = [];
  const propertiesAt = { file: at.file, pointer: childPointer(at.pointer, 'properties') };
  const map = derefMap(ctx, schema.properties, propertiesAt);
  // A map given as a `$ref` is read where it is: one that holds this schema would be read inside itself.
  const target =
    map && (map.at.file !== propertiesAt.file || map.at.pointer !== propertiesAt.pointer)
      ? `${map.at.file.id}#${map.at.pointer}`
      : undefined;
  if (target !== undefined && ctx.readingMaps.has(target)) {
    // At the `$ref`'s text, as the loader's ref-cycle errors: the place of the map holds the ref-as-map deviation.
    report(
      ctx,
      { file: at.file, pointer: childPointer(propertiesAt.pointer, '$ref') },
      'ref-cycle',
      `'properties' is a $ref to a map that holds this schema: its properties would be read inside themselves`,
    );
  } else if (map) {
    if (target !== undefined) ctx.readingMaps.add(target);
    for (const [name, raw] of Object.entries(map.value)) {
      const where = entryAt(map, name);
      const node = isRecord(raw) ? raw : {};
      properties.push({
        name,
        type: buildType(ctx, raw, where),
        required: required.has(name),
        readOnly: node.readOnly === true,
        writeOnly: node.writeOnly === true,
        docs: valueDocs(node),
        pointer: where.pointer,
      });
    }
    if (target !== undefined) ctx.readingMaps.delete(target);
  }
  const ap = schema.additionalProperties;
  let additional: IrType | undefined;
  if (
    ap === true ||
    (ap === undefined && !isRecord(schema.properties) && schema.patternProperties === undefined)
  )
    additional = UNKNOWN;
  else if (ap === undefined && schema.patternProperties !== undefined) additional = UNKNOWN;
  else if (isRecord(ap))
    additional = buildType(ctx, ap, {
      file: at.file,
      pointer: childPointer(at.pointer, 'additionalProperties'),
    });
  const min = schema.minProperties;
  const undeclared = [...required].filter((name) => !properties.some((p) => p.name === name));
  return {
    kind: 'object',
    properties,
    additional,
    ...(typeof min === 'number' && Number.isInteger(min) && min > 0 && { minProperties: min }),
    ...(undeclared.length && { requiredUndeclared: undeclared }),
    ...(ap === false
      ? { extras: 'forbidden' as const }
      : (ap === true || isRecord(ap)) && { extras: 'declared' as const }),
  };
}

/** Adds the constraints to a new primitive or array type, only when there are any (most schemas have none). */
function withConstraints<T extends IrType & { kind: 'primitive' | 'array' }>(
  type: T,
  constraints: IrConstraints | undefined,
): T {
  return constraints ? { ...type, constraints } : type;
}

/**
 * What `$recursiveRef` names, as a local `$ref`: the nearest enclosing schema in the same file marked
 * `$recursiveAnchor: true`, else the ref as written ('#': the file's root).
 */
function recursiveTarget(at: Location, ref: string): string {
  if (ref !== '#') return ref;
  const segments = parsePointer(at.pointer);
  for (let n = segments.length - 1; n >= 0; n--) {
    const pointer = formatPointer(segments.slice(0, n));
    const node = findByPointer(at.file.value, pointer);
    if (isRecord(node) && node.$recursiveAnchor === true) return pointer;
  }
  return ref;
}

/** A `$ref` to a named schema becomes a model reference; any other target is built inline. */
function buildRef(ctx: IrContext, ref: string, at: Location): IrType {
  let target = followRef(ctx, ref, at);
  if (!target) return UNKNOWN;
  let id = target.file.id + target.pointer;
  const alias = ctx.aliases.get(id);
  if (alias) {
    target = resolveRef(ctx.spec, target.file, (target.value as { $ref: string }).$ref) ?? target;
    id = alias.target;
  }
  const name =
    alias?.name ??
    [...ctx.aliases.values()].find((a) => a.target === id)?.name ??
    modelNameOf(ctx, target.file.id, target.pointer);
  // A schema that is no component is written where its `$ref` is, unless it holds itself or several `$ref`s name it:
  // then it is a model of its own. The first run counts (a second `$ref` to a schema already inlined makes a model
  // from then on, which keeps that run linear); buildIr runs again with the shared ones known, so that every `$ref`
  // to them is a model, whatever their order.
  if (name === undefined && !ctx.building.has(id)) {
    const inlined = ctx.inlined.get(id) ?? 0;
    ctx.inlined.set(id, inlined + 1);
    if (!inlined && !ctx.sharedTargets.has(id)) {
      ctx.building.add(id);
      try {
        return buildType(ctx, target.value, { file: target.file, pointer: target.pointer });
      } finally {
        ctx.building.delete(id);
      }
    }
  }
  ensureModel(ctx, id, name ?? locationName(target.pointer, target.file), target.value, {
    file: target.file,
    pointer: target.pointer,
  });
  return { kind: 'ref', target: id };
}

/** Builds a model once; a placeholder goes in first so recursive schemas refer to it. */
export function ensureModel(
  ctx: IrContext,
  id: string,
  name: string,
  schema: unknown,
  at: Location,
): IrModel {
  const existing = ctx.models.get(id);
  if (existing) return existing;
  const model: IrModel = {
    id,
    name,
    type: UNKNOWN,
    docs: isRecord(schema) ? buildDocs(schema) : {},
    pointer: at.pointer,
    file: at.file.displayPath,
  };
  ctx.models.set(id, model);
  model.type = BUILDING;
  model.type = buildType(ctx, schema, at);
  return model;
}

/** A model's type while its schema is read (buildType then reads the schema, not a `$ref` to the model). */
const BUILDING: IrType = { kind: 'primitive', name: 'unknown' };

/** Records components that only point at a schema of another file (see `IrContext.aliases`). */
export function findComponentAliases(ctx: IrContext, components: Record<string, unknown>): void {
  for (const [name, schema] of Object.entries(components)) {
    if (
      !isRecord(schema) ||
      typeof schema.$ref !== 'string' ||
      Object.keys(schema).some((k) => k !== '$ref' && !isAnnotation(k))
    )
      continue;
    const target = resolveRef(ctx.spec, ctx.spec.entry, schema.$ref);
    if (
      !target ||
      target.file.id === ctx.spec.entry.id ||
      modelNameOf(ctx, target.file.id, target.pointer) === undefined
    )
      continue;
    ctx.aliases.set(ctx.spec.entry.id + childPointer('#/components/schemas', name), {
      target: target.file.id + target.pointer,
      name,
    });
  }
}

/** Component schemas and whole files are models; undefined for anything else (built inline). */
function modelNameOf(ctx: IrContext, fileId: string, pointer: string): string | undefined {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(pointer);
  if (m) return decodeSegment(m[1]!);
  if (pointer === '#' || pointer === '#/') return fileBaseName(fileId);
  // A top-level key of another file (`common.yaml#/Pet`) is a model too.
  if (fileId !== ctx.spec.entry.id && /^#\/[^/]+$/.test(pointer))
    return decodeSegment(pointer.slice(2));
  return undefined;
}

function readDiscriminator(
  ctx: IrContext,
  raw: Record<string, unknown>,
  variants: unknown[],
  at: Location,
  position: (listed: number) => number,
) {
  const property = typeof raw.propertyName === 'string' ? raw.propertyName : '';
  if (!property) report(ctx, at, 'invalid-discriminator', 'discriminator needs a propertyName');
  const refs = variants.map((v) =>
    isRecord(v) && typeof v.$ref === 'string' ? v.$ref : undefined,
  );
  const mapping: { value: string; member: number }[] = [];
  const mapped = new Set<number>();
  if (isRecord(raw.mapping)) {
    for (const [value, ref] of Object.entries(raw.mapping)) {
      const member = refs.findIndex(
        (r) => r !== undefined && typeof ref === 'string' && sameRef(r, ref),
      );
      if (member === -1) {
        report(
          ctx,
          { file: at.file, pointer: childPointer(at.pointer, 'mapping', value) },
          'invalid-discriminator',
          `mapping '${value}' names ${describe(ref)}, which is not one of the union's members: the entry is left out, so the client does not send or expect '${value}'`,
          'warning',
          'discriminator-mapping-left-out',
        );
        continue;
      }
      // A `$ref` the union flattened (to a schema that is itself an inline union) is no one member: left out.
      const placed = position(member);
      if (placed === -1) continue;
      mapping.push({ value, member: placed });
      mapped.add(placed);
    }
  }
  // Without a mapping entry, a member's value is its schema name (OpenAPI 3.1 §4.8.25); a member `$ref`'d where
  // a schema has no name has none (ir/discriminators.ts reads the value it fixes itself, if any).
  const implicit = new Set<number>();
  const unnamed = new Set<number>();
  refs.forEach((r, listed) => {
    const member = position(listed);
    // A member listed twice has its values once.
    if (
      r === undefined ||
      member === -1 ||
      mapped.has(member) ||
      implicit.has(member) ||
      unnamed.has(member)
    )
      return;
    const name = schemaNameOf(r);
    if (name === undefined) return void unnamed.add(member);
    mapping.push({ value: name, member });
    implicit.add(member);
  });
  const discriminator = { property, mapping, inferred: false };
  if (implicit.size || unnamed.size)
    ctx.implicitDiscriminators.set(discriminator, { at, members: implicit, unnamed });
  return discriminator;
}

/**
 * The name a `$ref` gives the schema it names: a component's (`#/components/schemas/Cat`, and `definitions` or
 * `$defs` in converted specs), a whole file's (`cat.yaml`), another file's top-level key (`pets.yaml#/Cat`);
 * undefined for a `$ref` into anything else (`#/paths/…/requestBody/…/anyOf/0`: not the name `0`).
 */
function schemaNameOf(ref: string): string | undefined {
  const hash = ref.indexOf('#');
  const file = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  if (pointer === '' || pointer === '/') return file ? fileBaseName(file) : undefined;
  const named = /^\/(?:components\/schemas|definitions|\$defs)\/([^/]+)$/.exec(pointer);
  if (named) return decodeSegment(named[1]!);
  return file && /^\/[^/]+$/.test(pointer) ? decodeSegment(pointer.slice(1)) : undefined;
}

function sameRef(a: string, b: string): boolean {
  return (
    a === b ||
    a.replace(/^\.\//, '') === b.replace(/^\.\//, '') ||
    (!b.includes('#') && !b.includes('/') && a.endsWith('/' + b))
  );
}

/** Builds a union, flattening nested unions and dropping duplicate primitives and literals. */
export function union(members: IrType[]): IrType {
  const flat: IrType[] = [];
  // By key, not by comparing each member with those before it: Stripe's largest enum has 598 values.
  const seen = new Set<string>();
  for (const m of members) {
    for (const inner of m.kind === 'union' && !m.discriminator ? m.members : [m]) {
      const key = simpleKey(inner);
      if (key !== undefined && seen.has(key)) continue;
      if (key !== undefined) seen.add(key);
      flat.push(inner);
    }
  }
  // `enum: [true, false]` says no more than `boolean`.
  const t = flat.findIndex((m) => m.kind === 'literal' && m.value === true);
  const f = flat.findIndex((m) => m.kind === 'literal' && m.value === false);
  if (t !== -1 && f !== -1) {
    flat.splice(Math.min(t, f), 1, { kind: 'primitive', name: 'boolean' });
    flat.splice(Math.max(t, f), 1);
  }
  // No member (`enum: []`, `oneOf: []`) admits no value; an empty union would print as no type at all (TS7008).
  if (!flat.length) return { kind: 'primitive', name: 'never' };
  return flat.length === 1 ? flat[0]! : { kind: 'union', members: flat };
}

/**
 * What makes two primitives, literals or refs the same member (`===` on the name, value or target); undefined for
 * any other type, never merged. A literal's key says its type: `1` and `'1'` differ. NaN is never the same as itself.
 */
function simpleKey(t: IrType): string | undefined {
  if (t.kind === 'primitive') return `primitive:${t.name}`;
  if (t.kind === 'ref') return `ref:${t.target}`;
  if (t.kind !== 'literal' || Number.isNaN(t.value)) return undefined;
  return `${typeof t.value}:${String(t.value)}`;
}

/**
 * An enum value of another JSON type than the schema's `type`, written as its text would be (remove.bg's `type:
 * string, enum: [none, 1, 2, latest]`, whose description says `"1"`; bungie's `type: integer, enum: ['1', '2', …]`;
 * oxforddictionaries' `type: boolean, enum: ['false', 'true']`), is read as that type's value when the text says it
 * exactly, with a warning: the declared type is what a server checks first, and no value of the other type passes it.
 * A value that converts to nothing (`type: integer, enum: [Primary]`) is kept as written.
 */
function enumOfType(ctx: IrContext, values: unknown[], type: unknown, at: Location): unknown[] {
  if (type !== 'string' && type !== 'integer' && type !== 'number' && type !== 'boolean')
    return values;
  const read = values.map((v) => asType(v, type));
  const changed = values.flatMap((v, i) => (read[i] !== v ? [i] : []));
  const list = (of: unknown[]): string => changed.map((i) => JSON.stringify(of[i])).join(', ');
  if (changed.length)
    report(
      ctx,
      { file: at.file, pointer: childPointer(at.pointer, 'enum') },
      'spec-deviation',
      `enum of type ${type} lists ${list(values)}: read as ${list(read)}`,
      'warning',
      'enum-value-type',
    );
  return read;
}

function asType(value: unknown, type: 'string' | 'integer' | 'number' | 'boolean'): unknown {
  if (type === 'string')
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof value !== 'string') return value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  const n = Number(value);
  const exact = value.trim() !== '' && Number.isFinite(n) && String(n) === value;
  return exact && (type === 'number' || Number.isInteger(n)) ? n : value;
}

function literalOrNull(value: unknown, ctx: IrContext, at: Location): IrType {
  if (value === null) return NULL;
  if (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  ) {
    return { kind: 'literal', value };
  }
  report(
    ctx,
    at,
    'unsupported-keyword',
    `enum or const value ${describe(value)} cannot be a literal type`,
    'warning',
  );
  return UNKNOWN;
}

function inferTypeName(schema: Record<string, unknown>): string | undefined {
  if ('properties' in schema || 'additionalProperties' in schema || 'patternProperties' in schema)
    return 'object';
  if ('items' in schema) return 'array';
  return undefined;
}

function hasShape(schema: Record<string, unknown>): boolean {
  return 'type' in schema || 'properties' in schema || 'additionalProperties' in schema;
}

/** `type: object` (or no type) with no `properties` nor `additionalProperties`: any object at all. */
function isBareObject(schema: Record<string, unknown>): boolean {
  return (
    (schema.type === undefined || schema.type === 'object') &&
    !('properties' in schema) &&
    !('additionalProperties' in schema)
  );
}

/**
 * The JSON type of a `type: string`, `number` or `boolean` with nothing beside it that constrains a value (annotations
 * only, and the `allOf` it stands beside); undefined for any other schema. (Not `integer`, which says more than the
 * `number` its type is.)
 */
function barePrimitive(
  schema: Record<string, unknown>,
): 'string' | 'number' | 'boolean' | undefined {
  const { type } = schema;
  if (type !== 'string' && type !== 'number' && type !== 'boolean') return undefined;
  if (schema.format === 'binary' || schema.format === 'byte') return undefined;
  return Object.keys(schema).every((k) => k === 'type' || k === 'allOf' || isAnnotation(k))
    ? type
    : undefined;
}

/** Whether every value of a type is of this JSON type (through models; one still being built is `unknown`: no). */
function admitsOnly(
  ctx: IrContext,
  type: IrType,
  json: 'string' | 'number' | 'boolean',
  seen: Set<string>,
): boolean {
  switch (type.kind) {
    case 'primitive':
      return type.name === json;
    case 'literal':
      return typeof type.value === json;
    case 'union':
      return type.members.every((m) => admitsOnly(ctx, m, json, seen));
    case 'ref': {
      const model = ctx.models.get(type.target);
      if (!model || seen.has(type.target)) return false;
      seen.add(type.target);
      return admitsOnly(ctx, model.type, json, seen);
    }
    default:
      return false;
  }
}

/** A bare object but for `additionalProperties: false`, and naming no `required` property. */
function isClosedBareObject(schema: Record<string, unknown>): boolean {
  const { additionalProperties, required, ...rest } = schema;
  return (
    additionalProperties === false &&
    (!Array.isArray(required) || !required.length) &&
    isBareObject(rest)
  );
}

/** A schema that admits `null` only: `type: 'null'` (or `['null']`), `enum: [null]`, `const: null`. */
export function isNullOnly(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  const keys = Object.keys(schema).filter((k) => !isAnnotation(k));
  if (keys.length !== 1) return false;
  const { type } = schema;
  if (keys[0] === 'type')
    return type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
  if (keys[0] === 'enum')
    return (
      Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => v === null)
    );
  return keys[0] === 'const' && schema.const === null;
}

function isAnnotation(key: string): boolean {
  return (
    [
      'title',
      'description',
      'deprecated',
      'example',
      'examples',
      'default',
      'readOnly',
      'writeOnly',
      'format',
      'nullable',
      '$comment',
      'externalDocs',
      'xml',
    ].includes(key) || key.startsWith('x-')
  );
}

/**
 * The name of a model made of a schema that is no component: its property's name (`…/properties/ipConfigurations`),
 * singular for the items of an array property (`…/properties/ipConfigurations/items` → `ipConfiguration`); a member
 * of a composition is named after what holds it: `Base` for `allOf` (`…/ApplicationGateway/allOf/0` →
 * `ApplicationGatewayBase`, where APIs.guru inlined Azure's shared `Resource`), `Variant` for `oneOf`/`anyOf`; one
 * written in an operation after its parameter or its operation (`operationPlaceName`); else the pointer's last
 * segment, or the file's name for a whole file.
 */
function locationName(pointer: string, file: SourceFile): string {
  const segs = pointer.split('/').filter(Boolean).map(decodeSegment);
  const n = segs.length;
  const inOperation = operationPlaceName(segs, file);
  if (inOperation !== undefined) return inOperation;
  if (n >= 2 && segs[n - 2] === 'properties') return segs[n - 1]!;
  if (n >= 3 && segs[n - 1] === 'items' && segs[n - 3] === 'properties')
    return singular(segs[n - 2]!);
  const composition = segs[n - 2];
  if (
    n >= 4 &&
    /^\d+$/.test(segs[n - 1]!) &&
    (composition === 'allOf' || composition === 'oneOf' || composition === 'anyOf')
  ) {
    const holder = locationName(pointer.split('/').slice(0, -2).join('/'), file);
    return `${holder} ${composition === 'allOf' ? 'base' : 'variant'}`;
  }
  return lastSegment(pointer, file.id);
}

/**
 * The name of a schema written in an operation that `$ref`s elsewhere name (enode's `GET /chargers/{chargerId}`
 * answer, conjur's `login` parameter): its parameter's name, or its operation's (the operationId, else the method and
 * path) and `response` or `body`. `schema`, the pointer's last word, named them all alike (`Schema`, `Schema2`).
 */
function operationPlaceName(segs: readonly string[], file: SourceFile): string | undefined {
  // `#`, `paths`, the path, the method (or `parameters` of the path item), …, `schema`.
  if (segs[1] !== 'paths' || segs.length < 5 || segs[segs.length - 1] !== 'schema')
    return undefined;
  const tail = segs.slice(3, -1);
  const at = (...more: string[]) =>
    findByPointer(file.value, formatPointer([...segs.slice(1, 3), ...more]));
  if (tail.length === 2 || tail.length === 3) {
    // `parameters/<i>` of the path item, or `<method>/parameters/<i>`.
    const [a, b, c] = tail;
    const parameter =
      tail.length === 2 && a === 'parameters'
        ? at(a, b!)
        : b === 'parameters'
          ? at(a!, b, c!)
          : undefined;
    if (isRecord(parameter) && typeof parameter.name === 'string' && parameter.name)
      return parameter.name;
  }
  const method = tail[0]!;
  const place = tail[1];
  const kind =
    place === 'responses' && tail.length === 5 && tail[3] === 'content'
      ? 'response'
      : place === 'requestBody' && tail.length === 4 && tail[2] === 'content'
        ? 'body'
        : undefined;
  if (kind === undefined) return undefined;
  const operation = at(method);
  const id =
    isRecord(operation) && typeof operation.operationId === 'string' ? operation.operationId : '';
  return `${id || `${method} ${segs[2]!.replace(/[{}]/g, ' ')}`} ${kind}`;
}

function lastSegment(pointer: string, fallbackId: string): string {
  const segs = pointer.split('/').filter(Boolean);
  const last = segs[segs.length - 1];
  return last && last !== '#' ? decodeSegment(last) : fileBaseName(fallbackId);
}

function fileBaseName(fileId: string): string {
  const base = fileId.split(/[\\/]/).pop() ?? fileId;
  return base.replace(/\.(ya?ml|json)$/i, '');
}

function decodeSegment(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A value as its JSON text, or its kind where that text would be a schema's worth. */
function describeBriefly(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return isRecord(value) ? 'an object' : describe(value);
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? typeof value);
}
