import { assertNever } from '../errors';
import type { IrDocs, IrModel, IrObject, IrProperty, IrType, IrUnion } from '../ir/types';
import type { ApiChange, ChangeKind } from './types';

/** Which way data flows: requests are sent by the client, responses read by it. */
export type Direction = 'request' | 'response';

/** How a type is used: a model may be sent and read ('both'); its changes then get the worse verdict of the two. */
export type Usage = Direction | 'both';

export type Verdict = Pick<ApiChange, 'wire' | 'sdk'>;

/** A change as recorded, before merging: `note` explains a verdict that is not obvious. */
export type Emitted = Omit<ApiChange, 'breaking'> & { note?: string; direction?: Direction };

const BB: Verdict = { wire: 'breaking', sdk: 'breaking' };
const WB: Verdict = { wire: 'warning', sdk: 'breaking' };
const CB: Verdict = { wire: 'compatible', sdk: 'breaking' };
const WC: Verdict = { wire: 'warning', sdk: 'compatible' };
const CC: Verdict = { wire: 'compatible', sdk: 'compatible' };

/**
 * The two verdicts of each kind of change, per direction. Narrowing what a client may send, or widening what it
 * may receive, breaks the wire; the SDK breaks when code that compiled against the old types stops compiling.
 * The same table is in the report of `clientgen diff` (see test/diff/cases and the README).
 */
export const RULES = {
  /** A property or parameter appears: required ones must now be sent. */
  'added-required': { request: BB, response: CC },
  'added-optional': { request: CC, response: CC },
  /** A property or parameter disappears: the server drops what old clients send; readers lose a field. */
  'removed-required': { request: BB, response: BB },
  /** An optional response field was already handled as absent; the type no longer has it. */
  'removed-optional': { request: BB, response: WB },
  'became-required': { request: BB, response: CC },
  'became-optional': { request: CC, response: BB },
  'null-allowed': { request: CC, response: BB },
  'null-refused': { request: BB, response: CC },
  /** A closed enum value: old clients may receive a value they do not know; an exhaustive `switch` stops compiling. */
  'value-added': { request: CC, response: WB },
  /** `case 'gone':` or `x === 'gone'` no longer compiles, whichever the direction. */
  'value-removed': { request: BB, response: CB },
  /** Open enums (`'a' | 'b' | (string & {})`) take any value: their known values are documentation. */
  'open-value-added': { request: CC, response: CC },
  'open-value-removed': { request: WC, response: CC },
  'member-added': { request: CC, response: WB },
  'member-removed': { request: BB, response: CC },
  /** A closed set of values becomes the whole primitive (enum → string, closed → open enum). */
  widened: { request: CC, response: WB },
  /** The other way: the values sent must now be in the set. */
  narrowed: { request: BB, response: CC },
  'keys-opened': { request: CC, response: CC },
  'keys-closed': { request: BB, response: CB },
  'type-changed': { request: BB, response: BB },
  deprecated: { request: CC, response: CC },
  /** Another model of the same shape: only the name shown changes (its shape differences are reported too). */
  renamed: { request: CC, response: CC },
} satisfies Record<string, Record<Direction, Verdict>>;

export type Rule = keyof typeof RULES;

const SWITCH = 'an exhaustive `switch` over it no longer compiles';
const COMPARE = 'code comparing with it no longer compiles';

const RANK = { compatible: 0, warning: 1, breaking: 2 } as const;

/** Orders verdicts: wire first, then SDK. */
export function severity(v: Verdict): number {
  return RANK[v.wire] * 2 + (v.sdk === 'breaking' ? 1 : 0);
}

/** The worse of two verdicts, wire and SDK each. */
export function worse(a: Verdict, b: Verdict): Verdict {
  return {
    wire: RANK[a.wire] >= RANK[b.wire] ? a.wire : b.wire,
    sdk: a.sdk === 'breaking' || b.sdk === 'breaking' ? 'breaking' : 'compatible',
  };
}

