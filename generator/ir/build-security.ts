import { childPointer } from '../load/pointer';
import { camelCase } from '../text/case';
import { derefNode, isRecord, report, type IrContext, type Location } from './context';
import { nameCredentials, type CredentialSlot } from './name-credentials';
import type { IrCredential, IrSecurity, IrSecurityRequirement, IrSecurityScheme } from './types';

/**
 * RFC 7230 `token`: what an HTTP auth scheme name may be (it is written into the Authorization header), and a header
 * or cookie name (build-operation.ts).
 */
export const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The document's security: every scheme of `components.securitySchemes` the client can send (sorted by
 * name), with its client options named (name-credentials.ts), and the requirements operations inherit.
 * A scheme the client cannot send (unknown type, missing `name`, `mutualTLS`) is a warning and left out.
 */
export function buildSecurity(
  ctx: IrContext,
  root: Record<string, unknown>,
  naming: { envPrefix: string; env: Readonly<Record<string, string>> },
): IrSecurity {
  const components = isRecord(root.components) ? root.components : {};
  const raw = isRecord(components.securitySchemes) ? components.securitySchemes : {};
  const at = { file: ctx.spec.entry, pointer: '#/components/securitySchemes' };
  const slots: CredentialSlot[] = [];
  const schemes: IrSecurityScheme[] = [];
  for (const name of Object.keys(raw).sort()) {
    const found = derefNode(ctx, raw[name], { ...at, pointer: childPointer(at.pointer, name) });
    if (!found || !isRecord(found.value)) continue;
    const scheme = buildScheme(ctx, name, found.value, found.at, (base) => {
      const credential: IrCredential = { option: base, env: '' };
      slots.push({ scheme: name, base, credential });
      return credential;
    });
    if (scheme) schemes.push(scheme);
  }
  // `x-clientgen.env.apiKey` names the API key: with no scheme called one, a lone bearer scheme is it.
  const bearers = schemes.filter((s) => s.kind === 'http' && s.scheme === 'bearer');
  const lone = bearers.length === 1 ? slots.find((s) => s.scheme === bearers[0]?.name) : undefined;
  if (naming.env['apiKey'] && lone && !slots.some((s) => s.base === 'apiKey')) lone.base = 'apiKey';
  nameCredentials(slots, naming);
  const known = new Set(schemes.map((s) => s.name));
  const docAt = { file: ctx.spec.entry, pointer: '#/security' };
  const requirements =
    readRequirements(ctx, root.security, docAt, known) ??
    (schemes.length && !operationsDeclareSecurity(root)
      ? // No `security` anywhere although schemes are defined, as many published specs forget it: any one
        // scheme whose credentials were given is sent, and none is needed.
        [...schemes.map((s) => [{ scheme: s.name, scopes: [] }]), []]
      : [[]]);
  return { schemes, requirements };
}

/** The operation's requirements, when its own `security` differs from the document's. */
export function operationSecurity(
  ctx: IrContext,
  op: Location & { value: Record<string, unknown> },
  doc: IrSecurity,
): { authenticated: boolean; security: IrSecurityRequirement[] | undefined } {
  const known = new Set(doc.schemes.map((s) => s.name));
  const at = { file: op.file, pointer: childPointer(op.pointer, 'security') };
  const own = readRequirements(ctx, op.value.security, at, known);
  const effective = own ?? doc.requirements;
  return {
    authenticated: effective.some((alt) => alt.length > 0),
    security: own && JSON.stringify(own) !== JSON.stringify(doc.requirements) ? own : undefined,
  };
}

/**
 * The document's security where the document declares none and more operations need one requirement than any
 * other (438 of the 2,639 specs of APIs.guru's directory declare one on every operation: blazemeter's, readme.io's,
 * lufthansa's; OpenAI's description with its `security` moved onto its operations, 169 user-key and 119 admin-key
 * calls): the client's, as if the document said it, so the constructor asks for the credentials most calls need and
 * only the others say theirs (one that needs none now says so). The same requests either way; a tie changes
 * nothing. The operations are changed in place.
 */
