import { childPointer } from '../load/pointer';
import { camelCase, words } from '../text/case';
import { compoundSegments } from './naming/compound-segments';
import { queryCommands, type QueryCommand } from './naming/query-command';
import { isPlural, singular } from '../text/inflect';
import { TYPE_PREFIX } from './client-settings';
import { fileNamed, isRecord, report, type IrContext } from './context';
import { dereference } from './dereference';
import {
  readClientgenExtensions,
  readVendorExtensions,
  operationIdGrouping,
  type Given,
  type NameSource,
} from './naming/evidence';
import { inferName } from './naming/infer-name';
import {
  isKeyOperationId,
  readOperationId,
  restatesPath,
  restatesRoute,
  withoutMethodSuffix,
  withoutMethodPrefix,
  METHOD_PREFIX,
  withoutRouteSuffix,
} from './naming/operation-id';
import { operationKey } from './naming/operation-key';
import {
  mountedPaths,
  mountNoun,
  PathIndex,
  pathSegments,
  serverPath,
  shapeOf,
  withoutVersions,
  type Segment,
} from './naming/path-shape';
import { isQueryTemplate } from './path-key';
import { spacedBySummary } from './naming/operation-id';
import { pinnedClashes, resolveClashes, type Candidate } from './naming/resolve-clashes';
import { planTypePrefixes } from './naming/type-prefix';
import { VERBS } from './naming/verbs';
import type { IrOperation, IrType } from './types';
import { warnChangedNames } from './naming/changed-names';
import { warnUnusedNames } from './naming/unused-names';
import { warnUnusedResources } from './naming/unused-resources';

type Unnamed = Omit<IrOperation, 'resource' | 'methodName' | 'typePrefix'>;

/** A name fixed from outside the spec (the config's `names`, the lock), by operation key (`POST /jobs/{id}/cancel`). */
export interface PinnedName {
  resource: string[];
  method: string;
  source: 'config' | 'lock';
}

/** Names fixed from outside the spec: the config's `names` and the lock of the previous run (names-record.ts). */
export interface NameRecord {
  names: ReadonlyMap<string, PinnedName>;
  /** Type prefixes by resource path, as the previous run gave them. */
  typePrefixes: ReadonlyMap<string, string>;
  /** Operations whose types had no prefix (named after their operationId). */
  unprefixed: ReadonlySet<string>;
}

const EMPTY_RECORD: NameRecord = {
  names: new Map(),
  typePrefixes: new Map(),
  unprefixed: new Set(),
};

function withoutLock(record: NameRecord): NameRecord {
  return {
    ...EMPTY_RECORD,
    names: new Map([...record.names].filter(([, p]) => p.source !== 'lock')),
  };
}

const STRENGTH: Record<NameSource, number> = {
  'x-clientgen': 0,
  config: 1,
  lock: 2,
  'x-fern': 3,
  'x-speakeasy': 3,
  'operationId-namespace': 4,
  inferred: 5,
  operationId: 6,
  path: 6,
};

/**
 * Gives each operation its resource path and method name (the naming stage, docs/naming.md). Evidence, strongest
 * first: `x-clientgen-resource` / `x-clientgen-method`, the config's `names` and the lock, `x-fern-sdk-*` and
 * `x-speakeasy-*`, namespaced operationIds (`actions/add-…`), then inference from the path, HTTP method,
 * operationId and tags together. Clashes are resolved independently of the order of operations in the file.
 */
