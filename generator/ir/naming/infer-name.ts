import { camelCase } from '../../text/case';
import { isPlural, singular } from '../../text/inflect';
import type { IrOperation, IrType } from '../types';
import {
  operationIdCallsOn,
  operationIdStartsWith,
  readOperationId,
  type OperationIdEvidence,
} from './operation-id';
import { oneParamBelow, type PathIndex, type Segment, withoutTrailingParams } from './path-shape';
import {
  CREATE_VERBS,
  DELETE_VERBS,
  isCrudVerb,
  isListedSegmentVerb,
  isSegmentVerb,
  LIST_VERBS,
  READ_VERBS,
  UPDATE_VERBS,
  VERBS,
} from './verbs';

/** What inference reads of an operation. */
export type NamingFacts = Pick<
  IrOperation,
  'path' | 'httpMethod' | 'tags' | 'pagination' | 'pathQuery'
> & {
  /** The operationId as the spec writes it; undefined when it has none. */
  givenOperationId: string | undefined;
  /** The 2xx response type, references followed. */
  response: IrType | undefined;
};

/** An inferred name, and the rule that gave it (for `clientgen names` and docs/naming.md). */
export interface InferredName {
  resource: string[];
  method: string;
  rule: 'collection' | 'item' | 'action' | 'root';
}

/**
 * Names an operation from its path, HTTP method, operationId and tags together (docs/naming.md):
 * resources are the path's static segments; a trailing segment that the spec shows to be an action is a method;
 * otherwise a CRUD verb chosen by the HTTP method, whether the path ends at an item, and the operationId's verb.
 */
export function inferName(op: NamingFacts, index: PathIndex): InferredName {
  return qualified(inferPlain(op, index), op, index);
}

/**
 * A resource named `<noun>By<key>` beside a resource `<noun>` (sportsdata's `/{format}/GamesByDate/{date}` beside
 * `/{format}/Games/{season}`) is that resource, read by the key: `games.listByDate(date)`, not `gamesByDate.list`.
 */
function qualified(name: InferredName, op: NamingFacts, index: PathIndex): InferredName {
  if (name.rule !== 'collection' && name.rule !== 'item') return name;
  const found = /^([a-z][A-Za-z0-9]*?)(By[A-Z][A-Za-z0-9]*)$/.exec(name.resource.at(-1) ?? '');
  if (!found) return name;
  // Only where nothing else lives below the segment than this operation's own parameters.
  const path = index.parse(op.path);
  const segments = withoutTrailingParams(path);
  if (segments.length === 0 || index.hasDeeper(path)) return name;
  for (let i = segments.length; i < path.length; i++)
    if (index.childCount(path.slice(0, i)) !== 1) return name;
  if (!index.hasChildNamed(segments.slice(0, -1), found[1]!)) return name;
  return {
    ...name,
    resource: [...name.resource.slice(0, -1), found[1]!],
    method: name.method + found[2]!,
  };
}

function inferPlain(op: NamingFacts, index: PathIndex): InferredName {
  const segments = index.parse(op.path);
  const hoist = index.hoistFor(segments);
  const statics = [...hoist, ...segments.filter((s) => s.kind === 'static').map((s) => s.name)];
  const evidence = readOperationId(op.givenOperationId, { tags: op.tags, segments: statics });
  const last = segments[segments.length - 1];
  if (!last) return { resource: ['api'], method: rootMethod(op), rule: 'root' };
  const besideGet = index.methodsAt(segments).has('get');
  if (last.kind === 'param') {
    if (isActionBeforeParams(op, segments, index))
      return {
        resource: names(statics.slice(0, -1)),
        method: camelCase(statics.at(-1)!),
        rule: 'action',
      };
    return {
      resource: names(statics),
      method: editBesidePut(
        op,
        itemMethod(op, evidence, besideGet, segments, index),
        segments,
        index,
      ),
      rule: 'item',
    };
  }
  // `GET /contacts/all` (zoomconnect's) lists its parent's items: `contacts.list`, or `listAll` beside the parent's
  // own GET; it was a resource, `contacts.all.retrieve`. Not where `all` has items of its own (Graph's
  // `/me/planner/all/{id}`).
  if (
    last.kind === 'static' &&
    /^all$/i.test(last.name) &&
    op.httpMethod === 'get' &&
    statics.length > 1 &&
    index.methodsAt(segments).size === 1 &&
    !index.hasDeeper(segments)
  ) {
    const parentLists = index.methodsAt(segments.slice(0, -1)).has('get');
    return {
      resource: names(statics.slice(0, -1)),
      method: parentLists ? 'listAll' : 'list',
      rule: 'collection',
    };
  }
  // `POST /workspaces/{id}/entities-list` (AWS's `ListEntities`) lists the entities: `workspaces.entities.list`, was
  // `workspaces.entitiesList`. Only a plural before `list`: CKAN's `/action/organization_list` and a `shopping-list`
  // are things of their own.
  const listed = listedNoun(last, op, segments, index);
  if (listed !== undefined)
    return {
      resource: names([...statics.slice(0, -1), listed]),
      method: 'list',
      rule: 'collection',
    };
  const action = actionMethod(op, segments, index);
  if (action !== undefined)
    return { resource: names(statics.slice(0, -1)), method: action, rule: 'action' };
  if (isSharedAction(segments, index)) {
    return {
      resource: names(statics.slice(0, -1)),
      method: sharedActionMethod(op, last.name, evidence, index.methodsAt(segments)),
      rule: 'action',
    };
  }
  // A collection whose items live below it (`/es/domain/{DomainName}`) lists them, whatever its name's number.
  const itemMethods = index.methodsAt(oneParamBelow(segments));
  const itemsBelow = itemMethods.size > 0;
  const method = editBesidePut(
    op,
    collectionMethod(
      op,
      last.name,
      evidence,
      itemsBelow,
      besideGet,
      itemsBelow || index.hasItemsBelow(segments),
      // A query written into the path picks one (`GET /forecasts?lat={lat}&lon={lon}` reads a place's forecast).
      itemMethods.has('get') && !op.pathQuery,
    ),
    segments,
    index,
  );
  return (
    foldedIntoItem(method, segments, statics, index) ?? {
      resource: names(statics),
      method,
      rule: 'collection',
    }
  );
}

