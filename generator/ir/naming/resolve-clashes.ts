import type { NameSource } from './evidence';

/** One operation's candidate name, with what decides a clash. */
export interface Candidate {
  resource: string[];
  method: string;
  source: NameSource;
  /** Names that never move: our extension, the config's `names`, the lock. */
  pinned: boolean;
  /** Lower is stronger, compared element by element (evidence, plain path, not deprecated, support). */
  rank: number[];
  /**
   * The name it takes when it loses a clash: from its operationId, or for a path with a fixed query
   * (`/responses/compact?beta=true`) its own name with the query (`compactBeta`). Made when asked: most operations
   * never lose a clash.
   */
  fallback: () => string;
  /** A longer fallback, taken before a number where another operation has the fallback already (its whole path). */
  longFallback?: () => string;
  /** Where the fallback comes from: `operationId`, or the candidate's own source for a fixed query's name. */
  fallbackSource: NameSource;
  /** A key unique to the operation and independent of document order (its pointer). */
  sortKey: string;
  /**
   * Another operation of the same method has the same path but for its version (Kubernetes' `GET /apis/apps/` and
   * `GET /apis/apps/v1/`): an inferred name would not say which is which.
   */
  versionTwin?: boolean;
}

/** The outcome for one candidate. */
export interface Resolved {
  method: string;
  source: NameSource;
}

/**
 * Makes every `resource.method` unique, independent of the order of operations in the file:
 * - pinned names are kept (two equal pinned names are the caller's error, reported from `pinnedClashes`);
 * - an inferred name of an operation whose path another's of its method differs from only by a version is not taken:
 *   both take their fallback;
 * - an inferred name that several operations want stays with the one that ranks strictly best (stronger
 *   evidence, a path without a fixed query, not deprecated, the path most of the resource's operations share);
 *   the others, or all of them on a tie, take their fallback (their operationId's name; for a path with a fixed
 *   query, their own name with the query: `compactBeta`);
 * - a fallback that is the name clashed on goes to its operation when it alone says so (a tie of `updatePet` and
 *   `updatePetWithForm` on `update`); otherwise, as a fallback another operation has already, it is replaced by
 *   the longer one, where there is one;
 * - names still equal after that get `2`, `3`… in the order of their pointers.
 */
export function resolveClashes(candidates: Candidate[]): Resolved[] {
  const key = (c: { resource: string[] }, method: string) => [...c.resource, method].join('.');
  const pinnedKeys = new Set(candidates.filter((c) => c.pinned).map((c) => key(c, c.method)));
  const result: Resolved[] = candidates.map((c) => ({ method: c.method, source: c.source }));
  const fellBack = new Set<number>();
  candidates.forEach((c, i) => {
    if (!c.versionTwin || c.pinned || c.source !== 'inferred') return;
    result[i] = { method: notTheClash(c), source: c.fallbackSource };
    fellBack.add(i);
  });
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (c.pinned || fellBack.has(i)) return;
    const k = key(c, c.method);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  for (const [k, members] of groups) {
    if (members.length < 2 && !pinnedKeys.has(k)) continue;
    const ranked = [...members].sort((a, b) =>
      compareRank(candidates[a]!.rank, candidates[b]!.rank),
    );
    const best = ranked[0]!;
    const unique =
      !pinnedKeys.has(k) &&
      (ranked.length < 2 || compareRank(candidates[best]!.rank, candidates[ranked[1]!]!.rank) < 0);
    const losers = members.filter((i) => !(unique && i === best));
    const fallbacks = losers.map((i) => candidates[i]!.fallback());
    // A fallback that is the name they clashed on (petstore-swagger's `updatePet` in `pet`, beside
    // `updatePetWithForm`) gives it to that operation, when only one says so: the ids break the tie.
    const claims = fallbacks.filter((f, n) => f === candidates[losers[n]!]!.method).length;
    losers.forEach((i, n) => {
      const c = candidates[i]!;
      const method =
        fallbacks[n] === c.method && (claims > 1 || unique) ? notTheClash(c) : fallbacks[n]!;
      result[i] = { method, source: c.fallbackSource };
      fellBack.add(i);
    });
  }
  // Pinned and kept names first, then the fallbacks in pointer order, each taking the first free number.
  const taken = new Set<string>();
  const order = candidates
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number(fellBack.has(a)) - Number(fellBack.has(b)) ||
        Number(!candidates[a]!.pinned) - Number(!candidates[b]!.pinned) ||
        compareText(candidates[a]!.sortKey, candidates[b]!.sortKey),
    );
  for (const i of order) {
    const c = candidates[i]!;
    let wanted = result[i]!.method;
    if (fellBack.has(i) && c.longFallback && taken.has(key(c, wanted))) wanted = c.longFallback();
    let name = wanted;
    for (let n = 2; !c.pinned && taken.has(key(c, name)); n++) name = `${wanted}${n}`;
    result[i] = { ...result[i]!, method: name };
    taken.add(key(c, name));
  }
  return result;
}

/** A candidate's fallback, or its longer one where the fallback is the very name it lost. */
function notTheClash(c: Candidate): string {
  const fallback = c.fallback();
  return fallback === c.method && c.longFallback ? c.longFallback() : fallback;
}

/** Groups of pinned candidates that share one name (each group a list of indexes). */
export function pinnedClashes(candidates: Candidate[]): number[][] {
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => {
    if (!c.pinned) return;
    const k = [...c.resource, c.method].join('.');
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
