import { createHash } from 'node:crypto';
import { emitFiles, emitIndexes, emitUnits, unitInputs } from '../emit/emit-files';
import { modelsById, type ModelTypes } from '../ir/dereference';
import type { Plan } from '../plan/types';
import { bannerLine, emittedTexts, type EmittedText } from '../print/emitted-text';
import { formatKey } from '../print/format-key';

/** Where the record lives (the format cache: its entries of the last run only) and what code wrote it. */
export interface EmitRecordOptions {
  store: { get(key: string): string | undefined; set(key: string, value: string): void };
  /** clientgen's code identity (cache/code-id.ts): other code may emit other text. */
  code: string;
}

/** Model and resource files emitted, and of those taken from the last run. */
export interface EmitStats {
  files: number;
  reused: number;
}

/** A unit's entry in the record: the format key of its emitted text, and the models its emit read. */
interface Entry {
  format: string;
  reads: string[];
  models: string;
}

/**
 * The plan's files as text (the runtime aside). A model's or a resource's file is taken from the last run, as
 * printed, when its emit would read what it read then. Its entry is keyed by the code, what every such file reads
 * from the plan (`unitInputs`: the import style and the API's names) and the file's own plan entry, as exact JSON
 * (`exactJson`); it lists the models the emit read through `ModelTypes` with a hash of each, and names the printed
 * text by its format key. Anything else (no entry, a read model changed, the text gone) emits the file, and records
 * it. Without `record`, every file is emitted.
 */
export function emitTexts(
  plan: Plan,
  specLabel: string,
  record?: EmitRecordOptions,
  stats?: EmitStats,
): EmittedText[] {
  const units = emitUnits(plan);
  if (stats) stats.files += units.length;
  if (!record) return emittedTexts(emitFiles(plan), specLabel);
  const models = modelsById(plan.ir.models);
  const { store } = record;
  const shared = createHash('sha256')
    .update(exactJson([record.code, unitInputs(plan)]))
    .digest('base64url');
  const digests = new Map<string, string>();
  const modelsDigest = (ids: readonly string[]): string => {
    const hash = createHash('sha256');
    for (const id of ids) {
      let digest = digests.get(id);
      if (digest === undefined) {
        const model = models.get(id);
        digest = model ? createHash('sha256').update(exactJson(model)).digest('base64url') : '-';
        digests.set(id, digest);
      }
      hash.update(`${id}\0${digest}\0`);
    }
    return hash.digest('base64url');
  };
  const banner = bannerLine(specLabel);
  const texts: EmittedText[] = [];
  for (const unit of units) {
    const key = `emit:${createHash('sha256').update(shared).update('\0').update(exactJson(unit.entry)).digest('base64url')}`;
    const raw = store.get(key);
    const entry = raw === undefined ? undefined : readEntry(raw);
    const text =
      entry && modelsDigest(entry.reads) === entry.models ? store.get(entry.format) : undefined;
    if (raw !== undefined && entry && text !== undefined) {
      // Kept for the next run: the store saves only the entries a run used.
      store.set(key, raw);
      store.set(entry.format, text);
      texts.push({ path: unit.path, text, formatted: true, banner, reused: true });
      if (stats) stats.reused++;
      continue;
    }
    const reads = new Set<string>();
    const recording: ModelTypes = {
      get(id) {
        reads.add(id);
        return models.get(id);
      },
    };
    const [emittedText] = emittedTexts(
      [{ path: unit.path, structure: unit.emit(recording) }],
      specLabel,
    );
    const ids = [...reads].sort();
    const format = formatKey(emittedText!.text);
    const next: Entry = { format, reads: ids, models: modelsDigest(ids) };
    store.set(key, JSON.stringify(next));
    texts.push({ ...emittedText!, formatKey: format });
  }
  return [...texts, ...emittedTexts(emitIndexes(plan), specLabel)];
}

/**
 * JSON that tells apart what `JSON.stringify` writes alike: a property set to `undefined` and none, `NaN`,
 * `Infinity` and `null`, `-0` and `0`. (V8's serializer does too, but its bytes for a string depend on how V8 holds
 * it, one byte or two a character, which differs between runs: an entry would rarely match.)
 */
function exactJson(value: unknown): string {
  return JSON.stringify(value, exact);
}

function exact(_key: string, value: unknown): unknown {
  if (value === undefined) return UNDEFINED;
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))
    return { '\0number': Object.is(value, -0) ? '-0' : String(value) };
  return value;
}

const UNDEFINED = { '\0undefined': true };

/** An entry as written by `emitTexts`; undefined for anything else. */
function readEntry(raw: string): Entry | undefined {
  try {
    const value = JSON.parse(raw) as Partial<Entry>;
    return typeof value.format === 'string' &&
      typeof value.models === 'string' &&
      Array.isArray(value.reads) &&
      value.reads.every((r) => typeof r === 'string')
      ? { format: value.format, reads: value.reads, models: value.models }
      : undefined;
  } catch {
    return undefined;
  }
}