/**
 * A PATCH beside a PUT on one path is `edit`, the PUT `update` (as Stainless names Cloudflare's), when the PATCH has
 * no operationId to be named after: both would want `update`, and the tie fell back to names from the path.
 */
function editBesidePut(
  op: NamingFacts,
  method: string,
  segments: readonly Segment[],
  index: PathIndex,
): string {
  return op.httpMethod === 'patch' &&
    method === 'update' &&
    op.givenOperationId === undefined &&
    index.methodsAt(segments).has('put')
    ? 'edit'
    : method;
}

function names(statics: string[]): string[] {
  const result = statics.map(camelCase).filter(Boolean);
  return result.length ? result : ['api'];
}

/**
 * A trailing segment is an action (a method on its parent) when nothing else lives at or below it, its parent is a
 * resource, and the spec says it is a verb: the operationId begins with it (`cancelFineTuningJob` at `…/cancel`,
 * `submitToolOutputsToRun` at `…/submit_tool_outputs`, `usage-completions` at `/usage/completions`), it begins with
 * an English verb and is no plural (`search`, `create_preview`; `login_links` are links), or it is a singular noun read
 * or posted on an item (`/files/{id}/content`), or it is written as a call (`Segment.custom`: a Google custom method,
 * an OData function call, a dotted RPC method name). The method is the segment (`files.content`), or a posted noun
 * with the operationId's verb (below); undefined when the segment is no action.
 */
function actionMethod(
  op: NamingFacts,
  segments: readonly Segment[],
  index: PathIndex,
): string | undefined {
  if (!isAction(op, segments, index)) return undefined;
  const last = segments[segments.length - 1]!;
  return (
    (last.kind === 'static' && !last.custom && postedNounMethod(op, segments)) ||
    camelCase(last.name)
  );
}

/**
 * A singular noun posted on an item does something to it that the operationId's verb says: AWS's
 * `POST /campaigns/{id}/name` (`UpdateCampaignName`) is `campaigns.updateName`, s3control's `…/jobs/{id}/priority`
 * `jobs.updatePriority`, netlify's `POST /builds/{id}/log` (`updateSiteBuildLog`) `builds.updateLog`; alone, `name`
 * read as a getter. Only where the id leads with a verb that is not the HTTP method's (`postCampaignName` says
 * nothing) and ends with the segment's words; a noun read (`GET /files/{id}/content`) stays the noun.
 */
function postedNounMethod(op: NamingFacts, segments: readonly Segment[]): string | undefined {
  const segWords = segmentWords(segments.at(-1)!.name);
  if (op.httpMethod !== 'post' || isSegmentVerb(segWords[0])) return undefined;
  // As isAction reads it: the id without a prefix that repeats the parent's segments or a tag.
  const parentStatics = segments
    .slice(0, -1)
    .filter((s) => s.kind === 'static')
    .map((s) => s.name);
  const evidence = readOperationId(op.givenOperationId, { tags: op.tags, segments: parentStatics });
  const { verb, words } = evidence;
  if (!evidence.verbLeads || verb === undefined || RESTATING_VERBS.has(verb)) return undefined;
  if (
    words.length <= segWords.length ||
    words.slice(-segWords.length).join(' ') !== segWords.join(' ')
  )
    return undefined;
  return camelCase([verb, ...segWords].join(' '));
}

/** Verbs that only restate an HTTP method (`postCampaignName`); `delete` says what a POST does (`deleteAvatar`). */
const RESTATING_VERBS = new Set(['get', 'post', 'put', 'patch']);

