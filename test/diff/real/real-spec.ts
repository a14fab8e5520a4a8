/**
 * Real specs for the phantom-change tests: one load per spec, then variants built in memory (members reordered,
 * paths and schemas shuffled, one member changed) and diffed on IR and plan exactly as `diffSpecs` does, without
 * the Redocly validation a variant would not change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildIr } from '../../../generator/ir/build-ir';
import { loadSpec, type LoadedSpec } from '../../../generator/load/load-spec';
import { diffIr } from '../../../generator/diff/diff-ir';
import type { DiffSide } from '../../../generator/diff/diff-shared';
import type { ApiChange } from '../../../generator/diff/types';
import { planOutput } from '../../../generator/plan/plan-output';
import { HTTP_METHODS } from '../../../generator/ir/types';

export const SPECS = path.join(__dirname, '../../fixtures/specs');

/** Loads a spec of test/fixtures/specs. */
export async function loadFixture(name: string): Promise<LoadedSpec> {
  const loaded = await loadSpec(path.join(SPECS, name));
  if (!loaded.spec) throw new Error(`${name} did not load`);
  return loaded.spec;
}

/** The spec with its entry document replaced by `edit` of a deep copy of it. */
export function variant(
  spec: LoadedSpec,
  edit: (doc: Record<string, unknown>) => void,
): LoadedSpec {
  const value = structuredClone(spec.entry.value) as Record<string, unknown>;
  edit(value);
  const entry = { ...spec.entry, value };
  return { entry, files: new Map([...spec.files, [entry.id, entry]]) };
}

/** IR and plan of a spec, as `diffSpecs` builds them. */
export function sideOf(spec: LoadedSpec): DiffSide {
  const { ir, diagnostics } = buildIr(spec, spec.entry.displayPath);
  if (!ir) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return { ir, plan: planOutput(ir), spec };
}

export function diffSides(before: DiffSide, after: DiffSide): ApiChange[] {
  return diffIr(before, after);
}

/** An object with its keys in reverse order. */
export function reversedKeys<T>(value: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(value).reverse());
}

/** Reverses every `anyOf` and `oneOf` list under `node`, in place. */
export function reverseUnions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(reverseUnions);
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(child)) child.reverse();
    reverseUnions(child);
  }
}

/**
 * Paths, component schemas and every union's members in reverse order: the same API. Not the unions' members with
 * `unions: false`, for a spec whose `$ref`s point at one by its index (`…/oneOf/0`): reversing them changes its API.
 */
export function shuffle(doc: Record<string, unknown>, { unions = true } = {}): void {
  const reverse = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? reversedKeys(value as Record<string, unknown>)
      : value;
  doc.paths = reverse(doc.paths);
  const components = doc.components as Record<string, unknown> | undefined;
  if (components) components.schemas = reverse(components.schemas);
  if (!unions) return;
  reverseUnions(doc.paths);
  reverseUnions(components);
}

/** `rule location: message` lines, for readable failures. */
export function lines(changes: ApiChange[]): string[] {
  return changes.map((c) => `${c.rule} ${c.location}: ${c.message}`);
}

/**
 * The spec moved from OpenAPI 3.0 to 3.1 as the standard says, in place: `nullable` into `type` (or a union with
 * `null`), boolean exclusive bounds into numbers, `example` into `examples`, `format: binary` and `byte` into
 * `contentMediaType` and `contentEncoding`. The same API: only its words change. Schemas behind a `$ref` are moved
 * where they are defined; a `$ref`'s siblings, which 3.0 ignores, are left as they are.
 */
