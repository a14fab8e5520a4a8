import type { ImportDeclarationStructure } from 'ts-morph';
import { StructureKind } from './structure-kind';
import type { Plan } from '../plan/types';
import { moduleSpecifier } from './module-specifier';

/** Types of the runtime that model types can name (see `TypeContext.runtimeType`). */
export const RUNTIME_TYPES = ['Uploadable'];

/** Model identifiers (and runtime types) a file refers to. */
export type UsedTypes = Set<string>;

/** `import type` declarations for the models a file uses, sorted by module then name; own names skipped. */
export function typeImports(
  plan: Plan,
  fromFile: string,
  used: UsedTypes,
  own: (string | undefined)[] = [],
): ImportDeclarationStructure[] {
  const fileOf = filesOf(plan);
  const byModule = new Map<string, string[]>();
  for (const name of [...used].sort()) {
    const file = fileOf.get(name);
    if (!file || own.includes(name)) continue;
    const spec = moduleSpecifier(fromFile, file, plan.importStyle);
    byModule.set(spec, [...(byModule.get(spec) ?? []), name]);
  }
  return [...byModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([moduleSpecifier, names]) => ({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier,
      namedImports: names,
    }));
}

/** Per plan, the file of each model identifier: built once, not once per emitted file (quadratic on Stripe). */
const filesByPlan = new WeakMap<Plan, ReadonlyMap<string, string>>();

function filesOf(plan: Plan): ReadonlyMap<string, string> {
  let fileOf = filesByPlan.get(plan);
  if (fileOf) return fileOf;
  const files = new Map<string, string>();
  for (const m of plan.models) {
    files.set(m.identifier, m.file);
    if (m.input) files.set(m.input.identifier, m.file);
  }
  // Runtime types a model names (a file property is an `Uploadable`); no model may take these names.
  for (const name of RUNTIME_TYPES) files.set(name, 'core/index.ts');
  filesByPlan.set(plan, (fileOf = files));
  return fileOf;
}
