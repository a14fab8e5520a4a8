import type { IrConstraints } from './types';

const NUMBERS = [
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
] as const;

/**
 * The validation keywords of a string, number or array schema (undefined when it has none). 3.0's boolean
 * `exclusiveMinimum`/`exclusiveMaximum` turn the bound beside them exclusive; 3.1's are numbers themselves.
 */
export function buildConstraints(
  schema: Record<string, unknown>,
  type: 'string' | 'number' | 'integer' | 'array',
): IrConstraints | undefined {
  const c: IrConstraints = {};
  if (type === 'integer') c.integer = true;
  if (typeof schema.format === 'string') c.format = schema.format;
  for (const key of NUMBERS) {
    const value = schema[key];
    if (typeof value === 'number' && Number.isFinite(value)) c[key] = value;
  }
  for (const [key, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const value = schema[key];
    if (typeof value === 'number' && Number.isFinite(value)) c[key] = value;
    else if (value === true && c[bound] !== undefined) {
      c[key] = c[bound];
      delete c[bound];
    }
  }
  if (typeof schema.pattern === 'string') c.pattern = schema.pattern;
  if (schema.uniqueItems === true) c.uniqueItems = true;
  const examples: unknown[] = [];
  if (schema.example !== undefined) examples.push(schema.example);
  if (Array.isArray(schema.examples)) examples.push(...(schema.examples as unknown[]));
  if (schema.default !== undefined) examples.push(schema.default);
  if (examples.length) c.examples = examples;
  return Object.keys(c).length ? c : undefined;
}