export function nameOperations(
  ctx: IrContext,
  ops: Unnamed[],
  raw: Record<string, unknown>[],
  record: NameRecord = EMPTY_RECORD,
  baseURL = '',
): IrOperation[] {
  // Each operation as naming reads it: its path below the resource the server URL names, where it names none itself
  // (`mountedPaths`). The names are the operations', under their own paths (the lock's and the config's keys).
  const mounted = mountedPaths(
    ops.map((op) => op.path),
    mountNoun(baseURL),
  );
  const views = ops.map((op, i) => (mounted[i] === op.path ? op : { ...op, path: mounted[i]! }));
  const keys = ops.map(operationKey);
  const facts = readFacts(ctx, views, raw, ops, serverPath(baseURL));
  const own = (named: IrOperation[]) =>
    named.map((op, i) => (views[i] === ops[i] ? op : { ...op, path: ops[i]!.path }));
  const named = own(nameWith(ctx, views, raw, record, facts, keys));
  warnUnusedNames(ctx, ops, record);
  warnUnusedResources(ctx, named);
  if ([...record.names.values()].some((p) => p.source === 'lock')) {
    // What a fresh run would name them: a recorded name that inference would now change is told about.
    const fresh = own(
      nameWith({ ...ctx, diagnostics: [] }, views, raw, withoutLock(record), facts, keys),
    );
    warnChangedNames(ctx, named, fresh);
    // A recorded name that inference gives anyway is shown with the evidence that gives it (`clientgen names`).
    return named.map((op, i) => {
      const now = fresh[i]!;
      const same =
        op.methodName === now.methodName && op.resource.join('.') === now.resource.join('.');
      return op.nameSource === 'lock' && same ? { ...op, nameSource: now.nameSource } : op;
    });
  }
  return named;
}

/**
 * What naming reads from the operations alone, the same with the lock and without it (nameOperations names them
 * both ways on a regeneration): read once.
 */
interface SharedFacts {
  index: PathIndex;
  paths: (readonly Segment[])[];
  below: ReadonlyMap<string, number>;
  givenIds: (string | undefined)[];
  /** The ids fallbacks are made from: without a counter that tells one from another of the spec's (`getAll_1`). */
  fallbackIds: (string | undefined)[];
  grouping: ReturnType<typeof operationIdGrouping>;
  unversionedKeys: string[];
  unversioned: ReadonlyMap<string, Set<string>>;
  commands: (QueryCommand | undefined)[];
}

/**
 * `own`: the operations under their own paths, where `ops` reads them below the server URL's resource. An operationId
 * restates the route as sent, its own path or that path after the server URL's (`mount`: HubSpot's
 * `get-/crm/v3/extensions/cards/{appId}` for `GET /{appId}` under `https://api.hubapi.com/crm/v3/extensions/cards`),
 * never the path naming reads.
 */
