import { dereference, type ModelTypes } from '../ir/dereference';
import type { Ir, IrModel, IrOperation, IrType } from '../ir/types';
import { walkType } from '../ir/walk';
import { pascalCase } from '../text/case';
import {
  NameRegistry,
  kebabCase,
  methodIdentifier,
  typeIdentifier,
  valueIdentifier,
} from './identifiers';
import { CLIENT_MEMBERS, CORE_EXPORTS } from './core-exports';
import type { ImportStyle, Plan, PlannedMethod, PlannedModel, PlannedResource } from './types';

export interface PlanOptions {
  clientName?: string;
  importStyle?: ImportStyle;
}

/** Assigns every declaration a collision-free identifier and a file. Deterministic: sorted inputs only. */
export function planOutput(ir: Ir, options: PlanOptions = {}): Plan {
  const registry = new NameRegistry(CORE_EXPORTS);
  const clientClass = registry.claim(typeIdentifier(options.clientName ?? ir.client.name));
  const errorAlias = registry.tryClaim(`${clientClass}Error`) ? `${clientClass}Error` : undefined;
  const byName = [...ir.models].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
  const modelNames = new Map<string, string>();
  const files = new FileRegistry();
  const models: PlannedModel[] = byName.map((model) => {
    const identifier = registry.claim(typeIdentifier(model.name));
    modelNames.set(model.id, identifier);
    return { model, identifier, file: files.claim('models', kebabCase(identifier), 'model') };
  });
  const inputNames = new Map<string, string>();
  const split = modelsWithInputShape(ir.models);
  for (const planned of models) {
    if (!split.has(planned.model.id)) continue;
    planned.input = { identifier: registry.claim(`${planned.identifier}Input`) };
    inputNames.set(planned.model.id, planned.input.identifier);
  }
  const resources = planResources(
    ir.operations,
    registry,
    files,
    modelNames,
    new Map(ir.models.map((m) => [m.id, m])),
  );
  models.sort((a, b) => compare(a.identifier, b.identifier));
  return {
    ir,
    clientClass,
    errorAlias,
    importStyle: options.importStyle ?? 'bundler',
    modelNames,
    inputNames,
    models,
    resources,
  };
}

function planResources(
  operations: IrOperation[],
  registry: NameRegistry,
  files: FileRegistry,
  modelNames: Map<string, string>,
  modelTypes: ModelTypes,
): PlannedResource[] {
  const paths = new Map<string, string[]>();
  for (const op of operations) {
    for (let i = 1; i <= op.resource.length; i++)
      paths.set(op.resource.slice(0, i).join('.'), op.resource.slice(0, i));
  }
  const sorted = [...paths.values()].sort((a, b) => compare(a.join('.'), b.join('.')));
  const classNames = new Map<string, string>();
  for (const path of sorted) {
    const last = pascalCase(path[path.length - 1]!);
    const wanted = [last, pascalCase(path.slice(-2).join(' ')), `${last}Resource`].map(
      typeIdentifier,
    );
    const free = wanted.find((w) => registry.tryClaim(w));
    classNames.set(path.join('.'), free ?? registry.claim(wanted[2]!));
  }
  // A sub-resource named like one of its parent's methods (`GET /pets` is `pets.list`, `/pets/list` is
  // `pets.list.retrieve`) would be a second class member `list`, and a top-level `request` would replace the
  // client's own method: the resource property becomes `listResource`, `requestResource`.
  // Operations and child resources by resource, grouped once (filtering all of them per resource was quadratic).
  const operationsOf = new Map<string, IrOperation[]>();
  for (const op of operations) {
    const key = op.resource.join('.');
    const group = operationsOf.get(key);
    if (group) group.push(op);
    else operationsOf.set(key, [op]);
  }
  // In order, so that a clash gives the same files on every run.
  const fileOf = new Map(
    sorted.map((path) => [
      path.join('.'),
      files.claim(
        ['resources', ...path.slice(0, -1).map(kebabCase)].join('/'),
        kebabCase(path[path.length - 1]!),
        'resource',
      ),
    ]),
  );
  const childrenOf = new Map<string, string[][]>();
  for (const path of sorted) {
    const parent = path.slice(0, -1).join('.');
    const group = childrenOf.get(parent);
    if (group) group.push(path);
    else childrenOf.set(parent, [path]);
  }
  const propertyOf = (path: string[]): string => {
    const name = methodIdentifier(path[path.length - 1]!);
    const parent = path.slice(0, -1).join('.');
    // At the top, the resource is a member of the client class, beside the runtime's own members.
    const clash =
      path.length === 1
        ? CLIENT_MEMBERS.includes(name)
        : (operationsOf.get(parent) ?? []).some((op) => methodIdentifier(op.methodName) === name);
    return clash ? `${name}Resource` : name;
  };
  return sorted.map((path) => {
    const key = path.join('.');
    const children = (childrenOf.get(key) ?? []).filter((p) => p.length === path.length + 1);
    return {
      path,
      property: propertyOf(path),
      className: classNames.get(key)!,
      file: fileOf.get(key)!,
      children: children.map((c) => ({
        property: propertyOf(c),
        className: classNames.get(c.join('.'))!,
        file: fileOf.get(c.join('.'))!,
      })),
      methods: (operationsOf.get(key) ?? []).map((op) =>
        planMethod(op, registry, modelNames, modelTypes),
      ),
    };
  });
}

