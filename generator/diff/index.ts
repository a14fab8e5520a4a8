import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import type { NameRecord } from '../ir/name-operations';
import type { LoadedSpec } from '../load/load-spec';
import { planOutput } from '../plan/plan-output';
import { buildSpecIr } from '../pipeline';
import { diffIr } from './diff-ir';
import type { DiffSide } from './diff-shared';
import type { ApiChange } from './types';

export { formatJson, formatMarkdown } from './format-report';
export type { ApiChange } from './types';

/**
 * Loads, validates and builds both specs exactly as `generate` does (so a spec `generate` refuses is refused here),
 * plans them, and lists the changes; diagnostics instead when either is broken.
 */
export async function diffSpecs(
  oldPath: string,
  newPath: string,
  options: { allowRemoteRefs?: boolean; cwd?: string; names?: NameRecord; today?: Date } = {},
): Promise<{ changes: ApiChange[]; diagnostics: Diagnostic[]; specs: (LoadedSpec | undefined)[] }> {
  const sides: (DiffSide | undefined)[] = [];
  const diagnostics: Diagnostic[] = [];
  const specs: (LoadedSpec | undefined)[] = [];
  for (const file of [oldPath, newPath]) {
    const { today: _today, ...buildOptions } = options;
    const built = await buildSpecIr(file, { ...buildOptions, specLabel: file });
    diagnostics.push(...built.diagnostics);
    specs.push(built.spec);
    sides.push(
      built.ir && built.spec
        ? { ir: built.ir, plan: planOutput(built.ir), spec: built.spec }
        : undefined,
    );
  }
  const [before, after] = sides;
  if (!before || !after || hasErrors(diagnostics)) return { changes: [], diagnostics, specs };
  return { changes: diffIr(before, after, { today: options.today }), diagnostics, specs };
}
