/**
 * The pairs of test/fixtures/oasdiff where `clientgen diff`'s wire verdict deliberately differs from oasdiff's level,
 * each with the rule that decides and why. docs/diff-rules.md ("Where we disagree with oasdiff") says the same;
 * test/diff/oasdiff-agreement.test.ts checks that every entry still gives exactly this verdict, and that no other
 * pair disagrees.
 */
export type Verdict = 'breaking' | 'warning' | 'compatible' | 'none' | 'refused';

export interface Disagreement {
  /** `base → revision`, paths under test/fixtures/oasdiff/data/. */
  pair: string;
  /** Our wire verdict on the pair: the worst wire level of the report, 'none' for no change, 'refused' for a spec error. */
  verdict: Verdict;
  /** The rule that gives the verdict ('' when the spec is refused or nothing is reported). */
  rule: string;
  reason: string;
}

export const DISAGREEMENTS: Disagreement[] = [
  // oasdiff ERR, ours not breaking.
  {
    pair: 'required-properties/anyOf1.yaml → required-properties/anyOf2.yaml',
    verdict: 'none',
    rule: '',
    reason:
      '`required` is added to a `type: array` member: it constrains objects only, so no value changes',
  },
  {
    pair: 'checker/request_parameter_max_items_updated_revision.yaml → checker/request_parameter_max_items_updated_base.yaml',
    verdict: 'none',
    rule: '',
    reason:
      '`maxItems` sits on `items: {type: string}`, where it constrains nothing; oasdiff itself calls the same change on a path-level parameter not breaking',
  },
  // oasdiff INFO or nothing, ours breaking.
  {
    pair: 'pattern-base.yaml → pattern-revision.yaml',
    verdict: 'breaking',
    rule: 'response-pattern-removed',
    reason:
      'a response property loses its `pattern`: the response may now hold strings the client was promised it would not (oasdiff has no rule for a pattern removed from a response)',
  },
  {
    pair: 'checker/request_body_default_value_changed_base.yaml → checker/request_body_default_value_changed_revision.yaml',
    verdict: 'breaking',
    rule: 'request-media-type-removed',
    reason:
      "the revision also drops the `application/json` request body, which old clients send; oasdiff's test of this pair looks at the default only",
  },
  {
    pair: 'checker/contains_added_base.yaml → checker/contains_added_revision.yaml',
    verdict: 'breaking',
    rule: 'request-contains-added',
    reason:
      "the request body gains `contains: {type: integer}` while its items are strings: every request old clients send now fails (oasdiff's test of this pair looks at the response only)",
  },
  {
    pair: 'checker/dependent_required_base.yaml → checker/dependent_required_revision.yaml',
    verdict: 'breaking',
    rule: 'request-dependent-required-added',
    reason:
      "the request body gains `dependentRequired: {name: [email]}`: a request with a name and no email now fails (oasdiff's test of this pair looks at the response only)",
  },
  {
    pair: 'checker/request_property_discriminator_added_revision.yaml → checker/request_property_discriminator_mapping_changed.yaml',
    verdict: 'breaking',
    rule: 'request-variant-removed',
    reason:
      "the request's discriminator values change (`cat` → `cats`, `breed1` → `breed1Code`): a server that picks the member by the discriminator refuses the values old clients send (oasdiff reports a changed mapping as information)",
  },
  // oasdiff WARN, ours another level.
  {
    pair: 'required-properties/write-only-delete-base.yaml → required-properties/write-only-delete-revision.yaml',
    verdict: 'breaking',
    rule: 'request-property-removed-required',
    reason:
      'a required request property is removed: old clients still send it, which the server may now refuse',
  },
  {
    pair: 'required-properties/write-only-changed-revision.yaml → required-properties/write-only-changed-base.yaml',
    verdict: 'compatible',
    rule: 'response-property-added-required',
    reason:
      'a `writeOnly` property now also comes back in responses: a new response property breaks no client',
  },
  {
    pair: 'checker/request_property_all_of_removed_base.yaml → checker/request_property_all_of_removed_revision.yaml',
    verdict: 'compatible',
    rule: 'model-removed',
    reason:
      'an `allOf` member is dropped from a request body: the body accepts more, which no client sending the old one notices',
  },
  {
    pair: 'checker/request_parameter_property_type_changed_base_num.yaml → checker/request_parameter_property_type_changed_revision.yaml',
    verdict: 'breaking',
    rule: 'request-type-changed',
    reason:
      'a request property goes from `number` to `string`: a JSON number old clients send is not a string',
  },
  {
    pair: 'checker/request_body_max_length_set_base.yaml → checker/request_body_max_length_set_revision.yaml',
    verdict: 'breaking',
    rule: 'request-max-length-decreased',
    reason:
      'a request body gains `maxLength: 15`: longer values old clients send now fail; oasdiff warns because it cannot know they exist',
  },
];