function isAction(op: NamingFacts, segments: readonly Segment[], index: PathIndex): boolean {
  const last = segments[segments.length - 1]!;
  const parent = segments.slice(0, -1);
  if (index.hasDeeper(segments) || index.methodsAt(segments).size !== 1) return false;
  // A custom method (`/v3:logImpressions`, `microsoft.graph.delta()`, `/chat.postMessage`) is a call by how it is
  // written.
  if (last.kind === 'static' && last.custom) return true;
  const segWords = segmentWords(last.name);
  const plural = isPlural(last.name);
  const parentStatics = parent.filter((s) => s.kind === 'static').map((s) => s.name);
  const evidence = readOperationId(op.givenOperationId, { tags: op.tags, segments: parentStatics });
  // A path that is one verb phrase (an RPC API's `PUT /CreateComponent`, `POST /disable-user`) is an action of the
  // API itself, a plural too when the operationId is that phrase (bungie's `GET /GetAvailableLocales`); one word
  // (`/search`, `/login`) may as well be a resource.
  // A verb that never qualifies a noun (`get`, `search`…) makes a phrase a call even when it ends in a plural:
  // clubhouse's `GET /get_channels` and `POST /search_clubs` (`check_runs`, `login_links` and `add_ons` are things).
  // A verb after `bulk`, `batch` or `mass` begins the phrase too (apacta's `/contacts/bulkDelete`, `/users/bulkActivate`).
  const verb = segWords.length > 1 && BATCH_WORDS.has(segWords[0]!) ? segWords[1] : segWords[0];
  const call =
    segWords.length > 1 && CALL_VERBS.has(verb!) && !COMPOUND_NOUNS.has(segWords.join(' '));
  const verbLeads = isSegmentVerb(verb, segWords.length > 1);
  // One word is an action too when the operationId leads with it (ebay's `POST /translate`, `translate`; sinao's
  // `POST /logout`, `logout`), unless it is a CRUD word (`GET /search` lists: `search.list`); without that, `/login`
  // may as well be a resource.
  if (!parent.length)
    return (
      verbLeads &&
      (segWords.length > 1
        ? !plural || call || isWordsOf(evidence, segWords)
        : !plural &&
          !isCrudVerb(segWords[0]) &&
          // The id is the word (qualpay's `Tokenize` at `/tokenize`), or leads with it as a verb.
          (isWordsOf(evidence, segWords) || (evidence.verbLeads && evidence.verb === segWords[0])))
    );
  // Unless the id calls a CRUD word on a plural (Apple's `apps-builds-get_to_many_related`: builds are a collection).
  if (
    operationIdStartsWith(evidence, last.name) &&
    !(plural && !verbLeads && operationIdCallsOn(evidence, last.name))
  )
    return true;
  if (verbLeads && (!plural || call)) return true;
  // Below an `actions` segment a write is a call, but for a plural no verb leads (mailchimp's
  // `POST /automations/{id}/actions/pause-all-emails`, zuora's `POST /v1/action/amend`; trello's
  // `POST /cards/{id}/actions/comments` adds a comment).
  const above = parent[parent.length - 1]!;
  if (
    above.kind === 'static' &&
    /^_?actions?$/i.test(above.name) &&
    op.httpMethod !== 'get' &&
    (verbLeads || !plural)
  )
    return true;
  const afterItem = above.kind === 'param';
  return afterItem && !plural && (op.httpMethod === 'post' || op.httpMethod === 'get');
}

/**
 * The plural a trailing `<plural> list` segment lists (`entities-list`, `SyncJobsList`), read or posted alone there
 * with nothing below it; undefined for any other segment.
 */
function listedNoun(
  last: Segment,
  op: NamingFacts,
  segments: readonly Segment[],
  index: PathIndex,
): string | undefined {
  if (last.kind !== 'static' || (op.httpMethod !== 'get' && op.httpMethod !== 'post'))
    return undefined;
  const segWords = segmentWords(last.name);
  if (segWords.length < 2 || segWords.at(-1) !== 'list' || !isPlural(segWords.at(-2)!))
    return undefined;
  if (index.hasDeeper(segments) || index.methodsAt(segments).size !== 1) return undefined;
  return segWords.slice(0, -1).join(' ');
}

/** Whether the operationId is a verb and the segment's words, the last a plural (`getEdgeConfigs`, `/edge-config`). */
function readsPlural(evidence: OperationIdEvidence, segment: string): boolean {
  const noun = evidence.verb === undefined ? [] : evidence.words.slice(1);
  const segWords = segmentWords(segment);
  return (
    noun.length > 0 &&
    noun.length === segWords.length &&
    isPlural(noun.at(-1)!) &&
    noun.every((w, i) => (i < noun.length - 1 ? w : singular(w)) === segWords[i])
  );
}

/** Words that say a call acts on many at once, before its verb. */
const BATCH_WORDS = new Set(['bulk', 'batch', 'mass']);

/**
 * A verb phrase that several methods share is one call made several ways, not a resource: etherpad's `GET` and `POST
 * /copyPad`, zoomconnect's `PUT` and `POST …/messages/{id}/markRead`, sinao's `POST` and `DELETE
 * …/invoices/{id}/attach` (`attachInvoice`, `detachInvoice`). They were a resource each, `copyPad.retrieve` and
 * `copyPad.create`. Only a phrase that begins with a verb and is no plural, with nothing below it, at
 * the root only of more than one word (`/search` may be a resource), as for a call of one method, and one a POST
 * makes.
 */
function isSharedAction(segments: readonly Segment[], index: PathIndex): boolean {
  const last = segments.at(-1)!;
  const methods = index.methodsAt(segments);
  // Without a POST, methods that read, change and delete one thing are a resource's (Graph's `GET`, `PATCH` and
  // `DELETE …/runSummary`; WhatsApp's `GET` and `DELETE …/invite`, which read and revoke the invite).
  if (
    last.kind !== 'static' ||
    index.hasDeeper(segments) ||
    methods.size < 2 ||
    !methods.has('post')
  )
    return false;
  const segWords = segmentWords(last.name);
  // One word that is a CRUD verb (`/pets/list`, `/users/search`) names what the methods are called anyway: a resource.
  const crud = segWords.length === 1 && isCrudVerb(segWords[0]);
  return (
    isSegmentVerb(segWords[0], segWords.length > 1) &&
    !crud &&
    !isPlural(last.name) &&
    (segments.length > 1 || segWords.length > 1)
  );
}

/** Verbs whose undoing is no `un…`: `disable` undoes `enable`. */
const OPPOSITES = new Map([
  ['activate', 'deactivate'],
  ['associate', 'disassociate'],
  ['attach', 'detach'],
  ['authorize', 'deauthorize'],
  ['connect', 'disconnect'],
  ['enable', 'disable'],
]);

/** The verb that undoes a one-word call, where clientgen knows it as a verb (`unpublish`, `disable`). */
function undoing(segment: string): string | undefined {
  const segWords = segmentWords(segment);
  if (segWords.length !== 1) return undefined;
  const word = segWords[0]!;
  const undo = OPPOSITES.get(word) ?? `un${word}`;
  return isListedSegmentVerb(undo) ? undo : undefined;
}

