import { singular } from '../../text/inflect';
import { words } from '../../text/case';
import { isParam, pathSegments } from './path-shape';
import { leadingVerb, VERBS } from './verbs';

/** What an operationId says, read as evidence: its namespace, its words without it, and its verb. */
export interface OperationIdEvidence {
  /** The namespace written before `/`, `.` or `:` (`actions/add-…`, `Pets.list`), as words. */
  namespace: string[] | undefined;
  /** The words after any namespace and any prefix that repeats the resource or a tag. */
  words: string[];
  /** The leading verb (`cancel` in `cancelFineTuningJob`), when it is one. */
  verb: string | undefined;
  /** Whether the verb is the id's first word (after its namespace), not one found after a dropped prefix. */
  verbLeads: boolean;
}

/**
 * An operationId that is a key rather than a name: a number, or hex digits (Azure API Management's exports give
 * every operation a 24-digit ObjectId, `58d8bcb7a9e6240e200cff24`) or a UUID. Naming reads it as no operationId.
 */
export function isKeyOperationId(operationId: string): boolean {
  return /^\d+$/.test(operationId) || /^(?=.*\d)[0-9a-f]{8,}(-[0-9a-f]+)*$/i.test(operationId);
}

/**
 * An operationId that is only its route, the form `routeName` reads, in snake case of three words or more
 * (`api_monitor_id_put` for `PUT /api/monitor/{id}`), or its method, a dash and its path as written (HubSpot's
 * `get-/crm/v3/extensions/cards/{appId}`, whose other ids go on with a name, `…/events/_getPage`): it says nothing the
 * path and method do not, and naming reads it as no operationId (its clash fallbacks were `apiMonitorIdPut`). Two
 * words may be a group and its call (`users_get`).
 */
export function restatesPath(operationId: string, path: string, httpMethod: string): boolean {
  return (
    (/^[a-z0-9]+(_[a-z0-9]+){2,}$/.test(operationId) &&
      routeName(operationId, path, httpMethod) === '') ||
    operationId.toLowerCase() === `${httpMethod}-${path}`.toLowerCase() ||
    restatesItemPath(operationId, path, httpMethod)
  );
}

/**
 * An operationId that spells its method and then its path, each parameter by its name or as `id`, in any case and
 * with any separators: Adyen's `patch-merchants-merchantId-splitConfigurations-splitConfigurationId`, box's
 * `get_files_id_metadata_id_id` for `GET /files/{file_id}/metadata/{scope}/{template_key}`, EVE's
 * `get_alliances_alliance_id`. Read as a name, it names a call by where it is sent; only a clash's fallback reads it
 * as no operationId (`getByScopeAndTemplateKey`, was `getIdMetadataIdId`): elsewhere its words still help name
 * the call (docs/naming.md).
 */
export function restatesRoute(operationId: string, path: string, httpMethod: string): boolean {
  const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const text = letters(operationId);
  // The places in `text` each segment can end at: a set, not a backtracking search (`{id}/{idx}/…` reads two ways).
  let at = new Set(text.startsWith(letters(httpMethod)) ? [letters(httpMethod).length] : []);
  for (const segment of pathSegments(path)) {
    const spellings = isParam(segment) ? ['id', letters(segment)] : [letters(segment)];
    at = new Set(
      [...at].flatMap((i) =>
        spellings.filter((s) => text.startsWith(s, i)).map((s) => i + s.length),
      ),
    );
  }
  return at.has(text.length);
}

/**
 * The camel-case form of the same, on an item: the method, then the path's words with each parameter written `Id`
 * (mailchimp's `putListsIdMembersId` for `PUT /lists/{list_id}/members/{subscriber_hash}`; its PUT and PATCH pairs
 * fell back to these ids), in Pascal case too (InfluxDB's `PutChecksID`, whose pairs fell back to their paths). Only
 * with a parameter written so: Stripe's `GetCustomersCustomer` names its parameter.
 */
