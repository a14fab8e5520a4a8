export { openRunCache, type RunCache, type RunHit, type SourceText } from './run-cache';
