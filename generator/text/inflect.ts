import pluralize from 'pluralize';

/*
 * English inflection comes from `pluralize` (the library most code generators and ORMs use), with a few
 * corrections for API vocabulary, where `data` and `metadata` are mass nouns, not Latin plurals, and where
 * the library's suffix rules misread some words (`bias` → `bia`, `canvas` → `canva`, `cookies` → `cooky`).
 * Adding rules changes the library's shared tables; every rule here is idempotent, so loading twice is harmless.
 */
for (const word of ['data', 'metadata', 'sms', 'info', 'feedback', 'analytics'])
  pluralize.addUncountableRule(word);
// Names that end in an `s` of their own, mostly acronyms (`dns` is no plural of `dn`): their singular is themselves.
// An acronym's plural (`ids`, `vms`, `apis`) is no such name and keeps the library's reading.
const OWN_S = [
  'https dns tls gps cors qos nfs cms gis js ddos apns redis chaos kubernetes itunes',
  'os ios macos ipados tvos watchos chromeos',
  'aws sns sqs ses ecs eks efs ebs kms rds gcs sas saas paas iaas',
];
for (const word of OWN_S.join(' ').split(' ')) pluralize.addUncountableRule(word);
for (const [one, many] of [
  ['bias', 'biases'],
  ['canvas', 'canvases'],
  ['cookie', 'cookies'],
  ['alias', 'aliases'],
  ['status', 'statuses'],
  ['lens', 'lenses'],
])
  pluralize.addIrregularRule(one!, many!);

/** Splits `ToolCalls` into `Tool` and `Calls`, `file_batches` into `file_` and `batches`. */
function splitLastWord(text: string): [string, string] {
  const match = /^(.*?)([A-Z]?[a-z0-9]+|[A-Z0-9]+)$/.exec(text);
  return match ? [match[1]!, match[2]!] : ['', text];
}

function keepCase(original: string, inflected: string): string {
  if (original === original.toUpperCase() && /[A-Z]/.test(original)) return inflected.toUpperCase();
  if (/^[A-Z]/.test(original)) return inflected.slice(0, 1).toUpperCase() + inflected.slice(1);
  return inflected;
}

/** The singular of a name's last word: `completions` → `completion`, `ToolCalls` → `ToolCall`, `statuses` → `status`. */
export function singular(text: string): string {
  let result = singulars.get(text);
  if (result === undefined) {
    const [head, last] = splitLastWord(text);
    result =
      !last || /^[0-9]/.test(last)
        ? text
        : head + keepCase(last, pluralize.singular(last.toLowerCase()));
    singulars.set(text, result);
  }
  return result;
}

/**
 * Singulars already found: naming asks for the same words thousands of times, and pluralize tries its whole list of
 * rules each time. Its rules change only when this module loads, so an answer stays true.
 */
const singulars = new Map<string, string>();

/** True when a name's last word is an English plural (`batches`, `file_batches`), not a mass noun (`data`). */
export function isPlural(text: string): boolean {
  const [, last] = splitLastWord(text);
  const word = last.toLowerCase();
  return pluralize.isPlural(word) && !pluralize.isSingular(word);
}