/** What comparing two types needs: both model tables, where to record changes, and the direction. */
export interface CompareContext {
  oldModels: Map<string, IrModel>;
  newModels: Map<string, IrModel>;
  /** The exported type name of a model id, on each side. */
  oldName(id: string): string;
  newName(id: string): string;
  /** True when the old model and the new one are the same exported type (same spec name, or found renamed). */
  sameModel(oldId: string, newId: string): boolean;
  direction: Direction;
  resource: string;
  /** Pairs of different models being compared by shape, so recursive models end. */
  visiting?: ReadonlySet<string>;
  /**
   * Changes with the same resource, location, kind and message are merged into one, with the worse verdicts;
   * `note` (why it breaks, in one direction) is appended to the message.
   */
  emit(change: Emitted): void;
}

/** Compares two types as used: for 'both', once as a request and once as a response. */
export function compareIn(
  usage: Usage,
  a: IrType,
  b: IrType,
  location: string,
  ctx: Omit<CompareContext, 'direction'>,
): void {
  for (const direction of usage === 'both' ? (['request', 'response'] as const) : [usage])
    compareTypes(a, b, location, { ...ctx, direction });
}

/**
 * Records every user-visible difference between two types at `location`. Models referenced on both sides are not
 * entered (their own changes are reported once, under the model); a model on one side only is compared by shape.
 */
export function compareTypes(a: IrType, b: IrType, location: string, ctx: CompareContext): void {
  const aNull = hasNull(a);
  const bNull = hasNull(b);
  if (aNull !== bNull) {
    record(
      ctx,
      'nullable-changed',
      bNull ? 'null-allowed' : 'null-refused',
      location,
      bNull ? 'may now be null' : 'can no longer be null',
    );
  }
  const x = withoutNull(a);
  const y = withoutNull(b);
  const xl = literals(x);
  const yl = literals(y);
  if (xl && yl && xl.base === yl.base) return compareLiterals(xl, yl, location, ctx);
  if ((xl && isPrimitive(y, xl.base)) || (yl && isPrimitive(x, yl.base))) {
    if (xl)
      record(
        ctx,
        'type-changed',
        'widened',
        location,
        `now any ${xl.base} (was ${describeType(x, ctx.oldName)})`,
      );
    else
      record(
        ctx,
        'type-changed',
        'narrowed',
        location,
        `now limited to ${describeType(y, ctx.newName)} (was any ${yl!.base})`,
      );
    return;
  }
  if (x.kind === 'ref' && y.kind === 'ref') {
    if (ctx.sameModel(x.target, y.target)) return;
    // Another model: what changes for the user is its shape (types are structural), and the name they see.
    const rx = ctx.oldModels.get(x.target)?.type;
    const ry = ctx.newModels.get(y.target)?.type;
    const pair = `${x.target}\0${y.target}`;
    if (!rx || !ry || rx.kind !== ry.kind || ctx.visiting?.has(pair))
      return typeChanged(x, y, location, ctx);
    record(
      ctx,
      'type-changed',
      'renamed',
      location,
      `now of type ${describeType(y, ctx.newName)} (was ${describeType(x, ctx.oldName)})`,
    );
    return compareTypes(rx, ry, location, {
      ...ctx,
      visiting: new Set([...(ctx.visiting ?? []), pair]),
    });
  }
  // A model on one side, an inline schema on the other (a schema extracted into a model, or inlined): compare shapes.
  const rx = x.kind === 'ref' && y.kind !== 'ref' ? ctx.oldModels.get(x.target)?.type : x;
  const ry = y.kind === 'ref' && x.kind !== 'ref' ? ctx.newModels.get(y.target)?.type : y;
  if (rx && ry && (rx !== x || ry !== y) && rx.kind === ry.kind && rx.kind !== 'ref')
    return compareTypes(rx, ry, location, ctx);
  if (x.kind === 'object' && y.kind === 'object') return compareObjects(x, y, location, ctx);
  if (x.kind === 'array' && y.kind === 'array')
    return compareTypes(x.items, y.items, `${location}[]`, ctx);
  if (x.kind === 'union' || y.kind === 'union')
    return compareUnions(asUnion(x), asUnion(y), location, ctx);
  if (
    x.kind === 'intersection' &&
    y.kind === 'intersection' &&
    x.members.length === y.members.length
  ) {
    x.members.forEach((m, i) => compareTypes(m, y.members[i]!, location, ctx));
    return;
  }
  if (describeType(x, ctx.oldName) !== describeType(y, ctx.newName))
    typeChanged(x, y, location, ctx);
}

