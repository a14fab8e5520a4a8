import { dereference } from '../ir/dereference';
import { pathWritable } from '../ir/path-writable';
import type { IrModel, IrOperation, IrParameter, IrType } from '../ir/types';
import { sampleValue } from './sample-value';
import { isSampleObject, type SampleValue } from './sample-types';

/** The arguments of one call: path parameters by wire name, query and header parameters, and the body. */
export interface OperationSample {
  path: Map<string, SampleValue>;
  /** Query and header parameters by wire name (the params object holds them beside body properties). */
  params: Map<string, SampleValue>;
  /** The body, when the operation takes one (even an optional one: a positional body argument needs a value). */
  body: SampleValue | undefined;
  /** Whether the body is sent on this call: it is required, or every argument is given. */
  sendsBody: boolean;
}

/** The two calls of an operation's generated tests. */
export interface OperationSamples {
  required: OperationSample;
  all: OperationSample;
}

/**
 * Values for calling an operation twice: with only what it requires, and with every argument. Built from the
 * spec's examples and defaults where valid, else from the schemas (see sample-value.ts). Deterministic.
 */
export function sampleOperation(
  op: IrOperation,
  models: ReadonlyMap<string, IrModel>,
  /**
   * Every path of the API (or their index, made once for all operations): a path parameter's value must not be
   * another path's fixed segment.
   */
  paths: readonly string[] | FixedSegments = [],
): OperationSamples {
  const index = paths instanceof FixedSegments ? paths : new FixedSegments(paths);
  return {
    required: sampleCall(op, models, index, 'required'),
    all: sampleCall(op, models, index, 'all'),
  };
}

/**
 * The fixed segments of a set of paths, by where they stand: for a path with `{name}`, the fixed segments other paths
 * have in its place, the rest of the two paths written alike. Made once: looking through every path for each path
 * parameter took Microsoft Graph's 20,000 paths 14 minutes.
 */
export class FixedSegments {
  private readonly byPlace = new Map<string, Set<string>>();

  constructor(paths: readonly string[]) {
    for (const path of new Set(paths)) {
      const segments = path.split('/');
      segments.forEach((segment, at) => {
        if (/[{}]/.test(segment)) return;
        const key = placeKey(segments, at);
        let found = this.byPlace.get(key);
        if (!found) this.byPlace.set(key, (found = new Set()));
        found.add(segment);
      });
    }
  }

  /** The fixed segments other paths have where `path` has `{name}`. */
  at(path: string, name: string): ReadonlySet<string> {
    const own = path.split('/');
    const at = own.indexOf(`{${name}}`);
    return (at >= 0 && this.byPlace.get(placeKey(own, at))) || NONE;
  }
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A path with one segment blanked, and where: paths whose keys are equal differ at most there (a segment holds no
 * `/`, so the joined segments are the segments).
 */
function placeKey(segments: readonly string[], at: number): string {
  return `${at}:${segments.map((s, i) => (i === at ? '' : s)).join('/')}`;
}

function sampleCall(
  op: IrOperation,
  models: ReadonlyMap<string, IrModel>,
  paths: FixedSegments,
  mode: 'required' | 'all',
): OperationSample {
  const ctx = { models, mode };
  // Parameters are sent as text; the body is not.
  const asText = { ...ctx, text: true };
  const param = (p: IrParameter) => sampleValue(p.type, asText, p.docs);
  const path = new Map<string, SampleValue>();
  // A path parameter is always sent: without a value, the plain word keeps the URL well-formed. A segment cannot be
  // empty (the client refuses one): an empty example (vtex's `example: ""`) gives way to the schema's own sample, an
  // enum's empty value (peertube's `enum: ['', active, …]`) to its next one.
  // A value that is a fixed segment of a sibling path (vtex's example `Client` for `/dataentities/{name}/documents`,
  // beside `/dataentities/Client/documents`) calls that path's operation: the schema's own sample is used instead.
  // Where every value an enum allows is some sibling's segment (GitLab's `/services/{service}` beside
  // `/services/asana`…), the sample stays: a word outside the enum would not compile.
  for (const p of op.pathParams) {
    const taken = paths.at(op.path, p.name);
    const given = (v: SampleValue | undefined) => v !== undefined && v !== '';
    const free = (v: SampleValue | undefined) =>
      given(v) && !(typeof v === 'string' && taken.has(v));
    // A type the path styles cannot write is a string the caller writes (the method takes `string`).
    if (!pathWritable(p.type, models)) {
      path.set(p.name, 'value');
      continue;
    }
    const value = param(p);
    const literals = literalValues(p.type, models);
    const chosen =
      [value, ...literals, sampleValue(p.type, asText, undefined)].find(free) ??
      (literals.length ? [value, ...literals].find(given) : undefined);
    path.set(p.name, chosen ?? 'value');
  }
  const params = new Map<string, SampleValue>();
  for (const p of [...op.queryParams, ...op.headerParams]) {
    if (!p.required && mode === 'required') continue;
    if (params.has(p.name)) continue;
    const value = param(p);
    // An empty object or list goes out as no pair at all, and a required parameter would be missing (seldon's
    // `json` query object, whose properties are all optional; microcks' `queryMap`, a map): it is given what it can
    // hold, as a nested object is (depth 1).
    const sent = p.required && isEmpty(value) ? filled(p.type, models, p.docs) : value;
    if (sent !== undefined) params.set(p.name, sent);
  }
  const body = op.body && sampleValue(op.body.type, ctx, undefined);
  return {
    path,
    params,
    body,
    sendsBody: op.body !== undefined && (op.body.required || mode === 'all'),
  };
}

/**
 * A value of a required query parameter that empty would send as nothing: what it can hold (a nested object's
 * property, as for `components[]`), or for a map, one key (microcks' `queryMap`). Only here: Steady reads a form
 * body's map values as strings (Stripe's `currency_options[key][amount]`), so bodies keep their empty maps.
 */
function filled(
  type: IrType,
  models: ReadonlyMap<string, IrModel>,
  docs: IrParameter['docs'],
): SampleValue | undefined {
  const value = sampleValue(type, { models, mode: 'all' }, docs, 1);
  if (!isEmpty(value)) return value;
  const target = dereference(type, models);
  const entry =
    target?.kind === 'object' && target.additional
      ? sampleValue(target.additional, { models, mode: 'required' })
      : undefined;
  return entry === undefined ? value : { key: entry };
}

function isEmpty(value: SampleValue | undefined): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : isSampleObject(value) && Object.keys(value).length === 0;
}

/** The values of an enum, through `$ref`s and unions. */
function literalValues(
  type: IrType,
  models: ReadonlyMap<string, IrModel>,
  seen = new Set<string>(),
): SampleValue[] {
  if (type.kind === 'ref') {
    const model = models.get(type.target);
    if (!model || seen.has(type.target)) return [];
    return literalValues(model.type, models, new Set(seen).add(type.target));
  }
  if (type.kind === 'literal') return [type.value];
  if (type.kind !== 'union') return [];
  return type.members.flatMap((member) => literalValues(member, models, seen));
}
