import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import { buildIr } from '../ir/build-ir';
import { loadSpec, type LoadedSpec } from '../load/load-spec';
import { planOutput } from '../plan/plan-output';
import { diffIr } from './diff-ir';
import type { DiffSide } from './diff-shared';
import type { ApiChange } from './types';

export { formatJson, formatMarkdown } from './format-report';
export type { ApiChange } from './types';

/** Loads both specs, builds their IR and plans, and lists the changes; diagnostics instead when either is broken. */
export async function diffSpecs(
  oldPath: string,
  newPath: string,
  options: { allowRemoteRefs?: boolean; cwd?: string } = {},
): Promise<{ changes: ApiChange[]; diagnostics: Diagnostic[]; specs: (LoadedSpec | undefined)[] }> {
  const sides: (DiffSide | undefined)[] = [];
  const diagnostics: Diagnostic[] = [];
  const specs: (LoadedSpec | undefined)[] = [];
  for (const file of [oldPath, newPath]) {
    const loaded = await loadSpec(file, options);
    diagnostics.push(...loaded.diagnostics);
    specs.push(loaded.spec);
    if (!loaded.spec) {
      sides.push(undefined);
      continue;
    }
    const built = buildIr(loaded.spec, file);
    diagnostics.push(...built.diagnostics);
    sides.push(built.ir ? { ir: built.ir, plan: planOutput(built.ir) } : undefined);
  }
  const [before, after] = sides;
  if (!before || !after || hasErrors(diagnostics)) return { changes: [], diagnostics, specs };
  return { changes: diffIr(before, after), diagnostics, specs };
}