export function upgradeTo31(doc: Record<string, unknown>): void {
  doc.openapi = '3.1.0';
  const record = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  const values = (v: unknown) => Object.values(record(v) ?? {});
  const schema = (node: unknown): void => {
    const s = record(node);
    if (!s || '$ref' in s) return;
    if (s.nullable === true) {
      // An enum lists every value the schema admits, null too (nytimes' `GeoFacet: {nullable: true, enum: [''],
      // oneOf: [...]}`), whatever else changes.
      if (Array.isArray(s.enum) && !s.enum.includes(null))
        s.enum = [...(s.enum as unknown[]), null];
      if (typeof s.type === 'string') s.type = [s.type, 'null'];
      else if (Array.isArray(s.oneOf)) s.oneOf = [...(s.oneOf as unknown[]), { type: 'null' }];
      else if (Array.isArray(s.anyOf)) s.anyOf = [...(s.anyOf as unknown[]), { type: 'null' }];
      else if (Array.isArray(s.allOf)) {
        s.anyOf = [{ allOf: s.allOf }, { type: 'null' }];
        delete s.allOf;
      }
      // No `type`: 3.0.3 says `nullable` then means nothing, but tools (clientgen too) read the type the keywords
      // imply as nullable (telnyx's `response: {nullable: true, properties: {…}}`), and so does this move.
      else if (s.type === undefined && !Array.isArray(s.enum)) {
        if ('properties' in s || 'additionalProperties' in s) s.type = ['object', 'null'];
        else if ('items' in s) s.type = ['array', 'null'];
      }
    }
    delete s.nullable;
    for (const [flag, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ] as const) {
      if (s[flag] === true && typeof s[bound] === 'number') {
        s[flag] = s[bound];
        delete s[bound];
      } else if (typeof s[flag] === 'boolean') delete s[flag];
    }
    if ('example' in s) {
      if (!('examples' in s)) s.examples = [s.example];
      delete s.example;
    }
    if (s.format === 'binary') s.contentMediaType = 'application/octet-stream';
    if (s.format === 'byte') s.contentEncoding = 'base64';
    if (s.format === 'binary' || s.format === 'byte') delete s.format;
    values(s.properties).forEach(schema);
    if (Array.isArray(s.items)) s.items.forEach(schema);
    else schema(s.items);
    schema(s.additionalProperties);
    schema(s.not);
    for (const k of ['allOf', 'anyOf', 'oneOf'])
      if (Array.isArray(s[k])) (s[k] as unknown[]).forEach(schema);
  };
  const content = (v: unknown) => values(v).forEach((m) => schema(record(m)?.schema));
  const parameters = (v: unknown) =>
    (Array.isArray(v) ? v : values(v)).forEach((p) => {
      schema(record(p)?.schema);
      content(record(p)?.content);
    });
  const headers = (v: unknown) => values(v).forEach((h) => schema(record(h)?.schema));
  const response = (r: unknown) => {
    content(record(r)?.content);
    headers(record(r)?.headers);
  };
  const components = record(doc.components);
  values(components?.schemas).forEach(schema);
  parameters(components?.parameters);
  headers(components?.headers);
  values(components?.requestBodies).forEach((b) => content(record(b)?.content));
  values(components?.responses).forEach(response);
  for (const item of values(doc.paths)) {
    parameters(record(item)?.parameters);
    for (const op of values(item)) {
      const o = record(op);
      if (!o || !record(o.responses)) continue;
      parameters(o.parameters);
      content(record(o.requestBody)?.content);
      values(o.responses).forEach(response);
    }
  }
}

/** Keys a one-member wrapper may carry that only describe the `$ref` it wraps. */
const DESCRIBING = new Set([
  'description',
  'title',
  'deprecated',
  'readOnly',
  'writeOnly',
  'default',
  'examples',
]);

/**
 * A 3.1 document with its one-member wrappers (`allOf: [{$ref: X}]`, or `anyOf`/`oneOf` of one `$ref`, beside
 * describing keys only: 3.0's way to describe a `$ref`'d schema) written as a `$ref` with those keys beside it, as
 * 3.1 allows: the same API. In place; the number of wrappers dropped.
 */
export function dropRefWrappers(node: unknown): number {
  return rewriteObjects(node, (record) => {
    const keyword = ['allOf', 'anyOf', 'oneOf'].find((k) => Array.isArray(record[k]));
    const members = keyword ? (record[keyword] as unknown[]) : [];
    const [only] = members;
    if (
      !keyword ||
      members.length !== 1 ||
      only === null ||
      typeof only !== 'object' ||
      Object.keys(only).length !== 1 ||
      typeof (only as { $ref?: unknown }).$ref !== 'string' ||
      !Object.keys(record).every((k) => k === keyword || DESCRIBING.has(k))
    )
      return false;
    delete record[keyword];
    record.$ref = (only as { $ref: string }).$ref;
    return true;
  });
}

/** Keys that describe a schema and stay on it when its type moves into a union (`nullTypesAsUnions`). */
const ANNOTATIONS = new Set([...DESCRIBING, 'example', 'externalDocs', '$comment', 'xml']);

/**
 * A 3.1 document with each nullable type list (`type: [string, 'null']`, with what constrains it) written as the
 * union 3.1 also allows, `anyOf: [{type: string, …}, {type: 'null'}]`, its annotations kept outside: the same API.
 * In place; the number of schemas rewritten, 0 for a document with a `$ref` into a schema's insides
 * (`#/components/schemas/A/properties/b`), whose target could move.
 */
export function nullTypesAsUnions(doc: Record<string, unknown>): number {
  if (/"\$ref":\s*"#\/(?:components\/schemas\/[^"/]+\/|paths\/)/.test(JSON.stringify(doc)))
    return 0;
  return rewriteObjects(doc, (s) => {
    const { type } = s;
    if (!Array.isArray(type) || type.length !== 2 || !type.includes('null') || composed(s))
      return false;
    const inner: Record<string, unknown> = { type: type.find((t) => t !== 'null') };
    for (const k of Object.keys(s))
      if (k !== 'type' && !ANNOTATIONS.has(k) && !k.startsWith('x-')) {
        inner[k] = s[k];
        delete s[k];
      }
    delete s.type;
    s.anyOf = [inner, { type: 'null' }];
    return true;
  });
}

/**
 * The other way: each union of one typed schema and `{type: 'null'}` (`anyOf: [{type: string, …}, {type: 'null'}]`,
 * as OpenAI's description writes every nullable) written as a type list, `type: [string, 'null']`, with the union's
 * annotations over the member's. The same API. In place; the number of unions rewritten.
 */
