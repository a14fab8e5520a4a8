/**
 * The error of a request whose security requirements cannot be met with the credentials the client was
 * given, thrown before anything is sent, and the message that says how to meet them.
 */

import type { CredentialOption, SecurityConfig, SecurityRequirement, SecurityScheme } from './auth';
import { ClientGenError } from './errors';

/**
 * Thrown before anything is sent when an operation needs credentials the client was not given. `options`
 * lists each way to meet the operation's requirements, e.g. `` `apiKey` (security scheme "ApiKeyAuth") ``.
 */
export class MissingCredentialsError extends ClientGenError {
  override name = 'MissingCredentialsError';
  readonly options: readonly string[];

  constructor(what: string, options: readonly string[]) {
    super(`${what} needs credentials that were not given: set ${options.join('; or set ')}.`);
    this.options = options;
  }
}

/** `set apiKey (scheme "ApiKeyAuth", or the OPENAI_API_KEY environment variable)`, one line per alternative. */
export function describeAlternatives(
  config: SecurityConfig,
  requirements: readonly SecurityRequirement[],
): string[] {
  return requirements.map((alt) =>
    Object.keys(alt)
      .map((name) => {
        const scheme = config.schemes[name];
        if (!scheme) return `scheme "${name}" (not defined by the client)`;
        const refs = optionsOf(scheme);
        const options = refs.map((r) => `\`${r.option}\``).join(' and ');
        const envs = refs.map((r) => r.env).filter((e): e is string => !!e);
        const env = envs.length
          ? `, or the ${envs.join(' and ')} environment variable${envs.length > 1 ? 's' : ''}`
          : '';
        return `${options} (security scheme "${name}"${env})`;
      })
      .join(' plus '),
  );
}

/** The options a scheme can be satisfied with, in the order a user sets them. */
function optionsOf(scheme: SecurityScheme): CredentialOption[] {
  switch (scheme.type) {
    case 'apiKey':
      return [scheme.key];
    case 'http':
    case 'openIdConnect':
      return [scheme.token];
    case 'basic':
      return [scheme.username, scheme.password];
    case 'oauth2':
      return scheme.clientCredentials
        ? [scheme.token, scheme.clientCredentials.clientId, scheme.clientCredentials.clientSecret]
        : [scheme.token];
  }
}
