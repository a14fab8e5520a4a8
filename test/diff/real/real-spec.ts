/**
 * Real specs for the phantom-change tests: one load per spec, then variants built in memory (members reordered,
 * paths and schemas shuffled, one member changed) and diffed on IR and plan exactly as `diffSpecs` does, without
 * the Redocly validation a variant would not change.
 */
import * as path from 'node:path';
import { buildIr } from '../../../generator/ir/build-ir';
import { loadSpec, type LoadedSpec } from '../../../generator/load/load-spec';
import { diffIr } from '../../../generator/diff/diff-ir';
import type { DiffSide } from '../../../generator/diff/diff-shared';
import type { ApiChange } from '../../../generator/diff/types';
import { planOutput } from '../../../generator/plan/plan-output';

export const SPECS = path.join(__dirname, '../../fixtures/specs');

/** Loads a spec of test/fixtures/specs. */
export async function loadFixture(name: string): Promise<LoadedSpec> {
  const loaded = await loadSpec(path.join(SPECS, name));
  if (!loaded.spec) throw new Error(`${name} did not load`);
  return loaded.spec;
}

/** The spec with its entry document replaced by `edit` of a deep copy of it. */
export function variant(
  spec: LoadedSpec,
  edit: (doc: Record<string, unknown>) => void,
): LoadedSpec {
  const value = structuredClone(spec.entry.value) as Record<string, unknown>;
  edit(value);
  const entry = { ...spec.entry, value };
  return { entry, files: new Map([...spec.files, [entry.id, entry]]) };
}

/** IR and plan of a spec, as `diffSpecs` builds them. */
export function sideOf(spec: LoadedSpec): DiffSide {
  const { ir, diagnostics } = buildIr(spec, spec.entry.displayPath);
  if (!ir) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return { ir, plan: planOutput(ir), spec };
}

export function diffSides(before: DiffSide, after: DiffSide): ApiChange[] {
  return diffIr(before, after);
}

/** An object with its keys in reverse order. */
export function reversedKeys<T>(value: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(value).reverse());
}

/** Reverses every `anyOf` and `oneOf` list under `node`, in place. */
export function reverseUnions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(reverseUnions);
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(child)) child.reverse();
    reverseUnions(child);
  }
}

/**
 * Paths, component schemas and every union's members in reverse order: the same API. Not the unions' members with
 * `unions: false`, for a spec whose `$ref`s point at one by its index (`…/oneOf/0`): reversing them changes its API.
 */
export function shuffle(doc: Record<string, unknown>, { unions = true } = {}): void {
  const reverse = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? reversedKeys(value as Record<string, unknown>)
      : value;
  doc.paths = reverse(doc.paths);
  const components = doc.components as Record<string, unknown> | undefined;
  if (components) components.schemas = reverse(components.schemas);
  if (!unions) return;
  reverseUnions(doc.paths);
  reverseUnions(components);
}

/** `rule location: message` lines, for readable failures. */
export function lines(changes: ApiChange[]): string[] {
  return changes.map((c) => `${c.rule} ${c.location}: ${c.message}`);
}
