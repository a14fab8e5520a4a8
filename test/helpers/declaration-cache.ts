import type * as TS from 'typescript';

/** Parsed declaration files by compiler, file and language version: shared by every program of a test run. */
export type DeclarationCache = Map<string, TS.SourceFile | undefined>;

/**
 * Makes `host` parse each declaration file (`lib.dom.d.ts`, `@types/node`…) once per cache rather than once per
 * program: parsing them costs more than a batch of generated outputs. `compiler` tells caches of different
 * TypeScript versions apart when they share one map.
 */
export function cacheDeclarationFiles(
  host: TS.CompilerHost,
  cache: DeclarationCache,
  compiler = '',
): TS.CompilerHost {
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.endsWith('.d.ts'))
      return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const key = `${compiler}|${fileName}|${JSON.stringify(languageVersion)}`;
    if (!cache.has(key))
      cache.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return cache.get(key);
  };
  return host;
}
