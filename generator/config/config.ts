// `fs.promises` (not `node:fs/promises`): read when a config is loaded, not when the CLI starts (`--help`).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readClientSettings, type ClientSettings } from '../ir/client-settings';
import { readNameMap } from '../ir/naming/names-record';
import { parseSelector, SELECTOR_USAGE } from '../ir/selector';
import type { ImportStyle } from '../plan/types';

/** Default name of the config file, looked up in the working directory. */
export const CONFIG_FILE_NAME = 'clientgen.config.json';

export type { ImportStyle } from '../plan/types';
export const IMPORT_STYLES: readonly ImportStyle[] = ['bundler', 'nodenext', 'ts'];

/** `clientgen.config.json` as written; `spec` and `out` are relative to the config file. */
export interface ClientgenConfig {
  spec?: string;
  out?: string;
  clientName?: string;
  /** The client's settings over the spec's `x-clientgen`: env names, default timeout and retries, browser mode. */
  client?: ClientSettings;
  importStyle?: ImportStyle;
  /** Selectors of the operations to generate (see docs/selection.md); one selector per element. */
  include?: string[];
  /** Selectors of the operations to leave out. */
  exclude?: string[];
  /** Warnings are errors (`--strict`). */
  strict?: boolean;
  /** Method names by operation, over any inferred or recorded one: `"POST /jobs/{id}/cancel": "jobs.cancel"`. */
  names?: Record<string, string>;
  /** Folder of the generated tests (`--tests`), relative to the config file. */
  tests?: string;
}

/** A config read from disk, with `spec` and `out` resolved to absolute paths. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Folder of the config file: base of its relative paths. */
  dir: string;
  config: ClientgenConfig;
  /** `spec` resolved against `dir`. */
  specPath?: string;
  /** `out` resolved against `dir`. */
  outPath?: string;
  /** `tests` resolved against `dir`. */
  testsPath?: string;
  /** The file's text: where the IR says something of its `names` or `client` block, it points into it. */
  text: string;
}

/** A config file that cannot be read or is invalid (the CLI exits 2). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The keys a config may hold, with what each takes (for messages; docs/clientgen.config.schema.json lists them too). */
export const CONFIG_KEYS: Record<keyof ClientgenConfig | '$schema', string> = {
  $schema: 'a string (ignored; for editors)',
  spec: 'a path to the OpenAPI spec, relative to the config file',
  out: 'the output folder, relative to the config file',
  clientName: 'the name of the generated client class',
  client: 'an object of client settings: "env", "timeout", "maxRetries", "browser"',
  importStyle: `"bundler", "nodenext" or "ts"`,
  include: 'an array of selectors such as "tag:Chat"',
  exclude: 'an array of selectors such as "path:/admin/**"',
  strict: 'true to treat warnings as errors',
  names: 'an object of "METHOD /path": "resource.method", as `clientgen names --json` prints',
  tests: 'the folder of the generated tests, relative to the config file',
};

/**
 * Reads the config named by `--config` (an error when missing), else `clientgen.config.json` in `cwd` when present.
 * Returns undefined when no config is used.
 */
export async function loadConfig(
  options: { configPath?: string; cwd?: string } = {},
): Promise<LoadedConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.configPath !== undefined;
  const file = path.resolve(cwd, options.configPath ?? CONFIG_FILE_NAME);
  const shown = options.configPath ?? CONFIG_FILE_NAME;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (!explicit && code === 'ENOENT') return undefined;
    throw new ConfigError(
      `cannot read config file ${shown}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  const config = parseConfig(text, shown);
  const dir = path.dirname(file);
  return {
    file,
    dir,
    config,
    text,
    // A spec given as a URL is fetched, not resolved against the folder.
    ...(config.spec !== undefined && {
      specPath: isUrl(config.spec) ? config.spec : path.resolve(dir, config.spec),
    }),
    ...(config.out !== undefined && { outPath: path.resolve(dir, config.out) }),
    ...(config.tests !== undefined && { testsPath: path.resolve(dir, config.tests) }),
  };
}

/** Parses and validates the text of a config file; `label` names it in errors. */
export function parseConfig(text: string, label: string): ClientgenConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${label} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(
      `${label} must contain a JSON object, e.g. { "spec": "openapi.yaml", "out": "generated" }`,
    );
  }
  const problems: string[] = [];
  const config: ClientgenConfig = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        if (typeof field !== 'string') problems.push(`"$schema" must be a string`);
        break;
      case 'spec':
      case 'out':
      case 'tests':
      case 'clientName':
        if (typeof field !== 'string' || field.trim() === '')
          problems.push(
            `"${key}" must be a non-empty string (${CONFIG_KEYS[key]}), got ${describe(field)}`,
          );
        else config[key] = field;
        break;
      case 'client': {
        const read = readClientSettings(field, 'client');
        if ('problems' in read) problems.push(...read.problems);
        else config.client = read.settings;
        break;
      }
      case 'importStyle':
        if (IMPORT_STYLES.includes(field as ImportStyle)) config.importStyle = field as ImportStyle;
        else
          problems.push(`"importStyle" must be ${CONFIG_KEYS.importStyle}, got ${describe(field)}`);
        break;
      case 'include':
      case 'exclude': {
        if (!Array.isArray(field) || !field.every((s): s is string => typeof s === 'string')) {
          problems.push(`"${key}" must be ${CONFIG_KEYS[key]}, got ${describe(field)}`);
          break;
        }
        const errors = field.flatMap((s) => {
          const parsed = parseSelector(s);
          return 'error' in parsed ? [`"${key}": ${parsed.error}; ${SELECTOR_USAGE}`] : [];
        });
        if (errors.length) problems.push(...errors);
        else config[key] = field;
        break;
      }
      case 'strict':
        if (typeof field === 'boolean') config.strict = field;
        else
          problems.push(
            `"strict" must be true or false (${CONFIG_KEYS.strict}), got ${describe(field)}`,
          );
        break;
      case 'names': {
        const read = readNameMap(field, 'config');
        if ('error' in read) problems.push(`"names": ${read.error}`);
        else config.names = field as Record<string, string>;
        break;
      }
      default:
        problems.push(
          `unknown key "${key}" (allowed: ${Object.keys(CONFIG_KEYS)
            .filter((k) => k !== '$schema')
            .map((k) => `"${k}"`)
            .join(', ')})`,
        );
    }
  }
  if (problems.length)
    throw new ConfigError(`invalid config ${label}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return config;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  // What a JSON config leaves: a number or a boolean.
  return typeof value === 'number' || typeof value === 'boolean'
    ? `${typeof value} ${value}`
    : typeof value;
}

/** True for an `http://` or `https://` URL: a spec fetched over the network. */
export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}
