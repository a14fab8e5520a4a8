import { camelCase } from '../../text/case';
import type { HttpMethod } from '../types';

/**
 * One segment of a path template: a fixed name or a `{param}`. `custom` marks a last segment that is a call by how it
 * is written, whatever its words: a Google custom method after a colon (`/v3:logImpressions`), an OData function
 * call (`microsoft.graph.delta()`), the last part of a dotted RPC method name (`/chat.postMessage`).
 */
export type Segment =
  { kind: 'static'; name: string; custom?: true } | { kind: 'param'; name: string };

/**
 * A path segment that names an API version, not a resource: `v1`, `V1.0`, `3`, Google's `v1beta1`, `v2alpha`, and
 * AWS's and Azure's dates (`/2015-01-01/es/domain`).
 */
const VERSION = /^(v\d+(\.\d+)?((alpha|beta)\d*)?|v\{[^{}]*\}|\d{4}-\d{2}-\d{2}|\d+(\.\d+)?)$/i;

/**
 * Leading segments that say where an API lives, not what it holds (Jira's `/rest/api/3/issue`, selectpdf's `/api2`,
 * gamesparks' `/restv2`, `/api-v1.0`, Atlassian Fisheye's and Crucible's `/rest-service-fe/…`).
 */
const API_ROOT = /^(apis?|rest|rest[-_]services?([-_][a-z]+)?)([-_]?v?\d+(\.\d+)*)?$/i;

/**
 * A leading segment that says what format an API answers in (namsor's `/api2/json/gender/…`): dropped when every
 * path of the spec starts so. Where some do not (wmata's `/json/Incidents` beside the XML `/Incidents`), it tells
 * the twins apart and is kept.
 */
const FORMAT_ROOT = /^(json|xml)$/i;

/** A parameter that picks the answer's format, not an item: `{format}`, `{outputFormat}`, `{mediaTypeExtension}`. */
const FORMAT_PARAM = /^\{(\w*format|mediatypeextension)\}$/i;

/**
 * A format suffix on a segment (Twilio's `/Accounts/{AccountSid}/Calls/{Sid}.json`, TomTom's `/copyrights.{format}`,
 * channel4's feeds' `/brands/popular.atom`,
 * bufferapp's `/info/configuration{mediaTypeExtension}`), or a parameter glued to its end (walmart's
 * `/v3/orders{nextCursor}`): not part of its name.
 */
const FORMAT_SUFFIX = /(\.(json|xml|ya?ml|csv|atom|rss|\{[^{}]*\})|(?<=^[^{}]*\w)\{[^{}]*\})$/i;

/** What a spec's paths say about reading each of them (`PathIndex` finds it over all of them). */
export interface PathReading {
  /** The spec's leading format segment is dropped (`formatRootEverywhere`). */
  dropFormat: boolean;
  /** The namespaces of the spec's OData calls (`odataNamespaces`). */
  namespaces: ReadonlySet<string>;
  /** The spec's paths are RPC method names written with dots (`dottedMethodsEverywhere`). */
  dotted: boolean;
  /** Segments the operationIds spell as several words (`restapis` → `rest_apis`: `compoundSegments`). */
  compounds: ReadonlyMap<string, string>;
  /** A leading `apis` is a collection, not a mount (`apisCollection`). */
  apis: boolean;
  /** A trailing `json` segment says how an answer is written, not what it is (`jsonLeafIsFormat`). */
  jsonLeaf: boolean;
}

const PLAIN: PathReading = {
  dropFormat: false,
  namespaces: new Set(),
  dotted: false,
  compounds: new Map(),
  apis: false,
  jsonLeaf: false,
};

/**
 * `/v1/fine_tuning/jobs/{id}/events` → static fine_tuning, static jobs, param id, static events (versions and format
 * suffixes dropped; a leading format segment too, with `dropFormat`).
 */
