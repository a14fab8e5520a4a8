// Runs @redocly/openapi-core's linter in a worker thread, for generator/validate/validate-spec.ts.
//
// Why a worker: @redocly/openapi-core v2 is an ES module only. The generator is CommonJS (run by tsx, and by jest
// through swc), and jest's module registry cannot load ES modules without --experimental-vm-modules. A worker
// thread is plain Node, which imports it natively, wherever the generator runs. The import (about 0.4 s) starts
// as soon as the worker does, so it overlaps the load stage.
//
// Protocol (types in validate-spec.ts): messages in are `{ id, request: WorkerRequest }` — the already-parsed
// files, so nothing is read or parsed again; each gets one `{ id, response: WorkerResponse }` back. Plain
// JavaScript because the worker runs without a TypeScript loader: keep it small, all the mapping to diagnostics
// happens in validate-spec.ts.
import { parentPort } from 'node:worker_threads';

const redocly = import('@redocly/openapi-core');
// Keep an import failure for the first request instead of crashing the worker on an unhandled rejection.
redocly.catch(() => {});
/** Configs by their rules, as JSON. */
const configs = new Map();

parentPort.on('message', async ({ id, request }) => {
  try {
    parentPort.postMessage({ id, response: { ok: true, problems: await lint(request) } });
  } catch (e) {
    parentPort.postMessage({
      id,
      response: { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    });
  }
});

/** @param {{ entry: string, files: { id: string, text: string, value: unknown }[], rules: Record<string, string> }} request */
async function lint(request) {
  const { BaseResolver, ResolveError, Source, createConfig, lintDocument } = await redocly;

  const documents = new Map();
  /** Serves the files clientgen loaded and nothing else: never the disk, never the network. */
  class LoadedFilesResolver extends BaseResolver {
    resolveExternalRef(base, ref) {
      // clientgen's loader reads 'my%20file.yaml' as 'my file.yaml' (load-spec.ts splitRef): find the same file.
      const resolved = super.resolveExternalRef(base, ref);
      if (documents.has(resolved)) return resolved;
      try {
        const decoded = super.resolveExternalRef(base, decodeURI(ref));
        return documents.has(decoded) ? decoded : resolved;
      } catch {
        return resolved;
      }
    }

    async loadExternalRef(absoluteRef) {
      throw new ResolveError(new Error(`'${absoluteRef}' was not loaded`));
    }
  }
  const resolver = new LoadedFilesResolver();
  for (const file of request.files) {
    const document = { source: new Source(file.id, file.text), parsed: file.value };
    documents.set(file.id, document);
    resolver.cache.set(file.id, Promise.resolve(document));
  }
  const key = JSON.stringify(request.rules);
  if (!configs.has(key))
    configs.set(key, createConfig({ extends: ['spec'], rules: request.rules }));
  const config = await configs.get(key);
  const problems = await lintDocument({
    document: documents.get(request.entry),
    config,
    externalRefResolver: resolver,
  });
  return problems
    .filter((p) => !p.ignored)
    .map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      message: p.message,
      suggest: p.suggest ?? [],
      locations: p.location.map((l) => ({
        file: l.source.absoluteRef,
        pointer: l.pointer,
        reportOnKey: l.reportOnKey === true,
        ...(l.pointer === undefined && l.start ? { line: l.start.line, column: l.start.col } : {}),
      })),
    }));
}
