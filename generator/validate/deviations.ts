import type { Diagnostic } from '../diagnostics/diagnostic';
import { isQueryTemplate, splitPathKey } from '../ir/path-key';
import { parsePointer } from '../load/pointer';
import type { WorkerProblem } from './redocly-worker-client';

/**
 * Published specs bend OpenAPI's letter in a few common ways that have one obvious meaning; clientgen reads them
 * that way (docs/spec-problems.md) and says so with a `spec-deviation` warning instead of Redocly's structure message.
 * Each deviation has a rule id (what summaries group by) and a message that says how it is read.
 */
interface Deviation {
  rule: string;
  /** The finding is this deviation: Redocly's rule, its message, the last pointer segment, the spec's version. */
  matches(
    problem: WorkerProblem,
    key: string,
    version: '3.0' | '3.1',
    parent: string,
    value: unknown,
  ): boolean;
  explain(key: string, version: '3.0' | '3.1'): string;
}

const notExpected = (problem: WorkerProblem, names: readonly string[]): boolean =>
  problem.ruleId === 'struct' &&
  names.some((n) => problem.message.startsWith(`Property \`${n}\` is not expected here`));

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);

/** Keys whose value is a map (or the `parameters` list) that published specs sometimes give as a `$ref`. */
const MAP_KEYS = new Set([
  'properties',
  'patternProperties',
  'responses',
  'parameters',
  'headers',
  'content',
  'encoding',
  'paths',
  'schemas',
  'requestBodies',
  'securitySchemes',
  'examples',
  'links',
  'callbacks',
  'pathItems',
  'variables',
  'webhooks',
]);

/** 3.1 keywords (JSON Schema 2020-12) that 3.0 documents use as 3.1 means them. */
const FROM_3_1 = ['const', 'examples', '$comment', 'contentMediaType', 'contentEncoding'];

export const DEVIATIONS: readonly Deviation[] = [
  {
    rule: 'nullable-in-3.1',
    matches: (p, _key, version) => version === '3.1' && notExpected(p, ['nullable']),
    explain: () =>
      '`nullable` is OpenAPI 3.0, not 3.1: read as 3.0 means it, `nullable: true` allows null (`| null`)',
  },
  {
    rule: 'boolean-exclusive-bound',
    matches: (p, key) =>
      (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') &&
      p.message.includes('but got `boolean`'),
    explain: (key) =>
      `a boolean \`${key}\` is OpenAPI 3.0's form (3.1 gives the bound itself): read as 3.0 means it; bounds do not change the type`,
  },
  {
    rule: 'type-array-in-3.0',
    matches: (p, key, version, _parent, value) =>
      version === '3.0' && key === 'type' && p.ruleId === 'struct' && Array.isArray(value),
    explain: () =>
      'a `type` array is OpenAPI 3.1, not 3.0: read as 3.1 means it, a union of the types (`null` allows null)',
  },
  {
    rule: 'keyword-from-3.1',
    matches: (p, _key, version) => version === '3.0' && notExpected(p, FROM_3_1),
    explain: (key) =>
      `\`${key}\` is OpenAPI 3.1 (JSON Schema), not 3.0: read as 3.1 means it${key === 'const' ? ' (a single allowed value)' : ' (documentation only)'}`,
  },
  {
    rule: 'query-in-path',
    matches: (p) => p.ruleId === 'path-not-include-query',
    explain: (key) => {
      const { path, query } = splitPathKey(key);
      // `lat={lat}` says where a parameter goes; `beta=true` is sent as it is.
      const named = query.filter((q) => isQueryTemplate(q.value));
      const fixed = query.filter((q) => !isQueryTemplate(q.value));
      const parts = [
        ...(fixed.length
          ? [
              `sends \`${fixed.map((q) => `${q.name}=${q.value}`).join('&')}\` as fixed query parameters on every call`,
            ]
          : []),
        ...(named.length
          ? [
              `sends ${named.map((q) => `\`${q.name}\``).join(', ')} as ${named.length > 1 ? 'query parameters, from the parameters' : 'a query parameter, from the parameter'} the key names`,
            ]
          : []),
      ];
      return `the path key \`${key}\` carries a query string: the operation calls \`${path}\` and ${parts.join(', and ')}`;
    },
  },
  {
    rule: 'recursive-ref',
    matches: (p) => notExpected(p, ['$recursiveRef', '$recursiveAnchor']),
    explain: (key) =>
      key === '$recursiveRef'
        ? "`$recursiveRef` (JSON Schema 2019-09) is read as a `$ref` to the nearest enclosing schema marked `$recursiveAnchor: true` ('#' if none)"
        : '`$recursiveAnchor` (JSON Schema 2019-09) marks the schema that `$recursiveRef` inside it refers to',
  },
  {
    rule: 'operation-ref',
    matches: (p, key, _version, parent) =>
      key === '$ref' &&
      p.message.startsWith('Field $ref is not expected here') &&
      METHODS.has(parent),
    explain: () =>
      'an operation given as a `$ref` (OpenAPI allows it for path items, not operations): read as the operation it names',
  },
  {
    rule: 'ref-as-map',
    matches: (p, key, _version, parent) =>
      key === '$ref' &&
      p.message.startsWith('Field $ref is not expected here') &&
      MAP_KEYS.has(parent),
    explain: () =>
      'a map or list given as a `$ref` (OpenAPI allows `$ref` on the entries, not on the map itself): read as the map or list it names, in whatever file',
  },
  {
    rule: 'ambiguous-path',
    matches: (p) => p.ruleId === 'no-identical-paths' || p.ruleId === 'no-ambiguous-paths',
    explain: () =>
      'two paths differ only in the names of their parameters, so a server cannot tell them apart: both operations are generated, with distinct method names',
  },
];

/** The deviation a validation finding is, as a `spec-deviation` warning; undefined for any other finding. */
export function readDeviation(
  found: Diagnostic,
  problem: WorkerProblem,
  version: '3.0' | '3.1',
  /** The node the finding points at, when it is in a loaded file. */
  value: unknown,
): Diagnostic | undefined {
  const key = lastSegment(found.pointer, problem.message);
  const parent = segmentsOf(found.pointer).at(-2) ?? '';
  const deviation = DEVIATIONS.find((d) => d.matches(problem, key, version, parent, value));
  if (!deviation) return undefined;
  return {
    ...found,
    code: 'spec-deviation',
    severity: 'warning',
    rule: deviation.rule,
    message: deviation.explain(key, version),
  };
}

/** The key a finding is about: the last pointer segment, or the property Redocly's message names. */
function lastSegment(pointer: string, message: string): string {
  const named = /^Property `([^`]+)` is not expected here/.exec(message)?.[1];
  return named ?? segmentsOf(pointer).at(-1) ?? '';
}

function segmentsOf(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}
