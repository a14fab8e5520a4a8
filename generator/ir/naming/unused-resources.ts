import { childPointer } from '../../load/pointer';
import { closest } from '../../text/closest';
import { isRecord, report, type IrContext } from '../context';
import type { IrOperation } from '../types';

/**
 * Tells about every `resources` entry (`x-clientgen.resources`, or the config's `client.resources` over it) whose path
 * is no resource of the client: its `typePrefix` prefixes nothing (a typo, a resource renamed by inference or by
 * `names`). A warning naming the path, and the resource it most likely meant, said where the entry is written (the
 * config's at the spec's root when the config file is not known, as to a library caller).
 */
export function warnUnusedResources(
  ctx: IrContext,
  ops: readonly Pick<IrOperation, 'resource'>[],
): void {
  const resources = isRecord(ctx.clientgen.resources) ? ctx.clientgen.resources : {};
  const entries = Object.keys(resources);
  if (!entries.length) return;
  const present = [...new Set(ops.map((op) => op.resource.join('.')))].sort();
  const root = ctx.spec.entry.value;
  const ext = isRecord(root) ? root['x-clientgen'] : undefined;
  const own = isRecord(ext) && isRecord(ext.resources) ? ext.resources : {};
  for (const path of entries.filter((p) => !present.includes(p)).sort()) {
    // The spec's entry unless the config's replaced it (client-settings.ts keeps the spec's objects as they are).
    const inSpec = Object.hasOwn(own, path) && own[path] === resources[path];
    const near = nearest(path, present);
    report(
      ctx,
      inSpec
        ? { file: ctx.spec.entry, pointer: childPointer('#/x-clientgen/resources', path) }
        : ctx.config
          ? { file: ctx.config, pointer: childPointer('#/client/resources', path) }
          : { file: ctx.spec.entry, pointer: '#' },
      'resource-unused',
      `${inSpec ? 'x-clientgen.resources' : "the config's client.resources"} gives ${JSON.stringify(path)} a type prefix, but the client has no resource ${path}` +
        (near ? ` (did you mean ${JSON.stringify(near)}?)` : '') +
        ': the prefix is not used',
      'warning',
    );
  }
}

/**
 * The resource `path` likely meant: the closest by edits (text/closest.ts, letter case aside), else the only one whose
 * last segment is closest to its last segment (`v1.files` for `files`).
 */
function nearest(path: string, present: readonly string[]): string | undefined {
  const whole = closest(path, present);
  if (whole) return whole;
  const last = (p: string) => p.slice(p.lastIndexOf('.') + 1);
  const segment = closest(last(path), [...new Set(present.map(last))]);
  const ending = present.filter((r) => last(r) === segment);
  return ending.length === 1 ? ending[0] : undefined;
}