function restatesItemPath(operationId: string, path: string, httpMethod: string): boolean {
  const segments = pathSegments(path);
  if (!/^[A-Za-z][a-z]*[A-Z][A-Za-z0-9]*$/.test(operationId) || !segments.some(isParam))
    return false;
  const route = segments
    .map((s) => (isParam(s) ? 'id' : s.replace(/[^A-Za-z0-9]/g, '').toLowerCase()))
    .join('');
  return operationId.toLowerCase() === httpMethod.toLowerCase() + route;
}

/** An operationId without the route FastAPI appends to a function's name (`read_item`); the id as it is otherwise. */
export function withoutRouteSuffix(operationId: string, path: string, httpMethod: string): string {
  return routeName(operationId, path, httpMethod) || operationId;
}

/**
 * The function's name in an operationId of FastAPI's form: the name, then the route, that is the path with each
 * character that is no letter or digit written `_`, and the method in lower case (`read_item_items__item_id__get`
 * for `GET /items/{item_id}`); `''` for the route alone; undefined for an id of another form (Azure's `Home_Get` for
 * `GET /`, a group and its call; octokit's `rate-limit/get`).
 */
function routeName(operationId: string, path: string, httpMethod: string): string | undefined {
  if (!operationId.endsWith(`_${httpMethod}`)) return undefined;
  const route = [...path.replace(/[?#].*$/, '').split(/[^A-Za-z0-9]+/), httpMethod].filter(Boolean);
  const found = new RegExp(`^(?:([A-Za-z0-9]\\w*?)_+)?${route.join('_+')}$`, 'i').exec(operationId);
  return found ? (found[1] ?? '') : undefined;
}

/**
 * AWS's query APIs, as APIs.guru writes them, give each action twice, `GET_AttachInstances` and
 * `POST_AttachInstances` at `/#Action=AttachInstances`: the action is the name (`attachInstances`, the call AWS's SDKs
 * make, by POST), and a GET beside a POST of the same action keeps its method (`getAttachInstances`), as they were
 * both named (`postAttachInstances`). `posted`: the actions some POST's id names so. Zuora writes the method
 * capitalized (`Patch_PartialUpdateCustomObjectRecord`, `Delete_CustomObjectRecordByID`): the same prefix.
 */
export function withoutMethodPrefix(
  operationId: string,
  httpMethod: string,
  posted: ReadonlySet<string>,
): string {
  const found = METHOD_PREFIX.exec(operationId);
  if (!found || found[1]!.toUpperCase() !== httpMethod.toUpperCase()) return operationId;
  return httpMethod === 'post' || !posted.has(found[2]!) ? found[2]! : operationId;
}

/** `GET_AttachInstances`, `Patch_PartialUpdate…`: an HTTP method in capitals or capitalized, then the action. */
export const METHOD_PREFIX =
  /^(GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete)_([A-Z][A-Za-z0-9]*)$/;

/**
 * An operationId without the suffix springfox adds, which repeats the HTTP method: `getRegionOptionsUsingGET` →
 * `getRegionOptions`. The number springfox adds to a second method of that name stays (`findCitiesUsingGET_1` →
 * `findCities_1`): without it, two operationIds would be one, which names neither.
 */
export function withoutMethodSuffix(operationId: string, httpMethod: string): string {
  const found = /^(.+?)Using([A-Z]+)(_\d+)?$/.exec(operationId);
  return found && found[2] === httpMethod.toUpperCase()
    ? found[1]! + (found[3] ?? '')
    : operationId;
}

/**
 * Reads an operationId as evidence, not as a name. A namespace (`actions/…`, `Pets.list`) and a leading prefix
 * that repeats a tag or one of the path's segments (`users_get`, `admin-api-keys-list`, `usage-costs`) are
 * dropped from its words; what remains gives the verb.
 */
export function readOperationId(
  operationId: string | undefined,
  context: { tags: string[]; segments: string[] },
  /** Drop one prefix after another (a fallback name), not only the longest at the start (the evidence). */
  everyPrefix = false,
): OperationIdEvidence {
  if (operationId === undefined)
    return { namespace: undefined, words: [], verb: undefined, verbLeads: false };
  const split = /^(.+)[/.:]([^/.:]+)$/.exec(operationId);
  const namespace = split ? words(split[1]!) : undefined;
  const all = words(split ? split[2]! : operationId);
  let rest = all;
  const prefixes = [...context.tags, ...context.segments]
    .map((p) => words(p))
    .filter((p) => p.length > 0)
    // Longest first, so `admin-api-keys-list` drops `admin api keys`, not just `admin`.
    .sort((a, b) => b.length - a.length || (a.join(' ') < b.join(' ') ? -1 : 1));
  for (let found = true; found; found = everyPrefix) {
    const prefix = prefixes.find((p) => rest.length > p.length && startsWithWords(rest, p));
    if (!prefix) break;
    rest = rest.slice(prefix.length);
  }
  const first = rest[0];
  const verb =
    first === undefined
      ? undefined
      : VERBS.has(first)
        ? first
        : rest.length === 1
          ? leadingVerb(first)
          : undefined;
  return { namespace, words: rest, verb, verbLeads: verb !== undefined && rest === all };
}

/** True when `text` begins with the words of `prefix`, a plural prefix matching its singular too. */
function startsWithWords(text: string[], prefix: string[]): boolean {
  return prefix.every((w, i) => {
    const t = text[i];
    return t !== undefined && (t === w || singular(t) === singular(w));
  });
}

/**
 * Whether the operationId names a plain call on the segment as a collection: its words, then a CRUD word (Apple's
 * `apps-builds-get_to_many_related` at `/apps/{id}/builds`, after the `apps` prefix: `builds get …`).
 */
export function operationIdCallsOn(evidence: OperationIdEvidence, segment: string): boolean {
  const seg = words(segment);
  const next = evidence.words[seg.length];
  // `list` ends a name (DRF's `materials_list`); before more words it is a noun (beezup's `…OrderInfoListV3`).
  const last = seg.length === evidence.words.length - 1;
  return (
    startsWithWords(evidence.words, seg) &&
    next !== undefined &&
    CRUD_WORDS.has(next) &&
    (next !== 'list' || last)
  );
}

const CRUD_WORDS = new Set([
  'get',
  'list',
  'create',
  'retrieve',
  'update',
  'replace',
  'delete',
  'post',
  'put',
  'patch',
]);

/** True when the operationId (after its namespace) begins with the words of a path segment, or, written as one word, with the segment itself. */
export function operationIdStartsWith(evidence: OperationIdEvidence, segment: string): boolean {
  const seg = words(segment);
  if (!seg.length || !evidence.words.length) return false;
  if (startsWithWords(evidence.words, seg.slice(0, 1))) return true;
  return (
    evidence.words.length === 1 &&
    evidence.words[0]!.startsWith(seg[0]!) &&
    evidence.words[0]!.length > seg[0]!.length + 2
  );
}

/**
 * An operationId that is its operation's summary with the spaces taken out (VTEX's
 * `Updateemailanddescriptionofaaccount` for "Update email and description of a account") has the summary's word
 * breaks: `update_email_and_description_of_a_account`. Any other id is kept as it is.
 */
export function spacedBySummary(operationId: string, summary: unknown): string {
  if (typeof summary !== 'string') return operationId;
  // Letters of any script count, so a summary with one the id lacks (`Créer un compte`) is not its id.
  const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  // An acronym's plural is one word (`listFailedIPNs`: `ipns`, not `words`' `ip ns`).
  const spaced = words(summary.replace(/([A-Z]{2,})s(?![a-z])/g, '$1S'));
  return letters(operationId) === letters(summary) && spaced.length > words(operationId).length
    ? spaced.join('_')
    : operationId;
}
