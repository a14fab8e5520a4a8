import type {
  ClassDeclarationStructure,
  ImportDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  ModuleDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  SourceFileStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { Scope, StructureKind } from './structure-kind';
import { dereference, modelsById, type ModelTypes } from '../ir/dereference';
import { pathWritable } from '../ir/path-writable';
import type { IrParameter, IrProperty, IrType } from '../ir/types';
import type { Plan, PlannedMethod, PlannedResource } from '../plan/types';
import { jsDocText } from '../text/js-doc';
import { indexSignatures, withNamespaceNames } from './hoist';
import { namespaceFor, propertySignatures, typeContext } from './emit-model';
import { renderCall } from './render-call';
import { moduleSpecifier } from './module-specifier';
import { renderType, tsPropertyName, type NamespaceNames, type TypeContext } from './render-type';
import { tsString } from '../text/string-literal';
import { spaced } from './spaced';
import { RUNTIME_TYPES, typeImports, type UsedTypes } from './type-imports';

/**
 * One resource file: the class with a method per operation, its sub-resources, and its params and page types. Other
 * models' types are read through `models` only (incremental/emit-record.ts records what a file read there).
 */
export function emitResource(
  plan: Plan,
  resource: PlannedResource,
  models: ModelTypes = modelsById(plan.ir.models),
): SourceFileStructure {
  return withNamespaceNames((namespaces) => emitResourceFile(plan, resource, models, namespaces));
}

function emitResourceFile(
  plan: Plan,
  resource: PlannedResource,
  models: ModelTypes,
  namespaces: NamespaceNames | undefined,
): { value: SourceFileStructure; used: UsedTypes } {
  const used: UsedTypes = new Set();
  // The runtime names the file imports from `core/`: those it uses as values (`extends`, what a call passes), and the
  // rest, which it names as types only.
  const values = new Set<string>(['APIResource']);
  const core = new Set<string>();
  const request = typeContext(plan, 'request', used, namespaces);
  const response = typeContext(plan, 'response', used, namespaces);
  const methods = resource.methods.map((m) =>
    emitMethod(plan, m, request, response, core, values, models),
  );
  const declarations = resource.methods.flatMap((m) =>
    emitMethodTypes(plan, m, request, response, core, models),
  );
  // Runtime types go into the one import from core, with the others (no interface may take their names: hoist.ts).
  for (const name of RUNTIME_TYPES) if (used.delete(name)) core.add(name);
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    properties: resource.children.map((c) => ({
      name: c.property,
      isReadonly: true,
      type: c.className,
      initializer: `new ${c.className}(this._client)`,
      scope: Scope.Public,
    })),
    methods,
  };
  const imports: ImportDeclarationStructure[] = [
    ...coreImports(plan, resource.file, core, values),
    ...resource.children.map((c): ImportDeclarationStructure => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: moduleSpecifier(resource.file, c.file, plan.importStyle),
      namedImports: [c.className],
    })),
    ...typeImports(plan, resource.file, used),
  ].sort((a, b) =>
    a.moduleSpecifier < b.moduleSpecifier ? -1 : a.moduleSpecifier > b.moduleSpecifier ? 1 : 0,
  );
  return {
    value: {
      kind: StructureKind.SourceFile,
      statements: spaced([...imports, cls, ...declarations]),
    },
    used,
  };
}

/** The file's imports from `core/`: the values, then the names used as types only. */
function coreImports(
  plan: Plan,
  file: string,
  names: ReadonlySet<string>,
  values: ReadonlySet<string>,
): ImportDeclarationStructure[] {
  const moduleSpec = moduleSpecifier(file, 'core/index.ts', plan.importStyle);
  const types = [...names].filter((n) => !values.has(n)).sort();
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: moduleSpec,
      namedImports: [...values].sort(),
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: moduleSpec,
      namedImports: types,
      isTypeOnly: true,
    },
  ].filter((d) => d.namedImports.length);
}

