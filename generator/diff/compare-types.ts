import { assertNever } from '../errors';
import type { IrModel, IrObject, IrType } from '../ir/types';
import type { ApiChange, ChangeKind } from './types';

/** Which way data flows: requests are sent by the client, responses read by it. Models may do both. */
export type Direction = 'request' | 'response' | 'both';

type Verdict = Pick<ApiChange, 'wire' | 'sdk'>;

/** The two verdicts of each kind of change, per direction (see the README's diff section). */
const RULES: Record<string, { request: Verdict; response: Verdict }> = {
  'property-added-required': { request: v('breaking', 'breaking'), response: v('compatible', 'compatible') },
  'property-added-optional': { request: v('compatible', 'compatible'), response: v('compatible', 'compatible') },
  'property-removed-required': { request: v('breaking', 'breaking'), response: v('breaking', 'breaking') },
  'property-removed-optional': { request: v('breaking', 'breaking'), response: v('warning', 'breaking') },
  'became-required': { request: v('breaking', 'breaking'), response: v('compatible', 'compatible') },
  'became-optional': { request: v('compatible', 'compatible'), response: v('breaking', 'breaking') },
  'null-allowed': { request: v('compatible', 'compatible'), response: v('breaking', 'breaking') },
  'null-refused': { request: v('breaking', 'breaking'), response: v('compatible', 'compatible') },
  'value-added': { request: v('compatible', 'compatible'), response: v('warning', 'breaking') },
  'value-removed': { request: v('breaking', 'breaking'), response: v('compatible', 'compatible') },
  'open-value-added': { request: v('compatible', 'compatible'), response: v('compatible', 'compatible') },
  'type-changed': { request: v('breaking', 'breaking'), response: v('breaking', 'breaking') },
};

function v(wire: Verdict['wire'], sdk: Verdict['sdk']): Verdict {
  return { wire, sdk };
}

/** The verdicts of a rule in a direction; for 'both' the worse of the two. */
export function verdict(rule: keyof typeof RULES, direction: Direction): Verdict {
  const r = RULES[rule]!;
  if (direction !== 'both') return r[direction];
  const rank = { compatible: 0, warning: 1, breaking: 2 } as const;
  return {
    wire: rank[r.request.wire] >= rank[r.response.wire] ? r.request.wire : r.response.wire,
    sdk: r.request.sdk === 'breaking' || r.response.sdk === 'breaking' ? 'breaking' : 'compatible',
  };
}

/** What comparing two types needs: both model tables, where to record changes, and the direction. */
export interface CompareContext {
  oldModels: Map<string, IrModel>;
  newModels: Map<string, IrModel>;
  direction: Direction;
  resource: string;
  emit(change: Omit<ApiChange, 'breaking'>): void;
}

/** Records every user-visible difference between two types at `location`. Named models are not entered. */
export function compareTypes(a: IrType, b: IrType, location: string, ctx: CompareContext): void {
  const aNull = hasNull(a);
  const bNull = hasNull(b);
  if (aNull !== bNull) {
    record(ctx, 'nullable-changed', bNull ? 'null-allowed' : 'null-refused', location, bNull ? 'may now be null' : 'may no longer be null');
  }
  const x = withoutNull(a);
  const y = withoutNull(b);
  const xl = literals(x);
  const yl = literals(y);
  if (xl && yl) return compareLiterals(xl, yl, location, ctx);
  if (x.kind === 'ref' && y.kind === 'ref') {
    const from = ctx.oldModels.get(x.target)?.name;
    const to = ctx.newModels.get(y.target)?.name;
    if (from !== to) record(ctx, 'type-changed', 'type-changed', location, `type changed from ${from} to ${to}`);
    return;
  }
  if (x.kind === 'object' && y.kind === 'object') return compareObjects(x, y, location, ctx);
  if (x.kind === 'array' && y.kind === 'array') return compareTypes(x.items, y.items, `${location}[]`, ctx);
  if (x.kind === 'union' && y.kind === 'union') return compareUnions(x.members, y.members, location, ctx);
  const from = describeType(x, ctx.oldModels);
  const to = describeType(y, ctx.newModels);
  if (from !== to) record(ctx, 'type-changed', 'type-changed', location, `type changed from ${from} to ${to}`);
}