export function parsePath(path: string, reading: PathReading = PLAIN): Segment[] {
  const { parts, call } = readParts(path, reading);
  if (reading.jsonLeaf && parts.length > 1 && JSON_LEAF.test(parts.at(-1)!)) parts.pop();
  const root = rootLength(parts, reading.dropFormat, reading.apis);
  return parts
    .slice(root)
    .map((s, i, all): Segment =>
      isParam(s)
        ? { kind: 'param', name: s.slice(1, -1) }
        : s === call && i === all.length - 1
          ? { kind: 'static', name: s, custom: true }
          : { kind: 'static', name: reading.compounds.get(s) ?? s },
    )
    .filter((s) => s.kind === 'param' || camelCase(s.name) !== '');
}

/**
 * The resource a server URL's path names last, after its versions (Vonage's `https://api.nexmo.com/v1/calls`:
 * `calls`, lambdatest's `/screenshots/v1`: `screenshots`); none where it ends in a mount (`/api/v2`), a format
 * or a template.
 */
export function mountNoun(baseURL: string): string | undefined {
  const last = pathParts(serverPath(baseURL)).at(-1);
  return last === undefined ||
    /[{}]/.test(last) ||
    API_ROOT.test(last) ||
    FORMAT_ROOT.test(last) ||
    camelCase(last) === ''
    ? undefined
    : last;
}

/** A server URL's path without its scheme, host and last `/`: `https://api.hubapi.com/crm/v3/` → `/crm/v3`. */
export function serverPath(baseURL: string): string {
  return baseURL.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
}

/**
 * A path as naming reads it under a server URL that names a resource (`mountNoun`): one that names none itself, all
 * parameters (`/{uuid}`) or the root, is read below it (`/calls/{uuid}`); so are the paths below those
 * (`/{uuid}/dtmf`), when any path is such. A spec with none keeps its paths (sportsdata's `/v3/nfl/stats` with
 * `/{format}/AllTeams` only: a leading parameter there is a setting of the whole API), and so does one whose only
 * such path is a format's (Vonage's `POST /{format}` under `/verify`, `verifyRequest`, is no item of `verify`).
 */