export function hoistSharedSecurity(
  root: Record<string, unknown>,
  security: IrSecurity,
  operations: { security: IrSecurityRequirement[] | undefined }[],
): IrSecurity {
  if ('security' in root) return security;
  const inherited = JSON.stringify(security.requirements);
  const counts = new Map<string, number>();
  for (const op of operations) {
    const key = op.security ? JSON.stringify(op.security) : inherited;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const top = [...counts].filter(([, n]) => n === most);
  if (top.length !== 1 || top[0]![0] === inherited) return security;
  const shared = top[0]![0];
  for (const op of operations)
    op.security =
      op.security && JSON.stringify(op.security) === shared
        ? undefined
        : (op.security ?? security.requirements);
  return { ...security, requirements: JSON.parse(shared) as IrSecurityRequirement[] };
}

/** Whether some operation has its own `security` (then those without one need none, as OpenAPI says). */
function operationsDeclareSecurity(root: Record<string, unknown>): boolean {
  const paths = isRecord(root.paths) ? Object.values(root.paths) : [];
  return paths.some(
    (item) => isRecord(item) && Object.values(item).some((op) => isRecord(op) && 'security' in op),
  );
}

type Slot = (base: string) => IrCredential;

/** One scheme, or undefined (with a warning) when the client cannot send it. */
function buildScheme(
  ctx: IrContext,
  name: string,
  s: Record<string, unknown>,
  at: Location,
  slot: Slot,
): IrSecurityScheme | undefined {
  const pointer = at.pointer;
  const skip = (why: string): undefined => {
    report(
      ctx,
      at,
      'spec-structure',
      `security scheme '${name}' ${why}: the client cannot send it`,
      'warning',
    );
    return undefined;
  };
  switch (s.type) {
    case 'apiKey': {
      if (s.in !== 'header' && s.in !== 'query' && s.in !== 'cookie')
        return skip(`has in: ${JSON.stringify(s.in)} (expected header, query or cookie)`);
      if (typeof s.name !== 'string' || s.name === '') return skip('has no `name`');
      // A header or cookie name that is not an HTTP token would make every request throw in fetch.
      if (s.in !== 'query' && !HTTP_TOKEN.test(s.name))
        return skip(`has name: ${JSON.stringify(s.name)}, which cannot be a ${s.in} name`);
      return { name, pointer, kind: 'apiKey', in: s.in, paramName: s.name, key: slot('apiKey') };
    }
    case 'http': {
      if (typeof s.scheme !== 'string' || !HTTP_TOKEN.test(s.scheme))
        return skip(
          `has scheme: ${JSON.stringify(s.scheme)} (expected an HTTP auth scheme such as bearer or basic)`,
        );
      const lower = s.scheme.toLowerCase();
      if (lower === 'basic')
        return {
          name,
          pointer,
          kind: 'basic',
          username: slot('username'),
          password: slot('password'),
        };
      // `Bot` → `botToken`; a scheme that already says token (`Token`) is not repeated.
      const other = camelCase(s.scheme);
      const base =
        lower === 'bearer'
          ? looksLikeKey(name, s)
            ? 'apiKey'
            : 'bearerToken'
          : /token$/i.test(other)
            ? other
            : `${other}Token`;
      return {
        name,
        pointer,
        kind: 'http',
        scheme: lower === 'bearer' ? 'bearer' : s.scheme,
        token: slot(base),
      };
    }
    case 'oauth2': {
      const flows = isRecord(s.flows) ? s.flows : {};
      const token = slot('accessToken');
      const cc = flows.clientCredentials;
      let clientCredentials: Extract<IrSecurityScheme, { kind: 'oauth2' }>['clientCredentials'];
      if (isRecord(cc)) {
        if (typeof cc.tokenUrl === 'string' && cc.tokenUrl !== '') {
          clientCredentials = {
            tokenUrl: cc.tokenUrl,
            scopes: isRecord(cc.scopes) ? Object.keys(cc.scopes) : [],
            clientId: slot('clientId'),
            clientSecret: slot('clientSecret'),
          };
        } else {
          report(
            ctx,
            { file: at.file, pointer: childPointer(pointer, 'flows', 'clientCredentials') },
            'spec-structure',
            `the clientCredentials flow of '${name}' has no tokenUrl: the client takes only an access token for it`,
            'warning',
          );
        }
      }
      return {
        name,
        pointer,
        kind: 'oauth2',
        flows: Object.keys(flows),
        token,
        ...(clientCredentials ? { clientCredentials } : {}),
      };
    }
    case 'openIdConnect':
      return {
        name,
        pointer,
        kind: 'openIdConnect',
        url: typeof s.openIdConnectUrl === 'string' ? s.openIdConnectUrl : '',
        token: slot('accessToken'),
      };
    case 'mutualTLS':
      return skip('is mutualTLS (give the TLS client certificate through `fetchOptions`)');
    default:
      return skip(
        `has type: ${JSON.stringify(s.type)} (expected apiKey, http, oauth2 or openIdConnect)`,
      );
  }
}

/**
 * A bearer scheme that the spec calls an API key (`ApiKeyAuth`, "Bearer <api_key>") takes the option
 * `apiKey`, as OpenAI's and Stripe's SDKs name it; other bearer schemes take `bearerToken`.
 */
function looksLikeKey(name: string, s: Record<string, unknown>): boolean {
  const key = /api[\s_-]?key/i;
  return key.test(name) || (typeof s.description === 'string' && key.test(s.description));
}

/**
 * A `security` array as alternatives; `[]` and `{}` alternatives mean no credentials. An alternative that
 * names a scheme the client cannot send (undefined, or left out above) is a warning and dropped; when none
 * is left the operation is sent without credentials, the best the client can do.
 */
export function readRequirements(
  ctx: IrContext,
  value: unknown,
  at: Location,
  known: ReadonlySet<string>,
): IrSecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const alternatives: IrSecurityRequirement[] = [];
  value.forEach((alt, i) => {
    if (!isRecord(alt)) return;
    const unknown = Object.keys(alt).filter((scheme) => !known.has(scheme));
    for (const scheme of unknown) {
      report(
        ctx,
        { file: at.file, pointer: childPointer(at.pointer, i, scheme) },
        'spec-structure',
        `security scheme '${scheme}' is not one the client can send (see components.securitySchemes): this alternative is left out`,
        'warning',
      );
    }
    if (unknown.length) return;
    alternatives.push(
      Object.entries(alt).map(([scheme, scopes]) => ({
        scheme,
        scopes: Array.isArray(scopes)
          ? scopes.filter((x): x is string => typeof x === 'string')
          : [],
      })),
    );
  });
  return alternatives.length ? alternatives : [[]];
}
