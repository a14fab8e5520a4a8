export { openRunCache, type RunCache, type RunHit, type SourceText } from './run-cache';
export { codeIdentity } from './code-id';