function emitMethod(
  plan: Plan,
  m: PlannedMethod,
  request: TypeContext,
  response: TypeContext,
  core: Set<string>,
  values: Set<string>,
  models: ModelTypes,
): OptionalKind<MethodDeclarationStructure> {
  const { op } = m;
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = methodArguments(
    plan,
    m,
    request,
    models,
  ).map((a) => ({ name: a.name, type: a.type, hasQuestionToken: a.optional }));
  const paramsType = paramsTypeText(m, request);
  parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  core.add('RequestOptions');
  const doc = jsDocText(op.docs);
  const returns = returnType(m, response, core);
  let call = renderCall(m, typeArguments(m, response, core), models, values);
  const method: OptionalKind<MethodDeclarationStructure> = {
    name: m.name,
    parameters,
    returnType: returns,
    statements: [],
    docs: doc ? [doc] : [],
  };
  if (m.streaming && m.params) {
    // `stream: true` gives a Stream, `stream?: false | null` the JSON body, a plain params object either.
    const event = renderType(op.stream!.eventType, response);
    const json = plainResult(m, response);
    core.add('Stream');
    const optional = !m.params.required;
    const overload = (type: string, ret: string, opt: boolean, withDocs = false) => ({
      parameters: [
        ...parameters.slice(0, -2),
        { name: 'params', type, hasQuestionToken: opt },
        parameters[parameters.length - 1]!,
      ],
      returnType: ret,
      docs: withDocs && doc ? [doc] : [],
    });
    method.overloads = [
      overload(m.streaming.nonStreamingName, `APIPromise<${json}>`, optional, true),
      overload(m.streaming.streamingName, `APIPromise<Stream<${event}>>`, false),
      overload(paramsType, `APIPromise<Stream<${event}> | ${json}>`, optional),
    ];
    method.returnType = `APIPromise<Stream<${event}>> | APIPromise<${json}>`;
    call = `${call} as ${method.returnType}`;
    method.docs = [];
  }
  method.statements = [`return ${call};`];
  return method;
}

/** A method's arguments before `options`: the path arguments, then a non-object body, then the params object. */
export function methodArguments(
  plan: Plan,
  m: PlannedMethod,
  request: TypeContext,
  models: ModelTypes = modelsById(plan.ir.models),
): { name: string; type: string; optional: boolean }[] {
  const { op } = m;
  const args = m.pathArgs.map((a) => {
    const p = op.pathParams.find((q) => q.name === a.wireName)!;
    return { name: a.identifier, type: pathArgType(p, request, models), optional: false };
  });
  // An optional body is an optional argument when the params after it are optional too, else `T | undefined`.
  if (m.params?.kind === 'body' && m.params.typeName) {
    const type = renderType(op.body!.type, request);
    const optional = !op.body!.required;
    args.push({
      name: 'body',
      type: optional && m.params.required ? `${type} | undefined` : type,
      optional: optional && !m.params.required,
    });
  }
  if (m.params)
    args.push({
      name: m.params.kind === 'body' && !m.params.typeName ? 'body' : 'params',
      type: paramsTypeText(m, request),
      optional: !m.params.required,
    });
  return args;
}

/** What awaiting a call gives: the page type of a list, the JSON or a stream for a switchable stream, else the result. */
export function awaitedType(m: PlannedMethod, response: TypeContext): string {
  if (m.pageTypeName && m.op.pagination) return m.pageTypeName;
  if (m.streaming)
    return `${plainResult(m, response)} | Stream<${renderType(m.op.stream!.eventType, response)}>`;
  return resultType(m, response, new Set());
}

/** The response type: its name when it has one, else the type written out. */
function responseText(m: PlannedMethod, ctx: TypeContext): string {
  return m.responseTypeName ?? (m.op.response ? renderType(m.op.response.type, ctx) : 'void');
}

/** A page's item type: an inline item is named through the response type (`XListResponse['data'][number]`). */
function itemText(m: PlannedMethod, ctx: TypeContext): string {
  const { pagination } = m.op;
  if (!pagination) return 'never';
  const inline =
    pagination.itemType.kind === 'object' ||
    pagination.itemType.kind === 'union' ||
    pagination.itemType.kind === 'intersection';
  if (!m.responseTypeName || !inline) return renderType(pagination.itemType, ctx);
  const items = `${m.responseTypeName}[${tsString(pagination.items)}]`;
  // An optional or nullable items array has `undefined`/`null` in its type, which `[number]` cannot index (TS2537).
  return `${isCertain(m.op.response?.type, pagination.items) ? items : `NonNullable<${items}>`}[number]`;
}

