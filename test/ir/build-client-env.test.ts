/** The client's environment variables: as named in `x-clientgen.env`, the log level's derived from the others. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { buildIr } from '../../generator/ir/build-ir';
import { loadSpec } from '../../generator/load/load-spec';

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'clientgen-env-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function envOf(env: Record<string, unknown> | undefined) {
  const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  const root = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} };
  writeFileSync(file, stringify(env ? { ...root, 'x-clientgen': { env } } : root));
  const { spec } = await loadSpec(file);
  const { ir, diagnostics } = buildIr(spec!, 'spec.yaml');
  return { env: ir?.client.env, diagnostics: diagnostics.map((d) => `${d.code} ${d.pointer}`) };
}

describe('x-clientgen.env', () => {
  it.each([
    ['from the API key prefix', { apiKey: 'ACME_API_KEY' }, 'ACME_LOG'],
    ['from the base URL prefix', { baseURL: 'ACME_BASE_URL' }, 'ACME_LOG'],
    ['the API key wins', { apiKey: 'ONE_API_KEY', baseURL: 'TWO_BASE_URL' }, 'ONE_LOG'],
    ['as named', { apiKey: 'ACME_API_KEY', log: 'ACME_DEBUG' }, 'ACME_DEBUG'],
    ['none without a prefix', { apiKey: 'TOKEN' }, undefined],
    ['none without env', undefined, undefined],
  ])('names the log level variable %s', async (_name, env, log) => {
    const result = await envOf(env);
    expect(result.env?.log).toBe(log);
    expect(result.diagnostics).toEqual([]);
  });

  it('rejects a log variable name that is not a plain name', async () => {
    const result = await envOf({ apiKey: 'ACME_API_KEY', log: 'ACME LOG; rm' });
    expect(result.diagnostics).toEqual(['invalid-extension #/x-clientgen/env/log']);
    // The derived name is used instead of the rejected one.
    expect(result.env?.log).toBe('ACME_LOG');
  });
});

describe('x-clientgen.browser', () => {
  async function browserOf(browser: unknown) {
    const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
    const root = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} };
    writeFileSync(file, stringify({ ...root, 'x-clientgen': { browser } }));
    const { spec } = await loadSpec(file);
    const { ir, diagnostics } = buildIr(spec!, 'spec.yaml');
    return [ir?.client.browser, diagnostics.map((d) => `${d.code} ${d.pointer}`)];
  }

  it.each([
    [undefined, 'allow'],
    ['allow', 'allow'],
    ['opt-in', 'opt-in'],
  ])('takes %s as %s', async (browser, mode) => {
    expect(await browserOf(browser)).toEqual([mode, []]);
  });

  it('reports any other value and lets the client run in a browser', async () => {
    expect(await browserOf('refuse')).toEqual([
      'allow',
      ['invalid-extension #/x-clientgen/browser'],
    ]);
  });
});

describe('x-clientgen.timeout and maxRetries', () => {
  async function defaultsOf(ext: Record<string, unknown>) {
    const file = path.join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
    const root = { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} };
    writeFileSync(file, stringify({ ...root, 'x-clientgen': ext }));
    const { spec } = await loadSpec(file);
    const { ir, diagnostics } = buildIr(spec!, 'spec.yaml');
    return [
      ir?.client.timeout,
      ir?.client.maxRetries,
      diagnostics.map((d) => `${d.code} ${d.pointer}`),
    ];
  }

  it.each([
    [{}, 60_000, 2],
    [{ timeout: 0, maxRetries: 0 }, 0, 0],
    [{ timeout: 600_000, maxRetries: 5 }, 600_000, 5],
    [{ timeout: 2.5 }, 2.5, 2],
  ])('takes %j', async (ext, timeout, maxRetries) => {
    expect(await defaultsOf(ext)).toEqual([timeout, maxRetries, []]);
  });

  it.each([
    [{ timeout: -1 }, 'timeout'],
    [{ timeout: '30s' }, 'timeout'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ maxRetries: -2 }, 'maxRetries'],
    [{ maxRetries: '3' }, 'maxRetries'],
  ])('reports %j and keeps the default', async (ext, key) => {
    expect(await defaultsOf(ext)).toEqual([60_000, 2, [`invalid-extension #/x-clientgen/${key}`]]);
  });
});
