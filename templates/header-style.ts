/**
 * Header parameters in OpenAPI's `simple` style (the only one headers have): arrays comma-separated
 * (`a,b`), objects as `R,100,G,200`, or `R=100,G=200` when exploded. Header values are sent as written,
 * not percent-encoded (see docs/serialization.md); a `content` media type sends JSON text.
 */

import {
  contentText,
  flatEntries,
  isPlainObject,
  itemTexts,
  presentEntries,
  scalarText,
  type ParamStyle,
} from './style';

/** The text of one header parameter. */
export function headerText(value: unknown, style: ParamStyle = {}): string {
  if (style.contentType !== undefined) return contentText(value, style.contentType);
  if (Array.isArray(value)) return itemTexts(value).join(',');
  if (!isPlainObject(value)) return scalarText(value);
  if (style.explode) {
    return presentEntries(value)
      .map(([k, v]) => `${k}=${scalarText(v)}`)
      .join(',');
  }
  return flatEntries(value).join(',');
}
