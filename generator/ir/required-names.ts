import { addedProperty } from './added-property';
import type { Ir, IrObject } from './types';
import { irRootTypes, walkType } from './walk';

/**
 * A name an object's `required` lists that no property declares, once `allOf` members and holders have declared what
 * they declare (box's `lock: {properties: {access, …}, required: [type]}`, sakari's `callbackUrl` beside `url`): JSON
 * Schema asks for it with any value, and a validating server refuses a request without it, but the object's type
 * (closed, as every declared object is) let no caller send it. It becomes an optional property of any value, so a
 * caller can; it stays optional because most such names are slips (just-eat's `Geolocation` beside `GeoLocation`)
 * that a real server does not ask for. The generated tests send it (samples/sample-value.ts).
 */
export function declareRequiredNames(ir: Pick<Ir, 'models' | 'operations'>): void {
  const seen = new Set<IrObject>();
  for (const root of irRootTypes(ir))
    walkType(root, (t) => {
      if (t.kind !== 'object' || !t.requiredUndeclared || seen.has(t)) return;
      seen.add(t);
      for (const name of t.requiredUndeclared) {
        if (t.properties.some((p) => p.name === name)) continue;
        t.properties.push(
          addedProperty(name, { kind: 'primitive', name: 'unknown' }, false, '', {
            description: "Required by the spec's `required` list, which declares no schema for it.",
          }),
        );
      }
    });
}
