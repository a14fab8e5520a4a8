/**
 * Property-based tests of the generator (see docs/fuzzing.md). In `npm test` they run a few fixed batches;
 * `npm run fuzz` runs many more from a random seed, and `FUZZ_SEED=… FUZZ_PATH=… npm run fuzz` replays the
 * failure fast-check printed.
 */
import fc from 'fast-check';
import { brokenDocumentArb } from './arbitraries/mutations';
import { checkBrokenDocument } from './broken';
import { replay, settingsFromEnv, fuzzValidDocuments } from './run-fuzz';

const LONG = process.env.FUZZ_LONG === '1';
const REPLAY = process.env.FUZZ_PATH;
const MINUTE = 60_000;

describe('fuzz: valid documents give clients that compile under strict tsc, with no any', () => {
  if (REPLAY) {
    it(
      `replays seed ${process.env.FUZZ_SEED ?? '(FUZZ_SEED unset)'} path ${REPLAY}`,
      async () => {
        await replay(Number(process.env.FUZZ_SEED), REPLAY, {
          validate: process.env.FUZZ_VALIDATE === '1',
          shrinkTimeLimit: 10 * MINUTE,
        });
      },
      30 * MINUTE,
    );
    return;
  }

  it(
    'without the validation stage (many documents)',
    async () => {
      const settings = settingsFromEnv(
        LONG
          ? { runs: 20, batch: 15, validate: false, shrinkTimeLimit: 5 * MINUTE }
          : { runs: 2, batch: 10, seed: 20261127, validate: false, shrinkTimeLimit: 2 * MINUTE },
      );
      const { documents } = await fuzzValidDocuments(settings);
      expect(documents).toBe(settings.runs * settings.batch);
    },
    LONG ? 120 * MINUTE : 10 * MINUTE,
  );

  it(
    'through generateClient itself, Redocly validation included (fewer documents)',
    async () => {
      const settings = settingsFromEnv(
        LONG
          ? { runs: 4, batch: 10, validate: true, shrinkTimeLimit: 5 * MINUTE }
          : { runs: 1, batch: 4, seed: 1127, validate: true, shrinkTimeLimit: 2 * MINUTE },
      );
      const { documents } = await fuzzValidDocuments(settings);
      expect(documents).toBe(settings.runs * settings.batch);
    },
    LONG ? 60 * MINUTE : 10 * MINUTE,
  );
});

describe('fuzz: broken documents end in diagnostics', () => {
  if (REPLAY) return;
  it(
    'never throw, never write partially',
    async () => {
      const seed = Number(process.env.FUZZ_SEED ?? (LONG ? Date.now() % 2 ** 31 : 4242));
      await fc.assert(
        fc.asyncProperty(brokenDocumentArb, fc.boolean(), (doc, cli) =>
          checkBrokenDocument(doc, { cli }),
        ),
        {
          seed,
          numRuns: Number(process.env.FUZZ_BROKEN_RUNS ?? (LONG ? 300 : 6)),
          interruptAfterTimeLimit: LONG ? 30 * MINUTE : 3 * MINUTE,
        },
      );
    },
    LONG ? 60 * MINUTE : 10 * MINUTE,
  );
});
