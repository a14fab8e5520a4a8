// `npm run names:sdks` (not in CI: it installs ~80 MB of SDKs): how many of clientgen's method paths equal those of
// SDKs whose names careful authors chose, on the specs those SDKs serve. openai-node's names are a test
// (test/naming/openai-names.test.ts); this script adds Stainless' SDKs of Increase, Telnyx and Mux (their specs from
// APIs.guru's directory, as `npm run sweep` downloads it) and stripe-node (the repository's Stripe spec). Each SDK's
// names are read from its installed code, the Stainless ones by the test's reader of openai-node
// (`readStainlessNames`), stripe-node's by one like it: its resource tree walked from a client, each method's
// compiled source naming its HTTP call. An endpoint counts once, where both have it (METHOD and path, parameters
// blanked); names are compared case-insensitively, and stripe-node's `del` is `delete`. Prints each
// figure, and with `--verbose` every name that differs. Measures rules (docs/naming.md); a figure is not a goal:
// stripe-node folds every sub-resource into its parent (`accounts.createPerson`), which clientgen does not.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readStainlessNames } from '../test/naming/openai-node-names';
import { openapiDirectory } from './openapi-directory';

const root = join(__dirname, '..');
const SDKS = ['increase@0.583.0', 'telnyx@7.24.0', '@mux/mux-node@15.3.0', 'stripe@23.2.0'];
const verbose = process.argv.includes('--verbose');

/** The SDKs, installed once into their own folder (no scripts run), again when the list changes. */
function installSdks(): string {
  const dir = join(root, 'node_modules/.cache/clientgen-sdk-names');
  const marker = join(dir, 'installed.json');
  const wanted = JSON.stringify(SDKS) + '\n';
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
    execFileSync(
      'npm',
      ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', ...SDKS],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
    writeFileSync(marker, wanted);
  }
  return dir;
}

type Names = Map<string, string[]>;
interface Node {
  [key: string]: unknown;
}

const blank = (path: string) => path.replace(/\$\{[^}]*\}/g, '{}').replace(/\?.*$/, '');

function add(names: Names, key: string, name: string): void {
  const list = names.get(key) ?? [];
  if (!list.includes(name)) list.push(name);
  names.set(key, list);
}

/** The methods of each prototype of an object up to (not including) `base`. */
function* methodsOf(object: object, base: object): Generator<[string, string]> {
  for (
    let proto = Object.getPrototypeOf(object) as object | null;
    proto && proto !== base;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = (proto as Record<string, unknown>)[name];
      if (name !== 'constructor' && typeof fn === 'function') yield [name, String(fn)];
    }
}

/** stripe-node's names: `this._makeRequest('GET', \`/v1/customers/${…}\`)` in `customers.retrieve`. */
function stripeNames(load: NodeJS.Require, dir: string): Names {
  const base = join(dir, 'node_modules/stripe/cjs');
  const Stripe = load(join(base, 'stripe.cjs.node.js')) as new (key: string) => Node;
  const { StripeResource } = load(join(base, 'StripeResource.js')) as {
    StripeResource: abstract new () => object;
  };
  const call = /_makeRequest\('(\w+)',\s*(?:`([^`]*)`|'([^']*)')/g;
  const names: Names = new Map();
  const seen = new Set<object>();
  const walk = (node: Node, at: string[], depth: number): void => {
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (key.startsWith('_') || ['stripe', 'errors', 'webhooks', 'Decimal'].includes(key))
        continue;
      if (!child || typeof child !== 'object' || seen.has(child) || depth > 4) continue;
      seen.add(child);
      if (child instanceof StripeResource)
        for (const [method, source] of methodsOf(child, StripeResource.prototype as object))
          for (const m of source.matchAll(call))
            add(names, `${m[1]!} ${blank(m[2] ?? m[3]!)}`, [...at, key, method].join('.'));
      walk(child as Node, [...at, key], depth + 1);
    }
  };
  walk(new Stripe('sk_test_unused'), [], 0);
  return names;
}

/** clientgen's names of a spec, by the built CLI: `METHOD /path/{}` → `resource.method`. */
function ourNames(spec: string): Map<string, string> {
  const text = execFileSync(process.execPath, [join(root, 'bin/clientgen.js'), 'names', spec], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  });
  const names = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\w+) (\S+)\s+→ (\S+)/.exec(line);
    if (m) names.set(`${m[1]!} ${m[2]!.replace(/\{[^}]*\}/g, '{}')}`, m[3]!);
  }
  return names;
}

function compare(label: string, spec: string, theirs: Names): void {
  let both = 0;
  const differ: string[] = [];
  for (const [key, ours] of ourNames(spec)) {
    const sdk = theirs.get(key);
    if (!sdk) continue;
    both++;
    const same = sdk.some(
      (name) => name.replace(/\.del$/, '.delete').toLowerCase() === ours.toLowerCase(),
    );
    if (!same) differ.push(`  ${key.padEnd(72)} ${ours.padEnd(48)} ${label}: ${sdk.join(', ')}`);
  }
  const share = both ? ((100 * (both - differ.length)) / both).toFixed(1) : '–';
  console.log(
    `${label}: ${both - differ.length} of ${both} endpoints (${share}%) have its method path`,
  );
  if (verbose && differ.length) console.log(differ.join('\n'));
}

const dir = installSdks();
const api = openapiDirectory(root);
const sdkRequire = createRequire(join(dir, 'package.json'));
compare('increase', join(api, 'increase.com.json'), readStainlessNames(sdkRequire, 'increase'));
compare('telnyx', join(api, 'telnyx.com.json'), readStainlessNames(sdkRequire, 'telnyx'));
compare(
  '@mux/mux-node',
  join(api, 'mux.com.json'),
  readStainlessNames(sdkRequire, '@mux/mux-node', { tokenId: 'unused', tokenSecret: 'unused' }),
);
compare('stripe', join(root, 'test/fixtures/specs/stripe.yaml'), stripeNames(sdkRequire, dir));
