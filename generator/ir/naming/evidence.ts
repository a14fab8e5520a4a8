import { childPointer } from '../../load/pointer';
import { camelCase } from '../../text/case';
import { singular } from '../../text/inflect';
import { fileNamed, report, type IrContext } from '../context';
import { HTTP_METHODS } from '../types';
import { VERBS } from './verbs';

/** Where a name came from, strongest first (docs/naming.md). */
export type NameSource =
  | 'x-clientgen'
  | 'config'
  | 'lock'
  | 'x-speakeasy'
  | 'x-fern'
  | 'operationId-namespace'
  | 'inferred'
  | 'operationId'
  // An operation without an operationId that lost a clash: its method and what its path says.
  | 'path';

/** A resource or method name that some evidence gives, with its source. */
export interface Given<T> {
  value: T;
  source: NameSource;
}

interface OperationAt {
  pointer: string;
  file: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `x-clientgen-resource` / `x-clientgen-method`: our own extensions, validated as identifiers (a mistake is an
 * error, never escaped into code that happens to compile).
 */
export function readClientgenExtensions(
  ctx: IrContext,
  raw: Record<string, unknown>,
  op: OperationAt,
): { resource?: Given<string[]>; method?: Given<string> } {
  const resource = identifierList(ctx, raw['x-clientgen-resource'], op, 'x-clientgen-resource');
  const method = identifierList(ctx, raw['x-clientgen-method'], op, 'x-clientgen-method')?.join('');
  return {
    ...(resource ? { resource: { value: resource, source: 'x-clientgen' } } : {}),
    ...(method !== undefined ? { method: { value: method, source: 'x-clientgen' } } : {}),
  };
}

/**
 * The names other generators' users already wrote: `x-speakeasy-group` (dotted) with
 * `x-speakeasy-name-override`, and `x-fern-sdk-group-name` (a string or a list) with `x-fern-sdk-method-name`.
 * They were written for another tool, so they are camelCased; a value that gives no name is a warning.
 */
export function readVendorExtensions(
  ctx: IrContext,
  raw: Record<string, unknown>,
  op: OperationAt,
): { resource?: Given<string[]>; method?: Given<string> } {
  const result: { resource?: Given<string[]>; method?: Given<string> } = {};
  const vendors = [
    { source: 'x-fern', group: 'x-fern-sdk-group-name', method: 'x-fern-sdk-method-name' },
    { source: 'x-speakeasy', group: 'x-speakeasy-group', method: 'x-speakeasy-name-override' },
  ] as const;
  for (const v of vendors) {
    const group = raw[v.group];
    if (group !== undefined) {
      const parts = (
        Array.isArray(group) ? group : typeof group === 'string' ? group.split('.') : [null]
      ).map((p) => (typeof p === 'string' ? camelCase(p) : ''));
      if (parts.length && parts.every((p) => IDENTIFIER.test(p)))
        result.resource = { value: parts, source: v.source };
      else warnUnusable(ctx, op, v.group, group);
    }
    const method = raw[v.method];
    if (method !== undefined) {
      const name = typeof method === 'string' ? camelCase(method) : '';
      if (IDENTIFIER.test(name)) result.method = { value: name, source: v.source };
      else warnUnusable(ctx, op, v.method, method);
    }
  }
  return result;
}

function warnUnusable(ctx: IrContext, op: OperationAt, key: string, value: unknown): void {
  report(
    ctx,
    { file: fileNamed(ctx, op.file), pointer: childPointer(op.pointer, key) },
    'invalid-extension',
    `${key} gives no name (expected ${key.includes('group') ? 'a dotted name or a list of names' : 'a name'}, found ${JSON.stringify(value)}); the name is inferred instead`,
    'warning',
  );
}

/**
 * A grouped id's resource, and its method unless the id's action only repeats the HTTP method (`Analyze_Post`);
 * `action`, where an action of the method and the group's noun was left for inference (`getActivities`): the name to
 * fall back to; `restates`, where the action is only a method (`Conversions_Put` on a POST says nothing of the call).
 */
type Grouped = {
  resource: Given<string[]>;
  method?: Given<string>;
  action?: string;
  /** The HTTP method the action is, as written (`Conversions_Put`: `put`), where it is left for inference. */
  restates?: string;
};

/** What a grouped id's reader needs of its operation: the names its action may end with (`GetByIdPlanid`). */
export interface GroupedOperation {
  /** The path and query parameters' names. */
  parameters: readonly string[];
  /** The path parameters' names. */
  pathParameters: readonly string[];
  hasBody: boolean;
}

/** `actions/add-custom-labels`: GitHub's namespaced ids, for octokit. */
const NAMESPACED = /^([^/]+)\/([^/]+)$/;
/** `composer.projects.locations.create`: Google's discovery ids, a service, resources and a method. */
const DOTTED = /^[A-Za-z]\w*(\.[A-Za-z]\w*){2,}$/;
/** `VirtualMachines_CreateOrUpdate`: Azure's ids (AutoRest's operation groups), and ASP.NET's `Controller_Action`. */
const UNDERSCORED = /^([A-Za-z][A-Za-z0-9]*)_([A-Za-z][A-Za-z0-9]*)$/;

type Reader = (operationId: string, op?: GroupedOperation) => Grouped | undefined;

/**
 * How a spec's operationIds state its SDK grouping, when most of them do (at least two), each style read as the SDKs
 * of its kind read it:
 * - namespaced with `/`: `actions/add-custom-labels` → resource `actions`, method `addCustomLabels` (octokit);
 * - Google's dotted ids, all beginning with one service name, which is dropped:
 *   `composer.projects.locations.environments.create` → resource `projects.locations.environments`, method `create`;
 * - a group and an operation joined by `_`, the group not all lower case (`list_pets` is snake case; once most ids
 *   are such, a one-word group that is no verb is one too) and not an HTTP method: `VirtualMachines_CreateOrUpdate`
 *   → resource `virtualMachines`, method `createOrUpdate` (Azure's SDKs);
 *   ASP.NET's `ReportingController_…` drops `Controller`, and Swashbuckle's `By` and the parameters' names after
 *   the action (`Goals_GetByIdPlanid` → `get`); an action that is only an HTTP method (`Analyze_Post`, `Clients_Put`,
 *   and such a `Get`, but not Azure's `Disks_Get` or `Pool_Patch`) gives the resource, and the method is inferred
 *   (`create`, `update`, `retrieve`).
 * The reader of one id (undefined for an id in no such form: its name is inferred), or undefined when the ids state
 * no grouping. `autorest`: the operations carry AutoRest's `x-ms-` extensions (Azure's specs).
 */
export function operationIdGrouping(
  operationIds: (string | undefined)[],
  autorest = false,
): ((operationId: string | undefined, op?: GroupedOperation) => Grouped | undefined) | undefined {
  const given = operationIds.filter((id): id is string => id !== undefined);
  const most = (read: Reader): boolean => {
    const count = given.filter((id) => read(id) !== undefined).length;
    return count >= 2 && count * 2 > operationIds.length;
  };
  // Google's dotted ids count only when all of them begin with one service name.
  const dotted = given.filter((id) => DOTTED.test(id));
  const service = dotted[0] && `${dotted[0].split('.')[0]!}.`;
  const oneService = service !== undefined && dotted.every((id) => id.startsWith(service));
  const styles: Reader[] = [
    (id) => {
      const match = NAMESPACED.exec(id);
      return match ? grouped(match[1]!.split('.'), match[2]!) : undefined;
    },
    (id) => {
      if (!oneService || !DOTTED.test(id)) return undefined;
      const parts = id.split('.').slice(1);
      const method = parts.pop()!;
      return grouped(parts, method);
    },
    underscored(false),
  ];
  let style = styles.find(most);
  // Once most ids are `Group_Operation`, a one-word group is one too (appcenter's `crashes_list` beside
  // `crashGroups_list`), unless it is a verb; and in a spec written for AutoRest an id with no group is a call of the
  // client itself, as AutoRest makes it (Azure CDN's `CheckNameAvailability`: `client.checkNameAvailability()`, which
  // inference named `subscriptions.providers.microsoftCdn.checkNameAvailability`). Not in ASP.NET's (visma's
  // `getAllSubscriptions` is `resources.subscription.list`, inferred).
  if (style === styles[2]) {
    const byGroup = underscored(true, autorest);
    style = autorest ? (id, op) => byGroup(id, op) ?? ungrouped(id) : byGroup;
    // A group per operation names the operation, not a resource: shinobi's 57 ids in 57 groups (`AddActor_AddActor`,
    // `Awards_Get`) and aviationdata's 6 in 6 (`AirportIATA_AirportIATASearch`) read as `addActor.addActor` and
    // `awards.get`; their paths say more (`api.addActor`, `awards.byYear`).
    if (!autorest && onePerGroup(given.map((id) => style!(id)))) return undefined;
  }
  return style && ((id, op) => (id === undefined ? undefined : style(id, op)));
}

/**
 * Whether at least four groups are read and each holds one operation: fewer say little (Azure's three-operation
 * `applicationinsights-eaSubscriptionMigration` keeps its groups, as its SDK does).
 */
function onePerGroup(read: (Grouped | undefined)[]): boolean {
  const counts = new Map<string, number>();
  for (const r of read) {
    const key = r?.resource.value.join('.');
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size >= 4 && [...counts.values()].every((n) => n === 1);
}

/**
 * The reader of `Group_Operation` ids; a group all lower case (`list_pets` is snake case) only with `oneWord`.
 * `autorest`: the spec is written for AutoRest, whose ids are its SDKs' names as they are.
 */
function underscored(oneWord: boolean, autorest = false): Reader {
  return (id, op) => {
    const match = UNDERSCORED.exec(id);
    const group = match?.[1];
    // An HTTP method is no group: AWS's query APIs write `GET_AssumeRole` and `POST_AssumeRole`.
    if (!group || isHttpMethod(group)) return undefined;
    if (!/[A-Z]/.test(group) && !(oneWord && /^[a-z]+$/.test(group) && !VERBS.has(group)))
      return undefined;
    const action = withoutNamesOf(match[2]!, op);
    const controller = group.replace(/(?<=.)Controller$/, '');
    const read = grouped([controller], action);
    // `Analyze_Post`, `Clients_Put` and Swashbuckle's `Goals_GetByPlanid` say no more than the HTTP method; Azure's
    // SDKs name `Disks_Get` and `Pool_Patch` `disks.get` and `pool.patch`.
    const bare = action.toLowerCase();
    const written = action === match[2];
    if (isHttpMethod(bare) && (!written || bare === 'post' || bare === 'put') && read)
      return { resource: read.resource, ...(written && { restates: bare }) };
    // ASP.NET's `Activities_GetActivities`, `Activities_PostActivity`: the method and the group's own noun say no
    // more either (visma's `activities.list`, was `activities.getActivities`). AutoRest's are its SDKs' names.
    return !autorest && read && methodOfGroup(action, controller)
      ? { resource: read.resource, action: read.method!.value }
      : read;
  };
}

/**
 * Whether an action is an HTTP method and its group's noun, or the noun's last words, singular or plural:
 * `GetActivities` and `PostActivity` in `Activities`, `GetCommunications` in `ContactCommunications`.
 */
function methodOfGroup(action: string, group: string): boolean {
  const match = /^(Get|Post|Put|Patch|Delete)([A-Z][A-Za-z0-9]*)$/.exec(action);
  if (!match) return false;
  const noun = singular(match[2]!).toLowerCase();
  const words = group.split(/(?<=[a-z0-9])(?=[A-Z])/);
  // Not the words after a `By` (agco's `DealerByCountry_GetCountries` lists countries).
  return words.some(
    (_, i) => words[i - 1] !== 'By' && singular(words.slice(i).join('')).toLowerCase() === noun,
  );
}

/** An id of one name, no group (`ListCachedImages`), as a call of the client; not one that is only an HTTP method. */
function ungrouped(id: string): Grouped | undefined {
  return /^[A-Za-z][A-Za-z0-9]*$/.test(id) && !isHttpMethod(id) ? grouped(['api'], id) : undefined;
}

function isHttpMethod(word: string): boolean {
  return HTTP_METHODS.some((m) => m === word.toLowerCase());
}

/**
 * An action without Swashbuckle's `By` and the names of all the operation's path and query parameters it joins, each
 * capitalized (`GetByPlanid` for `planId`; beside parameters, one name that is no parameter's is the body's:
 * `PostEducationByIdGoaladjustmentsPlanid`); the action as it is when its end names anything else
 * (`ListByResourceGroup` for `resourceGroupName`) or leaves a parameter out.
 */
function withoutNamesOf(action: string, op: GroupedOperation | undefined): string {
  if (!op) return action;
  // Names written as they are, one after another (Visma's `CreateHeaderAttachmentByorderNumberorderType` for
  // `orderNumber` and `orderType`): all of the parameters, or all of the path's (Visma's
  // `GetAllContactsForCustomerBycustomerCd` beside its filters in the query), each once.
  const joined = /^(.+?)By([a-z][A-Za-z0-9]*)$/.exec(action);
  // Orders are tried one by one: a dozen names at most (Swashbuckle's ids name a few).
  if (joined) {
    const text = joined[2]!.toLowerCase();
    const all = (names: readonly string[]) =>
      names.length <= 12 &&
      joinsAll(
        text,
        names.map((p) => p.toLowerCase()),
      );
    return all(op.parameters) || all(op.pathParameters) ? joined[1]! : action;
  }
  const match = /^(.+?)By((?:[A-Z][a-z0-9]*)+)$/.exec(action);
  if (!match) return action;
  const params = new Set(op.parameters.map((p) => p.toLowerCase()));
  const names = match[2]!.split(/(?=[A-Z])/);
  const others = names.filter((name) => !params.delete(name.toLowerCase())).length;
  // Swashbuckle names every parameter; Azure's `Usages_ListByLocation` names one of several: it is the SDK's name.
  if (params.size) return action;
  return others === 0 || (others === 1 && op.hasBody && names.length > 1) ? match[1]! : action;
}

/** Whether `text` is every one of `names` joined in some order, each once. */
function joinsAll(text: string, names: readonly string[]): boolean {
  if (!names.length) return text === '';
  return names.some(
    (name, i) =>
      name !== '' &&
      text.startsWith(name) &&
      joinsAll(text.slice(name.length), [...names.slice(0, i), ...names.slice(i + 1)]),
  );
}

/** The resource and method an id states, camelCased; undefined unless each is an identifier. */
function grouped(resource: string[], method: string): Grouped | undefined {
  const names = resource.map(camelCase);
  const name = camelCase(method);
  if (!names.length || ![...names, name].every((n) => IDENTIFIER.test(n))) return undefined;
  return {
    resource: { value: names, source: 'operationId-namespace' },
    method: { value: name, source: 'operationId-namespace' },
  };
}

/** Reads a dotted list of identifiers from one of our extensions; anything else is an error. */
function identifierList(
  ctx: IrContext,
  value: unknown,
  op: OperationAt,
  key: string,
): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split('.') : [];
  if (!parts.length || !parts.every((p) => IDENTIFIER.test(p))) {
    report(
      ctx,
      { file: fileNamed(ctx, op.file), pointer: childPointer(op.pointer, key) },
      'invalid-extension',
      `${key} must be ${key === 'x-clientgen-method' ? 'an identifier' : 'dot-separated identifiers'} (letters, digits, _ or $), found ${JSON.stringify(value)}`,
    );
    return undefined;
  }
  return parts;
}
