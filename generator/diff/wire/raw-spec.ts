/**
 * Reading the raw spec for what the IR does not keep (value constraints, status codes, headers, security, other
 * media types). Read-only, and only for the wire comparison: the IR stays the one source of generated types.
 */
import { resolveRef, type LoadedSpec } from '../../load/load-spec';
import { findByPointer } from '../../load/pointer';
import type { SourceFile } from '../../load/source-file';
import type { IrModel, IrOperation } from '../../ir/types';
import { record, type Direction, type Emitted } from '../record';
import type { ChangeKind } from '../types';

/** A raw spec node and the file it sits in (for `$ref`s relative to it). */
export interface RawNode {
  value: Record<string, unknown>;
  file: SourceFile;
  /** `file.id + pointer` when reached through a `$ref`: the id the IR gives a model there. */
  id?: string;
}

/** What the raw comparison needs from both sides. */
export interface WireContext {
  oldSpec: LoadedSpec;
  newSpec: LoadedSpec;
  /** True for an old or new IR model id: its schema is compared once, under the model. */
  isOldModel(id: string): boolean;
  isNewModel(id: string): boolean;
  sameModel(oldId: string, newId: string): boolean;
  direction: Direction;
  resource: string;
  /**
   * Also compare structure (properties, `required`, `type`, `enum`): for the media types the IR does not build
   * (an `application/xml` body beside the JSON one), whose changes no generated type shows.
   */
  structural?: boolean;
  /** The location of the parameter whose schema is compared: its own `default` is the parameter's. */
  parameterAt?: string;
  /** Pairs of schemas being compared (by id), so recursive schemas end. */
  visiting?: ReadonlySet<string>;
  emit(change: Emitted): void;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows `$ref` chains; `ids` lists every id passed through (a model may be reached through an alias). */
export function deref(
  spec: LoadedSpec,
  value: unknown,
  file: SourceFile,
): (RawNode & { ids: string[] }) | undefined {
  const ids: string[] = [];
  let current: { value: unknown; file: SourceFile } = { value, file };
  const v31 = isRecord(spec.entry.value) && String(spec.entry.value.openapi).startsWith('3.1');
  for (let hops = 0; isRecord(current.value) && typeof current.value.$ref === 'string'; hops++) {
    if (hops > 32) return undefined;
    if (v31 && constrainsBesideRef(current.value)) {
      // OpenAPI 3.1 applies what stands beside a `$ref` too: the node is an `allOf` of the target and it.
      const { $ref, ...rest } = current.value;
      current = {
        value: { ...rest, allOf: [{ $ref }, ...toArray(rest.allOf)] },
        file: current.file,
      };
      break;
    }
    const target = resolveRef(spec, current.file, current.value.$ref);
    if (!target) return undefined;
    ids.push(target.file.id + target.pointer);
    current = { value: target.value, file: target.file };
  }
  if (!isRecord(current.value)) return undefined;
  return { value: current.value, file: current.file, ids, ...(ids.length ? { id: ids[0] } : {}) };
}

/**
 * JSON Schema's keywords that constrain values. Beside a `$ref` in 3.1 they apply too; anything else there (a
 * `description`, a `type` restating the target's as twilio's specs write it, a key no vocabulary has: motaword's
 * 404s) constrains nothing, and the `$ref` is followed as before.
 */
const CONSTRAINING = new Set([
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'contains',
  'items',
  'prefixItems',
  'unevaluatedItems',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'dependentSchemas',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
]);

/** Whether keys beside a `$ref` constrain values (`maxLength`, `required`, `properties`...). */
function constrainsBesideRef(value: Record<string, unknown>): boolean {
  return Object.keys(value).some((k) => CONSTRAINING.has(k));
}

function toArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A child node of a raw node, in the same file. */
export function child(node: RawNode, ...keys: (string | number)[]): RawNode | undefined {
  let value: unknown = node.value;
  for (const key of keys) {
    if (Array.isArray(value) && typeof key === 'number') value = value[key];
    else if (isRecord(value)) value = value[String(key)];
    else return undefined;
  }
  return isRecord(value) ? { value, file: node.file } : undefined;
}

/** The raw operation object of an IR operation, and its path item (whose parameters it inherits). */
export function rawOperation(
  spec: LoadedSpec,
  op: IrOperation,
): { op: RawNode; pathItem: RawNode } | undefined {
  const file = [...spec.files.values()].find((f) => f.displayPath === op.file) ?? spec.entry;
  const value = findByPointer(file.value, op.pointer);
  const pathItem = findByPointer(file.value, op.pointer.replace(/\/[^/]*$/, ''));
  if (!isRecord(value) || !isRecord(pathItem)) return undefined;
  return { op: { value, file }, pathItem: { value: pathItem, file } };
}

/** The raw schema of an IR model. */
export function rawModel(spec: LoadedSpec, model: IrModel): RawNode | undefined {
  const file = [...spec.files.values()].find((f) => f.displayPath === model.file) ?? spec.entry;
  const value = findByPointer(file.value, model.pointer);
  return isRecord(value) ? { value, file } : undefined;
}

/** The document's root object. */
export function rawRoot(spec: LoadedSpec): RawNode {
  const value = spec.entry.value;
  return { value: isRecord(value) ? value : {}, file: spec.entry };
}

/** Equal as JSON data (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** Records a change found in the raw spec: the rule is `<direction>-<suffix>`. */
export function note(
  ctx: WireContext,
  suffix: string,
  location: string,
  message: string,
  kind: ChangeKind = 'constraint-changed',
): void {
  // The generated client does not show what only the spec says (GET bodies, cookies, constraints): code
  // written against it still compiles.
  const emit = (c: Emitted) => ctx.emit({ ...c, sdk: 'compatible', fromSpec: true });
  record({ ...ctx, emit }, kind, suffix, location, message);
}

export function join(location: string, name: string): string {
  return location ? `${location}.${name}` : name;
}

export function describe(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
