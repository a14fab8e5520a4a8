/** A problem found in a spec: data, never an exception. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer into the file, e.g. '#/components/schemas/Foo/properties/bar'. */
  pointer: string;
  /** Path of the file as given by the user (relative to the working directory when possible). */
  file: string;
  /** 1-based; 0 when the position is unknown. */
  line: number;
  /** 1-based; 0 when the position is unknown. */
  column: number;
  /** The finding's kind within its code (a deviation, a Redocly rule): what summaries group by. */
  rule?: string;
}

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'file-unreadable'
  | 'not-openapi'
  | 'ref-unresolved'
  | 'ref-remote'
  | 'ref-cycle'
  | 'duplicate-operation-id'
  | 'duplicate-method'
  | 'unsupported-keyword'
  | 'invalid-extension'
  | 'invalid-discriminator'
  | 'spec-invalid'
  | 'spec-structure'
  | 'spec-deviation'
  | 'name-collision'
  | 'name-changed'
  | 'name-unused'
  | 'resource-unused';

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts by file, then position, then code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.code, b.code) ||
      cmp(a.pointer, b.pointer),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
