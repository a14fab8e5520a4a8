/**
 * Reads environment variables without importing Node built-ins, so the client also runs in browsers,
 * Deno, Bun and edge runtimes.
 */

type EnvHost = {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get?: (name: string) => string | undefined } };
};

/** Returns the trimmed value of an environment variable, or undefined when unset, empty, or unreadable. */
export function readEnv(name: string): string | undefined {
  const host = globalThis as EnvHost;
  let value: string | undefined;
  // Deno throws on either access when the script lacks `--allow-env`: treat the variable as unset.
  try {
    if (host.process?.env) {
      // Node and Bun (and Deno 2, whose `process.env` reads Deno.env).
      value = host.process.env[name];
    } else if (typeof host.Deno?.env?.get === 'function') {
      value = host.Deno.env.get(name);
    }
  } catch {
    value = undefined;
  }
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Whether the platform puts requests through a browser's CORS checks: a page (`document`) or a web or service
 * worker (`importScripts`). Node, Deno, Bun and edge runtimes have neither.
 */
export function corsApplies(): boolean {
  const host = globalThis as { document?: unknown; importScripts?: unknown };
  return host.document !== undefined || typeof host.importScripts === 'function';
}
