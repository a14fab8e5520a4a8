import type { Diagnostic } from '../diagnostics/diagnostic';
import type { LoadedSpec } from '../load/load-spec';
import { locate, locateKey } from './locate';
import type { WorkerProblem } from './redocly-worker-client';
import { unresolvedRef } from './unresolved-ref';

/** One of Redocly's problems as a diagnostic located with our own positions (undefined: already reported). */
export function toDiagnostic(spec: LoadedSpec, problem: WorkerProblem): Diagnostic | undefined {
  const where = problem.locations[0];
  const file = where && spec.files.get(where.file);
  const severity = problem.severity === 'error' ? 'error' : 'warning';
  if (!where || !file) {
    // Not in a file we loaded: cannot happen with the resolver the worker uses, but say it rather than lose it.
    const at = spec.entry;
    return {
      code: 'spec-structure',
      rule: problem.ruleId,
      severity,
      message: problem.message,
      pointer: '#',
      file: at.displayPath,
      line: 0,
      column: 0,
    };
  }
  if (where.pointer === undefined) {
    return {
      code: 'spec-structure',
      rule: problem.ruleId,
      severity,
      message: problem.message,
      pointer: '#',
      file: file.displayPath,
      line: where.line ?? 0,
      column: where.column ?? 0,
    };
  }
  const pointer = where.pointer === '#/' ? '#' : where.pointer;
  if (problem.ruleId === 'no-unresolved-refs')
    return unresolvedRef(spec, file, pointer, severity, problem.message);
  if (
    problem.ruleId === 'path-parameters-defined' &&
    pointer.endsWith('/parameters') &&
    where.reportOnKey
  ) {
    // "The operation does not define the path parameter ...": at the operation, where buildIr reports it too.
    const operation = pointer.slice(0, -'/parameters'.length);
    return {
      code: 'spec-structure',
      rule: problem.ruleId,
      severity,
      message: problem.message,
      pointer: operation,
      file: file.displayPath,
      ...locate(file, operation),
    };
  }
  return {
    code: 'spec-structure',
    rule: problem.ruleId,
    severity,
    message: withSuggestion(problem.message, problem.suggest),
    pointer,
    file: file.displayPath,
    ...(where.reportOnKey ? locateKey(file, pointer) : locate(file, pointer)),
  };
}

/** Redocly's message with its best suggestion: "... Did you mean `type`?" */
function withSuggestion(message: string, suggest: readonly string[]): string {
  const best = suggest.slice(0, 3).map((s) => `\`${s}\``);
  const last = best.pop();
  if (last === undefined) return message;
  return `${message} Did you mean ${best.length ? `${best.join(', ')} or ` : ''}${last}?`;
}
