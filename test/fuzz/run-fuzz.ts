/**
 * The fuzz loop. A run draws a batch of documents with one seed and compiles all their outputs in one
 * program (the compiler's start-up dominates a small client). A failing document is then replayed alone by
 * fast-check, at the seed and path that drew it, and shrunk: fast-check's report names the seed and path
 * of the smallest failing document, which `FUZZ_SEED=… FUZZ_PATH=… npm run fuzz` runs again.
 */
import fc from 'fast-check';
import { documentArb } from './arbitraries/document';
import { checkBatch, describeFailures } from './harness';

export interface FuzzSettings {
  /** Number of batches. */
  runs: number;
  /** Documents per batch. */
  batch: number;
  /** Seed of the first batch; batch r uses seed + r. */
  seed: number;
  /** Also run the Redocly validation stage (generateClient itself). */
  validate: boolean;
  /** Stop shrinking after this long (ms); the smallest document found so far is reported. */
  shrinkTimeLimit: number;
}

/** Reads the settings from the environment (`FUZZ_RUNS`, `FUZZ_BATCH`, `FUZZ_SEED`), with the given defaults. */
export function settingsFromEnv(
  defaults: Omit<FuzzSettings, 'seed'> & { seed?: number },
): FuzzSettings {
  const num = (name: string, fallback: number) =>
    process.env[name] !== undefined && process.env[name] !== ''
      ? Number(process.env[name])
      : fallback;
  return {
    runs: num('FUZZ_RUNS', defaults.runs),
    batch: num('FUZZ_BATCH', defaults.batch),
    seed: num('FUZZ_SEED', defaults.seed ?? Date.now() % 2 ** 31),
    validate: defaults.validate,
    shrinkTimeLimit: num('FUZZ_SHRINK_MS', defaults.shrinkTimeLimit),
  };
}

/** Checks one document alone: the property fast-check shrinks. */
function singleDocument(validate: boolean) {
  return fc.asyncProperty(documentArb, async (doc) => {
    const message = describeFailures([doc], await checkBatch([doc], { validate }));
    if (message) throw new Error(message);
  });
}

/** Replays the document at `path` of `seed` (as fast-check printed them) and shrinks it. */
export async function replay(
  seed: number,
  path: string,
  settings: Pick<FuzzSettings, 'validate' | 'shrinkTimeLimit'>,
): Promise<void> {
  await fc.assert(singleDocument(settings.validate), {
    seed,
    path,
    numRuns: 1,
    interruptAfterTimeLimit: settings.shrinkTimeLimit,
  });
}

/** Generates `runs` batches of valid documents; throws with the shrunk failure (and its replay seed and path). */
export async function fuzzValidDocuments(settings: FuzzSettings): Promise<{ documents: number }> {
  let documents = 0;
  for (let r = 0; r < settings.runs; r++) {
    const seed = settings.seed + r;
    // fc.sample draws exactly the values fc.assert draws at paths 0, 1, 2… of the same seed.
    const docs = fc.sample(documentArb, { seed, numRuns: settings.batch });
    const problems = await checkBatch(docs, { validate: settings.validate });
    documents += docs.length;
    const first = problems.findIndex((p) => p.length);
    if (first === -1) continue;
    const summary = describeFailures(docs, problems)!;
    try {
      await replay(seed, String(first), settings);
    } catch (e) {
      throw new Error(
        `batch of seed ${seed}:\n${summary}\n\nshrunk:\n${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
    throw new Error(
      `batch of seed ${seed} failed, but document ${first} passed alone (a clash between outputs?):\n${summary}`,
    );
  }
  return { documents };
}