export function unionsAsNullTypes(doc: Record<string, unknown>): number {
  const isNull = (m: unknown) =>
    m !== null &&
    typeof m === 'object' &&
    Object.keys(m).length === 1 &&
    (m as { type?: unknown }).type === 'null';
  return rewriteObjects(doc, (s) => {
    const keyword = (['anyOf', 'oneOf'] as const).find((k) => Array.isArray(s[k]));
    const members = keyword ? (s[keyword] as unknown[]) : [];
    const member = members.find((m) => !isNull(m)) as Record<string, unknown> | undefined;
    if (
      !keyword ||
      members.length !== 2 ||
      !members.some(isNull) ||
      !member ||
      typeof member.type !== 'string' ||
      member.type === 'null' ||
      composed(member) ||
      Object.keys(s).some((k) => k !== keyword && !ANNOTATIONS.has(k) && !k.startsWith('x-'))
    )
      return false;
    const own = Object.fromEntries(Object.entries(s).filter(([k]) => k !== keyword));
    for (const k of Object.keys(s)) delete s[k];
    Object.assign(s, member, own, { type: [member.type, 'null'] });
    return true;
  });
}

/** A schema that lists its values or composes others: not one type a type list could say. */
function composed(s: Record<string, unknown>): boolean {
  return ['enum', 'const', 'allOf', 'anyOf', 'oneOf', '$ref'].some((k) => k in s);
}

/** Offers every object of a document to `rewrite`, innermost first, examples aside; how many it rewrote. */
function rewriteObjects(doc: unknown, rewrite: (s: Record<string, unknown>) => boolean): number {
  let rewritten = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const s = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(s)) if (k !== 'example' && k !== 'examples') walk(v);
    if (rewrite(s)) rewritten++;
  };
  walk(doc);
  return rewritten;
}

/**
 * The document as a provider splits it into files: each component schema in `schemas/<name>.json` (names that are
 * no plain file name as `schemas/s<index>.json`), every `$ref` and discriminator mapping to one rewritten to the
 * file, `components.schemas` holding `$ref`s to them. The same API. Written under `dir`; the entry's path.
 */
export function writeSplit(doc: Record<string, unknown>, dir: string): string {
  const components = (doc.components ?? {}) as Record<string, unknown>;
  const schemas = (components.schemas ?? {}) as Record<string, unknown>;
  const names = Object.keys(schemas);
  const fileOf = new Map(
    names.map((n, i) => [n, `${/^[A-Za-z0-9_.-]+$/.test(n) ? n : `s${i}`}.json`]),
  );
  const PREFIX = '#/components/schemas/';
  const refTo = (ref: string, inFolder: boolean): string => {
    if (!ref.startsWith('#')) return ref;
    if (ref.startsWith(PREFIX)) {
      const rest = ref.slice(PREFIX.length);
      const slash = rest.indexOf('/');
      const name = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash))
        .replace(/~1/g, '/')
        .replace(/~0/g, '~');
      const file = fileOf.get(name);
      if (file)
        return `${inFolder ? '' : 'schemas/'}${file}${slash < 0 ? '' : `#${rest.slice(slash)}`}`;
    }
    return inFolder ? `../openapi.json${ref}` : ref;
  };
  const rewrite = (node: unknown, inFolder: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, inFolder));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? refTo(v, inFolder)
          : k === 'mapping' && v !== null && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(
                Object.entries(v as Record<string, unknown>).map(([m, r]) => [
                  m,
                  typeof r === 'string' ? refTo(r, inFolder) : r,
                ]),
              )
            : rewrite(v, inFolder),
      ]),
    );
  };
  mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  for (const name of names)
    writeFileSync(
      path.join(dir, 'schemas', fileOf.get(name)!),
      JSON.stringify(rewrite(schemas[name], true)),
    );
  const root = rewrite(doc, false) as { components: Record<string, unknown> };
  root.components.schemas = Object.fromEntries(
    names.map((n) => [n, { $ref: `schemas/${fileOf.get(n)!}` }]),
  );
  const entry = path.join(dir, 'openapi.json');
  writeFileSync(entry, JSON.stringify(root));
  return entry;
}

/**
 * The document's `security` written on every operation that inherits it, and taken off the document, in place: the
 * same API. False when the document has none, or no operation inherits it: it is then only the client's default for
 * the calls the spec does not describe (`client.get(path)`), which a document without it cannot say (bbci's and
 * apideck's proxy's operations each declare their own).
 */
export function securityOntoOperations(doc: Record<string, unknown>): boolean {
  if (!Array.isArray(doc.security)) return false;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const inheriting = Object.values(paths).flatMap((item) =>
    HTTP_METHODS.flatMap((method) => {
      const op = item?.[method] as Record<string, unknown> | undefined;
      return op && typeof op === 'object' && !('security' in op) ? [op] : [];
    }),
  );
  if (!inheriting.length) return false;
  for (const op of inheriting) op.security = structuredClone(doc.security);
  delete doc.security;
  return true;
}