export function mountedPaths(paths: readonly string[], mount: string | undefined): string[] {
  if (mount === undefined) return [...paths];
  const bare = (path: string) =>
    pathSegments(path).every((s) => isParam(s) && !FORMAT_PARAM.test(s));
  if (!paths.some(bare)) return [...paths];
  return paths.map((path) => {
    const first = pathSegments(path)[0];
    if (first !== undefined && !isParam(first)) return path;
    return /^\/([?#]|$)/.test(path) ? `/${mount}${path.slice(1)}` : `/${mount}${path}`;
  });
}

/** A path's segments as text, without versions and format suffixes. */
function pathParts(path: string): string[] {
  return readParts(path, PLAIN).parts;
}

/**
 * A path's segments as text, without versions and format suffixes, OData names read and dotted method names split
 * as `reading` says; `call`: the last one's name when it is written as a call (`Segment.custom`).
 */
function readParts(path: string, reading: PathReading): { parts: string[]; call?: string } {
  const raw = pathSegments(path);
  const all = raw.flatMap(customMethod);
  const parts: string[] = [];
  all.forEach((s, i) => {
    if (!VERSION.test(s)) parts.push(s);
    // A mount the path names again after its version (HubSpot's `/events/v3/events`, `/files/v3/files`) is said
    // once: `events.list`, not `events.events.list`.
    else if (parts.length && !isParam(all[i + 1] ?? '{}') && parts.at(-1) === all[i + 1])
      parts.pop();
  });
  const named = parts.map(
    (s) =>
      odata(s, reading.namespaces)?.name ??
      s.replace(FORMAT_SUFFIX, '').replace(PARAM_EXTENSION, '$1'),
  );
  const split = (
    reading.dotted ? named.flatMap((s) => (DOTTED.test(s) ? s.split('.') : [s])) : named
  ).filter((s) => s);
  const last = raw.at(-1) ?? '';
  const call =
    reading.dotted && DOTTED.test(named.at(-1) ?? '')
      ? split.at(-1)
      : (customMethod(last)[1] ?? odata(last, reading.namespaces)?.call);
  return { parts: split, call };
}

/**
 * An RPC method name written with dots, as a path of its own: Slack's `/chat.postMessage` and `/admin.apps.approve`,
 * musixmatch's `/album.tracks.get`, api2cart's `/account.cart.add.json`. Where most of a spec's paths are one, each is
 * read as its parts, the last a call (`chat.postMessage()`, `album.tracks.get()`, as Slack's own SDK names them);
 * they were one resource each (`chatPostMessage.create`).
 */
const DOTTED = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/;

/** True when most paths (after their root) are one dotted method name (`DOTTED`). */
export function dottedMethodsEverywhere(paths: readonly string[]): boolean {
  const dotted = paths.filter((path) => {
    const parts = pathParts(path);
    return parts.length - rootLength(parts, false) === 1 && DOTTED.test(parts.at(-1)!);
  });
  return paths.length > 0 && dotted.length * 2 > paths.length;
}

/**
 * An OData operation or type cast, qualified by its namespace (Microsoft Graph's `microsoft.graph.delta()`,
 * `microsoft.graph.image(width={width},height={height})`, the cast `microsoft.graph.group`): its own name with its
 * parameters' names, as Kiota names overloads (`image`, `imageWithWidthWithHeight`), not the namespace's words
 * (`microsoftGraphImageWidthWidthHeightHeight`). A function call is written with parentheses; a name without them is
 * read so only in a namespace the spec's calls use: Slack's `/admin.apps.approve`, Azure's
 * `/providers/Microsoft.KeyVault.Admin` and `/assets.cisco.csv` are no OData. `call`: the name again for a call,
 * which is a call by how it is written, as a Google custom method is.
 */
function odata(
  segment: string,
  namespaces: ReadonlySet<string>,
): { name: string; call: string | undefined } | undefined {
  const found = ODATA.exec(segment);
  if (!found) return undefined;
  const [, namespace, own, args] = found;
  if (args === undefined && !namespaces.has(namespace!)) return undefined;
  // A function named as OData's own segments (`$count`, `$value`, `$ref`) keeps its namespace: Excel's
  // `microsoft.graph.count()` stands beside the `$count` of the same collection (an action, `POST …/functions/
  // microsoft.graph.count`, has none beside it).
  if (args !== undefined && /^(count|value|ref)$/i.test(own!)) return undefined;
  const keys = args
    ?.split(',')
    .map((a) => a.split('=')[0]!.trim())
    .filter((k) => /^[A-Za-z_]\w*$/.test(k));
  const name = own! + (keys ?? []).map((k) => `With${k[0]!.toUpperCase()}${k.slice(1)}`).join('');
  return { name, call: args === undefined ? undefined : name };
}

const ODATA = /^((?:[A-Za-z_]\w*\.)+)([A-Za-z_]\w*)(?:\(([^()]*)\))?$/;

/** The namespaces of the OData calls (`microsoft.graph.` of `microsoft.graph.delta()`) among the paths' segments. */
export function odataNamespaces(paths: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const path of paths)
    for (const segment of pathSegments(path)) {
      const call = ODATA.exec(segment);
      if (call?.[3] !== undefined) found.add(call[1]!);
    }
  return found;
}

/**
 * Google's custom methods, written after a colon (`/v1/{parent}/messages:send`, `/v1/{resource}:setIamPolicy`), are
 * segments of their own, which the action rules name (`messages.send`); they were glued on (`messagesSend.create`).
 * An Express-style `:id` has nothing before its colon.
 */
function customMethod(segment: string): [string] | [string, string] {
  const found = /^(.+):([a-z][A-Za-z0-9]*)$/.exec(segment);
  return found ? [found[1]!, found[2]!] : [segment];
}

/** A file extension after a parameter (openaq's `/tiles/{z}/{x}/{y}.pbf`): the parameter names the segment. */
const PARAM_EXTENSION = /^(\{[^{}]*\})\.[A-Za-z0-9]{2,4}$/;

/** A path without its query, fragment and versions: `/apis/apps/v1/` and `/apis/apps/` are both `apis/apps`. */
export function withoutVersions(path: string): string {
  return pathSegments(path)
    .filter((s) => !VERSION.test(s))
    .join('/');
}

/** A path's segments as written: what follows `?` or `#` is no path (APIs.guru writes AWS's actions there). */
export function pathSegments(path: string): string[] {
  return path
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean);
}