function readFacts(
  ctx: IrContext,
  ops: Unnamed[],
  raw: Record<string, unknown>[],
  own: Unnamed[],
  mount: string,
): SharedFacts {
  // Which GETs answer a list (an item path's GET that does lists, when no other there does: infer-name.ts).
  const lists = ops.map(
    (op) =>
      op.httpMethod === 'get' &&
      (op.pagination !== undefined || namingResponse(ctx, op)?.kind === 'array'),
  );
  // An operationId that several operations share names none of them: each is named as if it had none (from its
  // method and path), whatever the order of the document (buildIr warns).
  // One that is a key (`58d8bcb7a9e6240e200cff24`) names nothing either.
  // One that only restates the path and method (`api_monitor_id_put`) says nothing either.
  const given = raw.map((r, i) =>
    typeof r.operationId === 'string' &&
    !isKeyOperationId(r.operationId) &&
    !restatesPath(r.operationId, own[i]!.path, own[i]!.httpMethod) &&
    !(mount && restatesPath(r.operationId, mount + own[i]!.path, own[i]!.httpMethod))
      ? r.operationId
      : undefined,
  );
  // Without springfox's method suffix and FastAPI's route suffix, unless that makes two operationIds one
  // (`getAnnotationsUsingGET` beside `getAnnotationsUsingPOST`).
  const posted = new Set(
    given.flatMap((id, i) => {
      const found = id !== undefined && ops[i]!.httpMethod === 'post' && METHOD_PREFIX.exec(id);
      return found ? [found[2]!] : [];
    }),
  );
  const trimmed = given.map(
    (id, i) =>
      id &&
      spacedBySummary(
        withoutRouteSuffix(
          withoutMethodSuffix(
            withoutMethodPrefix(id, ops[i]!.httpMethod, posted),
            ops[i]!.httpMethod,
          ),
          ops[i]!.path,
          ops[i]!.httpMethod,
        ),
        raw[i]!.summary,
      ),
  );
  const givenUses = countOf(given);
  const trimmedUses = countOf(trimmed);
  const ids = given.map((id, i) =>
    trimmedUses.get(trimmed[i]) === givenUses.get(id) ? trimmed[i] : id,
  );
  const uses = countOf(ids);
  const givenIds = ids.map((id) => (id !== undefined && uses.get(id) === 1 ? id : undefined));
  // A counter a generator added to tell an id from another of the spec's (springfox's and xtrf's `getAll_1` beside
  // `getAll`) says nothing in a name: fallbacks are made without it, and a clash they still make is numbered as any.
  const givenSet = new Set(given);
  const fallbackIds = givenIds.map((id) => {
    const counted = id === undefined ? null : /^(.*[A-Za-z])_\d+$/.exec(id);
    return counted && givenSet.has(counted[1]) ? counted[1] : id;
  });
  const compounds = compoundSegments(ops.map((op, i) => ({ path: op.path, operationId: ids[i] })));
  const index = new PathIndex(ops, lists, compounds);
  // The clash ranks and fallbacks read the segments too (PathIndex parses each path once).
  const paths = ops.map((op) => index.parse(op.path));
  const below = countBelow(paths.map(shapeOf));
  // A spec written for AutoRest (Azure's) says so with `x-ms-` extensions on its operations (`x-ms-pageable`…).
  const autorest = raw.some((op) => Object.keys(op).some((key) => key.startsWith('x-ms-')));
  const grouping = operationIdGrouping(givenIds, autorest);
  // Paths of one method that differ only by a version (`/apis/apps/` and `/apis/apps/v1/`).
  const unversionedKeys = ops.map((op) => `${op.httpMethod} ${withoutVersions(op.path)}`);
  const unversioned = new Map<string, Set<string>>();
  ops.forEach((op, i) => {
    const key = unversionedKeys[i]!;
    // A trailing slash is no other path: the clash rules rank `/widgets` and `/widgets/` (deprecated, say).
    unversioned.set(key, (unversioned.get(key) ?? new Set()).add(pathSegments(op.path).join('/')));
  });
  const commands = queryCommands(ops.map((op) => op.pathQuery));
  return {
    index,
    paths,
    below,
    givenIds,
    fallbackIds,
    grouping,
    unversionedKeys,
    unversioned,
    commands,
  };
}

