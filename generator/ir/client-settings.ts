/**
 * The client's settings that `x-clientgen` gives in a spec and the config's `client` block gives over it: a user
 * cannot edit the spec a provider publishes, so every setting a spec can carry for the client as a whole can be
 * given beside it. One set of rules checks both.
 */
export interface ClientSettings {
  /**
   * The client's name (`x-clientgen.client`): given by `--client-name` or the config's `clientName`, not by the
   * `client` block. It names the class, and the credentials' variables when no `env` names them.
   */
  name?: string;
  /** Environment variables by option: `apiKey`, `baseURL`, `log`, or any credential option (`bearerToken`, …). */
  env?: Record<string, string>;
  /** Default request timeout, in milliseconds. */
  timeout?: number;
  /** Default number of retries of a failed request. */
  maxRetries?: number;
  /** `opt-in`: made in a browser, the client throws unless given `dangerouslyAllowBrowser: true`. */
  browser?: 'allow' | 'opt-in';
  /** Options by resource path (`chat.completions`): the prefix of its types' names (`ChatCompletion`). */
  resources?: Record<string, { typePrefix?: string }>;
}

/** The keys of a `client` block and what each takes, for messages. */
export const CLIENT_SETTING_KEYS: Record<Exclude<keyof ClientSettings, 'name'>, string> = {
  env: 'an object of option → environment variable name, e.g. { "apiKey": "ACME_API_KEY" }',
  timeout: 'the default request timeout in milliseconds, a number >= 0',
  maxRetries: 'the default number of retries, a whole number >= 0',
  browser: '"allow" or "opt-in"',
  resources:
    'an object of resource path → { "typePrefix": an identifier }, e.g. { "chat.completions": { "typePrefix": "ChatCompletion" } }',
};

/** A type-name prefix: it is written into code, so it must be an identifier. */
export const TYPE_PREFIX = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An environment variable name: it is written into code and docs, so it must be a plain name. */
export function isEnvName(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value);
}

/** The defaults' checks: a timeout is a finite number, a retry count a whole one; neither below zero. */
export const IS_DEFAULT: Record<'timeout' | 'maxRetries', (value: unknown) => value is number> = {
  timeout: (value): value is number =>
    typeof value === 'number' && value >= 0 && Number.isFinite(value),
  maxRetries: (value): value is number =>
    typeof value === 'number' && value >= 0 && Number.isSafeInteger(value),
};

export function isBrowserMode(value: unknown): value is 'allow' | 'opt-in' {
  return value === 'allow' || value === 'opt-in';
}

/**
 * Reads a config's `client` block: the settings, or every problem found (`label` names the block in them). Unknown
 * keys are problems: a misspelt setting must not be silently ignored.
 */
export function readClientSettings(
  value: unknown,
  label: string,
): { settings: ClientSettings } | { problems: string[] } {
  if (!isObject(value)) return { problems: [`"${label}" must be an object of client settings`] };
  const problems: string[] = [];
  const settings: ClientSettings = {};
  for (const [key, field] of Object.entries(value)) {
    const where = `"${label}.${key}"`;
    switch (key) {
      case 'env': {
        if (!isObject(field)) {
          problems.push(`${where} must be ${CLIENT_SETTING_KEYS.env}`);
          break;
        }
        const env: [string, string][] = [];
        for (const [option, name] of Object.entries(field)) {
          if (isEnvName(name)) env.push([option, name]);
          else
            problems.push(
              `"${label}.env.${option}" must be an environment variable name (letters, digits and _), got ${JSON.stringify(name)}`,
            );
        }
        // Own properties whatever the keys (an assignment to `__proto__` would set the prototype instead).
        settings.env = Object.fromEntries(env);
        break;
      }
      case 'timeout':
      case 'maxRetries':
        if (IS_DEFAULT[key](field)) settings[key] = field;
        else
          problems.push(
            `${where} must be ${CLIENT_SETTING_KEYS[key]}, got ${JSON.stringify(field)}`,
          );
        break;
      case 'resources': {
        const read = readResources(field, `${label}.resources`);
        if ('problems' in read) problems.push(...read.problems);
        else settings.resources = read.resources;
        break;
      }
      case 'browser':
        if (isBrowserMode(field)) settings.browser = field;
        else
          problems.push(
            `${where} must be ${CLIENT_SETTING_KEYS.browser}, got ${JSON.stringify(field)}`,
          );
        break;
      default:
        problems.push(
          `unknown key ${where} (allowed: ${Object.keys(CLIENT_SETTING_KEYS)
            .map((k) => `"${k}"`)
            .join(', ')})`,
        );
    }
  }
  return problems.length ? { problems } : { settings };
}

/** A `resources` setting: resource path → `{ typePrefix }`, each prefix an identifier. */
function readResources(
  value: unknown,
  label: string,
): { resources: NonNullable<ClientSettings['resources']> } | { problems: string[] } {
  if (!isObject(value))
    return { problems: [`"${label}" must be ${CLIENT_SETTING_KEYS.resources}`] };
  const problems: string[] = [];
  const resources: [string, { typePrefix: string }][] = [];
  for (const [path, options] of Object.entries(value)) {
    const where = `"${label}.${path}"`;
    if (!isObject(options)) {
      problems.push(`${where} must be an object such as { "typePrefix": "ChatCompletion" }`);
      continue;
    }
    for (const [key, prefix] of Object.entries(options)) {
      if (key !== 'typePrefix')
        problems.push(`unknown key "${label}.${path}.${key}" (allowed: "typePrefix")`);
      else if (typeof prefix === 'string' && TYPE_PREFIX.test(prefix))
        resources.push([path, { typePrefix: prefix }]);
      else
        problems.push(
          `"${label}.${path}.typePrefix" must be an identifier (letters, digits, _ or $), got ${JSON.stringify(prefix)}`,
        );
    }
  }
  return problems.length ? { problems } : { resources: Object.fromEntries(resources) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `x-clientgen` as the IR reads it: the spec's, with the config's settings over it, each key alone (and each variable
 * of `env`, each resource of `resources`); `name` stands for `client`. What the settings give was checked by
 * `readClientSettings`, so only the spec's own values can be found wrong.
 */
export function withClientSettings(
  ext: Record<string, unknown>,
  settings: ClientSettings | undefined,
): Record<string, unknown> {
  if (!settings) return ext;
  const { name, env, resources, ...rest } = settings;
  const given = Object.entries(rest).filter(([, value]) => value !== undefined);
  return {
    ...ext,
    ...Object.fromEntries(given),
    ...(name !== undefined && { client: name }),
    env: { ...(isObject(ext.env) ? ext.env : {}), ...env },
    resources: { ...(isObject(ext.resources) ? ext.resources : {}), ...resources },
  };
}