/** How many leading segments say where the API lives (and, with `dropFormat`, its format), not what it holds. */
function rootLength(parts: string[], dropFormat: boolean, apis = false): number {
  // A leading parameter is a setting of the whole API (`/{format}/Areas`, `/{dialect}/api/where/…`), not an item.
  let root = 0;
  while (
    root < parts.length - 1 &&
    ((API_ROOT.test(parts[root]!) && !(apis && /^apis$/i.test(parts[root]!))) ||
      isParam(parts[root]!) ||
      (dropFormat && FORMAT_ROOT.test(parts[root]!)))
  )
    root++;
  return root;
}

/**
 * True when some path's first segment is `apis` with a parameter after it (swaggerhub's and Postman's
 * `/apis/{owner}/{api}`, `/apis/{apiId}`): there `apis` is a collection of the API's, kept (`apis.comments.list`),
 * where it was dropped as a mount with the parameters after it (`comments.list`).
 */
export function apisCollection(paths: readonly string[]): boolean {
  return paths.some((path) => {
    const [first, second] = pathSegments(path);
    return /^apis$/i.test(first ?? '') && isParam(second ?? '');
  });
}

/** True when every path starts (after its root) with a format segment, which then tells none of them apart. */
export function formatRootEverywhere(paths: string[]): boolean {
  return (
    paths.length > 0 &&
    paths.every((path) => {
      const parts = pathParts(path);
      const root = rootLength(parts, false);
      return root < parts.length - 1 && FORMAT_ROOT.test(parts[root]!);
    })
  );
}

const JSON_LEAF = /^json$/i;

/** Last segments that name a format (a sibling of a `json` one that is then no format of the whole API's). */
const FORMAT_LEAF = /^(xml|csv|tsv|ya?ml|html?|te?xt|geojson|jsonl|ndjson|pdf|rss|atom|protobuf)$/i;

/**
 * True when every path that ends in a `json` segment does so below a place with no call of its method and no sibling
 * that names another format: Docker's `GET /containers/json` lists containers and `/containers/{id}/json` inspects
 * one (`containers.list`, `containers.retrieve`, were `containers.json.list` and `containers.json`). Where a sibling
 * names another format (opendatasoft's `/exports/json` beside `/exports/csv`), the place above has a call of the same
 * method (evemarketer's `GET /marketstat`, presalytics' `POST /file` beside `POST /file/json`, which takes the file as
 * base64 JSON), or the segment is the path's only one (httpbin's `/json`), it names the call.
 */
export function jsonLeafIsFormat(
  ops: readonly { path: string; httpMethod: HttpMethod }[],
): boolean {
  const parts = ops.map((op) => pathParts(op.path));
  const key = (p: readonly string[]) => p.join('/').toLowerCase();
  const calls = new Set(parts.map((p, i) => `${ops[i]!.httpMethod} ${key(p)}`));
  const leaves = new Set(
    parts
      .filter((p) => p.length > 1 && FORMAT_LEAF.test(p.at(-1)!))
      .map((p) => key(p.slice(0, -1))),
  );
  const json = parts.flatMap((p, i) =>
    p.length > 0 && JSON_LEAF.test(p.at(-1)!)
      ? [{ parent: p.slice(0, -1), method: ops[i]!.httpMethod }]
      : [],
  );
  return (
    json.length > 0 &&
    json.every(
      ({ parent, method }) =>
        parent.length > 0 && !calls.has(`${method} ${key(parent)}`) && !leaves.has(key(parent)),
    )
  );
}