function typeChanged(x: IrType, y: IrType, location: string, ctx: CompareContext): void {
  record(
    ctx,
    'type-changed',
    'type-changed',
    location,
    `type changed from ${describeType(x, ctx.oldName)} to ${describeType(y, ctx.newName)}`,
  );
}

/** Compares two objects' properties by wire name; readOnly properties are not sent, writeOnly ones not received. */
export function compareObjects(
  a: IrObject,
  b: IrObject,
  location: string,
  ctx: CompareContext,
): void {
  const join = (name: string) => (location ? `${location}.${name}` : name);
  const visible = (p: IrProperty) => !(ctx.direction === 'request' ? p.readOnly : p.writeOnly);
  const before = a.properties.filter(visible);
  const after = b.properties.filter(visible);
  for (const p of before) {
    const q = after.find((n) => n.name === p.name);
    if (!q) {
      record(
        ctx,
        'property-removed',
        p.required ? 'removed-required' : 'removed-optional',
        join(p.name),
        `${p.required ? 'required' : 'optional'} property removed${wasDeprecated(p.docs)}`,
      );
      continue;
    }
    if (p.required !== q.required) {
      if (q.required)
        record(
          ctx,
          'required-changed',
          'became-required',
          join(p.name),
          'now required (was optional)',
        );
      else
        record(
          ctx,
          'required-changed',
          'became-optional',
          join(p.name),
          'now optional (was required)',
          'may be missing',
        );
    }
    if (!p.docs.deprecated && q.docs.deprecated)
      record(ctx, 'deprecated', 'deprecated', join(p.name), 'deprecated');
    compareTypes(p.type, q.type, join(p.name), ctx);
  }
  for (const q of after) {
    if (before.some((p) => p.name === q.name)) continue;
    record(
      ctx,
      'property-added',
      q.required ? 'added-required' : 'added-optional',
      join(q.name),
      `new ${q.required ? 'required' : 'optional'} property`,
    );
  }
  const keys = `${location}[key]`;
  if (a.additional && b.additional) compareTypes(a.additional, b.additional, keys, ctx);
  else if (a.additional)
    record(ctx, 'type-changed', 'keys-closed', location, 'no longer allows other keys');
  else if (b.additional)
    record(
      ctx,
      'type-changed',
      'keys-opened',
      location,
      `now allows other keys (${describeType(b.additional, ctx.newName)})`,
    );
}

type Literals = {
  values: (string | number | boolean)[];
  open: boolean;
  base: 'string' | 'number' | 'boolean';
};

