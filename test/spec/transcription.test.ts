/**
 * spec/chat-completions.yaml against its sources (spec/sources/000_* Python page, 003_* Java page).
 * The checker is `checkTranscription` in ./transcription.ts; the last block proves it can fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import {
  checkTranscription,
  isObject,
  parseJavaModels,
  parseOperations,
  parsePythonModels,
  pythonClassNames,
  SpecIndex,
  type Json,
  type JsonObject,
  type Pages,
  type Problem,
} from './transcription';

const ROOT = join(__dirname, '..', '..');
const SOURCES = join(ROOT, 'spec', 'sources');
const SPEC_PATH = join(ROOT, 'spec', 'chat-completions.yaml');
const FIXTURES = join(__dirname, 'fixtures');

function sourcePage(prefix: string): string {
  const file = readdirSync(SOURCES).find((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (!file) throw new Error(`no spec/sources/${prefix}*.txt`);
  return readFileSync(join(SOURCES, file), 'utf8');
}

const pages: Pages = { python: sourcePage('000_'), java: sourcePage('003_') };
const spec: unknown = existsSync(SPEC_PATH) ? parse(readFileSync(SPEC_PATH, 'utf8')) : undefined;
const problems: Problem[] = spec === undefined ? [] : checkTranscription(pages, spec);

const classes = pythonClassNames(pages.python);
const operations = parseOperations(pages.python);
const javaTokens = parseJavaModels(pages.java ?? '');
const unions = javaTokens.flatMap((t) => (t.kind === 'union' ? [t.name] : []));
const enums = javaTokens.flatMap((t) => (t.kind === 'enum' ? [t.name] : []));

function requireSpec(): void {
  if (spec === undefined) throw new Error(`${SPEC_PATH} does not exist`);
}

function messagesFor(subject: string): string[] {
  requireSpec();
  return problems.filter((p) => p.subject === subject).map((p) => p.message);
}

describe('the reference pages are read as expected', () => {
  it('finds the six operations, the models and the Java unions', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'POST /chat/completions',
      'GET /chat/completions',
      'GET /chat/completions/{completion_id}',
      'POST /chat/completions/{completion_id}',
      'DELETE /chat/completions/{completion_id}',
      'GET /chat/completions/{completion_id}/messages',
    ]);
    expect(parseOperations(pages.java ?? '').map((o) => `${o.method} ${o.path}`)).toEqual(
      operations.map((o) => `${o.method} ${o.path}`),
    );
    expect(classes).toEqual(expect.arrayContaining(['ChatCompletion', 'ChatCompletionChunk', 'File', 'CustomFormatGrammar']));
    expect(unions).toEqual([
      'ChatCompletionContentPart',
      'ChatCompletionMessageParam',
      'ChatCompletionMessageToolCall',
      'ChatCompletionTool',
      'ChatCompletionToolChoiceOption',
    ]);
    expect(enums).toEqual(['ChatCompletionModality', 'ChatCompletionRole']);
  });

  it('expands truncated Literals from the "Accepts one of the following:" list', () => {
    const fields = parsePythonModels(pages.python).flatMap((t) => (t.kind === 'field' ? [t] : []));
    const voice = fields.find((f) => f.name === 'voice');
    expect(voice?.literal).toEqual(['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar']);
    const finish = fields.find((f) => f.name === 'finish_reason');
    expect(finish?.literal).toEqual(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);
    expect(fields.filter((f) => f.deprecated).map((f) => f.name)).toContain('system_fingerprint');
  });
});

describe('spec/chat-completions.yaml', () => {
  it('exists and is a YAML mapping', () => {
    requireSpec();
    expect(isObject(spec)).toBe(true);
  });

  describe('Python page classes: schema, fields, Literals, deprecations, types', () => {
    it.each(classes)('%s', (name) => {
      expect(messagesFor(name)).toEqual([]);
    });
  });

  describe('operations (method + path)', () => {
    it.each(operations)('$method $path ($heading)', (op) => {
      expect(messagesFor(`${op.method} ${op.path}`)).toEqual([]);
    });
  });

  describe('Java page unions: component schema with the listed oneOf variants', () => {
    it.each(unions)('%s', (name) => {
      expect(messagesFor(name)).toEqual([]);
    });
  });

  describe('Java page enums', () => {
    it.each(enums)('%s', (name) => {
      expect(messagesFor(name)).toEqual([]);
    });
  });

  it('has no other problems (e.g. dangling $refs)', () => {
    requireSpec();
    const known = new Set<string>([...classes, ...operations.map((o) => `${o.method} ${o.path}`), ...unions, ...enums]);
    expect(problems.filter((p) => !known.has(p.subject)).map((p) => p.message)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Meta: the checker reports deliberate damage.

/** Walks `className` → fields to a property schema (in the object it is in, so it can be mutated). */
function propertyOf(index: SpecIndex, className: string, path: string[]): { owner: JsonObject; prop: Json } {
  const cls = index.findClass(className);
  if (!cls) throw new Error(`no class ${className}`);
  let members = [cls.node];
  let found: { owner: JsonObject; prop: Json } | undefined;
  for (const field of path) {
    found = undefined;
    for (const node of members) {
      const owner = ownerOf(index, node, field);
      const prop = owner?.[field];
      if (owner && prop !== undefined) {
        found = { owner, prop };
        break;
      }
    }
    if (!found) throw new Error(`no ${className}.${path.join('.')}`);
    members = index.objects(found.prop).map((m) => m.node);
  }
  if (!found) throw new Error('empty path');
  return found;
}

