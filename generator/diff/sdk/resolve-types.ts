/**
 * Readings of IR types through the models they reference: nullability a `$ref` brings, a model's shape, union
 * members behind aliases, and whether every value of one type is a value of another (assignability).
 */
import type { IrModel, IrObject, IrType } from '../../ir/types';
import { withoutNull } from './describe-type';

export type Models = ReadonlyMap<string, IrModel>;

/** True when `null` is a value of the type, also through `$ref`s and unions (a nullable component schema). */
export function nullableThrough(
  t: IrType,
  models: Models,
  seen: ReadonlySet<string> = new Set(),
): boolean {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'null';
    case 'union':
      return t.members.some((m) => nullableThrough(m, models, seen));
    case 'intersection':
      return t.members.length > 0 && t.members.every((m) => nullableThrough(m, models, seen));
    case 'ref': {
      const model = models.get(t.target);
      if (!model || seen.has(t.target)) return false;
      return nullableThrough(model.type, models, new Set([...seen, t.target]));
    }
    default:
      return false;
  }
}

/**
 * The shape of a referenced model without its `null` (the caller compares nullability through the `$ref` once,
 * with `nullableThrough`), or undefined for an unknown model.
 */
export function shapeOf(t: IrType & { kind: 'ref' }, models: Models): IrType | undefined {
  const model = models.get(t.target);
  return model ? withoutNull(model.type) : undefined;
}

/**
 * Union members with aliases opened: a member that references a union model (`VoiceIdsShared = string | 'alloy'`)
 * stands for that model's members, unless `keep` says the other side names the same model.
 */
export function flattenMembers(
  members: IrType[],
  models: Models,
  keep: (target: string) => boolean,
  seen: ReadonlySet<string> = new Set(),
): IrType[] {
  return members.flatMap((m) => {
    if (m.kind !== 'ref' || keep(m.target) || seen.has(m.target)) return [m];
    const model = models.get(m.target);
    if (!model || model.type.kind !== 'union') return [m];
    return flattenMembers(model.type.members, models, keep, new Set([...seen, m.target]));
  });
}

/**
 * True when every value of `x` (a type of the `xModels` side) is a value of `y`: for a request, an old type
 * assignable to the new one still sends what the server accepts, and code passing it still compiles.
 * Conservative: false when unsure (unknown models, objects against intersections of them).
 */
export function assignable(
  x: IrType,
  y: IrType,
  xModels: Models,
  yModels: Models,
  sameModel: (xId: string, yId: string) => boolean,
  seen: ReadonlySet<string> = new Set(),
): boolean {
  const rec = (a: IrType, b: IrType, s = seen) => assignable(a, b, xModels, yModels, sameModel, s);
  // An alias (`SystemContentPart = Text`) names the model it aliases: a change inside it is the model's.
  const ax = aliasTarget(x, xModels);
  const ay = aliasTarget(y, yModels);
  if (ax.kind === 'ref' && ay.kind === 'ref' && sameModel(ax.target, ay.target)) return true;
  if (y.kind === 'primitive' && y.name === 'unknown') return true;
  if (x.kind === 'ref' || y.kind === 'ref') {
    const key = `${x.kind === 'ref' ? x.target : ''}\0${y.kind === 'ref' ? y.target : ''}`;
    if (seen.has(key)) return true;
    const next = new Set([...seen, key]);
    const a = x.kind === 'ref' ? xModels.get(x.target)?.type : x;
    const b = y.kind === 'ref' ? yModels.get(y.target)?.type : y;
    return !!a && !!b && rec(a, b, next);
  }
  if (x.kind === 'union') return x.members.every((m) => rec(m, y));
  // `A & B` has no value A lacks; a value is one of `A & B` when it is one of each.
  if (y.kind === 'intersection') return y.members.every((m) => rec(x, m));
  if (y.kind === 'union' && y.members.some((m) => rec(x, m))) return true;
  if (x.kind === 'intersection') return x.members.some((m) => rec(m, y));
  if (y.kind === 'union') return false;
  switch (x.kind) {
    case 'primitive':
      return x.name === 'never' || (y.kind === 'primitive' && y.name === x.name);
    case 'literal':
      return (
        (y.kind === 'literal' && y.value === x.value) ||
        (y.kind === 'primitive' && y.name === typeof x.value)
      );
    case 'array':
      return y.kind === 'array' && rec(x.items, y.items);
    case 'object':
      return y.kind === 'object' && objectAssignable(x, y, rec);
    default:
      return false;
  }
}

/** The model a chain of aliases (models whose type is a `$ref`) ends at. */
function aliasTarget(t: IrType, models: Models): IrType {
  let current = t;
  for (let hops = 0; hops < 16 && current.kind === 'ref'; hops++) {
    const next = models.get(current.target)?.type;
    if (next?.kind !== 'ref') break;
    current = next;
  }
  return current;
}

function objectAssignable(
  x: IrObject,
  y: IrObject,
  rec: (a: IrType, b: IrType) => boolean,
): boolean {
  for (const q of y.properties) {
    const p = x.properties.find((n) => n.name === q.name);
    if (!p) {
      if (q.required) return false;
      continue;
    }
    if ((q.required && !p.required) || !rec(p.type, q.type)) return false;
  }
  // Properties `y` does not list are let through, as TypeScript does (a pinned `{type: 'text'}` view of `Text`);
  // where objects are compared directly, compareObjects reports them.
  for (const p of x.properties)
    if (!y.properties.some((q) => q.name === p.name) && y.additional && !rec(p.type, y.additional))
      return false;
  if (x.additional) return !!y.additional && rec(x.additional, y.additional);
  return true;
}
