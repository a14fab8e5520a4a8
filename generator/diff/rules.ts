/**
 * The rules of `clientgen diff`, as data: every kind of change it reports, with its id, the direction it concerns
 * and its two verdicts. The wire level answers "does a client built for the old spec still work against the new
 * server?": narrowing what a request may carry, or widening what a response may return, is breaking or a warning;
 * the reverse is compatible. The SDK level says whether code written against the old generated client still
 * compiles; changes the generated types do not show (value constraints, status codes, headers...) are compatible.
 * docs/diff-rules.md lists them all (test/diff/diff-rules.test.ts checks it, and that each has a corpus pair).
 */
import { GeneratorBug } from '../errors';

export type WireLevel = 'breaking' | 'warning' | 'compatible';
export type SdkLevel = 'breaking' | 'compatible';
export type Direction = 'request' | 'response';

export interface DiffRule {
  /** e.g. `request-max-length-decreased`: the direction, then what changed. */
  id: string;
  /** The traffic the change concerns; 'api' for the operation set, the client, the exported types and servers. */
  direction: Direction | 'api';
  wire: WireLevel;
  sdk: SdkLevel;
  /** A change that triggers the rule, for the docs. */
  example: string;
}

type Levels = readonly [WireLevel, SdkLevel];
const BB: Levels = ['breaking', 'breaking'];
const BC: Levels = ['breaking', 'compatible'];
const WB: Levels = ['warning', 'breaking'];
const WC: Levels = ['warning', 'compatible'];
const CB: Levels = ['compatible', 'breaking'];
const CC: Levels = ['compatible', 'compatible'];

/** Changes to a schema seen in the generated types: one rule per direction, with the levels of each. */
const TYPE_RULES: [string, Levels, Levels, string][] = [
  ['property-added-required', BB, CC, 'a new property listed in `required`'],
  ['property-added-optional', CC, CC, 'a new optional property'],
  ['property-removed-required', BB, BB, 'a required property removed'],
  ['property-removed-optional', BB, WB, 'an optional property removed'],
  ['property-became-required', BB, CC, 'a property added to `required` (also through `allOf`)'],
  ['property-became-optional', CC, BB, 'a property taken out of `required`'],
  ['property-deprecated', CC, CC, '`deprecated: true` on a property'],
  ['nullable-added', CC, BB, '`nullable: true`, or `null` added to `type`'],
  ['nullable-removed', BB, CC, '`nullable: true` removed'],
  ['enum-value-added', CC, WB, '`enum: [a, b]` → `enum: [a, b, c]`'],
  ['enum-value-removed', BB, CB, '`enum: [a, b]` → `enum: [a]`'],
  ['open-enum-value-added', CC, CC, 'a value added to an open enum (`anyOf: [enum, string]`)'],
  ['open-enum-value-removed', WC, CC, 'a value removed from an open enum'],
  // In a response, a new member is a value the client was promised it would not get (oasdiff: ERR).
  ['variant-added', CC, BB, 'a `oneOf` member with a new discriminator value'],
  ['variant-removed', BB, CB, 'a discriminated `oneOf` member removed'],
  ['union-member-added', CC, BB, '`oneOf: [A]` → `oneOf: [A, B]`'],
  ['union-member-removed', BB, CC, '`oneOf: [A, B]` → `oneOf: [A]`'],
  [
    'type-widened',
    CC,
    WB,
    'an enum becomes any string, a closed enum becomes open, a type becomes `{}`',
  ],
  ['type-narrowed', BB, CC, 'a string becomes an enum, `{}` becomes a string'],
  ['additional-properties-allowed', CC, CC, '`additionalProperties: true` added'],
  [
    'additional-properties-refused',
    BB,
    CB,
    '`additionalProperties: false` (or removed from a map)',
  ],
  ['type-changed', BB, BB, '`type: string` → `type: integer`'],
  ['value-changed', BB, BB, '`const: a` → `const: b`'],
  ['type-renamed', CC, CC, 'a `$ref` to another model of the same shape'],
];

/** Value constraints and JSON Schema keywords the generated types do not carry: SDK-compatible. */
const NARROW: Levels = BC;
const NARROW_RESPONSE: Levels = CC;
const WIDEN: Levels = CC;
/** A response constraint loosened or removed: the response may now hold what the client was promised it would not. */
const WIDEN_RESPONSE: Levels = BC;