/**
 * The name of each method of a shared call: the call itself for its main method (a reading call's `GET`, else `POST`,
 * `PUT`, `PATCH`, `DELETE` in that order); another takes the verb its operationId leads with where that is another
 * call's (`detach` beside `attach`, `unpublish` beside `publish`), else its HTTP method before the call
 * (`getCopyPad`, as AWS's `GET` twins of its `POST` actions are named).
 */
function sharedActionMethod(
  op: NamingFacts,
  segment: string,
  evidence: OperationIdEvidence,
  methods: ReadonlySet<string>,
): string {
  const call = camelCase(segment);
  const first = segmentWords(segment)[0]!;
  const reads = READ_VERBS.has(first) || LIST_VERBS.has(first);
  const order = reads
    ? ['get', 'post', 'put', 'patch', 'delete']
    : ['post', 'put', 'patch', 'delete', 'get'];
  // A shared call has a POST (isSharedAction), so some method of the order is there.
  const main = order.find((m) => methods.has(m))!;
  if (op.httpMethod === main) return call;
  const verb = evidence.verbLeads ? evidence.verb : undefined;
  if (verb && verb !== first && !isCrudVerb(verb) && VERBS.has(verb)) return verb;
  // A DELETE undoes a one-word call: meshery's `DELETE /api/application/deploy` → `undeploy` beside `deploy`.
  const undo = op.httpMethod === 'delete' ? undoing(segment) : undefined;
  return undo ?? camelCase(`${op.httpMethod} ${segment}`);
}

/**
 * A verb segment that only the path's trailing parameters follow is an action on its parent, taking them
 * (`DELETE /settings/delete/{id}` → `settings.delete(id)`, `GET /files/download/{id}` → `files.download(id)`, where the
 * path's resources made them `settings.delete.delete(id)` and `files.download.retrieve(id)`), when it begins with an
 * English verb that fits the HTTP method, is no plural, names none of the parameters (`/archive/{archive}` is an
 * archive), has a parent, and nothing else lives at or below it (one HTTP method, one path).
 */
function isActionBeforeParams(
  op: NamingFacts,
  segments: readonly Segment[],
  index: PathIndex,
): boolean {
  const at = withoutTrailingParams(segments).length - 1;
  const verb = segments[at];
  if (verb?.kind !== 'static') return false;
  const parentStatics = segments
    .slice(0, at)
    .filter((s) => s.kind === 'static')
    .map((s) => s.name);
  const evidence = readOperationId(op.givenOperationId, {
    tags: op.tags,
    segments: parentStatics,
  });
  // At the root, only where the operationId is the segment's words: qualpay's `Capture` at `POST /capture/{pgIdOrig}`
  // is `api.capture(pgIdOrig)`, where it was `capture.capture(pgIdOrig)`.
  if (!parentStatics.length && !isWordsOf(evidence, segmentWords(verb.name))) return false;
  for (let i = at + 1; i < segments.length; i++) {
    const place = segments.slice(0, i);
    if (index.methodsAt(place).size > 0 || index.childCount(place) !== 1) return false;
  }
  if (index.hasDeeper(segments) || index.methodsAt(segments).size !== 1) return false;
  // The same call on the item without the verb, when it takes the verb's name (snyk's `PUT /members/{userId}`
  // beside `PUT /members/update/{userId}`: both `update`), would clash; discourse's `GET /admin/users/{id}` is
  // `retrieve`, so `GET /admin/users/list/{flag}` may be `list(flag)`.
  const plain = [...segments.slice(0, at), ...segments.slice(at + 1)];
  const plainName = PLAIN_ITEM_METHOD[op.httpMethod];
  if (
    index.methodsAt(plain).has(op.httpMethod) &&
    (plainName === undefined || plainName === camelCase(verb.name))
  )
    return false;
  const verbWords = segmentWords(verb.name);
  const first = verbWords[0]!;
  // A parameter named after the segment is one of its items (`/archive/{archive}`, `/refresh/{RefreshId}`,
  // `/timelines/list/{list_id}`): the segment is a noun there.
  if (segmentWords(segments[at + 1]!.name)[0] === first) return false;
  // A GET, DELETE, PUT or PATCH does what its method says: `DELETE /batches/schedule/{id}` unschedules, it does not
  // `schedule(id)`, and `GET /object/refund-invoice-payment/{id}` reads a refund; `DELETE …/delete/{id}` and
  // `PUT …/update/{id}` say it twice. A POST may do anything, and so may a write whose operationId is the segment's
  // words (AWS's `PUT /osis/startPipeline/{PipelineName}`, `StartPipeline`: was `osis.startPipeline.update`); not a
  // GET, whose segment is a noun as often (sportsdata's `GET /{format}/Schedule/{roundid}`, `Schedule`).
  const fits =
    op.httpMethod === 'post' ||
    (op.httpMethod !== 'get' && isWordsOf(evidence, verbWords)) ||
    (op.httpMethod === 'get'
      ? READ_VERBS.has(first) || LIST_VERBS.has(first) || READING_VERB.test(first)
      : op.httpMethod === 'delete'
        ? DELETE_VERBS.has(first) || UNDOING_VERB.test(first)
        : UPDATE_VERBS.has(first));
  // A plural is a collection, unless the operationId is the segment's verb phrase (bungie's `SearchHelpArticles`).
  return (
    isSegmentVerb(first, verbWords.length > 1) &&
    fits &&
    (!isPlural(verb.name) || isWordsOf(evidence, verbWords))
  );
}

/** Whether the operationId's words (after any prefix) are exactly the segment's. */
function isWordsOf(evidence: OperationIdEvidence, segWords: string[]): boolean {
  return evidence.words.join(' ') === segWords.join(' ');
}