function nameWith(
  ctx: IrContext,
  ops: Unnamed[],
  raw: Record<string, unknown>[],
  record: NameRecord,
  {
    index,
    paths,
    below,
    givenIds,
    fallbackIds,
    grouping,
    unversionedKeys,
    unversioned,
    commands,
  }: SharedFacts,
  keys: readonly string[],
): IrOperation[] {
  const pins = record.names;
  const candidates: Candidate[] = ops.map((op, i) => {
    const phrase = fragmentPhrase(op);
    const at = { pointer: op.pointer, file: op.file };
    const ours = readClientgenExtensions(ctx, raw[i]!, at);
    const pin = pins.get(keys[i]!);
    const vendor = readVendorExtensions(ctx, raw[i]!, at);
    const byNamespace = grouping?.(givenIds[i], {
      parameters: [...op.pathParams, ...op.queryParams].map((p) => p.name),
      pathParameters: op.pathParams.map((p) => p.name),
      hasBody: op.body !== undefined,
    });
    const pinned = pin && {
      resource: { value: pin.resource, source: pin.source } as Given<string[]>,
      method: { value: pin.method, source: pin.source } as Given<string>,
    };
    let resource = ours.resource ?? pinned?.resource ?? vendor.resource ?? byNamespace?.resource;
    let method = ours.method ?? pinned?.method ?? vendor.method ?? byNamespace?.method;
    if (!resource || !method) {
      const inferred = inferName(
        {
          ...op,
          // A `Group_Action` id whose action is another HTTP method's name says nothing of the call (clickmeter's
          // `POST /conversions`, `Conversions_Put`, creates: read as `put`, it took `update` and clashed with its
          // item's `Conversions_Post`); the name is inferred without it.
          givenOperationId:
            byNamespace?.restates !== undefined && byNamespace.restates !== op.httpMethod
              ? undefined
              : givenIds[i],
          response: namingResponse(ctx, op),
        },
        index,
      );
      // A fixed query that names the call names it (query-command.ts).
      const command = commands[i];
      resource ??= { value: command?.resource ?? inferred.resource, source: 'inferred' };
      method ??= { value: command?.method ?? inferred.method, source: 'inferred' };
      // An id's action is left for inference only where the path's resource is the id's group: the method inferred
      // is the path's call on its resource (agco's `POST /StringDefinitions/Batch`, `PostDefinition`, would be
      // `stringDefinitions.create`; visma's `GET /projects/{guid}/salesstatushistory`,
      // `salesStatusHistory.salesStatusHistory`). Nor where a GET's id says a plural that inference, finding no
      // list, retrieves (visma's `GetCreditTerms`, whose page it does not read as one).
      if (
        byNamespace?.action !== undefined &&
        method.source === 'inferred' &&
        (!sameNoun(inferred.resource.at(-1), resource.value.at(-1)) ||
          (method.value === 'retrieve' && isPlural(byNamespace.action)))
      )
        method = { value: byNamespace.action, source: 'operationId-namespace' };
    }
    const source =
      STRENGTH[method.source] <= STRENGTH[resource.source] ? method.source : resource.source;
    const variantName = op.pathQuery && queryVariantName(method.value, op.pathQuery);
    // An id that spells its route (`restatesRoute`) names a call below its resource's own path by its verb when the
    // rest is the resource's nouns (`PutCustomersCustomer`: `put`), else by the path (`getBySegmentId`, was
    // `getMarketingSegmentsSegmentId`); on the resource's own path its words still tell calls apart (sendgrid's
    // `GET /clients/{client_type}/stats`: `getTypeStats`).
    const id = givenIds[i];
    const byPath =
      id !== undefined &&
      belowResource(paths[i]!, resource.value) &&
      restatesRoute(id, op.path, op.httpMethod);
    const verbOnly = byPath ? bareVerb(shortFallback(id, resource.value)) : undefined;
    // No operationId and no item: the clash ranks below read it (an item over its collection). A write's id that is
    // only its HTTP method and its resource's nouns says no more than none (airflow's `PATCH /dags`, `patch_dags`,
    // beside `PATCH /dags/{dag_id}`, `patch_dag`: both fell back, to `patch` and `patchDag`; now the item's is
    // `update`). Not a GET's: two GETs clash only where one was misread, and their ids tell them apart (sendgrid's
    // `GET /clients/stats` and `/clients/{client_type}/stats`, `get` and `getTypeStats`).
    const unnamedCollection =
      paths[i]!.at(-1)?.kind !== 'param' &&
      (id === undefined ||
        (op.httpMethod !== 'get' && shortFallback(id, resource.value) === op.httpMethod));
    return {
      resource: resource.value,
      method: method.value,
      source,
      pinned: ours.method !== undefined || pinned !== undefined,
      rank: [
        STRENGTH[source],
        // A variant of another operation's path and method: a query (`?beta=true`), a fragment (`#get_shared_link`),
        // a parameter glued to a segment's end (walmart's `/v3/orders{nextCursor}` beside `/v3/orders`) or a file
        // extension after one (callfire's `/recordings/{name}.mp3` beside `/recordings/{name}`).
        op.pathQuery ||
        phrase !== undefined ||
        /\w\{[^{}]*\}(\/|$)|\}\.[A-Za-z0-9]{2,4}(\/|$)/.test(op.path)
          ? 1
          : 0,
        op.docs.deprecated ? 1 : 0,
        -support(paths[i]!, below),
        // Last, without operationIds to tell them apart, an item over its collection: `DELETE /layers/{pk}` keeps
        // `delete`, `DELETE /layers` falls back; then an action on an item over one on its collection (adyen's
        // `GET /paymentInstruments/{id}/reveal` keeps `reveal`, `POST /paymentInstruments/reveal` falls back).
        unnamedCollection ? 1 : 0,
        unnamedCollection && paths[i]!.at(-2)?.kind !== 'param' ? 1 : 0,
        // Then a PUT's or PATCH's `update` over the one a POST on an item without an operationId takes for want of
        // another name (bitbucket's `PUT` and `POST /repositories/{workspace}/{repo_slug}`: both fell back to their
        // paths); a POST whose id says `update` beside a PUT's `replace…` still ties (FastAPI's items).
        method.source === 'inferred' &&
        op.httpMethod === 'post' &&
        method.value === 'update' &&
        id === undefined
          ? 1
          : 0,
      ],
      ...(variantName !== undefined
        ? { fallback: () => variantName, fallbackSource: source }
        : phrase
          ? {
              fallback: () => phraseVariantName(method.value, phrase),
              fallbackSource: 'path' as const,
            }
          : {
              fallback: () => {
                const name = byPath
                  ? (verbOnly ?? fallbackName(op, paths[i]!, undefined, resource.value))
                  : (shortFallback(fallbackIds[i], resource.value) ??
                    fallbackName(op, paths[i]!, fallbackIds[i], resource.value));
                // An id's action left for inference is the name where the id's other words would leave only the HTTP
                // method (visma's `WorkHourPrices_GetWorkHourPrices`: `getWorkHourPrices`, not `get`).
                return byNamespace?.action !== undefined && name === op.httpMethod
                  ? byNamespace.action
                  : name;
              },
              // When the short one is taken, an id that spells the route still says it in fewer words than the whole
              // path does.
              longFallback:
                givenIds[i] === undefined
                  ? () => camelCase(`${op.httpMethod} ${op.path}`) || op.httpMethod
                  : () => fallbackName(op, paths[i]!, fallbackIds[i], resource.value),
              fallbackSource:
                givenIds[i] === undefined || (byPath && verbOnly === undefined)
                  ? 'path'
                  : 'operationId',
            }),
      sortKey: op.pointer,
      versionTwin: unversioned.get(unversionedKeys[i]!)!.size > 1,
    };
  });
  for (const clash of pinnedClashes(candidates)) {
    for (const i of clash) {
      const c = candidates[i]!;
      const ourExtension = raw[i]!['x-clientgen-method'] !== undefined;
      report(
        ctx,
        {
          file: fileNamed(ctx, ops[i]!.file),
          pointer: ourExtension
            ? childPointer(ops[i]!.pointer, 'x-clientgen-method')
            : ops[i]!.pointer,
        },
        'duplicate-method',
        `two operations are both named ${[...c.resource, c.method].join('.')}${ourExtension ? '' : ` (by the ${c.source})`}`,
      );
    }
  }
  const resolved = resolveClashes(candidates);
  const typePrefixes = configuredTypePrefixes(ctx);
  const planned = planTypePrefixes(candidates.map((c) => c.resource));
  return ops.map((op, i) => {
    const { resource } = candidates[i]!;
    const { method, source } = resolved[i]!;
    const key = resource.join('.');
    // A method named after its operationId (or its path) already says what it is: `findPetsByStatus` →
    // FindPetsByStatusParams; not one the resource's nouns were taken out of (`merge` of `mergeDocument`:
    // DocumentMergeParams, as an inferred name's).
    const unprefixed =
      (source === 'operationId' &&
        !shortened(method, () => fallbackName(op, paths[i]!, fallbackIds[i], resource))) ||
      source === 'path' ||
      (source === 'lock' && record.unprefixed.has(keys[i]!));
    const typePrefix =
      typePrefixes.get(key) ??
      (unprefixed ? '' : (record.typePrefixes.get(key) ?? planned.get(key)!));
    return { ...op, resource, methodName: method, typePrefix, nameSource: source };
  });
}