/** True when the response is an object whose property `name` is required and never null. */
function isCertain(type: IrType | undefined, name: string): boolean {
  const property =
    type?.kind === 'object' ? type.properties.find((p) => p.name === name) : undefined;
  if (!property?.required) return false;
  const t = property.type;
  return !(
    t.kind === 'union' && t.members.some((u) => u.kind === 'primitive' && u.name === 'null')
  );
}

/** The runtime call's type arguments: `<Item, Page>` for lists, `<T>` for the rest. */
function typeArguments(m: PlannedMethod, response: TypeContext, core: Set<string>): string {
  const { op } = m;
  if (m.pageTypeName && op.pagination) return `${itemText(m, response)}, ${m.pageTypeName}`;
  if (m.streaming)
    return `Stream<${renderType(op.stream!.eventType, response)}> | ${plainResult(m, response)}`;
  return resultType(m, response, core);
}

/** What a method's promise resolves to: a page promise for lists, else an `APIPromise` of the result. */
function returnType(m: PlannedMethod, response: TypeContext, core: Set<string>): string {
  if (m.pageTypeName && m.op.pagination) {
    core.add('PagePromise');
    return `PagePromise<${m.pageTypeName}, ${itemText(m, response)}>`;
  }
  core.add('APIPromise');
  return `APIPromise<${resultType(m, response, core)}>`;
}

/** The result of a non-list call: a stream, the parsed JSON, text, the raw `Response` for binaries, or void. */
function resultType(m: PlannedMethod, response: TypeContext, core: Set<string>): string {
  const { op } = m;
  if (op.stream && !op.stream.param) {
    core.add('Stream');
    return `Stream<${renderType(op.stream.eventType, response)}>`;
  }
  return plainResult(m, response);
}

/** What a call that asks for no stream gives: the parsed JSON, text, the raw `Response` for binaries, or void. */
function plainResult(m: PlannedMethod, response: TypeContext): string {
  const { op } = m;
  if (!op.response) return 'void';
  if (op.response.contentType === 'application/json') return responseText(m, response);
  return op.response.type.kind === 'primitive' && op.response.type.name === 'string'
    ? 'string'
    : 'Response';
}

function paramsTypeText(m: PlannedMethod, request: TypeContext): string {
  if (!m.params) return '';
  if (m.params.kind === 'body' && !m.params.typeName) return renderType(m.op.body!.type, request);
  // A body model reused as the params type is rendered through the context, so it gets imported.
  if (m.params.kind === 'merged' && m.params.reuses === m.params.typeName && m.op.body)
    return renderType(m.op.body.type, request);
  return m.params.typeName ?? 'never';
}

/** A path argument's type: its schema's when the path styles can write it (scalars, arrays, flat objects), else `string`. */
function pathArgType(p: IrParameter, ctx: TypeContext, models: ModelTypes): string {
  return pathWritable(p.type, models) ? renderType(p.type, ctx) : 'string';
}