/** The CRUD name of a call on an item, where its HTTP method decides it (a POST's may be its operationId's verb). */
const PLAIN_ITEM_METHOD: Partial<Record<NamingFacts['httpMethod'], string>> = {
  get: 'retrieve',
  put: 'update',
  patch: 'update',
  delete: 'delete',
};

/**
 * Verbs that begin a call and never qualify a noun, so that a segment they begin is an action whatever its last
 * word's number (`get_channels`, `searchClubs`, `findByIngredients`, asana's `addFollowers`, airflow's
 * `clearTaskInstances`). Not `check`, `login`, `lookup`, `export` …, which name things too (`check_runs`,
 * `login_links`, `lookup_tables`, `export_jobs`); `add` only names `add_ons` and `add_ins` (`COMPOUND_NOUNS`).
 */
const CALL_VERBS = new Set([
  'add',
  'clear',
  'get',
  'fetch',
  'retrieve',
  'find',
  'search',
  'create',
  'delete',
  'remove',
  'update',
  'verify',
  'validate',
]);

/** Things whose name begins with a call verb (`/add_ons`, `/add-ins`). */
const COMPOUND_NOUNS = new Set(['add ons', 'add ins']);

/** Verbs that read or compute something, which a GET may name (`GET /files/download/{id}`). */
const READING_VERB =
  /^(check|verify|validate|count|calculate|compute|convert|download|export|preview|resolve|render|estimate)$/;

/** Verbs that undo or end something, which a DELETE may name (`DELETE /subscriptions/cancel/{id}`). */
const UNDOING_VERB =
  /^(cancel|revoke|abort|stop|terminate|clear|purge|leave|dismiss|reject|expire|invalidate|discard|disable|disconnect|disassociate|deactivate|deregister|detach|deauthorize|deprovision|un[a-z]{3,})$/;

/** A segment's words, lower-cased: `create_preview` and `createPreview` are `create preview`. */
function segmentWords(name: string): string[] {
  return camelCase(name)
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .split(' ');
}

function itemMethod(
  op: NamingFacts,
  evidence: OperationIdEvidence,
  besideGet: boolean,
  segments: readonly Segment[],
  index: PathIndex,
): string {
  switch (op.httpMethod) {
    case 'get': {
      // A GET that answers a list lists (trakt's `/movies/{id}/comments/{sort}`: the last parameter picks an order,
      // not an item), unless the path without its last parameters has a GET of its own (that one lists: this reads
      // an item that answers an array) or another item path there answers a list too (id4i's `/history/{id}` and
      // `/history/{id}/{org}`: both would be `list`).
      // An id that says `list` lists too where the response does not show it (AWS's `GET /tags/{resourceArn}`,
      // `ListTagsForResource`, answers `{ tags: {…} }`): then no item path there may answer a list.
      const collection = withoutTrailingParams(segments);
      const answersList = op.pagination || op.response?.kind === 'array';
      if (
        (answersList || evidence.verb === 'list') &&
        !index.methodsAt(collection).has('get') &&
        index.listingItemsBelow(collection) === (answersList ? 1 : 0)
      )
        return 'list';
      // A parameter whose list has items keyed one parameter below it scopes that list, beside a GET one parameter
      // up: bitbucket's `GET /repositories/{workspace}` is `repositories.listByWorkspace(workspace)` and
      // `/repositories/{workspace}/{repo_slug}` `retrieve` (the two clashed on `retrieve`, and the item lost it);
      // conjur's `/resources/{account}/{kind}` is `listByKind` between `listByAccount` and its items' `retrieve`.
      // Not an id (id4i's `/history/{id}` beside `/history/{id}/{org}`): that is an item, answering a list.
      if (
        answersList &&
        !isIdName(segments.at(-1)!.name) &&
        index.methodsAt(segments.slice(0, -1)).has('get') &&
        index.methodsAt(oneParamBelow(segments)).has('get')
      )
        return camelCase(`list by ${segments.at(-1)!.name}`);
      // An id that reads a plural, on a parameter whose items are read one parameter below it, answering a page of
      // them, lists: launchdarkly's `getUserSegments` at `/segments/{projectKey}/{environmentKey}` answers
      // `{ items: [...] }` beside `getUserSegment` at `…/{userSegmentKey}` (as `retrieve`, both clashed and fell back to
      // their ids). Nothing reads one parameter up or at the collection, no item path there answers a list, and the
      // list is a page's (a property named as pages name theirs): xtrf's `getCurrentViewDetails` answers one view's
      // details, arrays of its parts.
      if (
        evidence.words.length > 1 &&
        evidence.verb !== undefined &&
        (READ_VERBS.has(evidence.verb) || LIST_VERBS.has(evidence.verb)) &&
        isPlural(evidence.words.at(-1)!) &&
        !index.methodsAt(collection).has('get') &&
        !index.methodsAt(segments.slice(0, -1)).has('get') &&
        index.listingItemsBelow(collection) === 0 &&
        index.methodsAt(oneParamBelow(segments)).has('get') &&
        listsEnvelope(op, collection.at(-1)?.name ?? '')
      )
        return 'list';
      // A parameter that picks a collection lists it: zuora's `/objects/records/default/{object}` answers
      // `{ records: [...] }`, and reads one record at `…/{object}/{id}` (as `retrieve`, both clashed).
      return keyedCollection(segments, index).has('get') &&
        index.listingItemsBelow(collection) === 0 &&
        listsEnvelope(op, collection.at(-1)?.name ?? '')
        ? 'list'
        : 'retrieve';
    }
    case 'delete':
      // A DELETE whose operationId undoes or ends the item says so: `cancelSubscription` is `subscriptions.cancel`
      // (Stripe's SDK's name for its own), `StopExperiment` is `experiments.stop`. A verb that removes says no more
      // than `delete` (OpenAI's `unassign-…-role` is openai-node's `roles.delete`).
      return evidence.verb && !isCrudVerb(evidence.verb) && UNDOING_VERB.test(evidence.verb)
        ? evidence.verb
        : 'delete';
    case 'post':
      // `POST /evals/{id}/runs/{run}` named `cancelEvalRun` cancels; a POST on an item otherwise updates it.
      // On a parameter that picks a collection, it adds one: zuora's `POST /objects/records/default/{object}`.
      return (
        readingPost(op, evidence, besideGet, false, withoutTrailingParams(segments).at(-1)?.name) ??
        (evidence.verb && !isCrudVerb(evidence.verb)
          ? evidence.verb
          : (createsInScope(op, evidence, segments, index) ??
            (createsOne(evidence) ||
            (keyedCollection(segments, index).size > 0 &&
              !(evidence.verb && UPDATE_VERBS.has(evidence.verb)))
              ? 'create'
              : 'update')))
      );
    case 'put':
    case 'patch':
      return 'update';
    // HEAD, OPTIONS and TRACE do what their name says, on an item as on a collection.
    default:
      return op.httpMethod;
  }
}