function compareLiterals(a: Literals, b: Literals, location: string, ctx: CompareContext): void {
  const [only] = a.values;
  if (
    a.values.length === 1 &&
    b.values.length === 1 &&
    !a.open &&
    !b.open &&
    only !== b.values[0]
  ) {
    // A constant (`object: 'chat.completion'`): one value for another.
    const message = `value changed from ${JSON.stringify(only)} to ${JSON.stringify(b.values[0])}`;
    return record(ctx, 'type-changed', 'type-changed', location, message);
  }
  const what =
    a.values.length > 1 || b.values.length > 1 || a.open || b.open ? 'enum value' : 'value';
  for (const value of b.values) {
    if (a.values.includes(value)) continue;
    if (b.open)
      record(
        ctx,
        'enum-value-added',
        'open-value-added',
        location,
        `${what} ${JSON.stringify(value)} added (open enum)`,
      );
    else
      record(
        ctx,
        'enum-value-added',
        'value-added',
        location,
        `${what} ${JSON.stringify(value)} added`,
        SWITCH,
      );
  }
  for (const value of a.values) {
    if (b.values.includes(value)) continue;
    if (a.open && b.open)
      record(
        ctx,
        'enum-value-removed',
        'open-value-removed',
        location,
        `${what} ${JSON.stringify(value)} removed (open enum)`,
      );
    else
      record(
        ctx,
        'enum-value-removed',
        'value-removed',
        location,
        `${what} ${JSON.stringify(value)} removed`,
        COMPARE,
      );
  }
  if (a.open && !b.open)
    record(
      ctx,
      'type-changed',
      'narrowed',
      location,
      `no longer an open enum: only the listed values`,
    );
  if (!a.open && b.open)
    record(ctx, 'type-changed', 'widened', location, `now an open enum: any ${b.base}`);
}

/**
 * Union members are paired by discriminator value when both sides have one on the same property, else by their
 * description (`Pet`, `string`, `"auto"`), inline objects in order. Paired members are compared in turn.
 */
function compareUnions(a: IrUnion, b: IrUnion, location: string, ctx: CompareContext): void {
  const da = a.discriminator;
  const db = b.discriminator;
  let restA = a.members.map((_, i) => i);
  let restB = b.members.map((_, i) => i);
  if (da && db && da.property === db.property) {
    const memberOf = (u: IrUnion, value: string) =>
      u.discriminator!.mapping.find((m) => m.value === value)?.member;
    for (const { value, member } of db.mapping) {
      const old = memberOf(a, value);
      const where = `${location}(${da.property}: ${JSON.stringify(value)})`;
      if (old === undefined)
        record(
          ctx,
          'union-member-added',
          'value-added',
          location,
          `variant ${JSON.stringify(value)} (${describeType(b.members[member]!, ctx.newName)}) added`,
          SWITCH,
        );
      else compareTypes(a.members[old]!, b.members[member]!, where, ctx);
    }
    for (const { value, member } of da.mapping) {
      if (memberOf(b, value) === undefined)
        record(
          ctx,
          'union-member-removed',
          'value-removed',
          location,
          `variant ${JSON.stringify(value)} (${describeType(a.members[member]!, ctx.oldName)}) removed`,
          COMPARE,
        );
    }
    restA = restA.filter((i) => !da.mapping.some((m) => m.member === i));
    restB = restB.filter((i) => !db.mapping.some((m) => m.member === i));
  }
  const keyed = (u: IrUnion, rest: number[], name: (id: string) => string) => {
    let objects = 0;
    return rest.map((i) => {
      const t = u.members[i]!;
      return { t, key: t.kind === 'object' ? `object#${objects++}` : describeType(t, name) };
    });
  };
  const ma = keyed(a, restA, ctx.oldName);
  const mb = keyed(b, restB, ctx.newName);
  const open = (base: string) =>
    ma.some((m) => isPrimitive(m.t, base)) && mb.some((m) => isPrimitive(m.t, base));
  for (const m of mb) {
    const old = ma.find((n) => n.key === m.key);
    if (old) compareTypes(old.t, m.t, location, ctx);
    else if (m.t.kind === 'literal') {
      if (open(typeof m.t.value))
        record(
          ctx,
          'enum-value-added',
          'open-value-added',
          location,
          `value ${m.key} added (open enum)`,
        );
      else record(ctx, 'enum-value-added', 'value-added', location, `value ${m.key} added`, SWITCH);
    } else
      record(
        ctx,
        'union-member-added',
        'member-added',
        location,
        `union member ${m.key.replace(/#\d+$/, '')} added`,
      );
  }
  for (const m of ma) {
    if (mb.some((n) => n.key === m.key)) continue;
    if (m.t.kind === 'literal') {
      if (open(typeof m.t.value))
        record(
          ctx,
          'enum-value-removed',
          'open-value-removed',
          location,
          `value ${m.key} removed (open enum)`,
        );
      else
        record(
          ctx,
          'enum-value-removed',
          'value-removed',
          location,
          `value ${m.key} removed`,
          COMPARE,
        );
    } else
      record(
        ctx,
        'union-member-removed',
        'member-removed',
        location,
        `union member ${m.key.replace(/#\d+$/, '')} removed`,
      );
  }
}

