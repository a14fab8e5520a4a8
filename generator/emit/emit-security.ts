import type {
  IrCredential,
  IrOperation,
  IrSecurity,
  IrSecurityRequirement,
  IrSecurityScheme,
} from '../ir/types';
import { assertNever } from '../errors';
import { escapeDocText } from '../text/js-doc';
import { tsPropertyName } from './render-type';
import { tsString } from '../text/string-literal';
import { schemeCredentialGroups } from '../ir/security-credentials';

/** A credential option of the generated `ClientOptions`, with its JSDoc. */
export interface CredentialOptionDoc {
  option: string;
  env: string;
  doc: string;
}

/** The credential options in scheme order (schemes sorted by name), each once. */
export function credentialOptions(security: IrSecurity): CredentialOptionDoc[] {
  return security.schemes.flatMap((s) =>
    credentialsOf(s).map(({ credential, what }) => ({
      option: credential.option,
      env: credential.env,
      doc: `${what} (security scheme \`${escapeDocText(s.name)}\`). Defaults to the \`${credential.env}\` environment variable.`,
    })),
  );
}

/** What each credential of a scheme is, in a sentence a user understands. */
function credentialsOf(s: IrSecurityScheme): { credential: IrCredential; what: string }[] {
  const code = (text: string): string => `\`${escapeDocText(text).replace(/`/g, "'")}\``;
  switch (s.kind) {
    case 'apiKey': {
      const where =
        s.in === 'header'
          ? `in the ${code(s.paramName)} header, as given`
          : s.in === 'query'
            ? `as the ${code(s.paramName)} query parameter`
            : `in the ${code(s.paramName)} cookie`;
      return [{ credential: s.key, what: `The API key, sent ${where}` }];
    }
    case 'http': {
      const bearer = s.scheme === 'bearer';
      const what =
        bearer && s.token.option.endsWith('Key')
          ? 'The API key, sent as a bearer token'
          : `The token, sent as ${code(`Authorization: ${bearer ? 'Bearer' : s.scheme} <token>`)}`;
      return [{ credential: s.token, what }];
    }
    case 'basic':
      return [
        { credential: s.username, what: 'The username of HTTP basic authentication' },
        { credential: s.password, what: 'The password of HTTP basic authentication' },
      ];
    case 'oauth2': {
      const cc = s.clientCredentials;
      const fetched = cc
        ? `; without it, one is fetched with \`${cc.clientId.option}\` and \`${cc.clientSecret.option}\``
        : '';
      return [
        { credential: s.token, what: `An OAuth 2 access token, sent as a bearer token${fetched}` },
        ...(cc
          ? [
              {
                credential: cc.clientId,
                what: `The OAuth 2 client id: with \`${cc.clientSecret.option}\`, access tokens are fetched from ${code(cc.tokenUrl)} (client-credentials flow)`,
              },
              { credential: cc.clientSecret, what: 'The OAuth 2 client secret' },
            ]
          : []),
      ];
    }
    case 'openIdConnect':
      return [
        { credential: s.token, what: 'An OpenID Connect access token, sent as a bearer token' },
      ];
    default:
      return assertNever(s);
  }
}

/** The option groups that meet one scheme each: `{ apiKey }`, `{ username, password }`, … */
export function credentialGroups(security: IrSecurity): string[][] {
  return security.schemes.flatMap((s) =>
    schemeCredentialGroups(s).map((group) => group.map((c) => c.option)),
  );
}

/** Whether every operation needs credentials (no empty alternative anywhere): then a client without any is refused. */
export function everyOperationNeedsCredentials(
  security: IrSecurity,
  operations: readonly IrOperation[],
): boolean {
  return (
    operations.length > 0 &&
    operations.every((op) => !(op.security ?? security.requirements).some((alt) => !alt.length))
  );
}

/** The runtime's `SecurityConfig` as a literal: every spec string goes through `tsString`/`tsPropertyName`. */
export function renderSecurityConfig(security: IrSecurity): string {
  const cred = (c: IrCredential): string =>
    `{ option: ${tsString(c.option)}, env: ${tsString(c.env)} }`;
  const scheme = (s: IrSecurityScheme): string => {
    switch (s.kind) {
      case 'apiKey':
        return `{ type: 'apiKey', in: ${tsString(s.in)}, name: ${tsString(s.paramName)}, key: ${cred(s.key)} }`;
      case 'http':
        return `{ type: 'http', scheme: ${tsString(s.scheme)}, token: ${cred(s.token)} }`;
      case 'basic':
        return `{ type: 'basic', username: ${cred(s.username)}, password: ${cred(s.password)} }`;
      case 'oauth2': {
        const cc = s.clientCredentials;
        const flow = cc
          ? `, clientCredentials: { tokenUrl: ${tsString(cc.tokenUrl)}, clientId: ${cred(cc.clientId)}, clientSecret: ${cred(cc.clientSecret)} }`
          : '';
        return `{ type: 'oauth2', token: ${cred(s.token)}${flow} }`;
      }
      case 'openIdConnect':
        return `{ type: 'openIdConnect', token: ${cred(s.token)} }`;
      default:
        return assertNever(s);
    }
  };
  const schemes = security.schemes.map((s) => `${tsPropertyName(s.name)}: ${scheme(s)}`);
  return `{ schemes: { ${schemes.join(', ')} }, requirements: ${renderRequirements(security.requirements)} }`;
}

/** `[{ petstore_auth: ['read:pets'] }, {}]`. */
export function renderRequirements(requirements: readonly IrSecurityRequirement[]): string {
  const alt = (a: IrSecurityRequirement): string =>
    a.length
      ? `{ ${a.map((r) => `${tsPropertyName(r.scheme)}: [${r.scopes.map((x) => tsString(x)).join(', ')}]`).join(', ')} }`
      : '{}';
  return `[${requirements.map(alt).join(', ')}]`;
}