/**
 * The methods of the items below an item path whose last parameter picks a collection rather than an item: no id
 * itself, nothing at the place above it, and items keyed by ids right below it (zuora's `{object}` and
 * `{object}/{id}`, here.com's `{resourceType}` and `{resourceType}/{resourceId}`). Not an id over an id (here.com's
 * shipment and its `{segmentId}`), a parameter over one that is no id (storecove's invoice and its `{packaging}`), nor
 * one below a place with operations of its own (tcgdex's `/sets` above `/sets/{set}/{cardLocalId}`). Empty otherwise.
 */
function keyedCollection(segments: readonly Segment[], index: PathIndex): Set<string> {
  const last = segments.at(-1);
  const below = oneParamBelow(segments);
  const keys = index.lastParamNames(below);
  return last?.kind === 'param' &&
    !isIdName(last.name) &&
    keys.size > 0 &&
    [...keys].every(isIdName) &&
    index.methodsAt(segments.slice(0, -1)).size === 0
    ? index.methodsAt(below)
    : new Set();
}

/**
 * A POST on a parameter that scopes a list (its GET answers the list and its items are keyed one parameter below)
 * adds to that list: launchdarkly's `POST /flags/{projectKey}` (`postFeatureFlag`, beside
 * `/flags/{projectKey}/{featureFlagKey}`) is `flags.create`, signl4's `POST /categories/{teamId}` `categories.create`;
 * as `update` they took the items' PATCH's and PUT's name, and both fell back to their ids or paths. Beside a POST one
 * parameter up, which creates, it is `createBy<Param>`, as its GET is `listBy<Param>` (bitbucket's
 * `snippets.createByWorkspace`). Only where the operationId says nothing or says it creates: opto22's
 * `writeFloatTable` at `/tables/floats/{tableName}` writes the table's values.
 */
function createsInScope(
  op: NamingFacts,
  evidence: OperationIdEvidence,
  segments: readonly Segment[],
  index: PathIndex,
): string | undefined {
  const last = segments.at(-1)!;
  if (
    (evidence.verb ? !CREATE_VERBS.has(evidence.verb) : evidence.words.length > 0) ||
    !index.listsAt(segments) ||
    index.methodsAt(oneParamBelow(segments)).size === 0
  )
    return undefined;
  return index.methodsAt(segments.slice(0, -1)).has(op.httpMethod)
    ? camelCase(`create by ${last.name}`)
    : 'create';
}

/** A parameter named as an id: `id`, `resourceId`, `record_id`, `ID`, `uuid`, `guid`. */
function isIdName(name: string): boolean {
  return /(?:^|[^a-z])id$|[a-z0-9]Id$|ID$|^(?:uuid|guid)$/.test(name);
}

/**
 * An operationId whose verb makes a new thing (`createKey`, `addRepositoryToGroup`), and not also an update
 * (`createOrUpdate`, `add-or-update-…`: an upsert is `update`).
 */
function createsOne(evidence: OperationIdEvidence): boolean {
  return (
    evidence.verb !== undefined &&
    CREATING.has(evidence.verb) &&
    evidence.verbLeads &&
    !evidence.words.includes('or')
  );
}

const CREATING = new Set(['create', 'add', 'insert', 'new']);

