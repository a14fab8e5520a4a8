/** The config's `client` block as read (ir/client-settings.ts): what it keeps, whatever keys a JSON text holds. */
import { readClientSettings } from '../../generator/ir/client-settings';

it('keeps an env option or resource path named __proto__ as an own key, not as a prototype', () => {
  const read = readClientSettings(
    JSON.parse(
      '{ "env": { "__proto__": "X_KEY", "apiKey": "A_KEY" }, "resources": { "__proto__": { "typePrefix": "P" } } }',
    ),
    'client',
  );
  if (!('settings' in read)) throw new Error(read.problems.join('\n'));
  const { env, resources } = read.settings;
  expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
  expect(Object.entries(env ?? {})).toEqual([
    ['__proto__', 'X_KEY'],
    ['apiKey', 'A_KEY'],
  ]);
  expect(Object.getPrototypeOf(resources)).toBe(Object.prototype);
  expect(Object.entries(resources ?? {})).toEqual([['__proto__', { typePrefix: 'P' }]]);
});

it('lists every problem of a block at once', () => {
  const read = readClientSettings(
    { timeout: -1, maxRetries: 0.5, browser: 'no', env: { apiKey: 'a b' }, extra: 1 },
    'client',
  );
  expect('problems' in read && read.problems.map((p) => p.split(' ')[0])).toEqual([
    '"client.timeout"',
    '"client.maxRetries"',
    '"client.browser"',
    '"client.env.apiKey"',
    'unknown',
  ]);
});