/** Whether two resource names are one noun, singular or plural (`activityParticipants`, `ActivityParticipant`). */
function sameNoun(a: string | undefined, b: string | undefined): boolean {
  return (
    a !== undefined && b !== undefined && singular(a).toLowerCase() === singular(b).toLowerCase()
  );
}

/** How many operations live at or below this operation's collection: the resource's usual path has the most. */
function support(segments: readonly Segment[], below: ReadonlyMap<string, number>): number {
  const base = segments[segments.length - 1]?.kind === 'param' ? segments.slice(0, -1) : segments;
  return below.get(shapeOf(base)) ?? 0;
}

/**
 * For each shape, how many of `shapes` are it or lie below it (start with it and a `/`): each shape counts once for
 * itself and for each of its prefixes that ends before a `/`. Counted once for all operations (comparing every pair
 * was quadratic: a fifth of the IR stage on a spec of thousands of paths).
 */
function countBelow(shapes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const shape of shapes) {
    add(shape);
    for (let k = shape.indexOf('/'); k !== -1; k = shape.indexOf('/', k + 1))
      add(shape.slice(0, k));
  }
  return counts;
}

/**
 * What follows a path key's `#` when it is a phrase (APIs.guru writes Box's variants of one path and method so:
 * `/files/{file_id}#get_shared_link`): the variant is named after it. Not `name=value` pairs, a path
 * (mastercard's `/send/#env/v1/…`) or the names of the operation's parameters (AWS's `#X-Amz-Target=…`, `#operation=create`, `#x-amz-chime-bearer`), whose operationIds
 * name those operations better.
 */
