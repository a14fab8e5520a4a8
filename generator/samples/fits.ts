import type { IrConstraints, IrType } from '../ir/types';
import { meetsFormat } from './scalars';
import { matches } from './pattern';
import { isSampleObject, SampleBinary } from './sample-types';

/** Checks of a value against an IR type: a small JSON Schema validator for requests (readOnly properties not needed). */
export interface Fit {
  models: ReadonlyMap<string, { type: IrType }>;
  /**
   * An object fits a union without a discriminator only when one member alone takes it, the others read as open
   * objects (a server checking `oneOf` refuses an object that two members take): for the spec's examples, which
   * `buildUnion`'s values already are.
   */
  exclusive?: boolean;
}

const MAX_DEPTH = 24;

/**
 * Whether `value` is valid for `type` as a request value: types, literals, required properties, closed objects,
 * and the kept constraints. Used to take a spec's example only when it is valid, and to choose a union member
 * that validates alone.
 */
export function fits(type: IrType, value: unknown, fit: Fit, open = false, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  switch (type.kind) {
    case 'primitive':
      switch (type.name) {
        case 'string':
          return typeof value === 'string' && meetsString(value, type.constraints);
        case 'number':
          return typeof value === 'number' && meetsNumber(value, type.constraints);
        case 'boolean':
          return typeof value === 'boolean';
        case 'null':
          return value === null;
        case 'unknown':
          return true;
        case 'never':
          return false;
        case 'binary':
          // A file is an `Uploadable` (a Blob, bytes, a stream): a spec's example for one is its name or path
          // (api.video's `file: mylogo.jpg`), which the method does not take.
          return value instanceof SampleBinary;
      }
      return false;
    case 'literal':
      return value === type.value;
    case 'array': {
      if (!Array.isArray(value)) return false;
      const c = type.constraints;
      if (c?.minItems !== undefined && value.length < c.minItems) return false;
      if (c?.maxItems !== undefined && value.length > c.maxItems) return false;
      return value.every((v) => fits(type.items, v, fit, false, depth + 1));
    }
    case 'object': {
      if (!isSampleObject(value)) return false;
      for (const p of type.properties) {
        if (!(p.name in value)) {
          if (p.required && !p.readOnly) return false;
          continue;
        }
        // A request never sends a readOnly property (and the request type has none).
        if (p.readOnly || !fits(p.type, value[p.name], fit, false, depth + 1)) return false;
      }
      if (Object.keys(value).length < (type.minProperties ?? 0)) return false;
      // `required` naming a property no schema declares (otoroshi's `metadataField`): JSON Schema still asks for it.
      if (type.requiredUndeclared?.some((n) => !(n in value))) return false;
      const alternatives = type.requiredAlternatives;
      if (alternatives) {
        const met = alternatives.sets.filter((set) => set.every((n) => n in value)).length;
        if (alternatives.exclusive ? met !== 1 : met === 0) return false;
      }
      if (open) return true;
      const declared = new Set(type.properties.map((p) => p.name));
      return Object.entries(value).every(
        ([k, v]) =>
          declared.has(k) ||
          (type.additional !== undefined && fits(type.additional, v, fit, false, depth + 1)),
      );
    }
    case 'union': {
      if (!fit.exclusive || type.discriminator || !isSampleObject(value))
        return type.members.some((m) => fits(m, value, fit, open, depth + 1));
      const taking = type.members.filter((m) => fits(m, value, fit, true, depth + 1));
      return taking.length === 1 && fits(taking[0]!, value, fit, open, depth + 1);
    }
    case 'intersection':
      return type.members.every((m) => fits(m, value, fit, true, depth + 1));
    case 'ref': {
      const model = fit.models.get(type.target);
      return model ? fits(model.type, value, fit, open, depth + 1) : true;
    }
  }
}

function meetsString(value: string, c: IrConstraints | undefined): boolean {
  if (!c) return true;
  const length = [...value].length;
  if (c.minLength !== undefined && length < c.minLength) return false;
  if (c.maxLength !== undefined && length > c.maxLength) return false;
  if (c.pattern !== undefined && !matches(c.pattern, value)) return false;
  return meetsFormat(value, c.format);
}

function meetsNumber(value: number, c: IrConstraints | undefined): boolean {
  if (!c) return true;
  const integer = c.integer === true || c.format === 'int32' || c.format === 'int64';
  if (integer && !Number.isInteger(value)) return false;
  if (c.minimum !== undefined && value < c.minimum) return false;
  if (c.maximum !== undefined && value > c.maximum) return false;
  if (c.exclusiveMinimum !== undefined && value <= c.exclusiveMinimum) return false;
  if (c.exclusiveMaximum !== undefined && value >= c.exclusiveMaximum) return false;
  if (c.multipleOf !== undefined) {
    const q = value / c.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) return false;
  }
  return true;
}
