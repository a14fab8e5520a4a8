import { isSampleObject, SampleBinary, type SampleValue } from '../../samples';
import { tsPropertyName } from '../render-type';
import { tsString } from '../../text/string-literal';

/** A sample value as a TypeScript expression; spec text enters only through `tsString`/`tsPropertyName`. */
export function renderSample(value: SampleValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof SampleBinary)
    return `new Blob([${tsString(value.text)}], { type: 'application/octet-stream' })`;
  if (Array.isArray(value)) return `[${value.map(renderSample).join(', ')}]`;
  if (!isSampleObject(value)) return 'null';
  const entries = Object.entries(value).map(
    // A quoted `__proto__` key would set the prototype; a computed one is an own property, as JSON has it.
    ([k, v]) => `${k === '__proto__' ? `[${tsString(k)}]` : tsPropertyName(k)}: ${renderSample(v)}`,
  );
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}