function fragmentPhrase(op: Unnamed): string | undefined {
  const at = op.path.indexOf('#');
  const fragment = at === -1 ? '' : op.path.slice(at + 1);
  if (!/^[A-Za-z][\w-]*$/.test(fragment)) return undefined;
  const params = [...op.queryParams, ...op.headerParams, ...op.pathParams];
  return params.some((p) => p.name.toLowerCase() === fragment.toLowerCase()) ? undefined : fragment;
}

/** `get_shared_link` → `getSharedLink`; a phrase without a verb follows the method: `#folders` → `retrieveFolders`. */
function phraseVariantName(method: string, phrase: string): string {
  return VERBS.has(words(phrase)[0]!) ? camelCase(phrase) : camelCase(`${method} ${phrase}`);
}

/**
 * The name a path with a query in its key takes when it loses a clash (to the same path without the query, or to
 * its siblings): its own name with the query, `compact` + `beta=true` → `compactBeta`, `list` + `view=full` →
 * `listViewFull`; a parameter's place names it after the parameter, weatherbit's `retrieve` + `lat={lat}&lon={lon}`
 * → `retrieveByLatAndLon`.
 */
function queryVariantName(
  method: string,
  query: { name: string; value: string }[],
): string | undefined {
  const fixed = query
    .filter((q) => !isQueryTemplate(q.value))
    .map((q) => (q.value === 'true' ? q.name : `${q.name} ${q.value}`));
  const templated = query.filter((q) => isQueryTemplate(q.value)).map((q) => q.name);
  // More parameters than two name no variant (icons8's `search?term={term}&amount={amount}&…`): the operationId does.
  if (templated.length > 2) return undefined;
  const by = templated.length ? ['by', templated.join(' and ')] : [];
  return camelCase([method, ...fixed, ...by].join(' ')) || method;
}

/**
 * The name an operation takes when it loses a clash: its operationId without a prefix that repeats its resource;
 * without one, its method and what its path says after its resource's last segment (`GET /pets/{id}/{version}` in
 * `pets` → `getByIdAndVersion`), or that segment itself on the resource's own path (`HEAD /v2/…/tags` → `headTags`).
 * Where another operation has that name already, `longFallback` (the method and whole path) is taken instead.
 */