/** [keyword family, narrowing suffix, widening suffix, example of the narrowing]. */
const BOUND_RULES: [string, string, string, string][] = [
  ['max-length', 'decreased', 'increased', '`maxLength: 10` → `maxLength: 5` (or added)'],
  ['min-length', 'increased', 'decreased', '`minLength: 1` → `minLength: 3` (or added)'],
  ['max-items', 'decreased', 'increased', '`maxItems: 10` → `maxItems: 5` (or added)'],
  ['min-items', 'increased', 'decreased', '`minItems: 0` → `minItems: 1` (or added)'],
  ['max-properties', 'decreased', 'increased', '`maxProperties: 10` → `maxProperties: 5`'],
  ['min-properties', 'increased', 'decreased', '`minProperties: 0` → `minProperties: 1`'],
  ['maximum', 'decreased', 'increased', '`maximum: 100` → `maximum: 50`, or made exclusive'],
  ['minimum', 'increased', 'decreased', '`minimum: 0` → `minimum: 1`, or made exclusive'],
  ['multiple-of', 'narrowed', 'widened', '`multipleOf: 2` → `multipleOf: 4` (or added)'],
  ['unique-items', 'added', 'removed', '`uniqueItems: true` added'],
  [
    'required-alternatives',
    'added',
    'removed',
    '`anyOf: [{required: [a]}, {required: [b]}]` added',
  ],
];

/** Keywords whose every change is compared as added (narrows), removed (widens) or changed (either way). */
const KEYWORD_RULES: [string, string][] = [
  ['pattern', '`pattern: ^[a-z]+$`'],
  ['format', '`format: email`'],
  ['contains', '`contains: {const: admin}` (or `minContains`/`maxContains`)'],
  ['dependent-required', '`dependentRequired: {card: [cvc]}`'],
  ['dependent-schemas', '`dependentSchemas: {card: {required: [cvc]}}`'],
  ['prefix-items', '`prefixItems: [{type: string}]`'],
  ['unevaluated-properties', '`unevaluatedProperties: false`'],
  ['unevaluated-items', '`unevaluatedItems: false`'],
  ['property-names', '`propertyNames: {pattern: ^[a-z]+$}`'],
  ['pattern-properties', '`patternProperties: {^x-: {type: string}}`'],
  ['content', '`contentMediaType`, `contentEncoding` or `contentSchema`'],
  ['not', '`not: {const: root}`'],
  ['conditional', '`if` / `then` / `else`'],
];

/**
 * Keywords whose changes are also compared by containment where that is decidable (`minContains` 1 → 2, a name added
 * to a `dependentRequired` list): narrowed or widened, with the levels of a bound.
 */
const CONTAINMENT_RULES: [string, string][] = [
  ['contains', '`minContains: 1` → `minContains: 2`, `maxContains: 5` → `maxContains: 3`'],
  ['dependent-required', '`dependentRequired: {card: [cvc]}` → `{card: [cvc, zip]}`'],
];

