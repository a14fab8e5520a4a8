import type { Diagnostic, DiagnosticCode } from './diagnostic';

/**
 * What each diagnostic code means for generation (docs/spec-problems.md):
 * - 'stops': a correct client is impossible (nothing is written, exit 2);
 * - 'warns': the client is generated, the finding is reported;
 * - 'as-found': the stage that found it decides (an `x-clientgen` value that would become code stops, a missing
 *   optional hint warns; the IR reports a shape it cannot read as an error, a keyword it reads loosely as a warning).
 * `--strict` makes every warning an error.
 */
export const POLICY: Readonly<Record<DiagnosticCode, 'stops' | 'warns' | 'as-found'>> = {
  'yaml-syntax': 'as-found', // a syntax error stops; the parser's own warnings do not
  'file-unreadable': 'stops',
  'not-openapi': 'stops',
  'ref-unresolved': 'stops',
  'ref-remote': 'stops',
  'ref-cycle': 'stops',
  // Naming then reads no operationId the operations share (useapi.net's and openSUSE's published specs have them).
  'duplicate-operation-id': 'warns',
  'duplicate-method': 'stops',
  'name-collision': 'stops',
  'invalid-extension': 'as-found',
  'invalid-discriminator': 'as-found',
  'spec-invalid': 'as-found',
  'unsupported-keyword': 'warns',
  'spec-structure': 'warns',
  'spec-deviation': 'warns',
  'name-changed': 'warns', // a recorded name kept although inference changed (docs/naming.md)
  'name-unused': 'warns', // a config name for an operation the spec does not have (docs/naming.md)
  'resource-unused': 'warns', // a typePrefix for a resource the client does not have (docs/extensions.md)
};

export interface PolicyOptions {
  /** Every warning becomes an error: a gate for spec authors (`--strict`, `"strict": true`). */
  strict?: boolean;
}

/** The severity the policy gives a diagnostic. */
export function severityOf(
  diagnostic: Pick<Diagnostic, 'code' | 'severity'>,
  options: PolicyOptions = {},
): Diagnostic['severity'] {
  if (options.strict) return 'error';
  const rule = POLICY[diagnostic.code];
  return rule === 'stops' ? 'error' : rule === 'warns' ? 'warning' : diagnostic.severity;
}

/** The diagnostics with the severities the policy gives them (the same objects when nothing changes). */
export function applyPolicy(
  diagnostics: readonly Diagnostic[],
  options: PolicyOptions = {},
): Diagnostic[] {
  return diagnostics.map((d) => {
    const severity = severityOf(d, options);
    return severity === d.severity ? d : { ...d, severity };
  });
}
