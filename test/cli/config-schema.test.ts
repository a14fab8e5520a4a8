/**
 * docs/clientgen.config.schema.json, the JSON Schema an editor reads through a config's `$schema`, against the
 * config's own reader (config.ts's parseConfig): each config below is accepted by both or refused by both. The
 * validator is @redocly/ajv, the Ajv that Redocly's linter runs (JSON Schema 2020-12). What the schema cannot say (a
 * selector's syntax, a `names` entry's form) parseConfig checks alone.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from '@redocly/ajv/dist/2020';
import { ConfigError, CONFIG_KEYS, parseConfig } from '../../generator/config/config';
import { CLIENT_SETTING_KEYS } from '../../generator/ir/client-settings';

interface Schema {
  properties: Record<string, { properties?: Record<string, unknown> }>;
}
const schema = JSON.parse(
  readFileSync(path.join(__dirname, '../../docs/clientgen.config.schema.json'), 'utf8'),
) as Schema;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const accepts = (config: unknown): boolean => {
  try {
    parseConfig(JSON.stringify(config), 'clientgen.config.json');
    return true;
  } catch (e) {
    if (e instanceof ConfigError) return false;
    throw e;
  }
};

const VALID: unknown[] = [
  {},
  { $schema: './node_modules/clientgen/docs/clientgen.config.schema.json' },
  { spec: 'openapi.yaml', out: 'src/api', clientName: 'Acme', tests: 'test/api' },
  { spec: 'https://api.example.com/openapi.json', importStyle: 'nodenext', strict: true },
  { include: ['tag:Chat', 'path:/chat/**'], exclude: ['op:deleteThing'] },
  { names: { 'POST /jobs/{id}/cancel': 'jobs.cancel' } },
  { client: {} },
  {
    client: {
      env: { apiKey: 'ACME_API_KEY', bearerToken: 'ACME_TOKEN', log: '_LOG' },
      timeout: 0,
      maxRetries: 5,
      browser: 'opt-in',
    },
  },
  { client: { timeout: 1.5, browser: 'allow' } },
  { client: { resources: { 'chat.completions': { typePrefix: 'ChatCompletion' }, pets: {} } } },
];

const INVALID: unknown[] = [
  [],
  'openapi.yaml',
  { output: 'out' },
  { spec: 42 },
  { spec: '' },
  { out: '   ' },
  { importStyle: 'esm' },
  { strict: 'yes' },
  { include: 'tag:Chat' },
  { include: [1] },
  { names: [] },
  { names: { 'GET /x': 3 } },
  { client: 'soon' },
  { client: { retries: 3 } },
  { client: { timeout: -1 } },
  { client: { timeout: '5s' } },
  { client: { maxRetries: null } },
  { client: { maxRetries: 1.5 } },
  { client: { browser: 'deny' } },
  { client: { env: 'ACME' } },
  { client: { env: { apiKey: 'MY-KEY' } } },
  { client: { env: { apiKey: '1KEY' } } },
  { client: { env: { apiKey: 7 } } },
  { client: { resources: [] } },
  { client: { resources: { pets: 'Pet' } } },
  { client: { resources: { pets: { typePrefix: 'Pet Store' } } } },
  { client: { resources: { pets: { typePrefix: 3 } } } },
  { client: { resources: { pets: { prefix: 'Pet' } } } },
];

it.each(VALID.map((c) => [JSON.stringify(c), c]))('accepts %s, as clientgen does', (_s, config) => {
  expect(accepts(config)).toBe(true);
  expect(validate(config) ? [] : validate.errors).toEqual([]);
});

it.each(INVALID.map((c) => [JSON.stringify(c), c]))(
  'refuses %s, as clientgen does',
  (_s, config) => {
    expect(accepts(config)).toBe(false);
    expect(validate(config)).toBe(false);
  },
);

it('describes every key clientgen reads, and the client block’s', () => {
  expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(CONFIG_KEYS).sort());
  expect(Object.keys(schema.properties.client?.properties ?? {}).sort()).toEqual(
    Object.keys(CLIENT_SETTING_KEYS).sort(),
  );
});