/** Compares two objects' properties by wire name. */
export function compareObjects(a: IrObject, b: IrObject, location: string, ctx: CompareContext): void {
  const join = (name: string) => (location ? `${location}.${name}` : name);
  for (const p of a.properties) {
    const q = b.properties.find((n) => n.name === p.name);
    if (!q) {
      record(ctx, 'property-removed', p.required ? 'property-removed-required' : 'property-removed-optional', join(p.name), `${p.required ? 'required' : 'optional'} property \`${p.name}\` removed`);
      continue;
    }
    if (p.required !== q.required) {
      record(ctx, 'required-changed', q.required ? 'became-required' : 'became-optional', join(p.name), q.required ? 'is now required' : 'is now optional');
    }
    compareTypes(p.type, q.type, join(p.name), ctx);
  }
  for (const q of b.properties) {
    if (a.properties.some((p) => p.name === q.name)) continue;
    record(ctx, 'property-added', q.required ? 'property-added-required' : 'property-added-optional', join(q.name), `${q.required ? 'required' : 'optional'} property \`${q.name}\` added`);
  }
}

function compareLiterals(a: Literals, b: Literals, location: string, ctx: CompareContext): void {
  const open = a.open || b.open;
  for (const value of b.values) {
    if (!a.values.includes(value)) record(ctx, 'enum-value-added', open ? 'open-value-added' : 'value-added', location, `value ${JSON.stringify(value)} added`);
  }
  for (const value of a.values) {
    if (!b.values.includes(value)) record(ctx, 'enum-value-removed', 'value-removed', location, `value ${JSON.stringify(value)} removed`);
  }
  if (a.open !== b.open) record(ctx, 'type-changed', a.open ? 'value-removed' : 'value-added', location, a.open ? 'no longer accepts other strings' : 'now accepts any string');
}

function compareUnions(a: IrType[], b: IrType[], location: string, ctx: CompareContext): void {
  const as = a.map((m) => describeType(m, ctx.oldModels));
  const bs = b.map((m) => describeType(m, ctx.newModels));
  for (const m of bs) if (!as.includes(m)) record(ctx, 'union-member-added', 'value-added', location, `union member ${m} added`);
  for (const m of as) if (!bs.includes(m)) record(ctx, 'union-member-removed', 'value-removed', location, `union member ${m} removed`);
}

function record(ctx: CompareContext, kind: ChangeKind, rule: keyof typeof RULES, location: string, message: string): void {
  ctx.emit({ kind, ...verdict(rule, ctx.direction), location, resource: ctx.resource, message });
}

type Literals = { values: (string | number | boolean)[]; open: boolean };

/** The literal values of an enum-like type (an open enum also admits any string), or undefined. */
function literals(t: IrType): Literals | undefined {
  if (t.kind === 'literal') return { values: [t.value], open: false };
  if (t.kind !== 'union') return undefined;
  const values: (string | number | boolean)[] = [];
  let open = false;
  for (const m of t.members) {
    if (m.kind === 'literal') values.push(m.value);
    else if (m.kind === 'primitive' && m.name === 'string') open = true;
    else return undefined;
  }
  return values.length ? { values, open } : undefined;
}

function hasNull(t: IrType): boolean {
  return (t.kind === 'primitive' && t.name === 'null') || (t.kind === 'union' && t.members.some(hasNull));
}

function withoutNull(t: IrType): IrType {
  if (t.kind !== 'union') return t;
  const members = t.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'));
  return members.length === 1 ? members[0]! : { ...t, members };
}

/** A short, stable description of a type for messages: `string`, `Pet`, `Pet[]`, `object`, `'a' | 'b'`. */
export function describeType(t: IrType, models: Map<string, IrModel>): string {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'binary' ? 'Blob' : t.name;
    case 'literal':
      return JSON.stringify(t.value);
    case 'array':
      return `${describeType(t.items, models)}[]`;
    case 'object':
      return 'object';
    case 'union':
      return t.members.map((m) => describeType(m, models)).join(' | ');
    case 'intersection':
      return t.members.map((m) => describeType(m, models)).join(' & ');
    case 'ref':
      return models.get(t.target)?.name ?? 'unknown';
    default:
      return assertNever(t);
  }
}