function planMethod(
  op: IrOperation,
  registry: NameRegistry,
  modelNames: Map<string, string>,
  modelTypes: ModelTypes,
): PlannedMethod {
  const prefixed = `${op.typePrefix}${pascalCase(op.methodName)}`;
  // `1op` or a resource `1st` would start the type names with a digit, which is no identifier.
  const base = /^[0-9]/.test(prefixed) ? `Op${prefixed}` : prefixed;
  // The params, body and options arguments come after the path arguments and keep their names.
  const used = new NameRegistry(['params', 'body', 'options']);
  const pathArgs = op.pathParams.map((p) => ({
    identifier: used.claim(valueIdentifier(p.name)),
    wireName: p.name,
  }));
  const others = [...op.queryParams, ...op.headerParams];
  const bodyObject =
    op.body && isObjectLike(op.body.type, modelTypes) && !clashesWithParams(op, modelTypes);
  let params: PlannedMethod['params'];
  if (op.body && !bodyObject) {
    // With other parameters, the body is an argument of its own, and `required` says whether the params object is.
    params = others.length
      ? {
          kind: 'body',
          required: others.some((p) => p.required),
          typeName: registry.claim(`${base}Params`),
        }
      : { kind: 'body', required: op.body.required };
  } else if (op.body || others.length) {
    const reuses =
      op.body && !others.length && op.body.type.kind === 'ref'
        ? modelNames.get(op.body.type.target)
        : undefined;
    const wanted = `${base}Params`;
    const required = (op.body?.required ?? false) || others.some((p) => p.required);
    params =
      reuses === wanted
        ? { kind: 'merged', typeName: wanted, reuses, required }
        : {
            kind: 'merged',
            typeName: registry.claim(wanted),
            ...(reuses ? { reuses } : {}),
            required,
          };
  }
  return {
    op,
    name: methodIdentifier(op.methodName),
    pathArgs,
    params,
    ...(op.response &&
    op.response.contentType === 'application/json' &&
    hasInlineObject(op.response.type)
      ? { responseTypeName: registry.claim(`${base}Response`) }
      : {}),
    ...(op.pagination ? { pageTypeName: registry.claim(`${base}Page`) } : {}),
    ...(op.stream?.param && params?.kind === 'merged'
      ? {
          streaming: {
            nonStreamingName: registry.claim(`${params.typeName}NonStreaming`),
            streamingName: registry.claim(`${params.typeName}Streaming`),
          },
        }
      : {}),
  };
}

/**
 * Models whose request shape differs from their response shape: those with readOnly or writeOnly
 * properties, and every model that refers to one of them.
 */
function modelsWithInputShape(models: IrModel[]): Set<string> {
  const direct = new Set<string>();
  const refs = new Map<string, Set<string>>();
  for (const model of models) {
    const targets = new Set<string>();
    walkType(model.type, (t) => {
      if (t.kind === 'ref') targets.add(t.target);
      if (t.kind === 'object' && t.properties.some((p) => p.readOnly || p.writeOnly))
        direct.add(model.id);
    });
    refs.set(model.id, targets);
  }
  const split = new Set(direct);
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, targets] of refs) {
      if (!split.has(id) && [...targets].some((t) => split.has(t))) {
        split.add(id);
        changed = true;
      }
    }
  }
  return split;
}

/**
 * A JSON body is merged with the query and header parameters into one params object unless a body field
 * has the name of one of them, or the body takes any key (an index signature would swallow them).
 */
function clashesWithParams(op: IrOperation, modelTypes: ModelTypes): boolean {
  const body = op.body && dereference(op.body.type, modelTypes);
  if (!body || body.kind !== 'object') return false;
  const names = new Set([...op.queryParams, ...op.headerParams].map((p) => p.name));
  return (
    (names.size > 0 && body.additional !== undefined) ||
    body.properties.some((p) => names.has(p.name))
  );
}

/** True when a type writes out an object with properties (not through a model reference). */
function hasInlineObject(type: IrType): boolean {
  let found = false;
  walkType(type, (t) => {
    if (t.kind === 'object' && t.properties.length) found = true;
  });
  return found;
}

/**
 * An object, or a model, intersection or union of objects: a body whose fields can be the params' own. A model is
 * what its type is: an empty schema (`unknown`, blazemeter's published spec), a string or an array is passed as the
 * body itself (spread into the params, it did not compile, and an array would have been sent as an object).
 */
function isObjectLike(type: IrType, models: ModelTypes, depth = 0): boolean {
  if (depth > 32) return false;
  if (type.kind === 'ref') {
    const target = dereference(type, models);
    return target !== undefined && isObjectLike(target, models, depth + 1);
  }
  // An intersection is an object when all of its parts are: `(Contexts | string[]) & string[]` (GitHub's `type:
  // array` beside a `oneOf` with an object) is an array, which spread into a params object was sent as `{"0": …}`.
  return (
    type.kind === 'object' ||
    ((type.kind === 'union' || type.kind === 'intersection') &&
      type.members.every((m) => isObjectLike(m, models, depth + 1)))
  );
}

/**
 * Files of models and resources, each unique (ignoring case: a case-insensitive disk holds one of `pet.ts` and
 * `Pet.ts`) and none named `index.ts`: a schema named `Index` would be `models/index.ts`, the models' barrel. Such a
 * file, or a file taken, goes to `<stem>-<kind>.ts` (`models/index-model.ts`), then `<stem>-<kind>2.ts` and on.
 */
class FileRegistry {
  private readonly paths = new NameRegistry(['models/index', 'resources/index']);

  claim(folder: string, stem: string, kind: 'model' | 'resource'): string {
    // No file is an `index.ts` but a barrel: `./20170111/index` is imported as `./20170111`, which is `20170111.ts`
    // when that file is there too (a resource beside its sub-resources; AWS Cloud Directory's spec).
    const path = `${folder}/${stem}`;
    return `${stem !== 'index' && this.paths.tryClaim(path) ? path : this.paths.claim(`${path}-${kind}`)}.ts`;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
