import type { IrCredential, IrSecurityScheme } from './types';

/**
 * The ways to meet one security scheme, each the credentials it takes together, the direct one first:
 * `[key]`, `[username, password]`, an OAuth 2 token or (client credentials) `[clientId, clientSecret]`.
 */
export function schemeCredentialGroups(s: IrSecurityScheme): IrCredential[][] {
  switch (s.kind) {
    case 'apiKey':
      return [[s.key]];
    case 'basic':
      return [[s.username, s.password]];
    case 'oauth2':
      return s.clientCredentials
        ? [[s.token], [s.clientCredentials.clientId, s.clientCredentials.clientSecret]]
        : [[s.token]];
    case 'http':
    case 'openIdConnect':
      return [[s.token]];
  }
}
