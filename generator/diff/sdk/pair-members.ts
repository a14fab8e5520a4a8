/**
 * Which member of an old union is which member of the new one. Members are paired by what they are: the same model
 * (also renamed), the same whole shape, the same description (`string`, `"auto"`, `Pet[]`), and only then inline
 * objects in the order left. Never by position among all members, and never by a discriminator value several
 * members share (three message items all `type: "message"`): reordering members changes nothing.
 */
import type { IrType } from '../../ir/types';
import type { CompareContext } from '../record';
import { describeType } from './describe-type';

/** The pairing of two member lists, by index: pairs, and the members found on one side only. */
export interface MemberPairing {
  pairs: [number, number][];
  onlyOld: number[];
  onlyNew: number[];
}

/** Pairs the members `restA` of `a` (old side) with the members `restB` of `b` (new side); see the file comment. */
export function pairMembers(
  a: IrType[],
  b: IrType[],
  ctx: Pick<CompareContext, 'sameModel' | 'oldName' | 'newName'>,
  restA: number[] = a.map((_, i) => i),
  restB: number[] = b.map((_, i) => i),
): MemberPairing {
  const pairs: [number, number][] = [];
  let leftA = [...restA];
  let leftB = [...restB];
  const pairBy = (same: (x: IrType, y: IrType, i: number, j: number) => boolean) => {
    for (const i of [...leftA]) {
      const j = leftB.find((k) => same(a[i]!, b[k]!, i, k));
      if (j === undefined) continue;
      pairs.push([i, j]);
      leftA = leftA.filter((n) => n !== i);
      leftB = leftB.filter((n) => n !== j);
    }
  };
  pairBy((x, y) => {
    const rx = refOf(x);
    const ry = refOf(y);
    return rx !== undefined && ry !== undefined && ctx.sameModel(rx, ry);
  });
  // Models by the names the clients export: the old spec's file and the new one's give them other ids.
  pairBy((x, y) => shapeKey(x, ctx.oldName) === shapeKey(y, ctx.newName));
  // Inline members pinned to a value (`type: "response.audio.delta"`), when no sibling has the same pins.
  const pinsA = new Map(leftA.map((i) => [i, pinsOf(a[i]!)]));
  const pinsB = new Map(leftB.map((j) => [j, pinsOf(b[j]!)]));
  const unique = (pins: Map<number, string>, key: string) =>
    [...pins.values()].filter((k) => k === key).length === 1;
  pairBy((_x, _y, i, j) => {
    const pin = pinsA.get(i);
    return !!pin && pin === pinsB.get(j) && unique(pinsA, pin) && unique(pinsB, pin);
  });
  pairBy(
    (x, y) =>
      x.kind !== 'object' &&
      y.kind !== 'object' &&
      describeType(x, ctx.oldName) === describeType(y, ctx.newName),
  );
  pairBy((x, y) => x.kind === 'object' && y.kind === 'object');
  return { pairs, onlyOld: leftA, onlyNew: leftB };
}

/** The model a member names, also when pinned to its discriminator value (`Cat & { petType: 'cat' }`). */
function refOf(t: IrType): string | undefined {
  if (t.kind === 'ref') return t.target;
  if (t.kind !== 'intersection') return undefined;
  const refs = t.members.filter((m) => m.kind === 'ref');
  return refs.length === 1 && refs[0]!.kind === 'ref' ? refs[0]!.target : undefined;
}

/**
 * The whole shape of a type, without documentation or spec positions, union and intersection members in any order
 * (and so without the discriminator's member indexes): equal keys are the same type. With `nameOf`, a model is its
 * name, not its id (which holds the spec's file).
 */
export function shapeKey(t: IrType, nameOf?: (id: string) => string): string {
  return JSON.stringify(t, (key, value: unknown) => {
    if (key === 'docs' || key === 'pointer' || key === 'discriminator') return undefined;
    if (isType(value) && (value.kind === 'union' || value.kind === 'intersection'))
      return { kind: value.kind, members: value.members.map((m) => shapeKey(m, nameOf)).sort() };
    if (nameOf && isType(value) && value.kind === 'ref')
      return { kind: 'ref', name: nameOf(value.target) };
    return value;
  });
}

function isType(value: unknown): value is IrType {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

/** The properties an object member pins to one value (`type: "message"`, `role: "user"`), as one key; '' if none. */
function pinsOf(t: IrType): string {
  const objects = t.kind === 'intersection' ? t.members : [t];
  return objects
    .flatMap((o) => (o.kind === 'object' ? o.properties : []))
    .flatMap((p) =>
      p.type.kind === 'literal' ? [`${p.name}=${JSON.stringify(p.type.value)}`] : [],
    )
    .sort()
    .join('&');
}
