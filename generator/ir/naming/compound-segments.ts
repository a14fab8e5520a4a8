import { singular, words } from '../../text/case';

/**
 * Path segments written as one lower-case word that the spec's operationIds write as several: AWS's `/restapis`
 * beside `GetRestApis`, fire.com's `/directdebits` beside `getDirectDebitByUuid`. A careful SDK names them as the ids
 * spell them (`restApis`, `directDebits`); read as one word, they were `restapis`. Only the ids of operations under
 * the segment count, and only when more of them split it than write it whole (`listDirectdebits` keeps it one word),
 * so a run of words that merely joins to a segment elsewhere (`…PlatformsForMs` and `/forms`) splits nothing.
 *
 * Returns each such segment with its words joined by `_` (`direct_debits`), as parsePath reads it.
 */
export function compoundSegments(
  ops: readonly { path: string; operationId: string | undefined }[],
): Map<string, string> {
  // segment → how often the ids under it write it whole, and each spelling they split it into.
  const seen = new Map<string, { whole: number; splits: Map<string, number> }>();
  for (const { path, operationId } of ops) {
    if (!operationId) continue;
    const idWords = words(operationId);
    for (const segment of new Set(path.split('/').filter((s) => ONE_WORD.test(s)))) {
      const forms = new Set([segment, singular(segment)]);
      let entry = seen.get(segment);
      for (let i = 0; i < idWords.length; i++) {
        if (forms.has(idWords[i]!)) {
          (entry ??= newEntry(seen, segment)).whole++;
          continue;
        }
        let joined = '';
        for (let j = i; j < idWords.length && joined.length < segment.length; j++) {
          if (idWords[j]!.length < 2) break;
          joined += idWords[j]!;
          if (j > i && forms.has(joined)) {
            const split = spell(segment, idWords.slice(i, j + 1));
            if (split) {
              entry ??= newEntry(seen, segment);
              entry.splits.set(split, (entry.splits.get(split) ?? 0) + 1);
            }
          }
        }
      }
    }
  }
  const result = new Map<string, string>();
  for (const [segment, { whole, splits }] of seen) {
    let best: [string, number] | undefined;
    for (const split of splits) if (!best || split[1] > best[1]) best = split;
    const total = [...splits.values()].reduce((a, b) => a + b, 0);
    if (best && total > whole) result.set(segment, best[0]);
  }
  return result;
}

/** A segment that could hide several words: lower-case letters only, long enough to be two words. */
const ONE_WORD = /^[a-z]{5,}$/;

function newEntry(
  seen: Map<string, { whole: number; splits: Map<string, number> }>,
  segment: string,
): { whole: number; splits: Map<string, number> } {
  const entry = { whole: 0, splits: new Map<string, number>() };
  seen.set(segment, entry);
  return entry;
}

/**
 * The segment cut where the id's words break (`directdebits` by `direct debit`: `direct_debits`): the last word takes
 * the rest of the segment, so a plural segment keeps its plural. Undefined when a break falls past the segment.
 */
function spell(segment: string, split: readonly string[]): string | undefined {
  const parts: string[] = [];
  let at = 0;
  for (const word of split.slice(0, -1)) {
    if (segment.slice(at, at + word.length) !== word) return undefined;
    parts.push(word);
    at += word.length;
  }
  if (at >= segment.length) return undefined;
  parts.push(segment.slice(at));
  return parts.join('_');
}
