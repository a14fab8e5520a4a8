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
// happens in validate-spec.ts. A request with the record of the spec's last lint lints only what changed when that
// finds what a full lint would (lint-record.mjs), and its response carries the record of this lint.
import { parentPort } from 'node:worker_threads';
import {
  changedUnits,
  eligibleUnits,
  hashUnits,
  stopsSchemaComponent,
  indexUnits,
  isPlainObject,
  isPlainTree,
  partialDocument,
  partialRefsAllowed,
  problemUnit,
  skeletonOf,
  makeRecord,
  unitsOf,
  usableRecord,
} from './lint-record.mjs';

const redocly = import('@redocly/openapi-core');
// Keep an import failure for the first request instead of crashing the worker on an unhandled rejection.
redocly.catch(() => {});
/** Configs by their rules, as JSON. */
const configs = new Map();

/** The `$ref`s the current lint's walk meets (see lint-record.mjs), or undefined when nobody is listening. */
let refsMet;
/** A rule that reports nothing: it notes each `$ref` the walk meets, the type expected there and where it led. */
const refSlots = () => ({
  ref: {
    enter(node, { location, type }, resolved) {
      // An unresolved `$ref` may still name a location (the deepest node found): none is taken from it.
      const found = resolved.node !== undefined && !resolved.error;
      refsMet?.push({
        file: location.source.absoluteRef,
        from: location.pointer,
        type: type.name,
        ref: node.$ref,
        toFile: found ? resolved.location?.source.absoluteRef : undefined,
        to: found ? resolved.location?.pointer : undefined,
      });
    },
  },
});
// A plugin given in code keeps its rules' names as they are (no `clientgen/` prefix).
const PLUGIN = { id: 'clientgen', rules: { oas3: { 'clientgen-ref-slots': refSlots } } };

parentPort.on('message', async ({ id, request }) => {
  let result;
  try {
    result = await lint(request);
  } catch (e) {
    parentPort.postMessage({
      id,
      response: { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    });
    return;
  }
  const { next, ...answer } = result;
  // The record of this lint, made before the answer is sent: the one-shot CLI stops the worker as soon as it has
  // the answer, before print, the stage whose memory peaks (without a record to compare with, the spec's units are
  // hashed only now).
  let record;
  try {
    record = next?.();
  } catch {
    // A record is a cache: none is kept, and the next run lints the whole spec.
  }
  parentPort.postMessage({
    id,
    response: { ok: true, ...answer, ...(record !== undefined && { record }) },
  });
});

/**
 * @param {{ entry: string, files: ({ id: string, text: string, value: unknown } | { id: string, text: string, json: true })[], rules: Record<string, string>,
 *   record?: { key: string, previous: unknown, write: boolean } }} request
 */
async function lint(request) {
  const { BaseResolver, ResolveError, Source, createConfig, escapePointerFragment, lintDocument } =
    await redocly;

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
    // A JSON file comes as its text only (validate-spec.ts): its value is `JSON.parse(text)`, made here.
    const parsed = file.json ? JSON.parse(file.text) : file.value;
    const document = { source: new Source(file.id, file.text), parsed };
    documents.set(file.id, document);
    resolver.cache.set(file.id, Promise.resolve(document));
  }
  const rules = JSON.stringify(request.rules);
  if (!configs.has(rules))
    configs.set(
      rules,
      createConfig(
        { extends: ['spec'], rules: { ...request.rules, 'clientgen-ref-slots': 'warn' } },
        { plugins: [PLUGIN] },
      ),
    );
  const config = await configs.get(rules);
  /** Lints a document; its problems, and the `$ref`s its walk met. */
  const run = async (document) => {
    refsMet = [];
    try {
      const problems = await lintDocument({ document, config, externalRefResolver: resolver });
      return { problems: problems.filter((p) => !p.ignored).map(toWire), refs: refsMet };
    } finally {
      refsMet = undefined;
    }
  };
  const entry = documents.get(request.entry);
  const root = entry.parsed;
  if (!request.record || request.files.length !== 1 || !isPlainObject(root))
    return { problems: (await run(entry)).problems, linted: 'all', next: undefined };

  // A spec of one file, with a record of its last lint: lint what changed only, when that gives what a full lint
  // would (lint-record.mjs).
  const { key, previous, write } = request.record;
  const record = usableRecord(previous, key, rules, request.entry);
  let units;
  let index;
  let skeleton;
  let hashes;
  let hasRefs;
  let plain;
  const lookAtUnits = () => {
    units = unitsOf(root, escapePointerFragment);
    index = indexUnits(units);
    skeleton = skeletonOf(root);
    const hashed = hashUnits(units);
    hashes = hashed.hashes;
    hasRefs = hashed.refs;
    // What lets a unit's findings be kept: see lint-record.mjs.
    // JSON.parse never shares a node between two places.
    plain = !hashed.anchors && (request.files[0].json === true || isPlainTree(root));
  };
  let problems;
  let eligible;
  let fullRefs;
  let linted = 'all';
  if (record) {
    lookAtUnits();
    const changed =
      plain &&
      !stopsSchemaComponent(record.problems) &&
      changedUnits(record, skeleton, units, hashes);
    if (changed && changed.length === 0) {
      problems = record.problems;
      linted = 'none';
    } else if (changed) {
      const partial = await run({
        source: new Source(request.entry, ''),
        parsed: partialDocument(root, units, changed),
      });
      const inChanged = new Set(changed.map((i) => units[i][0]));
      if (
        partialRefsAllowed(partial.refs, request.entry, index, inChanged) &&
        !stopsSchemaComponent(partial.problems)
      ) {
        const unitOfProblem = (p) => problemUnit(p, request.entry, index.pointers);
        problems = [
          ...record.problems.filter((p) => !inChanged.has(unitOfProblem(p))),
          ...partial.problems.filter((p) => inChanged.has(unitOfProblem(p))),
        ];
        eligible = record.eligible;
        linted = [...inChanged];
      }
    }
  }
  if (!problems) {
    const full = await run(entry);
    problems = full.problems;
    fullRefs = full.refs;
  }
  /** The record of this lint, for the next run (none when nothing was linted: the record stays as it is). */
  const next = () => {
    if (!write || linted === 'none') return undefined;
    if (!units) lookAtUnits();
    if (fullRefs) {
      // A walk that met no `$ref` in a spec that has some: the rule that notes them did not run (another Redocly).
      const noted = fullRefs.length > 0 || !hasRefs;
      const ok = plain && noted ? eligibleUnits(units, index, fullRefs, request.entry) : new Set();
      eligible = units.map(([p]) => (ok.has(p) ? 1 : 0));
    }
    return makeRecord({
      key,
      rules,
      entry: request.entry,
      skeleton,
      pointers: units.map(([p]) => p),
      hashes,
      eligible,
      problems,
    });
  };
  return { problems, linted, next };
}

function toWire(p) {
  return {
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
  };
}