/** A whole segment that is a `{parameter}`. */
export function isParam(segment: string): boolean {
  return /^\{.*\}$/.test(segment);
}

/** A path's shape with parameters blanked: `/jobs/{}/events`, the key operations at one place share. */
export function shapeOf(segments: readonly Segment[]): string {
  return '/' + segments.map((s) => (s.kind === 'param' ? '{}' : s.name)).join('/');
}

/** What the whole spec says about each place in its path tree: which methods live there, and whether anything lives below. */
export class PathIndex {
  private readonly methods = new Map<string, Set<HttpMethod>>();
  private readonly prefixes = new Set<string>();
  /** The places one segment below each place, by their shapes. */
  private readonly children = new Map<string, Set<string>>();
  /** The static runs that lead to a `{param}` in some path (`organization/projects` in `/organization/projects/{id}`). */
  private readonly runsBeforeParam = new Set<string>();
  /** How many item paths below each place (only parameters after it) have a GET that answers a list. */
  private readonly listingItems = new Map<string, number>();
  /** The places some operation's path continues below with parameters only (`/profiles` of `/profiles/{a}/{b}`). */
  private readonly itemPlaces = new Set<string>();
  /** The places whose GET answers a list. */
  private readonly listingPlaces = new Set<string>();
  /** The names the last parameter of the paths at each place that ends in one has (`{id}`, `{resourceId}`). */
  private readonly lastParams = new Map<string, Set<string>>();

  /** What the spec's paths say about reading each (format root, OData namespaces, dotted method names). */
  private readonly reading: PathReading;
  /** Each path's segments, parsed once: the index, the clash ranks and the inference all read them. */
  private readonly parsed = new Map<string, readonly Segment[]>();

  /**
   * `lists[i]`: whether `ops[i]` is a GET that answers a list (an array, or a page); `compounds`: segments read as
   * several words (`compoundSegments`).
   */
  constructor(
    ops: { path: string; httpMethod: HttpMethod }[],
    lists: readonly boolean[] = [],
    compounds: ReadonlyMap<string, string> = new Map(),
  ) {
    const paths = ops.map((op) => op.path);
    this.reading = {
      dropFormat: formatRootEverywhere(paths),
      namespaces: odataNamespaces(paths),
      dotted: dottedMethodsEverywhere(paths),
      compounds,
      apis: apisCollection(paths),
      jsonLeaf: jsonLeafIsFormat(ops),
    };
    for (const [i, op] of ops.entries()) {
      const segments = this.parse(op.path);
      const last = segments.at(-1);
      if (last?.kind === 'param') {
        const names = this.lastParams.get(shapeOf(segments)) ?? new Set();
        this.lastParams.set(shapeOf(segments), names.add(last.name));
        const place = shapeOf(withoutTrailingParams(segments));
        this.itemPlaces.add(place);
        if (lists[i]) this.listingItems.set(place, (this.listingItems.get(place) ?? 0) + 1);
      }
      const shape = shapeOf(segments);
      if (lists[i]) this.listingPlaces.add(shape);
      this.methods.set(shape, new Set([...(this.methods.get(shape) ?? []), op.httpMethod]));
      for (let i = 1; i < segments.length; i++) this.prefixes.add(shapeOf(segments.slice(0, i)));
      for (let i = 0; i < segments.length; i++) {
        const parent = shapeOf(segments.slice(0, i));
        const children = this.children.get(parent) ?? new Set();
        children.add(shapeOf(segments.slice(0, i + 1)));
        this.children.set(parent, children);
      }
      const run = leadingStatics(segments);
      if (segments[run.length]?.kind === 'param') this.runsBeforeParam.add(run.join('/'));
    }
  }

  /** A path of this spec as segments (`parsePath`, with the spec-wide choice of format segments). */
  parse(path: string): readonly Segment[] {
    let segments = this.parsed.get(path);
    if (!segments) this.parsed.set(path, (segments = parsePath(path, this.reading)));
    return segments;
  }