function fallbackName(
  op: Unnamed,
  segments: readonly Segment[],
  givenId: string | undefined,
  resource: string[],
): string {
  if (givenId === undefined) {
    const last = resourceSegment(segments, resource);
    // A DELETE on its resource's own path (a collection) that lost to its items' `delete` deletes them all
    // (wiremock's `DELETE /__admin/mappings`, "Delete all stub mappings"); any other method on it names the
    // resource's segment itself: `HEAD /…/tags` → `headTags`.
    if (op.httpMethod === 'delete' && last + 1 === segments.length) return 'deleteAll';
    const words = segments
      .slice(last + 1 === segments.length ? last : last + 1)
      .map((s, i, rest) =>
        s.kind === 'static' ? s.name : `${rest[i - 1]?.kind === 'param' ? 'and' : 'by'} ${s.name}`,
      );
    return camelCase(`${op.httpMethod} ${words.join(' ')}`) || op.httpMethod;
  }
  // Every prefix the resource repeats: netbox's `circuits_circuit-terminations_update` in
  // `circuits.circuitTerminations` → `update`.
  const evidence = readOperationId(givenId, { tags: op.tags, segments: resource }, true);
  return camelCase(evidence.words.join(' ')) || camelCase(givenId) || op.httpMethod;
}

/** A fallback that is one word, its verb; undefined otherwise. */
function bareVerb(name: string | undefined): string | undefined {
  return name !== undefined && /^[a-z]+$/.test(name) ? name : undefined;
}

/** Where the resource's last word is in a path: the last static segment that spells it; -1 for none. */
function resourceSegment(segments: readonly Segment[], resource: readonly string[]): number {
  return segments.reduce(
    (at, s, i) => (s.kind === 'static' && camelCase(s.name) === resource.at(-1) ? i : at),
    -1,
  );
}

/** Whether a path goes on after its resource's own segment (an item, or a path below it). */
function belowResource(segments: readonly Segment[], resource: readonly string[]): boolean {
  const last = resourceSegment(segments, resource);
  return last !== -1 && last + 1 < segments.length;
}

/** Whether an operationId name is the short fallback: not the whole one, nor the whole one numbered (`…2`). */
function shortened(method: string, whole: () => string): boolean {
  const full = whole();
  return method !== full && !(method.startsWith(full) && /^\d+$/.test(method.slice(full.length)));
}

/**
 * An operationId fallback without the resource's nouns right after its verb (spoonacular's `getRecipeEquipmentByID`
 * in `recipes`: `getEquipmentById`; chime's `DescribeChannel` in `channels`: `describe`), the verb kept even where
 * it is the resource's noun too (`TagResource` in `tags`: `tagResource`, not `resource`). Undefined where that says
 * nothing shorter or begins with no verb; the whole fallback is taken when the short one is taken, or is the name
 * clashed on and another says so too (resolve-clashes.ts).
 */
function shortFallback(givenId: string | undefined, resource: string[]): string | undefined {
  if (givenId === undefined) return undefined;
  // Its words after any namespace (`Pets.list`), as the evidence reads them, no prefix dropped; where they begin with
  // no verb, without the prefixes that repeat the resource (DigitalOcean's `domains_update_record` and
  // `domains_patch_record` in `domains.records`: `update` and `patch`, were `updateRecord` and `patchRecord`).
  let all = readOperationId(givenId, { tags: [], segments: [] }).words;
  const prefixed = all[0] !== undefined && !VERBS.has(all[0]);
  if (prefixed) all = readOperationId(givenId, { tags: [], segments: resource }, true).words;
  const verb = all[0];
  if (verb === undefined || !VERBS.has(verb) || all.length < 2) return undefined;
  // Only the nouns right after the verb, its object: `createThreadAndRun` in `threads.runs` is `createAndRun`
  // (openai-node's), not `createAnd`.
  const nouns = new Set(resource.flatMap((r) => words(r)).map(singular));
  let at = 1;
  while (at < all.length && nouns.has(singular(all[at]!))) at++;
  const rest = all.slice(at);
  // Nothing dropped, or only a number left (springfox's `patchPetUsingPATCH_1`: `patch1` says less than `patchPet1`).
  if (at === 1 || (rest.length > 0 && rest.every((w) => /^\d+$/.test(w)))) return undefined;
  // After a prefix, a noun dropped only where its phrase ends there: gitea's `repoGetPullRequest` in `repos.pulls`
  // keeps `getPullRequest` (`getRequest` would be another thing), visma's `getCountryByCode2` is `getByCode2`.
  if (prefixed && rest.length > 0 && !PHRASE_ENDS.has(rest[0]!)) return undefined;
  const short = camelCase([verb, ...rest].join(' '));
  return short || undefined;
}

