import type { Ir, IrModel, IrOperation } from './types';
import { irRootTypes, walkType } from './walk';
import { matchesSelector, type Selector } from './selector';

/** `--include` / `--exclude`: empty `include` keeps every operation. */
export interface Selection {
  include: readonly Selector[];
  exclude: readonly Selector[];
}

/** A selector that picked no operation of the whole API, with a hint at what exists. */
export interface UnmatchedSelector {
  option: 'include' | 'exclude';
  selector: Selector;
  hint: string | undefined;
}

/**
 * Keeps the operations the selection picks (included, then not excluded) and the models they reach,
 * directly or through other models. Runs on a named IR: names were given with every operation in view,
 * so a subset never renames anything.
 */
export function selectOperations(
  ir: Ir,
  selection: Selection,
): { ir: Ir; unmatched: UnmatchedSelector[] } {
  const picks = (selectors: readonly Selector[], op: IrOperation) =>
    selectors.some((s) => matchesSelector(s, op));
  const operations = ir.operations.filter(
    (op) =>
      (selection.include.length === 0 || picks(selection.include, op)) &&
      !picks(selection.exclude, op),
  );
  const unmatched: UnmatchedSelector[] = [];
  for (const option of ['include', 'exclude'] as const) {
    for (const selector of selection[option]) {
      if (!ir.operations.some((op) => matchesSelector(selector, op))) {
        unmatched.push({ option, selector, hint: findHint(selector, ir.operations) });
      }
    }
  }
  return { ir: { ...ir, operations, models: reachableModels(ir.models, operations) }, unmatched };
}

/** The models the operations' types refer to, and those models' own references, transitively. Order kept. */
export function reachableModels(
  models: readonly IrModel[],
  operations: readonly IrOperation[],
): IrModel[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const reached = new Set<string>();
  const pending = [...irRootTypes({ models: [], operations: [...operations] })];
  while (pending.length) {
    walkType(pending.pop()!, (t) => {
      if (t.kind !== 'ref' || reached.has(t.target)) return;
      reached.add(t.target);
      const model = byId.get(t.target);
      if (model) pending.push(model.type);
    });
  }
  return models.filter((m) => reached.has(m.id));
}

/** What the user may have meant: a spelling that differs only in case, else a few of the names that exist. */
function findHint(selector: Selector, operations: readonly IrOperation[]): string | undefined {
  const names = (() => {
    switch (selector.kind) {
      case 'tag':
        return { what: 'tags', list: operations.flatMap((op) => op.tags) };
      case 'op':
        return { what: 'operationIds', list: operations.map((op) => op.operationId) };
      case 'resource':
        return { what: 'resources', list: operations.map((op) => op.resource.join('.')) };
      case 'path':
        return { what: 'paths', list: operations.map((op) => op.path) };
    }
  })();
  const unique = [...new Set(names.list)].sort();
  const folded = unique.find((n) => n.toLowerCase() === selector.pattern.toLowerCase());
  if (folded !== undefined) return `did you mean ${selector.kind}:${folded}?`;
  if (selector.kind === 'path') {
    const under = unique.some((p) => p.startsWith(`${selector.pattern.replace(/\/+$/, '')}/`));
    return under
      ? `to take the paths below it, add /** (${selector.kind}:${selector.pattern.replace(/\/+$/, '')}/**)`
      : undefined;
  }
  if (!unique.length) return `the spec has no ${names.what}`;
  const shown = unique.slice(0, 8).join(', ');
  return `${names.what}: ${shown}${unique.length > 8 ? `, … (${unique.length} in all)` : ''}`;
}