/** The `properties` object (own or through `allOf`) that declares `field`. */
function ownerOf(index: SpecIndex, node: JsonObject, field: string): JsonObject | undefined {
  const own = node['properties'];
  if (isObject(own) && field in own) return own;
  for (const part of Array.isArray(node['allOf']) ? node['allOf'] : []) {
    const r = index.resolve(part);
    const owner = r ? ownerOf(index, r.node, field) : undefined;
    if (owner) return owner;
  }
  return undefined;
}

/** Every schema node reachable from `schema` through refs and wrappers (allOf/anyOf/oneOf/items). */
function reachable(index: SpecIndex, schema: Json, out = new Set<JsonObject>()): Set<JsonObject> {
  if (!isObject(schema) || out.has(schema)) return out;
  out.add(schema);
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = index.pointer(ref);
    if (target !== undefined) reachable(index, target, out);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members)) for (const m of members) reachable(index, m, out);
  }
  if (schema['items'] !== undefined) reachable(index, schema['items'], out);
  return out;
}

interface Mutation {
  name: string;
  apply(spec: JsonObject): void;
  expected: Partial<Problem>;
}

function mutations(): Mutation[] {
  return [
    {
      name: 'delete the ChatCompletionDeleted schema',
      apply(doc) {
        const index = new SpecIndex(doc);
        const path = index.locateClass('ChatCompletionDeleted');
        const key = path?.at(-1);
        if (!path || key === undefined) throw new Error('ChatCompletionDeleted not found');
        let parent: Json = doc;
        for (const k of path.slice(0, -1)) parent = isObject(parent) ? (parent[k] ?? null) : null;
        if (!isObject(parent)) throw new Error('bad path');
        delete parent[key];
      },
      expected: { kind: 'missing-schema', subject: 'ChatCompletionDeleted' },
    },
    {
      name: 'delete ChatCompletion.created',
      apply(doc) {
        const { owner } = propertyOf(new SpecIndex(doc), 'ChatCompletion', ['created']);
        delete owner['created'];
      },
      expected: { kind: 'missing-field', subject: 'ChatCompletion', path: 'ChatCompletion.created' },
    },
    {
      name: 'rename the enum value content_filter of ChatCompletion.choices.finish_reason',
      apply(doc) {
        const index = new SpecIndex(doc);
        const { prop } = propertyOf(index, 'ChatCompletion', ['choices', 'finish_reason']);
        const holder = [...reachable(index, prop)].find((n) => Array.isArray(n['enum']) && n['enum'].includes('content_filter'));
        const values = holder?.['enum'];
        if (!Array.isArray(values)) throw new Error('finish_reason enum not found');
        values[values.indexOf('content_filter')] = 'content_filtered';
      },
      expected: { kind: 'enum-mismatch', subject: 'ChatCompletion', path: 'ChatCompletion.choices.finish_reason' },
    },
    {
      name: 'drop deprecated: true from ChatCompletion.system_fingerprint',
      apply(doc) {
        const index = new SpecIndex(doc);
        const { prop } = propertyOf(index, 'ChatCompletion', ['system_fingerprint']);
        for (const node of reachable(index, prop)) delete node['deprecated'];
      },
      expected: { kind: 'not-deprecated', subject: 'ChatCompletion', path: 'ChatCompletion.system_fingerprint' },
    },
    {
      name: 'drop the File variant from the ChatCompletionContentPart union',
      apply(doc) {
        const index = new SpecIndex(doc);
        const union = index.components['ChatCompletionContentPart'];
        const members = isObject(union) ? union['oneOf'] : undefined;
        if (!Array.isArray(members)) throw new Error('ChatCompletionContentPart has no oneOf');
        const at = members.findIndex((m) => index.resolve(m)?.names.has('File'));
        if (at < 0) throw new Error('no File member');
        members.splice(at, 1);
        if (isObject(union) && isObject(union['discriminator'])) delete union['discriminator'];
      },
      expected: { kind: 'union-mismatch', subject: 'ChatCompletionContentPart' },
    },
  ];
}

