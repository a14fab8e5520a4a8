/**
 * No phantom changes on OpenAI's description (test/fixtures/specs/openai.yaml): against itself, with paths, schemas
 * and every union's members in reverse order (the three message members of `RealtimeConversationItem`, all
 * `type: "message"`, among them), the report is empty; with one member changed, it is exactly that change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadSpec, type LoadedSpec } from '../../../generator/load/load-spec';
import type { DiffSide } from '../../../generator/diff/diff-shared';
import {
  diffSides,
  lines,
  loadFixture,
  nullTypesAsUnions,
  securityOntoOperations,
  shuffle,
  sideOf,
  unionsAsNullTypes,
  variant,
  writeSplit,
} from './real-spec';

type Schemas = Record<string, { anyOf?: { $ref: string }[]; properties?: Record<string, unknown> }>;
const schemasOf = (doc: Record<string, unknown>) =>
  (doc.components as { schemas: Schemas }).schemas;
const MESSAGES = ['System', 'User', 'Assistant'].map(
  (role) => `#/components/schemas/RealtimeConversationItemMessage${role}`,
);

let spec: LoadedSpec;
let base: DiffSide;
beforeAll(async () => {
  spec = await loadFixture('openai.yaml');
  base = sideOf(spec);
});

it('finds no change against itself', () => {
  expect(lines(diffSides(base, base))).toEqual([]);
});

it('finds no change with paths, schemas and union members reordered', () => {
  const shuffled = variant(spec, shuffle);
  // The members sharing `type: "message"` really are reordered.
  const refs = schemasOf(shuffled.entry.value as Record<string, unknown>)
    .RealtimeConversationItem!.anyOf!.map((m) => m.$ref)
    .filter((ref) => MESSAGES.includes(ref));
  expect(refs).toEqual([...MESSAGES].reverse());
  expect(lines(diffSides(base, sideOf(shuffled)))).toEqual([]);
});

it('finds exactly the one change when one message member changes, members reordered', () => {
  const changed = variant(spec, (doc) => {
    shuffle(doc);
    schemasOf(doc).RealtimeConversationItemMessageUser!.properties!.name = { type: 'string' };
  });
  expect(lines(diffSides(base, sideOf(changed)))).toEqual([
    'request-property-added-optional RealtimeConversationItemMessageUser.name: new optional property',
  ]);
});

it('finds exactly the one change when one of the members sharing a value is removed', () => {
  const changed = variant(spec, (doc) => {
    shuffle(doc);
    const item = schemasOf(doc).RealtimeConversationItem!;
    item.anyOf = item.anyOf!.filter((m) => m.$ref !== MESSAGES[2]);
  });
  // Its siblings still say `type: "message"`: no variant is gone, one member is.
  expect(lines(diffSides(base, sideOf(changed)))).toEqual([
    'request-union-member-removed RealtimeConversationItem: union member RealtimeConversationItemMessageAssistant removed (in requests)',
  ]);
});

it('finds no change when its schemas are split into a file each, as providers publish them', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-split-'));
  try {
    const entry = writeSplit(spec.entry.value as Record<string, unknown>, dir);
    const split = await loadSpec(entry);
    // One file per schema, and the implicit discriminator values still the schema names.
    expect(split.spec!.files.size).toBe(
      Object.keys(schemasOf(spec.entry.value as Record<string, unknown>)).length + 1,
    );
    expect(lines(diffSides(base, sideOf(split.spec!)))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('finds no change when its security moves from the document onto each operation', () => {
  const moved = variant(spec, (doc) => expect(securityOntoOperations(doc)).toBe(true));
  expect(lines(diffSides(base, sideOf(moved)))).toEqual([]);
});

it('finds no change when its unions with null are written as nullable type lists, and back', () => {
  let lists = 0;
  const listed = variant(spec, (doc) => (lists = unionsAsNullTypes(doc)));
  expect(lists).toBeGreaterThan(100);
  expect(lines(diffSides(base, sideOf(listed)))).toEqual([]);
  let unions = 0;
  const back = variant(spec, (doc) => {
    unionsAsNullTypes(doc);
    unions = nullTypesAsUnions(doc);
  });
  expect(unions).toBe(lists);
  expect(lines(diffSides(base, sideOf(back)))).toEqual([]);
});