function collectionMethod(
  op: NamingFacts,
  segment: string,
  evidence: OperationIdEvidence,
  itemsBelow: boolean,
  besideGet: boolean,
  keyedBelow = itemsBelow,
  itemsRead = false,
): string {
  switch (op.httpMethod) {
    case 'get': {
      if (evidence.verb && LIST_VERBS.has(evidence.verb)) return 'list';
      if (op.pagination || op.response?.kind === 'array') return 'list';
      // A search's answer is its hits, whatever object holds them (Trello's `GET /search`: boards, cards, members…).
      if (!keyedBelow && namedByListVerb(segment)) return 'list';
      const envelope = isPlural(segment) && listsEnvelope(op, segment);
      // An id whose noun is a plural, on a place whose items live below it (keyed by one parameter or more), answering
      // a list: ebay's `findSellerStandardsProfiles` at `/seller_standards_profile` beside `…/{program}/{cycle}` lists
      // (as `retrieve` it clashed with the item's).
      const findsMany =
        keyedBelow &&
        evidence.words.length > 1 &&
        isPlural(evidence.words.at(-1)!) &&
        (!op.response || listsItems(op, segment, true));
      if (findsMany) return 'list';
      // `fetchAccount` reads one thing; `findCities` on `/cities` answering `{ data: [...] }` lists them.
      if (evidence.verb && READ_VERBS.has(evidence.verb) && evidence.verb !== 'get' && !envelope)
        return 'retrieve';
      // A plural, or a collection with items below, lists, unless its response shows one object with no list in
      // it (a settings-like resource). A response with no schema (orbit's, examples only) shows nothing, unless the
      // operationId's verb says the GET does not read (vtex's `createANewCart`).
      // So does an object with no properties and any keys (clarify's `{ type: object }` for every answer) on a
      // collection whose items live below it (a plural alone may be settings: peertube's `public-settings`).
      const unknown =
        (op.response?.kind === 'primitive' && op.response.name === 'unknown') ||
        (itemsBelow &&
          op.response?.kind === 'object' &&
          !op.response.properties.length &&
          op.response.additional?.kind === 'primitive' &&
          op.response.additional.name === 'unknown');
      const reads =
        !evidence.verb || READ_VERBS.has(evidence.verb) || LIST_VERBS.has(evidence.verb);
      // A plural whose items are read one by one below it lists, whatever its response shows: intellifi's `/spotsets`
      // answers a `SpotSet` (the item's type), nbg's `/accounts` `{ Data: { Account: [...] } }`; as `retrieve` it
      // clashed with the item's GET and fell back to `getSpotsets`. So does a singular whose operationId reads its
      // plural (vercel's `getEdgeConfigs` at `/v1/edge-config`, beside `getEdgeConfig` at `…/{edgeConfigId}`).
      if (itemsRead && reads && (isPlural(segment) || readsPlural(evidence, segment)))
        return 'list';
      return (isPlural(segment) || itemsBelow) &&
        (!op.response || (unknown && reads) || listsItems(op, segment, itemsBelow))
        ? 'list'
        : 'retrieve';
    }
    case 'post':
      // A singleton (`/organization/data_retention`) is updated by POST; the operationId says so.
      return (
        readingPost(op, evidence, besideGet, isPlural(segment) || itemsBelow, segment) ??
        searchPost(segment, evidence, !besideGet && !keyedBelow) ??
        (evidence.verb && UPDATE_VERBS.has(evidence.verb) ? 'update' : 'create')
      );
    case 'put':
      // A PUT that makes a member of the collection says so (rumble's `PUT /account/keys`, `createKey`; AWS lex's
      // `PUT …/botversions/`, `CreateBotVersion`).
      return createsOne(evidence) ? 'create' : 'update';
    case 'patch':
      return 'update';
    case 'delete':
      return 'delete';
    default:
      return op.httpMethod;
  }
}

/**
 * A POST whose operationId says it reads (bungie's `GetRecommendedGroups`, `SearchByGlobalNamePost`, a query too long
 * for a URL) lists, as the GET would: for a list verb, a plural noun or on a collection (a plural, or one with items
 * below: beezup's `GetChannelCatalogProductInfoList` at `/products`); it created or updated nothing.
 */
function readingPost(
  op: NamingFacts,
  evidence: OperationIdEvidence,
  besideGet: boolean,
  collection: boolean,
  segment: string | undefined,
): string | undefined {
  const verb = evidence.verb;
  // The id's own first word: beezup's `ChangeOrderListV3` at `/batches/changeOrders` changes orders; it lists nothing.
  if (!verb || !evidence.verbLeads || verb === 'post') return undefined;
  if (!(READ_VERBS.has(verb) || LIST_VERBS.has(verb))) return undefined;
  // Beside the GET that lists or reads, a POST is its search by body (amadeus' `searchFlightOffers` beside
  // `getFlightOffers`): its verb, when it says more than `list`.
  if (besideGet) return LIST_VERBS.has(verb) && verb !== 'list' ? verb : undefined;
  const noun = evidence.words.at(-1);
  // One thing read by POST keeps `create` or `update`: motaword's `getToken` at `POST /token` makes a token.
  if (!(
    collection ||
    LIST_VERBS.has(verb) ||
    (noun !== undefined && noun !== verb && isPlural(noun))
  ))
    return undefined;
  // A reading verb's answer of one object that lists nothing, neither the collection nor the id's noun, was read, not
  // listed: OpenAI's `Getinputtokencounts` at `POST /responses/input_tokens` answers `{ object, input_tokens }`
  // (infermedica's `getMentions` answering `{ mentions: [...], tokens: [...] }` lists).
  const one =
    !LIST_VERBS.has(verb) &&
    op.response?.kind === 'object' &&
    !op.pagination &&
    !listsItems(op, segment ?? '', collection) &&
    !(noun !== undefined && listsEnvelope(op, noun));
  return one ? 'retrieve' : 'list';
}

/**
 * Whether a segment is one listing verb (`search`, `query`, `browse`), not `list`, which is as often a noun (Graph's
 * `GET /drives/{drive-id}/list` reads a SharePoint list).
 */
function namedByListVerb(segment: string): boolean {
  const segWords = segmentWords(segment);
  return segWords.length === 1 && segWords[0] !== 'list' && LIST_VERBS.has(segWords[0]!);
}

/**
 * A POST to a place named by one listing verb (`POST /search`, `/v1/query`), alone there and with nothing keyed below
 * it, is a search by body: it lists, as `GET /search` does (`search.list`), and creates nothing. The operationId's
 * verb is lost to the segment's words there (workdocs' `SearchResources` reads `resources`), so the segment says it,
 * unless the id says it creates or changes. A query job posted to `/query` and read at `/query/{id}` is created.
 */
function searchPost(
  segment: string,
  evidence: OperationIdEvidence,
  alone: boolean,
): string | undefined {
  if (!alone || !namedByListVerb(segment)) return undefined;
  // `post` is only the HTTP method (InfluxDB's `PostQuery`).
  const verb = evidence.verb;
  return verb && verb !== 'post' && (CREATE_VERBS.has(verb) || UPDATE_VERBS.has(verb))
    ? undefined
    : 'list';
}