/** Words that end a noun phrase before them (`getCountryByCode2`, `getTokenMetadataOfUtxo`). */
const PHRASE_ENDS = new Set('by of for from in on to with and or as at'.split(' '));

/** The response as naming reads it: references followed; one given by examples only, as its example shows. */
function namingResponse(ctx: IrContext, op: Unnamed): IrType | undefined {
  if (!op.response) return undefined;
  return op.response.exampleArray ? EXAMPLE_ARRAY : responseFacts(op.response.type, ctx.models);
}

/**
 * A response type with its references followed, and its properties' one level deep (a page's named array type).
 * `seen`: the unions read on the way, so that a nullable union of itself (`A: anyOf: [{allOf: [A]}, null]`, which
 * naming meets before break-alias-cycles.ts drops such members) ends, as undefined, instead of recursing forever.
 */
function responseFacts(
  type: IrType,
  models: IrContext['models'],
  seen = new Set<IrType>(),
): IrType | undefined {
  const response = dereference(type, models);
  // One of several shapes, one a list (soundcloud's search answers `oneOf: [Playlists, PlaylistsArray]`, a page or an
  // array): it lists.
  if (response?.kind === 'union') {
    if (seen.has(response)) return undefined;
    seen.add(response);
    const array = response.members.find((m) => dereference(m, models)?.kind === 'array');
    if (array) return dereference(array, models);
    // A page that may be null (unicourt's `nullable` pages) is read as the page.
    const [only, ...others] = response.members.filter(
      (m) => !(m.kind === 'primitive' && m.name === 'null'),
    );
    if (only && !others.length) return responseFacts(only, models, seen);
  }
  if (response?.kind !== 'object' || !response.properties.some((p) => p.type.kind === 'ref'))
    return response;
  return {
    ...response,
    properties: response.properties.map((p) =>
      p.type.kind === 'ref' ? { ...p, type: dereference(p.type, models) ?? p.type } : p,
    ),
  };
}

const EXAMPLE_ARRAY: IrType = { kind: 'array', items: { kind: 'primitive', name: 'unknown' } };

/** `x-clientgen.resources.<path>.typePrefix` (the config's `client.resources` over it), validated as identifiers. */
function configuredTypePrefixes(ctx: IrContext): Map<string, string> {
  const resources = isRecord(ctx.clientgen.resources) ? ctx.clientgen.resources : {};
  const result = new Map<string, string>();
  for (const [path, config] of Object.entries(resources)) {
    if (!isRecord(config) || typeof config.typePrefix !== 'string') continue;
    if (TYPE_PREFIX.test(config.typePrefix)) result.set(path, config.typePrefix);
    else
      report(
        ctx,
        {
          file: ctx.spec.entry,
          pointer: childPointer('#/x-clientgen/resources', path, 'typePrefix'),
        },
        'invalid-extension',
        `typePrefix must be an identifier (letters, digits, _ or $), found ${JSON.stringify(config.typePrefix)}`,
      );
  }
  return result;
}

/** How many times each value occurs. */
function countOf<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