  /** The HTTP methods of the operations at exactly this place. */
  methodsAt(segments: readonly Segment[]): Set<HttpMethod> {
    return this.methods.get(shapeOf(segments)) ?? new Set();
  }

  /** The names of the last parameter of the paths at this place (none where it ends in a static segment). */
  lastParamNames(segments: readonly Segment[]): ReadonlySet<string> {
    return this.lastParams.get(shapeOf(segments)) ?? new Set();
  }

  /** How many item paths below this place (only parameters after it) have a GET that answers a list. */
  listingItemsBelow(segments: readonly Segment[]): number {
    return this.listingItems.get(shapeOf(segments)) ?? 0;
  }

  /** Whether the GET at exactly this place answers a list. */
  listsAt(segments: readonly Segment[]): boolean {
    return this.listingPlaces.has(shapeOf(segments));
  }

  /** Whether some operation's path continues below this place with parameters only (its items, however keyed). */
  hasItemsBelow(segments: readonly Segment[]): boolean {
    return this.itemPlaces.has(shapeOf(segments));
  }

  /** Whether a static segment of this name (as `camelCase` writes it) lies one segment below this place. */
  hasChildNamed(segments: readonly Segment[], name: string): boolean {
    const prefix = shapeOf(segments);
    const start = prefix === '/' ? 1 : prefix.length + 1;
    for (const child of this.children.get(prefix) ?? [])
      if (camelCase(child.slice(start)) === name && child.slice(start) !== '{}') return true;
    return false;
  }

  /** How many places lie one segment below this one (a parameter is one place, whatever its name). */
  childCount(segments: readonly Segment[]): number {
    return this.children.get(shapeOf(segments))?.size ?? 0;
  }

  /** True when some operation's path continues below this place. */
  hasDeeper(segments: readonly Segment[]): boolean {
    return this.prefixes.has(shapeOf(segments));
  }

  /**
   * A path that starts at an item whose collection lives deeper elsewhere (`/projects/{id}/roles`, when the
   * projects are `/organization/projects` and nothing is at `/projects`) belongs under that collection:
   * returns the static segments to put in front (`['organization']`), when exactly one place fits.
   */
  hoistFor(segments: readonly Segment[]): string[] {
    const run = leadingStatics(segments);
    if (!run.length || segments[run.length]?.kind !== 'param') return [];
    const here = segments.slice(0, run.length);
    if (
      this.methods.has(shapeOf(here)) ||
      this.methods.has(shapeOf(segments.slice(0, run.length + 1)))
    )
      return [];
    const tail = '/' + run.join('/');
    const homes = [...this.runsBeforeParam]
      .map((r) => '/' + r)
      .filter((r) => r.endsWith(tail) && r.length > tail.length)
      .sort();
    // The home holds operations of its own, at the collection or an item (OpenAI's `/organization/projects`): one
    // deeper path does not make it home (paylocity's one `/weblinkstaging/companies/{id}/…` beside its
    // `/companies/{id}/…`, which put `weblinkstaging` in front of 28 of its 30 methods).
    const home = homes.length === 1 ? homes[0]! : undefined;
    return home && (this.methods.has(home) || this.methods.has(`${home}/{}`))
      ? home.slice(1, -tail.length).split('/')
      : [];
  }
}

/** A path's segments up to its last static one: `/movies/{id}/comments/{sort}` → `/movies/{id}/comments`. */
export function withoutTrailingParams(segments: readonly Segment[]): Segment[] {
  let at = segments.length;
  while (at > 0 && segments[at - 1]!.kind === 'param') at--;
  return segments.slice(0, at);
}

/** The place one parameter below: `/flags/{projectKey}` → `/flags/{projectKey}/{}`, where its items are keyed. */
export function oneParamBelow(segments: readonly Segment[]): Segment[] {
  return [...segments, { kind: 'param', name: '' }];
}

function leadingStatics(segments: readonly Segment[]): string[] {
  const run: string[] = [];
  for (const s of segments) {
    if (s.kind !== 'static') break;
    run.push(s.name);
  }
  return run;
}
