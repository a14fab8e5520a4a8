import { assertNever } from '../errors';
import { dereference, type ModelTypes } from '../ir/dereference';
import type { IrOperation, IrParameter, IrSerialization, IrType } from '../ir/types';
import { tsPropertyName } from './render-type';
import { tsString } from '../text/string-literal';

/** Which style fields the runtime reads in each place (the rest have no effect there, and are left out). */
const FIELDS = {
  path: ['style', 'explode', 'allowReserved', 'contentType'],
  query: ['style', 'explode', 'allowReserved', 'arrayFormat', 'contentType'],
  header: ['explode', 'contentType'],
  cookie: ['explode', 'contentType'],
  // URLSearchParams writes a form body: allowReserved cannot change its bytes.
  form: ['style', 'explode', 'arrayFormat', 'contentType'],
} as const satisfies Record<string, ReadonlyArray<keyof IrSerialization>>;

type Place = keyof typeof FIELDS;

/** One style object literal, e.g. `{ style: 'deepObject', explode: true }`; undefined when it would be empty. */
export function renderStyle(s: IrSerialization, place: Place): string | undefined {
  const parts: string[] = [];
  for (const field of FIELDS[place]) {
    const value = s[field];
    if (value === undefined) continue;
    parts.push(`${field}: ${typeof value === 'boolean' ? String(value) : tsString(value)}`);
  }
  return parts.length ? `{ ${parts.join(', ')} }` : undefined;
}

/** A record of style objects by parameter (or field) name, for the names whose style is not the default. */
export function renderStyles(
  entries: ReadonlyArray<readonly [string, IrSerialization]>,
  place: Place,
): string | undefined {
  const rendered = entries.flatMap(([name, s]) => {
    const style = renderStyle(s, place);
    return style ? [`${tsPropertyName(name)}: ${style}`] : [];
  });
  return rendered.length ? `{ ${rendered.join(', ')} }` : undefined;
}

/**
 * The query styles of an operation. The runtime writes an object without a style as deepObject (what
 * published specs that omit the style mean, docs/serialization.md), so a declared `form` is written out
 * for parameters whose value can be an object, and left out for the others, where it changes nothing.
 */
export function renderQueryStyles(op: IrOperation, models: ModelTypes): string | undefined {
  return renderStyles(
    op.queryParams.map((p) => {
      if (p.style !== 'form' || mayBeObject(p.type, models)) return [p.name, p];
      const { style: _form, ...rest } = p;
      return [p.name, rest];
    }),
    'query',
  );
}

/**
 * The layout entries for header and cookie parameters: their names (`headers: [...]`, `cookies: [...]`),
 * and their styles where not the default (`headerStyles`, `cookieStyles`).
 */
export function renderHeaderLayout(params: IrParameter[]): { names: string[]; styles: string[] } {
  const names: string[] = [];
  const styles: string[] = [];
  for (const place of ['header', 'cookie'] as const) {
    const list = params.filter((p) => p.in === place);
    if (!list.length) continue;
    names.push(`${place}s: [${list.map((p) => tsString(p.name)).join(', ')}]`);
    const rendered = renderStyles(
      list.map((p) => [p.name, p]),
      place,
    );
    if (rendered) styles.push(`${place}Styles: ${rendered}`);
  }
  return { names, styles };
}

/** The third argument of `buildPath`, when a path parameter is not `simple` and unexploded. */
export function renderPathStyles(op: IrOperation): string | undefined {
  return renderStyles(
    op.pathParams.map((p) => [p.name, p]),
    'path',
  );
}

/** The form body's encoding map as the runtime reads it; every entry is kept, since an entry changes the default. */
export function renderFormEncoding(op: IrOperation): string | undefined {
  const kind = op.body?.encoding;
  const encoding = (kind === 'form' || kind === 'multipart') && op.body?.fieldEncoding;
  if (!encoding) return undefined;
  const entries = Object.entries(encoding).map(
    ([name, s]) => `${tsPropertyName(name)}: ${renderStyle(s, 'form') ?? '{}'}`,
  );
  return entries.length ? `{ ${entries.join(', ')} }` : undefined;
}

/** Whether a value of this type can be an object (through refs, unions and intersections). */
function mayBeObject(type: IrType, models: ModelTypes, depth = 0): boolean {
  const t = dereference(type, models);
  if (!t || depth > 16) return false;
  switch (t.kind) {
    case 'object':
    case 'intersection':
      return true;
    case 'union':
      return t.members.some((m) => mayBeObject(m, models, depth + 1));
    // A schema that does not say what it is (`unknown`) is taken at its word: not an object.
    case 'primitive':
    case 'array':
    case 'literal':
    case 'ref':
      return false;
    default:
      return assertNever(t);
  }
}