/**
 * An object response lists a collection when its one array is the page (`{ data: [...], has_more }`), or when one of
 * its arrays is named as pages are (`data`, `items`…, or the collection's own name: vestorly's `/articles` answers
 * `{ articles: [...] }`). A settings object with incidental arrays (appveyor's project settings: `images`,
 * `buildClouds`) reads one thing.
 */
function listsItems(op: NamingFacts, segment: string, itemsBelow: boolean): boolean {
  const type = op.response;
  if (type?.kind !== 'object') return false;
  // Metadata beside the page (HAL's and mailchimp's `_links`) is no list of the collection's.
  const arrays = type.properties.filter((p) => isList(p.type) && !/^_(?!embedded$)/.test(p.name));
  // With its items below it, any array does (servicefabric's `/ImageStore` answers files and folders), but not one
  // that may be null (jellyfin's `/System/Configuration`, beside `/System/Configuration/{key}`, is a settings object).
  return (
    (arrays.length === 1 && pageOf(type.properties.length - 1, arrays[0]!.name, segment)) ||
    (itemsBelow && arrays.some((p) => p.type.kind === 'array')) ||
    listsEnvelope(op, segment)
  );
}

/**
 * Whether an object whose one array is `array` reads as a page of it: a page's other properties say where it is
 * (`total`, `next`, `has_more`…, at most `PAGE_FIELDS`), or the array is named by the collection's last word
 * (listennotes' `/best_podcasts`: `{ podcasts, has_next, page_number, … }`, ten more). A settings or statistics object
 * with one array among many fields is one thing: adyen's `/terminalSettings` (`gratuities` and 20 more), peertube's
 * `/server/stats` (22 more), APIs.guru's `/metrics.json`.
 */
function pageOf(others: number, array: string, segment: string): boolean {
  const own = segmentWords(segment).at(-1);
  return others <= PAGE_FIELDS || (own !== undefined && letters(array).endsWith(letters(own)));
}

/** The most fields beside its array a page is read with (ebay's and docusign's pages have six: offsets, sizes, links). */
const PAGE_FIELDS = 8;

/**
 * An object response whose list of items is a property named as lists are (`data`, `items`…, or the collection's
 * own name), even where the list may be null (jellyfin's `{ Items: [...] | null }`) or is a named array type
 * (openbankingproject's `{ authorisationIds: AuthorisationsList }`: references are followed one level by the caller).
 */
function listsEnvelope(op: NamingFacts, segment: string): boolean {
  const type = op.response;
  if (type?.kind !== 'object') return false;
  const own = letters(segment);
  return type.properties.some((p) => {
    const name = letters(p.name);
    return (ENVELOPE.has(name) || name === own) && isList(p.type);
  });
}

/** An array, or an array that may be null. */
function isList(type: IrType): boolean {
  return (
    type.kind === 'array' ||
    (type.kind === 'union' &&
      type.members.some((m) => m.kind === 'array') &&
      type.members.every(
        (m) => m.kind === 'array' || (m.kind === 'primitive' && m.name === 'null'),
      ))
  );
}

/** Property names that hold a page of a collection's items (HAL's `_embedded` too), as `letters` writes them. */
const ENVELOPE = new Set([
  'data',
  'items',
  'results',
  'records',
  'entries',
  'values',
  'list',
  'embedded',
]);

/** A name's letters and digits, lower case: mailchimp's `signup_forms` is the page of `/signup-forms`. */
function letters(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** Operations on `/` itself: the HTTP method names them. */
function rootMethod(op: NamingFacts): string {
  return op.httpMethod === 'get' ? 'retrieve' : op.httpMethod === 'post' ? 'create' : op.httpMethod;
}

/**
 * A singular noun right below an item, written or deleted there alone (one method, nothing below it), is a method of
 * the item, as one read or posted there is (`files.content`): `PUT /assets/{id}/master-access` →
 * `assets.updateMasterAccess(id)`, `DELETE /customers/{id}/discount` → `customers.deleteDiscount(id)` (were
 * `assets.masterAccess.update`, `customers.discount.delete`), as Mux's and Stripe's SDKs and AWS's action names
 * (`UpdateStorage`) say them; a plural-looking noun read there as one object is read by its noun
 * (`GET /cards/{id}/details` → `cards.details(id)`, as Increase's SDK has it). A list there stays a resource
 * (`fineTuning.jobs.checkpoints.list`: openai-node folds half of its such lists, and nests the others). Not where the
 * noun also lives beside the item (`/clients/stats` beside `/clients/{type}/stats`), nor where it begins with the
 * verb already (`listindexes`).
 */
function foldedIntoItem(
  method: string,
  segments: readonly Segment[],
  statics: string[],
  index: PathIndex,
): InferredName | undefined {
  const last = segments.at(-1)!;
  const item = segments.at(-2);
  if (last.kind !== 'static' || last.custom || item?.kind !== 'param' || statics.length < 2)
    return undefined;
  if (index.hasDeeper(segments) || index.methodsAt(segments).size !== 1) return undefined;
  const noun = camelCase(statics.at(-1)!);
  const plural = isPlural(last.name);
  const folds =
    method === 'retrieve' ? plural : (method === 'update' || method === 'delete') && !plural;
  if (!noun || !folds || noun.toLowerCase().startsWith(method)) return undefined;
  if (index.hasChildNamed(withoutTrailingParams(segments.slice(0, -1)), noun)) return undefined;
  return {
    resource: names(statics.slice(0, -1)),
    method: method === 'retrieve' ? noun : camelCase(`${method} ${statics.at(-1)!}`),
    rule: 'action',
  };
}