function problemKey(p: Problem): string {
  return `${p.kind}|${p.subject}|${p.message}`;
}

const fixturePages: Pages = {
  python: readFileSync(join(FIXTURES, 'mini-python-page.txt'), 'utf8'),
  java: readFileSync(join(FIXTURES, 'mini-java-page.txt'), 'utf8'),
};
const fixtureSpec: unknown = parse(readFileSync(join(FIXTURES, 'mini-spec.yaml'), 'utf8'));

describe('checkTranscription can fail (meta)', () => {
  it('finds nothing wrong with the fixture (fixtures/mini-*)', () => {
    expect(checkTranscription(fixturePages, fixtureSpec).map((p) => p.message)).toEqual([]);
  });

  const targets: [string, () => { pages: Pages; spec: unknown }][] = [
    ['fixture', () => ({ pages: fixturePages, spec: fixtureSpec })],
    [
      'spec/chat-completions.yaml',
      () => {
        requireSpec();
        return { pages, spec };
      },
    ],
  ];

  describe.each(targets)('on %s', (_label, target) => {
    it.each(mutations().map((m) => [m.name, m] as const))('reports: %s', (_name, mutation) => {
      const { pages: p, spec: original } = target();
      if (!isObject(original)) throw new Error('spec is not a mapping');
      const before = new Set(checkTranscription(p, original).map(problemKey));
      const mutated = structuredClone(original);
      mutation.apply(mutated);
      const introduced = checkTranscription(p, mutated).filter((q) => !before.has(problemKey(q)));
      expect(introduced).toContainEqual(expect.objectContaining(mutation.expected));
    });

    it('reports all of them at once', () => {
      const { pages: p, spec: original } = target();
      if (!isObject(original)) throw new Error('spec is not a mapping');
      const mutated = structuredClone(original);
      const all = mutations();
      for (const m of all) m.apply(mutated);
      const found = checkTranscription(p, mutated);
      for (const m of all) expect(found).toContainEqual(expect.objectContaining(m.expected));
    });
  });

  it('reports a page variant that a nested union of the spec lacks', () => {
    const mutated = structuredClone(fixtureSpec);
    if (!isObject(mutated)) throw new Error('fixture is not a mapping');
    // User message content lists Text then File; make the array items a union of File only.
    const index = new SpecIndex(mutated);
    const { prop } = propertyOf(index, 'ChatCompletionUserMessageParam', ['content']);
    const arrays = [...reachable(index, prop)].filter((n) => n['type'] === 'array');
    for (const a of arrays) a['items'] = { oneOf: [{ $ref: '#/components/schemas/ChatCompletionContentPartFile' }] };
    expect(checkTranscription(fixturePages, mutated)).toContainEqual(
      expect.objectContaining({ kind: 'missing-variant', subject: 'ChatCompletionUserMessageParam', path: 'ChatCompletionUserMessageParam.content' }),
    );
  });
});
