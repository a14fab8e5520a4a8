import { childPointer } from '../load/pointer';
import { pascalCase, words } from '../text/case';
import { buildSecurity } from './build-security';
import { IS_DEFAULT, isBrowserMode, isEnvName } from './client-settings';
import { isRecord, report, type IrContext } from './context';
import type { IrClient } from './types';

/**
 * The client's name, base URL, auth and defaults: from `x-clientgen` (with the config's `client` block over it,
 * `ctx.clientgen`), else from info, servers and security.
 */
export function buildClient(ctx: IrContext, root: Record<string, unknown>): IrClient {
  const ext = ctx.clientgen;
  const info = isRecord(root.info) ? root.info : {};
  const title = typeof info.title === 'string' ? info.title : 'API';
  const env = isRecord(ext.env) ? ext.env : {};
  const name = typeof ext.client === 'string' ? ext.client : defaultClientName(title);
  const clientEnv = buildEnv(ctx, env);
  return {
    name,
    title,
    description: typeof info.description === 'string' ? info.description : undefined,
    baseURL: buildBaseURL(root),
    env: clientEnv,
    security: buildSecurity(ctx, root, {
      envPrefix: envPrefix(clientEnv, name),
      env: credentialEnv(ctx, env),
    }),
    timeout: defaultSetting(ctx, ext.timeout, 'timeout') ?? 60_000,
    maxRetries: defaultSetting(ctx, ext.maxRetries, 'maxRetries') ?? 2,
    browser: browserMode(ctx, ext.browser),
  };
}

/** `x-clientgen.timeout` (a number >= 0) or `.maxRetries` (a whole one); anything else is reported and not used. */
function defaultSetting(
  ctx: IrContext,
  value: unknown,
  key: 'timeout' | 'maxRetries',
): number | undefined {
  if (value === undefined) return undefined;
  if (IS_DEFAULT[key](value)) return value;
  report(
    ctx,
    { file: ctx.spec.entry, pointer: childPointer('#/x-clientgen', key) },
    'invalid-extension',
    `x-clientgen.${key} must be ${key === 'timeout' ? 'a number' : 'a whole number'} >= 0, found ${JSON.stringify(value)}`,
  );
  return undefined;
}

/** `x-clientgen.browser`: `allow` (the default) or `opt-in`; anything else is reported and taken as `allow`. */
function browserMode(ctx: IrContext, value: unknown): IrClient['browser'] {
  if (value === undefined || isBrowserMode(value)) return value ?? 'allow';
  report(
    ctx,
    { file: ctx.spec.entry, pointer: '#/x-clientgen/browser' },
    'invalid-extension',
    `x-clientgen.browser must be "allow" or "opt-in", got ${JSON.stringify(value)}`,
  );
  return 'allow';
}

/** The environment variables: as named in `x-clientgen.env`; `log` defaults to the prefix of the others plus `LOG`. */
function buildEnv(ctx: IrContext, env: Record<string, unknown>): IrClient['env'] {
  const apiKey = envName(ctx, env.apiKey, 'apiKey');
  const baseURL = envName(ctx, env.baseURL, 'baseURL');
  const log = envName(ctx, env.log, 'log') ?? defaultLogEnv(apiKey, baseURL);
  return { apiKey, baseURL, ...(log ? { log } : {}) };
}

/** Variables named for credential options in `x-clientgen.env` (`apiKey`, `bearerToken`, …), checked. */
function credentialEnv(ctx: IrContext, env: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key === 'baseURL' || key === 'log') continue;
    // `apiKey` was checked with the others by buildEnv; report the rest here.
    const name = key === 'apiKey' ? envNameQuiet(value) : envName(ctx, value, key);
    if (name) out[key] = name;
  }
  return out;
}

function envNameQuiet(value: unknown): string | undefined {
  return isEnvName(value) ? value : undefined;
}

/**
 * The prefix of credential variables: that of `x-clientgen.env.apiKey` (`OPENAI_`) or `.baseURL`, else the
 * client's name in capitals without `Client` (`ReportsClient` → `REPORTS_`).
 */
function envPrefix(env: IrClient['env'], clientName: string): string {
  const given =
    /^(.*_)API_KEY$/.exec(env.apiKey ?? '')?.[1] ?? /^(.*_)BASE_URL$/.exec(env.baseURL ?? '')?.[1];
  if (given) return given;
  const own = words(clientName);
  if (own.length > 1 && own[own.length - 1] === 'client') own.pop();
  return `${own.join('_').toUpperCase()}_`;
}

/** `OPENAI_API_KEY` / `OPENAI_BASE_URL` → `OPENAI_LOG`, as openai-node names it; none without such a prefix. */
function defaultLogEnv(
  apiKey: string | undefined,
  baseURL: string | undefined,
): string | undefined {
  const prefix =
    /^(.*_)API_KEY$/.exec(apiKey ?? '')?.[1] ?? /^(.*_)BASE_URL$/.exec(baseURL ?? '')?.[1];
  return prefix ? `${prefix}LOG` : undefined;
}

/** An environment variable name (`isEnvName`), or a report of what the spec gave instead. */
function envName(ctx: IrContext, value: unknown, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (isEnvName(value)) return value;
  report(
    ctx,
    { file: ctx.spec.entry, pointer: childPointer('#/x-clientgen/env', key) },
    'invalid-extension',
    `x-clientgen.env.${key} must be an environment variable name (letters, digits and _), found ${JSON.stringify(value)}`,
  );
  return undefined;
}

/** `Swagger Petstore - OpenAPI 3.0` → `SwaggerPetstoreClient`: the title before any subtitle, without "API". */
function defaultClientName(title: string): string {
  const main = title.split(/\s[-–—:(|]\s?/)[0] ?? title;
  const name = pascalCase(main.replace(/\b(open)?api\b/gi, '')) || 'Api';
  return /^[0-9]/.test(name) ? `Api${name}` : `${name}Client`;
}

/** The first server URL with its variables set to their defaults. */
function buildBaseURL(root: Record<string, unknown>): string {
  const server =
    Array.isArray(root.servers) && isRecord(root.servers[0]) ? root.servers[0] : undefined;
  let url = typeof server?.url === 'string' ? server.url : '/';
  const vars = server && isRecord(server.variables) ? server.variables : {};
  url = url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return isRecord(v) && typeof v.default === 'string' ? v.default : whole;
  });
  return url.replace(/\/+$/, '');
}