export function record(
  ctx: CompareContext,
  kind: ChangeKind,
  rule: Rule,
  location: string,
  message: string,
  responseNote?: string,
): void {
  const note = ctx.direction === 'response' ? responseNote : undefined;
  ctx.emit({
    kind,
    ...RULES[rule][ctx.direction],
    location,
    resource: ctx.resource,
    message,
    direction: ctx.direction,
    ...(note ? { note } : {}),
  });
}

/** The literal values of an enum-like type, and whether it is open (also admits any value of its primitive). */
function literals(t: IrType): Literals | undefined {
  if (t.kind === 'literal') return { values: [t.value], open: false, base: baseOf(t.value) };
  if (t.kind !== 'union') return undefined;
  const values: (string | number | boolean)[] = [];
  const primitives: string[] = [];
  for (const m of t.members) {
    if (m.kind === 'literal') values.push(m.value);
    else if (m.kind === 'primitive') primitives.push(m.name);
    else return undefined;
  }
  const base = values[0] === undefined ? undefined : baseOf(values[0]);
  if (!base || values.some((v) => baseOf(v) !== base) || primitives.some((p) => p !== base))
    return undefined;
  return { values, open: primitives.length > 0, base };
}

function baseOf(value: string | number | boolean): Literals['base'] {
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
}

/** Said of removed things: a reviewer expects deprecated ones to go. */
export function wasDeprecated(docs: IrDocs): string {
  return docs.deprecated ? ' (it was deprecated)' : '';
}

function isPrimitive(t: IrType, name: string): boolean {
  return t.kind === 'primitive' && t.name === name;
}

function asUnion(t: IrType): IrUnion {
  return t.kind === 'union' ? t : { kind: 'union', members: [t] };
}

function hasNull(t: IrType): boolean {
  return (
    (t.kind === 'primitive' && t.name === 'null') || (t.kind === 'union' && t.members.some(hasNull))
  );
}

function withoutNull(t: IrType): IrType {
  if (t.kind !== 'union') return t;
  const members = t.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'));
  return members.length === 1 ? members[0]! : { ...t, members };
}

/** A short, stable description of a type for messages: `string`, `Pet`, `Pet[]`, `object`, `"a" | "b"`. */
export function describeType(t: IrType, name: (id: string) => string): string {
  switch (t.kind) {
    case 'primitive':
      return t.name === 'binary' ? 'Blob' : t.name;
    case 'literal':
      return JSON.stringify(t.value);
    case 'array': {
      const items = describeType(t.items, name);
      return /[ |&]/.test(items) ? `(${items})[]` : `${items}[]`;
    }
    case 'object':
      return t.additional && !t.properties.length
        ? `Record<string, ${describeType(t.additional, name)}>`
        : 'object';
    case 'union':
      return t.members.map((m) => describeType(m, name)).join(' | ');
    case 'intersection': {
      // A discriminated member pinned to its value (`Cat & { petType: 'cat' }`) reads as the member.
      const named = t.members.filter(
        (m) =>
          !(
            m.kind === 'object' &&
            m.properties.length &&
            m.properties.every((p) => p.type.kind === 'literal')
          ),
      );
      return (named.length ? named : t.members).map((m) => describeType(m, name)).join(' & ');
    }
    case 'ref':
      return name(t.target);
    default:
      return assertNever(t);
  }
}
