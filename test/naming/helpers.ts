import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { buildIr } from '../../generator/ir/build-ir';
import type { NameRecord } from '../../generator/ir/name-operations';
import { operationKey } from '../../generator/ir/naming/operation-key';
import { loadSpec } from '../../generator/load/load-spec';

/** A spec's operations, written short: `{ '/jobs/{id}': { get: { operationId: 'getJob' } } }`. */
export type Paths = Record<string, Record<string, Record<string, unknown>>>;

/** Fills in what a valid operation needs (a response, declared path parameters). */
function complete(paths: Paths): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [p, item] of Object.entries(paths)) {
    const params = [...p.replace(/\?.*$/, '').matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const ops: Record<string, unknown> = {};
    for (const [method, op] of Object.entries(item)) {
      ops[method] = {
        ...(params.length ? { parameters: params } : {}),
        responses: { '200': { description: 'OK' } },
        ...op,
      };
    }
    out[p] = ops;
  }
  return out;
}

/** Builds the IR of the given paths and returns `METHOD /path` → `resource.method`, plus the diagnostics. */
export async function namesOf(
  paths: Paths,
  extra: Record<string, unknown> = {},
  record?: NameRecord,
): Promise<{
  names: Record<string, string>;
  sources: Record<string, string>;
  diagnostics: string[];
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-naming-'));
  try {
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(
      file,
      stringify({
        openapi: '3.1.0',
        info: { title: 'T', version: '1' },
        paths: complete(paths),
        ...extra,
      }),
    );
    const { spec } = await loadSpec(file);
    const { ir, diagnostics } = buildIr(spec!, 'spec.yaml', { names: record });
    const names: Record<string, string> = {};
    const sources: Record<string, string> = {};
    for (const op of ir?.operations ?? []) {
      names[operationKey(op)] = [...op.resource, op.methodName].join('.');
      sources[operationKey(op)] = op.nameSource ?? '';
    }
    return {
      names,
      sources,
      diagnostics: diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