/** Rules of one direction only, or of the API as a whole: [id, direction, levels, example]. */
const OTHER_RULES: [string, DiffRule['direction'], Levels, string][] = [
  [
    'request-parameter-added-required',
    'request',
    BB,
    'a new required query, header or cookie parameter',
  ],
  ['request-parameter-added-optional', 'request', CC, 'a new optional query parameter'],
  ['request-parameter-removed-required', 'request', BB, 'a required query parameter removed'],
  ['request-parameter-removed-optional', 'request', BB, 'an optional query parameter removed'],
  ['request-parameter-became-required', 'request', BB, '`required: true` on a query parameter'],
  [
    'request-parameter-became-optional',
    'request',
    CC,
    '`required: true` removed from a query parameter',
  ],
  ['request-parameter-deprecated', 'request', CC, '`deprecated: true` on a parameter'],
  ['request-parameter-style-changed', 'request', BC, '`style: form` → `style: pipeDelimited`'],
  ['request-parameter-explode-changed', 'request', BC, '`explode: true` → `explode: false`'],
  ['request-default-changed', 'request', WC, '`default: 10` → `default: 20` on a request property'],
  [
    'request-parameter-default-changed',
    'request',
    BC,
    '`default: 10` → `default: 20` on a parameter: a client leaving it out now asks for something else',
  ],
  ['request-path-parameter-added', 'request', BB, '`/pets` → `/owners/{owner}/pets`'],
  ['request-path-parameter-removed', 'request', BB, '`/owners/{owner}/pets` → `/pets`'],
  ['request-body-added-required', 'request', BB, 'a required request body (also on GET)'],
  ['request-body-added-optional', 'request', CC, 'an optional request body'],
  ['request-body-removed', 'request', BB, 'the request body removed'],
  ['request-body-became-required', 'request', BB, '`requestBody.required: true`'],
  ['request-body-became-optional', 'request', CC, '`requestBody.required: true` removed'],
  ['request-body-media-type-changed', 'request', BC, 'the body the client sends: JSON → form'],
  [
    'request-body-media-type-switched',
    'request',
    CB,
    'the client now sends JSON where it sent text, which the server still accepts',
  ],
  ['request-media-type-added', 'request', CC, '`application/xml` accepted besides JSON'],
  ['request-media-type-removed', 'request', BB, '`application/xml` no longer accepted'],
  [
    'request-one-of-member-added',
    'request',
    BC,
    'a `oneOf` without discriminator gains a member: a value may now match two',
  ],
  ['request-extensible-enum-value-added', 'request', CC, '`x-extensible-enum: [a]` → `[a, b]`'],
  ['request-extensible-enum-value-removed', 'request', BC, '`x-extensible-enum: [a, b]` → `[a]`'],
  [
    'request-security-alternative-added',
    'request',
    CC,
    '`security: [{apiKey: []}]` → `[{apiKey: []}, {oauth: []}]`',
  ],
  [
    'request-security-alternative-removed',
    'request',
    BC,
    '`security: []` → `[{apiKey: []}]`: old clients send no credentials',
  ],
  [
    'request-security-added',
    'request',
    WC,
    '`security: []` → `[{apiKey: []}]`: a client sending no credentials is refused, one configured with them is not',
  ],
  ['request-security-scope-added', 'request', WC, '`oauth: [read]` → `oauth: [read, write]`'],
  ['request-security-scope-removed', 'request', CC, '`oauth: [read, write]` → `oauth: [read]`'],
  ['response-extensible-enum-value-added', 'response', CC, '`x-extensible-enum: [a]` → `[a, b]`'],
  ['response-extensible-enum-value-removed', 'response', CC, '`x-extensible-enum: [a, b]` → `[a]`'],
  [
    'response-body-media-type-changed',
    'response',
    BC,
    'the 2xx body the client reads: JSON → text',
  ],
  ['response-media-type-added', 'response', WC, '`application/xml` returned besides JSON'],
  ['response-media-type-removed', 'response', WC, '`application/xml` no longer returned'],
  ['response-body-added', 'response', CC, '`204` → `200` with a body'],
  ['response-body-removed', 'response', BB, '`200` with a body → `204`'],
  ['response-success-status-added', 'response', WC, 'a `202` besides the `200`'],
  ['response-error-status-added', 'response', CC, 'a `429` response'],
  ['response-status-removed', 'response', CC, 'the `404` response removed'],
  ['response-header-added', 'response', CC, 'a new response header'],
  [
    'response-required-header-removed',
    'response',
    BC,
    'a `required: true` response header removed',
  ],
  ['response-optional-header-removed', 'response', WC, 'an optional response header removed'],
  [
    'response-header-became-optional',
    'response',
    BC,
    '`required: true` removed from a response header',
  ],
  [
    'response-stream-option-added',
    'response',
    CC,
    '`text/event-stream` added, switched by a body field',
  ],
  ['response-stream-added', 'response', BB, 'the only 2xx body becomes `text/event-stream`'],
  ['response-stream-removed', 'response', BB, '`text/event-stream` removed'],
  ['response-pagination-changed', 'response', BC, 'cursor pagination → offset pagination'],
  ['response-pagination-added', 'response', CB, 'a list operation becomes paginated'],
  ['response-pagination-removed', 'response', CB, 'a list operation no longer paginated'],
  ['operation-added', 'api', CC, 'a new path or method'],
  ['operation-removed', 'api', BB, 'a path or method removed'],
  [
    'operation-removed-deprecated',
    'api',
    WB,
    'a deprecated operation removed (with no `x-sunset` date, or once it has passed), as announced',
  ],
  ['operation-renamed', 'api', CB, 'a new method name or resource (`pets.get` → `pets.retrieve`)'],
  ['operation-moved', 'api', BC, '`/pets` → `/animals`, same method name'],
  [
    'path-arguments-reordered',
    'api',
    CB,
    '`/orgs/{org}/teams/{team}` → `/teams/{team}/orgs/{org}`: positional arguments swap',
  ],
  ['operation-deprecated', 'api', CC, '`deprecated: true` on an operation'],
  ['export-added', 'api', CC, 'a request type (`PetInput`) now exported'],
  ['export-removed', 'api', CB, 'a params or page type no longer exported'],
  ['export-renamed', 'api', CB, 'a params type renamed'],
  ['model-added', 'api', CC, 'a new component schema'],
  ['model-removed', 'api', CB, 'a component schema removed'],
  ['model-renamed', 'api', CB, 'a component schema renamed, same shape'],
  ['model-deprecated', 'api', CC, '`deprecated: true` on a component schema'],
  ['client-renamed', 'api', CB, '`x-clientgen.client` renamed'],
  [
    'client-browser-opt-in',
    'api',
    WC,
    '`x-clientgen.browser: opt-in` set: made in a browser, the client throws unless `dangerouslyAllowBrowser`',
  ],
  [
    'client-browser-allowed',
    'api',
    CB,
    '`x-clientgen.browser: opt-in` dropped: the client runs in a browser, and has no `dangerouslyAllowBrowser` option',
  ],
  ['client-base-url-changed', 'api', WC, 'the first server URL changed'],
  [
    'client-auth-changed',
    'api',
    CC,
    'the document security scheme changed (the wire is judged per operation: request-security-*)',
  ],
  [
    'client-credential-option-removed',
    'api',
    CB,
    'a credential option of the client (`apiKey`, `username`, …) no longer exists',
  ],
  [
    'client-env-changed',
    'api',
    WC,
    'an environment variable the client reads (a credential, the base URL, the log level) renamed',
  ],
  [
    'client-timeout-changed',
    'api',
    WC,
    '`x-clientgen.timeout` changed: calls give up after another default time',
  ],
  [
    'client-max-retries-changed',
    'api',
    WC,
    '`x-clientgen.maxRetries` changed: failed calls are retried another default number of times',
  ],
  ['server-added', 'api', CC, 'a new entry in `servers`'],
  ['server-removed', 'api', BC, 'an entry of `servers` removed: clients pointed at it fail'],
  ['webhook-added', 'api', CC, 'a new entry in `webhooks`'],
  ['webhook-removed', 'api', BC, 'an entry of `webhooks` removed: receivers no longer get it'],
];

