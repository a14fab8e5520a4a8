/**
 * `application/x-www-form-urlencoded` bodies, each field serialized as the media type's `encoding` map
 * says (`style`, `explode`, `contentType`; OpenAPI 3.1 §4.8.15). A field the map does not name: objects
 * in deepObject style with indexed arrays (`metadata[key]=v`, `items[0][price]=p`, as Stripe expects),
 * arrays of scalars repeated (`tags=a&tags=b`, form's default). See docs/serialization.md.
 */

import { stylePairs } from './form-pairs';
import type { ParamStyle } from './style';

/** The `encoding` entry of each form field that has one. */
export type FormEncoding = Record<string, ParamStyle>;

/**
 * The body of a form request. `URLSearchParams` writes the bytes (the form serializer: `+` for spaces,
 * every reserved character encoded), so `allowReserved` has no effect here: the server decodes the
 * same values either way. A field with a JSON `contentType` is sent as JSON text.
 */
export function encodeFormBody(
  fields: Record<string, unknown>,
  encoding: FormEncoding = {},
): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    const entry = encoding[name];
    // A declared entry defaults to form style (OpenAPI); no entry at all keeps deepObject for objects.
    const style: ParamStyle = entry ? { style: 'form', ...entry } : {};
    for (const { key, parts, delimiter } of stylePairs(name, value, style)) {
      body.append(key, parts.join(delimiter));
    }
  }
  return body;
}
