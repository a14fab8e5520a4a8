import type { Diagnostic } from '../diagnostics/diagnostic';
import { splitRef, type LoadedSpec } from '../load/load-spec';
import { childPointer, parsePointer } from '../load/pointer';
import type { SourceFile } from '../load/source-file';
import { isRecord, locate, safeFind } from './locate';
import { closest } from '../text/closest';

/**
 * `ref-unresolved` at the `$ref` (the node holding it is the pointer), with what was expected and what was found:
 * "cannot resolve '#/components/schemas/Ownr': #/components/schemas has no 'Ownr' (did you mean 'Owner'?)".
 * Refs into files that were not loaded are skipped: the load stage reported those (file-unreadable, ref-remote).
 */
export function unresolvedRef(
  spec: LoadedSpec,
  file: SourceFile,
  pointer: string,
  severity: Diagnostic['severity'],
  fallback: string,
): Diagnostic | undefined {
  const node = safeFind(file.value, pointer);
  // A discriminator mapping value is the ref itself; elsewhere the node is `{ $ref }`.
  const ref =
    isRecord(node) && typeof node.$ref === 'string'
      ? node.$ref
      : typeof node === 'string'
        ? node
        : undefined;
  const refAt = isRecord(node) ? childPointer(pointer, '$ref') : pointer;
  const base = {
    code: 'ref-unresolved' as const,
    severity,
    pointer,
    file: file.displayPath,
    ...locate(file, refAt),
  };
  if (ref === undefined) return { ...base, message: fallback };
  const target =
    /^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^https?:\/\//i.test(ref)
      ? undefined
      : splitRef(ref, file.id);
  if (target && !spec.files.has(target.fileId)) return undefined;
  const targetFile = target && spec.files.get(target.fileId);
  const reason =
    targetFile &&
    missingPart(targetFile, target.pointer, ref.slice(0, Math.max(0, ref.indexOf('#'))));
  const message = `cannot resolve '${ref}'${reason ? `: ${reason}` : fallback.replace(/^Can't resolve \$ref/, '')}`;
  // A discriminator's mapping value is a hint: clientgen reads a mapping on a oneOf or anyOf only, and leaves out an
  // entry that names no member (buildIr says so at the same place, and its finding replaces this one). Found in
  // DigitalOcean's published spec, where four such values stopped the run.
  if (typeof node === 'string' && MAPPING_VALUE.test(pointer))
    return {
      ...base,
      code: 'invalid-discriminator',
      rule: 'no-unresolved-refs',
      severity: 'warning',
      message: `${message}; the mapping entry is not used`,
    };
  return { ...base, message };
}

/** The pointer of a value of a discriminator's `mapping`. */
const MAPPING_VALUE = /\/discriminator\/mapping\/[^/]+$/;

/**
 * What the pointer misses: "#/components/schemas has no 'Ownr' (did you mean 'Owner'?)", "this file has no top-level
 * 'Tags'"; undefined when the pointer does lead somewhere.
 */
function missingPart(file: SourceFile, pointer: string, fileLabel: string): string | undefined {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let node: unknown = file.value;
  let found = '#';
  for (const segment of segments) {
    const next = Array.isArray(node)
      ? (node as unknown[])[Number(segment)]
      : isRecord(node) && Object.hasOwn(node, segment)
        ? node[segment]
        : undefined;
    if (next === undefined) {
      const container = found === '#' ? fileLabel || 'this file' : `${fileLabel}${found}`;
      if (!isRecord(node))
        return `${container} is ${describe(node)}, not an object with '${segment}'`;
      const near = closest(segment, Object.keys(node));
      const missing = found === '#' ? `top-level '${segment}'` : `'${segment}'`;
      return `${container} has no ${missing}${near ? ` (did you mean '${near}'?)` : ''}`;
    }
    node = next;
    found = childPointer(found, segment);
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}
