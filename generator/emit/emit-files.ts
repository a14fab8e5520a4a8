import type { SourceFileStructure } from 'ts-morph';
import { modelsById, type ModelTypes } from '../ir/dereference';
import { walkType } from '../ir/walk';
import type { Plan, PlannedModel, PlannedResource } from '../plan/types';
import { emitApiMd } from './emit-api-md';
import { emitBarrel, type BarrelEntry } from './emit-barrel';
import { emitClient } from './emit-client';
import { emitModel } from './emit-model';
import { emitResource } from './emit-resource';
import type { EmittedFile } from './emitted-file';

/** The public runtime names re-exported from the client's index. */
const CORE_VALUE_EXPORTS = [
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIError',
  'APIPromise',
  'APIUserAbortError',
  'AuthenticationError',
  'BadRequestError',
  'ClientGenError',
  'ConflictError',
  'InternalServerError',
  'NotFoundError',
  'PermissionDeniedError',
  'RateLimitError',
  'UnprocessableEntityError',
];
const CORE_TYPE_EXPORTS = ['LogLevel', 'Logger', 'RequestOptions'];

/** Every generated file except the runtime: models, resources, the client, the barrels, and `api.md`. */
export function emitFiles(plan: Plan): EmittedFile[] {
  const models = modelsById(plan.ir.models);
  return [
    ...emitUnits(plan).map((u) => ({ path: u.path, structure: u.emit(models) })),
    ...emitIndexes(plan),
  ];
}

/**
 * A model's or a resource's file, emitted when asked. Its emit reads `entry`, the plan's `unitInputs` and other
 * models' types through `models`, nothing else: incremental/emit-record.ts keeps its text between runs by those.
 */
export interface EmitUnit {
  path: string;
  entry: PlannedModel | PlannedResource;
  emit(models: ModelTypes): SourceFileStructure;
}

/** The model files and the resource files. */
export function emitUnits(plan: Plan): EmitUnit[] {
  return [
    ...plan.models.map((model) => ({
      path: model.file,
      entry: model,
      emit: () => emitModel(plan, model),
    })),
    ...plan.resources.map((resource) => ({
      path: resource.file,
      entry: resource,
      emit: (models: ModelTypes) => emitResource(plan, resource, models),
    })),
  ];
}

/**
 * What every unit's emit reads from the plan besides its entry: the import style and the names of the API (a file
 * imports the models it names from their files, and a hoisted interface keeps clear of those its file refers to).
 */
export function unitInputs(plan: Plan): unknown {
  return [
    plan.importStyle,
    [...plan.modelNames],
    [...plan.inputNames],
    plan.models.map((m) => [m.identifier, m.input?.identifier, m.file]),
  ];
}

/** The files that list the whole API: the client, the barrels, and `api.md`. */
export function emitIndexes(plan: Plan): EmittedFile[] {
  const files: EmittedFile[] = [];
  const modelEntries: BarrelEntry[] = plan.models.map((m) => ({
    file: m.file,
    names: [m.identifier, ...(m.input ? [m.input.identifier] : [])],
    typeOnly: true,
  }));
  const resourceEntries = plan.resources.flatMap(resourceExports);
  const typeNames = (entries: BarrelEntry[]): string[] =>
    entries
      .filter((e) => e.typeOnly)
      .flatMap((e) => e.names)
      .sort();
  files.push({
    path: 'client.ts',
    structure: emitClient(plan, {
      models: typeNames(modelEntries),
      resources: typeNames(resourceEntries),
    }),
  });

  files.push({
    path: 'models/index.ts',
    structure: emitBarrel('models/index.ts', modelEntries, plan.importStyle),
  });
  if (plan.resources.length)
    files.push({
      path: 'resources/index.ts',
      structure: emitBarrel('resources/index.ts', resourceEntries, plan.importStyle),
    });
  const lift = (entries: BarrelEntry[], file: string): BarrelEntry[] => {
    const values = entries.filter((e) => !e.typeOnly).flatMap((e) => e.names);
    const types = entries.filter((e) => e.typeOnly).flatMap((e) => e.names);
    return [
      { file, names: values, typeOnly: false },
      { file, names: types, typeOnly: true },
    ];
  };
  const index = emitBarrel(
    'index.ts',
    [
      // The client is also the default export: `import OpenAI from './generated'`.
      {
        file: 'client.ts',
        names: [plan.clientClass, ...(plan.errorAlias ? [plan.errorAlias] : [])],
        typeOnly: false,
        defaultName: plan.clientClass,
      },
      { file: 'client.ts', names: ['ClientOptions'], typeOnly: true },
      {
        file: 'core/index.ts',
        names: [
          ...CORE_VALUE_EXPORTS,
          ...(lists(plan) ? ['Page', 'PagePromise'] : []),
          ...(streams(plan) ? ['Stream'] : []),
          ...(takesFiles(plan) ? ['toFile'] : []),
        ].sort(),
        typeOnly: false,
      },
      {
        file: 'core/index.ts',
        names: [
          ...CORE_TYPE_EXPORTS,
          ...(lists(plan) ? ['CursorPage', 'PageWithBody'] : []),
          ...(takesFiles(plan) ? ['Uploadable'] : []),
        ].sort(),
        typeOnly: true,
      },
      ...lift(modelEntries, 'models/index.ts'),
      ...lift(resourceEntries, 'resources/index.ts'),
    ],
    plan.importStyle,
  );
  files.push({ path: 'index.ts', structure: index });
  files.push(emitApiMd(plan));
  return files;
}

/** Whether some call can stream: only then does the client ship, and export, the runtime's `Stream`. */
export function streams(plan: Plan): boolean {
  return plan.ir.operations.some((op) => op.stream !== undefined);
}

/** Whether some call lists pages: only then does the client ship, and export, the runtime's `Page`. */
function lists(plan: Plan): boolean {
  return plan.resources.some((r) => r.methods.some((m) => m.pageTypeName && m.op.pagination));
}

/** Whether a model or a request body has a file (`format: binary`, a binary body): then `toFile` is exported too. */
function takesFiles(plan: Plan): boolean {
  let found = false;
  const roots = [
    ...plan.ir.models.map((m) => m.type),
    ...plan.ir.operations.map((o) => o.body?.type),
  ];
  for (const root of roots)
    if (root)
      walkType(root, (t) => {
        if (t.kind === 'primitive' && t.name === 'binary') found = true;
      });
  return found;
}

function resourceExports(r: PlannedResource): BarrelEntry[] {
  const types = r.methods.flatMap((m) => [
    ...(m.params?.typeName && !(m.params.kind === 'merged' && m.params.reuses === m.params.typeName)
      ? [m.params.typeName]
      : []),
    ...(m.pageTypeName ? [m.pageTypeName] : []),
    ...(m.streaming ? [m.streaming.nonStreamingName, m.streaming.streamingName] : []),
  ]);
  return [
    { file: r.file, names: [r.className], typeOnly: false },
    { file: r.file, names: types, typeOnly: true },
  ];
}