function buildRules(): DiffRule[] {
  const rules: DiffRule[] = [];
  const add = (
    id: string,
    direction: DiffRule['direction'],
    [wire, sdk]: Levels,
    example: string,
  ) => rules.push({ id, direction, wire, sdk, example });
  for (const [suffix, request, response, example] of TYPE_RULES) {
    add(`request-${suffix}`, 'request', request, example);
    add(`response-${suffix}`, 'response', response, example);
  }
  for (const [family, narrow, widen, example] of BOUND_RULES) {
    add(`request-${family}-${narrow}`, 'request', NARROW, example);
    add(`response-${family}-${narrow}`, 'response', NARROW_RESPONSE, example);
    add(`request-${family}-${widen}`, 'request', WIDEN, `the reverse of ${example}`);
    add(`response-${family}-${widen}`, 'response', WIDEN_RESPONSE, `the reverse of ${example}`);
  }
  for (const [family, example] of KEYWORD_RULES) {
    add(`request-${family}-added`, 'request', NARROW, `${example} added`);
    add(`response-${family}-added`, 'response', NARROW_RESPONSE, `${example} added`);
    add(`request-${family}-removed`, 'request', WIDEN, `${example} removed`);
    add(`response-${family}-removed`, 'response', WIDEN_RESPONSE, `${example} removed`);
    add(`request-${family}-changed`, 'request', WC, `${example} changed`);
    add(`response-${family}-changed`, 'response', WC, `${example} changed`);
  }
  for (const [family, example] of CONTAINMENT_RULES) {
    add(`request-${family}-narrowed`, 'request', NARROW, example);
    add(`response-${family}-narrowed`, 'response', NARROW_RESPONSE, example);
    add(`request-${family}-widened`, 'request', WIDEN, `the reverse of ${example}`);
    add(`response-${family}-widened`, 'response', WIDEN_RESPONSE, `the reverse of ${example}`);
  }
  for (const [id, direction, levels, example] of OTHER_RULES) add(id, direction, levels, example);
  return rules;
}

/** Every rule, in the order of docs/diff-rules.md. */
export const DIFF_RULES: readonly DiffRule[] = buildRules();

const BY_ID = new Map(DIFF_RULES.map((r) => [r.id, r]));

/** The rule of an id; an unknown id is a bug in diff/, not in the spec. */
export function ruleOf(id: string): DiffRule {
  const rule = BY_ID.get(id);
  if (!rule) throw new GeneratorBug(`diff reported a change with no rule '${id}'`);
  return rule;
}
