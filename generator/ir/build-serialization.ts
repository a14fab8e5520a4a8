import { childPointer } from '../load/pointer';
import { report, type IrContext, type Location } from './context';
import type { IrSerialization } from './types';

/** Where a value is serialized: a parameter's `in`, or a field of a form body (an `encoding` entry). */
export type SerializationPlace = 'path' | 'query' | 'header' | 'cookie' | 'form-field';

type Style = NonNullable<IrSerialization['style']>;

/** The styles OpenAPI allows in each place (3.1 §4.8.12.4), the default first. */
const STYLES: Record<SerializationPlace, readonly Style[]> = {
  path: ['simple', 'label', 'matrix'],
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  header: ['simple'],
  cookie: ['form'],
  'form-field': ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
};

const ARRAY_FORMATS = ['indices', 'brackets', 'repeat'] as const;

/**
 * Reads `style`, `explode`, `allowReserved` and `x-clientgen-array-format` of a parameter or an encoding
 * entry, keeping only what differs from the place's defaults so that layouts stay short. A style the place
 * does not allow is a warning and the default is used: the client can still send the value.
 */
export function buildSerialization(
  ctx: IrContext,
  raw: Record<string, unknown>,
  place: SerializationPlace,
  at: Location,
  label: string,
): IrSerialization {
  const allowed = STYLES[place];
  const declared = allowed.find((s) => s === raw.style);
  const fallback = allowed[0]!;
  if (raw.style !== undefined && !declared) {
    report(
      ctx,
      childAt(at, 'style'),
      'spec-invalid',
      `${label} cannot have style ${JSON.stringify(raw.style)} (${allowed.length === 1 ? `only ${fallback} is` : `${allowed.join(', ')} are`} allowed there): it is sent in ${fallback} style`,
      'warning',
    );
  }
  const style = declared ?? fallback;
  const out: IrSerialization = {};
  // A query object with no style goes out as deepObject (docs/serialization.md): an explicit `form` is kept.
  if (style !== fallback || (place === 'query' && declared === 'form')) out.style = style;
  if (typeof raw.explode === 'boolean' && keepExplode(place, style, raw.explode))
    out.explode = raw.explode;
  if (raw.allowReserved === true) out.allowReserved = true;
  const format = raw['x-clientgen-array-format'];
  if (ARRAY_FORMATS.some((f) => f === format))
    out.arrayFormat = format as (typeof ARRAY_FORMATS)[number];
  else if (format !== undefined) {
    report(
      ctx,
      childAt(at, 'x-clientgen-array-format'),
      'invalid-extension',
      `x-clientgen-array-format of ${label} must be indices, brackets or repeat, found ${JSON.stringify(format)}: indices are used`,
      'warning',
    );
  }
  return out;
}

/**
 * Whether an explicit `explode` is kept. Query parameters keep it unless it is form's default (true), as
 * clientgen always has (`{ style: 'deepObject', explode: true }`); elsewhere only a value that is not the
 * default (true for form, false for the other styles) is kept.
 */
function keepExplode(place: SerializationPlace, style: Style, explode: boolean): boolean {
  if (place === 'query') return !(explode && style === 'form');
  return explode !== (style === 'form');
}

/** A location under `at`. */
export function childAt(at: Location, ...segments: (string | number)[]): Location {
  return { file: at.file, pointer: childPointer(at.pointer, ...segments) };
}
