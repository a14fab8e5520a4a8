/**
 * spec/chat-completions.yaml against the official description (test/fixtures/specs/openai.yaml), name-
 * independently, on the six chat operations: properties, required-ness, types, enums, nullability,
 * deprecations and descriptions must all agree. The comparison is `compareSpecs` (scripts/sync-spec);
 * the meta block plants disagreements and checks each is found, by path. Also: `npm run sync-spec`
 * would not change the spec (it is the build of the official description with spec/sync/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { buildSpec } from '../../scripts/sync-spec/build';
import { compareSpecs, operationKeys } from '../../scripts/sync-spec/compare';
import { readSyncFiles } from '../../scripts/sync-spec/index';
import {
  isObject,
  resolvePointer,
  type Json,
  type JsonObject,
} from '../../scripts/sync-spec/schema-view';

const ROOT = join(__dirname, '..', '..');
const specText = readFileSync(join(ROOT, 'spec', 'chat-completions.yaml'), 'utf8');
const spec = parse(specText) as JsonObject;
const officialText = readFileSync(join(ROOT, 'test', 'fixtures', 'specs', 'openai.yaml'), 'utf8');
const official = parse(officialText) as JsonObject;

const SIX = [
  'POST /chat/completions',
  'GET /chat/completions',
  'GET /chat/completions/{completion_id}',
  'POST /chat/completions/{completion_id}',
  'DELETE /chat/completions/{completion_id}',
  'GET /chat/completions/{completion_id}/messages',
];

function at(doc: Json, pointer: string): JsonObject {
  const node = resolvePointer(doc, `#${pointer}`);
  if (!isObject(node)) throw new Error(`nothing at ${pointer}`);
  return node;
}

describe('spec/ agrees with the official description', () => {
  it('has exactly the six chat operations', () => {
    expect([...operationKeys(spec)].sort()).toEqual([...SIX].sort());
  });

  it('reports zero disagreements on the six operations', () => {
    expect(
      compareSpecs(spec, official, { operations: SIX }).map((d) => `${d.path}: ${d.message}`),
    ).toEqual([]);
  });

  it('is what npm run sync-spec builds (so the next update starts from a clean state)', () => {
    const { mapping, overlay } = readSyncFiles(ROOT);
    expect(buildSpec(official, mapping, overlay) === specText).toBe(true);
  });

  it('builds the same bytes twice (no order or clock dependence)', () => {
    const { mapping, overlay } = readSyncFiles(ROOT);
    expect(buildSpec(parse(officialText) as JsonObject, mapping, overlay)).toBe(
      buildSpec(parse(officialText) as JsonObject, mapping, overlay),
    );
  });

  it('is clean 3.1: no 3.0 `nullable`, no official-only x- extensions', () => {
    const keys = new Set<string>();
    const walk = (node: Json, key = ''): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n));
      if (!isObject(node)) return;
      for (const [k, v] of Object.entries(node)) {
        if (key !== 'properties' && key !== 'examples') keys.add(k);
        walk(v, k);
      }
    };
    walk(spec);
    expect(keys.has('nullable')).toBe(false);
    expect(
      [...keys].filter(
        (k) => k.startsWith('x-') && !/^x-(clientgen.*|source|page-name|java-name)$/.test(k),
      ),
    ).toEqual([]);
  });
});

describe('compareSpecs finds planted disagreements (meta)', () => {
  const planted: {
    name: string;
    plant: (doc: JsonObject) => void;
    path: string;
    message: RegExp;
  }[] = [
    {
      name: 'a property removed',
      plant: (doc) => delete at(doc, '/components/schemas/ChatCompletion/properties')['moderation'],
      path: 'POST /chat/completions 200 application/json.moderation',
      message: /property missing from ours/,
    },
    {
      name: 'an enum value dropped',
      plant: (doc) => {
        const values = at(
          doc,
          '/components/schemas/ChatCompletion/properties/choices/items/properties/finish_reason',
        )['enum'];
        if (!Array.isArray(values)) throw new Error('no enum');
        values.splice(values.indexOf('content_filter'), 1);
      },
      path: 'POST /chat/completions 200 application/json.choices[].finish_reason',
      message: /enum: missing "content_filter"/,
    },
    {
      name: 'nullability lost',
      plant: (doc) => {
        at(doc, '/components/schemas/ChatCompletionMessage/properties')['content'] = {
          type: 'string',
          description: 'The contents of the message.',
        };
      },
      path: 'POST /chat/completions 200 application/json.choices[].message.content',
      message: /nullable in official, not in ours/,
    },
    {
      name: 'a field made required',
      plant: (doc) => {
        const required = at(doc, '/components/schemas/ChatCompletion')['required'];
        if (!Array.isArray(required)) throw new Error('no required');
        required.push('usage');
      },
      path: 'POST /chat/completions 200 application/json.usage',
      message: /required in ours, optional in official/,
    },
    {
      name: 'a deprecation dropped',
      plant: (doc) =>
        delete at(doc, '/components/schemas/ChatCompletion/properties/system_fingerprint')[
          'deprecated'
        ],
      path: 'POST /chat/completions 200 application/json.system_fingerprint',
      message: /deprecated in official, not in ours/,
    },
    {
      name: 'a type changed',
      plant: (doc) => {
        at(doc, '/components/schemas/ChatCompletion/properties/created')['type'] = 'string';
      },
      path: 'POST /chat/completions 200 application/json.created',
      message: /type: ours \[string\], official \[integer\]/,
    },
    {
      name: 'a description edited',
      plant: (doc) => {
        at(doc, '/components/schemas/ChatCompletion/properties/id')['description'] =
          'Something else.';
      },
      path: 'POST /chat/completions 200 application/json.id',
      message: /description differs/,
    },
    {
      name: 'a union member dropped',
      plant: (doc) => {
        const members = at(doc, '/components/schemas/ChatCompletionMessageParam')['oneOf'];
        if (!Array.isArray(members)) throw new Error('no oneOf');
        members.splice(0, 1);
      },
      path: 'POST /chat/completions body application/json.messages[].(role=developer)',
      message: /union member missing from ours/,
    },
  ];

  it.each(planted)('$name', ({ plant, path, message }) => {
    const doc = structuredClone(spec);
    plant(doc);
    const found = compareSpecs(doc, official, { operations: SIX });
    expect(found.filter((d) => d.path === path && message.test(d.message))).toHaveLength(1);
  });

  it('is name-independent: renaming every component changes nothing', () => {
    const text = specText.replace(
      /\b(ChatCompletion\w*|CompletionUsage|FunctionCall|Metadata)\b/g,
      'Renamed$1',
    );
    expect(compareSpecs(parse(text) as JsonObject, official, { operations: SIX })).toEqual([]);
  });

  it('reads the three spellings of "may be null" alike', () => {
    const props = (doc: JsonObject): JsonObject =>
      at(doc, '/components/schemas/ChatCompletionMessage/properties');
    const description = 'The contents of the message.';
    expect(props(spec)['content']).toEqual({
      anyOf: [{ type: 'string', description }, { type: 'null' }],
    });
    for (const content of <JsonObject[]>[
      { type: ['string', 'null'], description },
      { type: 'string', nullable: true, description },
    ]) {
      const doc = structuredClone(spec);
      props(doc)['content'] = content;
      expect(compareSpecs(doc, official, { operations: SIX })).toEqual([]);
    }
  });
});