/** The params type (unless a model is reused as is), its streaming variants, and the page alias. */
function emitMethodTypes(
  plan: Plan,
  m: PlannedMethod,
  request: TypeContext,
  response: TypeContext,
  core: Set<string>,
  models: ModelTypes,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure | ModuleDeclarationStructure)[] {
  const out: (
    InterfaceDeclarationStructure | TypeAliasDeclarationStructure | ModuleDeclarationStructure
  )[] = [];
  const { op } = m;
  if (m.pageTypeName && op.pagination && op.response) {
    core.add('PageWithBody');
    out.push({
      kind: StructureKind.TypeAlias,
      name: m.pageTypeName,
      isExported: true,
      type: `PageWithBody<${itemText(m, response)}, ${responseText(m, response)}>`,
      docs: [`One page of \`${op.resource.join('.')}.${m.name}()\`.`],
    });
  }
  if (m.responseTypeName && op.response) {
    const hoister = namespaceFor(plan, m.responseTypeName, response);
    const ctx = hoister.context();
    const t = op.response.type;
    out.push(
      t.kind === 'object'
        ? {
            kind: StructureKind.Interface,
            name: m.responseTypeName,
            isExported: true,
            properties: propertySignatures(t.properties, ctx),
          }
        : {
            kind: StructureKind.TypeAlias,
            name: m.responseTypeName,
            isExported: true,
            type: renderType(t, ctx, t.kind === 'array' ? 'Items' : 'Variant'),
          },
    );
    const namespace = hoister.toStructure();
    if (namespace) out.push(namespace);
  }
  const params = m.params;
  if (
    params &&
    params.typeName &&
    !(params.kind === 'merged' && params.reuses === params.typeName)
  ) {
    const others = [...op.queryParams, ...op.headerParams].map(paramProperty);
    const body = params.kind === 'merged' ? op.body : undefined;
    const bodyType = body?.type;
    // A body the API does not require, whose schema requires fields, beside other parameters: the call gives all of
    // its required fields or none (the runtime sends it only when a field is given: `body: 'optional'`).
    const optional =
      body && bodyType && !body.required && others.length > 0 && requiresFields(bodyType, models)
        ? (text: string) => {
            core.add('OptionalBody');
            return `OptionalBody<${text}>`;
          }
        : undefined;
    if (bodyType && !others.length && bodyType.kind !== 'object') {
      out.push({
        kind: StructureKind.TypeAlias,
        name: params.typeName,
        isExported: true,
        type: renderType(bodyType, request),
      });
    } else if (bodyType && bodyType.kind !== 'object') {
      const extra = others.length ? ` & ${renderObject(others, request)}` : '';
      const text = renderType(bodyType, request);
      out.push({
        kind: StructureKind.TypeAlias,
        name: params.typeName,
        isExported: true,
        type: `${optional ? optional(text) : wrap(text)}${extra}`,
      });
    } else if (bodyType && optional) {
      // The body's fields get an interface of their own in the params' namespace (`XParams.Body`): the optional
      // wrapper takes a type, and the parameters stay beside it.
      const hoister = namespaceFor(plan, params.typeName, request);
      const fields = renderType(bodyType, hoister.context(), 'Body');
      out.push({
        kind: StructureKind.TypeAlias,
        name: params.typeName,
        isExported: true,
        type: `${optional(fields)} & ${renderObject(others, request)}`,
      });
      const namespace = hoister.toStructure();
      if (namespace) out.push(namespace);
    } else {
      const props = [...(bodyType?.kind === 'object' ? bodyType.properties : []), ...others];
      const hoister = namespaceFor(plan, params.typeName, request);
      const ctx = hoister.context();
      out.push({
        kind: StructureKind.Interface,
        name: params.typeName,
        isExported: true,
        properties: propertySignatures(props, ctx),
        // A body with `additionalProperties` takes other keys too (no parameter then shares the object: plan-output.ts).
        ...(bodyType?.kind === 'object' && bodyType.additional
          ? { indexSignatures: indexSignatures(bodyType, ctx) }
          : {}),
      });
      const namespace = hoister.toStructure();
      if (namespace) out.push(namespace);
    }
  }
  if (m.streaming && params?.typeName) {
    const key = tsPropertyName(op.stream!.param!);
    out.push(
      {
        kind: StructureKind.TypeAlias,
        name: m.streaming.nonStreamingName,
        isExported: true,
        type: `${params.typeName} & { ${key}?: false | null }`,
        docs: [`\`${m.name}\` params that ask for the whole response at once.`],
      },
      {
        kind: StructureKind.TypeAlias,
        name: m.streaming.streamingName,
        isExported: true,
        type: `${params.typeName} & { ${key}: true }`,
        docs: [`\`${m.name}\` params that ask for a stream of server-sent events.`],
      },
    );
  }
  return out;
}

/**
 * Whether a body type requires some field: an object with a required property, or a model, union or intersection
 * with such a part. Properties a request never sends (readOnly) do not count.
 */
function requiresFields(type: IrType, models: ModelTypes, depth = 0): boolean {
  if (depth > 32) return false;
  if (type.kind === 'ref') {
    const target = dereference(type, models);
    return target !== undefined && requiresFields(target, models, depth + 1);
  }
  if (type.kind === 'object') return type.properties.some((p) => p.required && !p.readOnly);
  return (
    (type.kind === 'union' || type.kind === 'intersection') &&
    type.members.some((m) => requiresFields(m, models, depth + 1))
  );
}

function paramProperty(p: IrParameter): IrProperty {
  return {
    name: p.name,
    type: p.type,
    required: p.required,
    readOnly: false,
    writeOnly: false,
    docs: p.docs,
    pointer: p.pointer,
  };
}

function renderObject(props: IrProperty[], ctx: TypeContext): string {
  return renderType({ kind: 'object', properties: props, additional: undefined }, ctx);
}

function wrap(text: string): string {
  return text.includes('|') ? `(${text})` : text;
}
