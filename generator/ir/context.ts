import type { Diagnostic, DiagnosticCode } from '../diagnostics/diagnostic';
import { resolveRef, type LoadedSpec, type RefTarget } from '../load/load-spec';
import type { SourceFile } from '../load/source-file';
import type { IrDiscriminator, IrModel } from './types';

/** Where a raw spec node sits: its file and JSON pointer. */
export interface Location {
  file: SourceFile;
  pointer: string;
}

/** State shared by the IR builders of one run: the spec, collected diagnostics and the models found so far. */
export interface IrContext {
  spec: LoadedSpec;
  /** '3.0' treats `nullable` and `exclusiveMinimum: true`; '3.1' treats type arrays and `const`. */
  version: '3.0' | '3.1';
  diagnostics: Diagnostic[];
  /** Models by id; filled lazily as `$ref`s are met, so unused files cost nothing. */
  models: Map<string, IrModel>;
  /** Model ids being built, to stop on a cycle through inline refs. */
  building: Set<string>;
  /**
   * How many times each schema that is no component was written inline for a `$ref` to it, and the ones the run
   * makes models of because several `$ref`s name them (build-ir.ts): inlined at each `$ref`, schemas whose inline
   * copies hold `$ref`s to others grew exponentially (a 155 KB Azure spec gave 457 MB of client in two minutes).
   */
  inlined: Map<string, number>;
  sharedTargets: ReadonlySet<string>;
  /**
   * `properties` maps given as a `$ref` being read (their target's file and pointer), to stop on one that holds the
   * schema reading it: read inside itself, it never ended (a stack overflow, found by the fuzzer).
   */
  readingMaps: Set<string>;
  /**
   * A component that is only a `$ref` to another file's schema (`Error: {$ref: common.yaml#/Error}`) is
   * that schema under the component's name, not a second model: component id → target id, and the name.
   */
  aliases: Map<string, { target: string; name: string }>;
  /**
   * Discriminators whose mapping is partly implicit (schema names), with where they sit: a member that pins
   * the property to its own single value is read with that value instead (ir/discriminators.ts). `unnamed`:
   * members `$ref`'d where a schema has no name (a path's body, a property), which have no implicit value.
   */
  implicitDiscriminators: Map<
    IrDiscriminator,
    { at: Location; members: Set<number>; unnamed: Set<number> }
  >;
  /** `x-clientgen` with the config's `client` block over it (client-settings.ts `withClientSettings`). */
  clientgen: Record<string, unknown>;
  /** The config file the `names` and `client` settings came from, when known: warnings about them point into it. */
  config?: SourceFile;
}

/** Records a diagnostic located at a spec node. */
export function report(
  ctx: IrContext,
  at: Location,
  code: DiagnosticCode,
  message: string,
  severity: 'error' | 'warning' = 'error',
  rule?: string,
): void {
  // One finding reached twice (a resource-wide setting checked for each of its operations) is said once.
  const file = at.file.displayPath;
  if (
    ctx.diagnostics.some(
      (d) =>
        d.pointer === at.pointer && d.file === file && d.code === code && d.message === message,
    )
  )
    return;
  const pos = at.file.locate(at.pointer);
  ctx.diagnostics.push({
    code,
    severity,
    message,
    pointer: at.pointer,
    file,
    ...pos,
    ...(rule ? { rule } : {}),
  });
}

/** Follows one `$ref`; reports `ref-unresolved` and returns undefined when it leads nowhere. */
export function followRef(ctx: IrContext, ref: string, at: Location): RefTarget | undefined {
  const target = resolveRef(ctx.spec, at.file, ref);
  if (!target)
    report(
      ctx,
      { file: at.file, pointer: at.pointer + '/$ref' },
      'ref-unresolved',
      `cannot resolve '${ref}'`,
    );
  return target;
}

/** Follows `$ref` chains (for parameters, responses, request bodies) to the node they name. */
export function derefNode(
  ctx: IrContext,
  node: unknown,
  at: Location,
): { value: unknown; at: Location } | undefined {
  let current = { value: node, at };
  for (let hops = 0; isRecord(current.value) && typeof current.value.$ref === 'string'; hops++) {
    if (hops > 32) {
      report(ctx, current.at, 'ref-cycle', 'a $ref chain loops back on itself');
      return undefined;
    }
    const target = followRef(ctx, current.value.$ref, current.at);
    if (!target) return undefined;
    current = { value: target.value, at: { file: target.file, pointer: target.pointer } };
  }
  return current;
}

/**
 * Follows `$ref` chains without reporting: for what is read only as a hint (naming's examples, a discriminator's
 * allowed values, the names a union beside an `allOf` declares), where the node is built and reported on elsewhere.
 * Undefined where a `$ref` leads nowhere or the chain is longer than any spec's.
 */
export function quietDeref(
  ctx: IrContext,
  node: unknown,
  file: SourceFile,
): { value: unknown; file: SourceFile } | undefined {
  let current = { value: node, file };
  for (let hops = 0; isRecord(current.value) && typeof current.value.$ref === 'string'; hops++) {
    const target = hops < 32 ? resolveRef(ctx.spec, current.file, current.value.$ref) : undefined;
    if (!target) return undefined;
    current = { value: target.value, file: target.file };
  }
  return current;
}

/** Narrows an unknown value to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The loaded file a display path names (operations and models keep display paths, not file objects). */
export function fileNamed(ctx: IrContext, displayPath: string): SourceFile {
  return [...ctx.spec.files.values()].find((f) => f.displayPath === displayPath) ?? ctx.spec.entry;
}
