export {
  writeOutput,
  type WriteOptions,
  type WriteResult,
  type WriteStatus,
  type WriteStep,
} from './write-output';
export {
  MANIFEST_NAME,
  JOURNAL_NAME,
  parseManifest,
  serializeManifest,
  sha256,
  type Manifest,
  type ManifestEntry,
} from './manifest';
export { WriteError } from './write-error';
export { formatWriteSummary, formatDrift, formatRefusal, formatForced, displayDir } from './report';
export { openFormatCache, type FormatCacheStore } from './format-cache';
export { readNamesLock } from './names-lock';
export { Stager, type Staged } from './stager';
export { openLintRecordStore, openLoadRecordStore } from './run-record-store';
