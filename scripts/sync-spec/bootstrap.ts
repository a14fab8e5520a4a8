/**
 * One-off: derives `spec/sync/mapping.yaml` and `spec/sync/overlay.yaml` from the spec as it was
 * transcribed from the pages (before the first sync), by pairing it with the official description
 * name-independently (`compareSpecs`). Kept to show where the mapping came from; `sync-spec` does not
 * run it. Usage: tsx scripts/sync-spec/bootstrap.ts <transcribed-spec.yaml>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

import { buildSpecDocument, type Mapping, type Overlay } from './build';
import { compareSpecs, type Pairing } from './compare';
import { extractOperations, normalizeTo31 } from './extract';
import { toJsonPath, type OverlayAction } from './overlay';
import { pointerKeys } from './reshape';
import { isObject, resolvePointer, type Json, type JsonObject } from './schema-view';

const ROOT = join(__dirname, '..', '..');
const OPERATIONS = [
  'createChatCompletion',
  'listChatCompletions',
  'getChatCompletion',
  'updateChatCompletion',
  'deleteChatCompletion',
  'getChatCompletionMessages',
];
const CARRIED = (k: string): boolean =>
  k === 'title' || k === 'x-java-name' || k === 'x-page-name' || k.startsWith('x-clientgen');
const WRAPPER = /^(\/(anyOf|oneOf)\/\d+|\/allOf\/0)*$/;

function pairs(ours: Json, theirs: Json): Pairing[] {
  const out: Pairing[] = [];
  compareSpecs(ours, theirs, { descriptions: false, onPair: (p) => out.push(p) });
  return out;
}

const oldPath = process.argv[2];
if (!oldPath) throw new Error('usage: bootstrap.ts <transcribed-spec.yaml>');
const old = parse(readFileSync(oldPath, 'utf8')) as JsonObject;
const official = parse(
  readFileSync(join(ROOT, 'test/fixtures/specs/openai.yaml'), 'utf8'),
) as JsonObject;

// Phase 1: names. Pair the transcribed spec with the extracted official operations.
const extracted = normalizeTo31(extractOperations(official, OPERATIONS)) as JsonObject;
const renames: Record<string, string> = {};
const hoistAt = new Map<string, string>();
const COMPONENT = /^\/components\/schemas\/([^/]+)(.*)$/;
for (const p of pairs(old, extracted)) {
  const a = COMPONENT.exec(p.ours);
  if (!a || (a[2] !== '' && !WRAPPER.test(a[2] ?? ''))) continue;
  const name = a[1] ?? '';
  const b = COMPONENT.exec(p.theirs);
  if (b && WRAPPER.test(b[2] ?? '') && WRAPPER.test(a[2] ?? '')) {
    if (b[1] !== name && !(b[1]! in renames)) renames[b[1]!] = name;
  } else if (a[2] === '' && !hoistAt.has(name)) hoistAt.set(name, p.theirs);
}
const officialNames = new Set(
  Object.keys((extracted['components'] as JsonObject)['schemas'] as JsonObject),
);
const renameTargets = new Set(Object.values(renames));
// A name the pages give to an inline schema, written with our component names in the pointer.
const hoists = [...hoistAt]
  .filter(([name]) => !renameTargets.has(name) && !(officialNames.has(name) && !(name in renames)))
  .map(([name, at]) => {
    const m = COMPONENT.exec(at);
    const target = m?.[1] ? renames[m[1]] : undefined;
    return {
      name,
      at: m && target ? `/components/schemas/${target}${m[2] ?? ''}` : at,
    };
  })
  .sort((x, y) => x.name.localeCompare(y.name));

// Phase 2: annotations and page marks, pairing the transcribed spec with the reshaped document.
const oldSchemas = Object.keys((old['components'] as JsonObject)['schemas'] as JsonObject);
const base: Mapping = {
  official: 'test/fixtures/specs/openai.yaml',
  output: 'spec/chat-completions.yaml',
  operations: OPERATIONS,
  renames,
  hoists,
  order: oldSchemas,
  pages: [],
};
const reshaped = buildSpecDocument(
  official,
  base,
  { overlay: '1.0.0', actions: [] },
  { marks: false },
);
const actions: OverlayAction[] = [];
const rootUpdate: JsonObject = {};
for (const k of ['info', 'tags', 'x-clientgen'] as const)
  if (old[k] !== undefined) rootUpdate[k] = old[k];
actions.push({
  target: '$',
  description: 'our title, description, tag and client settings',
  update: rootUpdate,
});

const inferred = (pointer: string): boolean => {
  const keys = pointerKeys(pointer);
  for (let i = keys.length; i > 0; i--) {
    const node = resolvePointer(
      old,
      '#/' +
        keys
          .slice(0, i)
          .map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1'))
          .join('/'),
    );
    if (isObject(node) && node['x-inferred'] === true) return true;
  }
  return false;
};
const pages = new Set<string>();
const done = new Set<string>();
for (const p of pairs(old, reshaped)) {
  const node = resolvePointer(old, '#' + p.ours);
  const target = resolvePointer(reshaped, '#' + p.theirs);
  if (!isObject(node) || !isObject(target)) continue;
  if (!inferred(p.ours)) pages.add(p.theirs);
  const update: JsonObject = {};
  for (const [k, v] of Object.entries(node))
    if (CARRIED(k) && JSON.stringify(target[k]) !== JSON.stringify(v)) update[k] = v;
  const key = `${p.theirs}`;
  if (Object.keys(update).length && !done.has(key)) {
    done.add(key);
    actions.push({
      target: toJsonPath(pointerKeys(p.theirs).map((k) => (/^\d+$/.test(k) ? Number(k) : k))),
      update,
    });
  }
}
// The transcription's `default` error responses are dropped: the official description documents its own
// (429 on create), and `ErrorResponse` stays reachable through it.
// Page enums that no official operation reaches are kept as they were.
const reached = new Set(
  Object.keys((reshaped['components'] as JsonObject)['schemas'] as JsonObject),
);
for (const name of oldSchemas) {
  if (reached.has(name)) continue;
  const copy = structuredClone((old['components'] as JsonObject)['schemas'] as JsonObject)[
    name
  ] as JsonObject;
  const onPages = copy['x-inferred'] !== true;
  delete copy['x-inferred'];
  actions.push({
    target: '$.components.schemas',
    description: `${name}: on the pages, not reached by the official operations`,
    update: { [name]: onPages ? copy : { ...copy, 'x-source': 'inferred' } },
  });
  if (onPages) pages.add(`/components/schemas/${name}`);
}
const mapping: Mapping = { ...base, pages: [...pages].sort() };
const overlay: Overlay = {
  overlay: '1.0.0',
  info: {
    title: 'Our names, extensions and additions on the official chat operations',
    version: '1.0.0',
  },
  actions,
};
writeFileSync(
  join(ROOT, 'spec/sync/mapping.yaml'),
  '# Generated once by scripts/sync-spec/bootstrap.ts; edit by hand since (see docs/spec-sync.md).\n' +
    stringify(mapping, { lineWidth: 0 }),
);
writeFileSync(
  join(ROOT, 'spec/sync/overlay.yaml'),
  '# Generated once by scripts/sync-spec/bootstrap.ts; edit by hand since (see docs/spec-sync.md).\n' +
    stringify(overlay, { lineWidth: 0, aliasDuplicateObjects: false }),
);
console.log(
  `${Object.keys(renames).length} renames, ${hoists.length} hoists, ${actions.length} overlay actions, ${pages.size} page-attested nodes`,
);
