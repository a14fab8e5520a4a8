import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic';
import type { ClientSettings } from '../ir/client-settings';
import type { NameRecord } from '../ir/name-operations';
import type { LoadedSpec } from '../load/load-spec';
import type { SourceFile } from '../load/source-file';
import { selectOperations, type Selection } from '../ir/select-operations';
import type { Ir } from '../ir/types';
import { planOutput } from '../plan/plan-output';
import { restrictPlan } from '../plan/restrict-plan';
import { buildSpecIr } from '../pipeline';
import { diffIr } from './diff-ir';
import type { DiffSide } from './diff-shared';
import type { ApiChange } from './types';

export { formatJson, formatMarkdown } from './format-report';
export type { ApiChange } from './types';

/**
 * Loads, validates and builds both specs exactly as `generate` does (so a spec `generate` refuses is refused here),
 * plans them, and lists the changes; diagnostics instead when either is broken, with the files they point into
 * (`sources`: both specs' and the config's). A finding both builds make (the config's, found with each spec) is said
 * once.
 */
export async function diffSpecs(
  oldPath: string,
  newPath: string,
  options: {
    allowRemoteRefs?: boolean;
    /** Milliseconds to wait for each file of a spec given as a URL. */
    fetchTimeout?: number;
    cwd?: string;
    names?: NameRecord;
    /** The config's `client` block, over both specs' `x-clientgen`. */
    client?: ClientSettings;
    /** The config's `clientName`, over both specs' `x-clientgen.client`. */
    clientName?: string;
    today?: Date;
    /** The client's `--include` / `--exclude`: only the operations it has, and the models they reach. */
    selection?: Selection;
    /** The config file the names and settings came from: what the builds say of them points into it. */
    config?: { id: string; displayPath: string; text: string };
  } = {},
): Promise<{
  changes: ApiChange[];
  diagnostics: Diagnostic[];
  sources: ReadonlyMap<string, SourceFile>;
}> {
  const sides: (DiffSide | undefined)[] = [];
  const diagnostics: Diagnostic[] = [];
  const said = new Set<string>();
  const sources = new Map<string, SourceFile>();
  for (const file of [oldPath, newPath]) {
    const { today: _today, selection, ...buildOptions } = options;
    const built = await buildSpecIr(file, { ...buildOptions, specLabel: file });
    for (const d of built.diagnostics) {
      const key = JSON.stringify([d.file, d.pointer, d.code, d.severity, d.message]);
      if (said.has(key)) continue;
      said.add(key);
      diagnostics.push(d);
    }
    for (const [id, source] of built.sources) sources.set(id, source);
    sides.push(built.ir && built.spec ? side(built.ir, built.spec, selection) : undefined);
  }
  const [before, after] = sides;
  if (!before || !after || hasErrors(diagnostics)) return { changes: [], diagnostics, sources };
  return { changes: diffIr(before, after, { today: options.today }), diagnostics, sources };
}

/** One spec as the client sees it: planned as `generate` plans it, narrowed to the selection when there is one. */
function side(ir: Ir, spec: LoadedSpec, selection: Selection | undefined): DiffSide {
  const whole = planOutput(ir);
  if (!selection) return { ir, plan: whole, spec };
  // Names come from the whole API (as in generate), so a subset's names are the whole client's.
  const selected = selectOperations(ir, selection).ir;
  return { ir: selected, plan: restrictPlan(whole, selected), spec };
}
