/**
 * Which raw composition member (`allOf`, `anyOf`, `oneOf`) of the old schema is which of the new one, as the SDK
 * side pairs union members (sdk/pair-members.ts): by the model they name, then by identical schema, then the ones
 * left in order. Reordered members are the same members; comparing them by index reported phantom changes.
 */
import { deref, sameJson, type WireContext } from './raw-spec';
import type { SourceFile } from '../../load/source-file';

/** Index pairs of members that are the same member on both sides. */
export function pairRawMembers(
  mx: unknown[],
  my: unknown[],
  oldFile: SourceFile,
  newFile: SourceFile,
  ctx: WireContext,
): [number, number][] {
  const idsX = mx.map((m) => deref(ctx.oldSpec, m, oldFile)?.ids ?? []);
  const idsY = my.map((m) => deref(ctx.newSpec, m, newFile)?.ids ?? []);
  const pairs: [number, number][] = [];
  let leftX = mx.map((_, i) => i);
  let leftY = my.map((_, i) => i);
  const pairBy = (same: (i: number, j: number) => boolean) => {
    for (const i of [...leftX]) {
      const j = leftY.find((k) => same(i, k));
      if (j === undefined) continue;
      pairs.push([i, j]);
      leftX = leftX.filter((n) => n !== i);
      leftY = leftY.filter((n) => n !== j);
    }
  };
  pairBy((i, j) => {
    const a = idsX[i]!.filter((id) => ctx.isOldModel(id));
    const b = idsY[j]!.filter((id) => ctx.isNewModel(id));
    return a.some((o) => b.some((n) => ctx.sameModel(o, n)));
  });
  pairBy((i, j) => sameJson(mx[i], my[j]));
  // The rest in order: an inline member extracted into a model keeps its constraints compared.
  pairBy(() => true);
  return pairs;
}
