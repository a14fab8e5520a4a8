/**
 * Broken documents: valid ones with nodes deleted or replaced (wrong types, dangling `$ref`s, `$ref`s to
 * themselves or their parent, huge and odd strings). Each mutation picks its node by index among all the
 * nodes of the document at that moment, so mutations shrink well.
 */
import fc from 'fast-check';
import { documentArb, type Document } from './document';

type Json = unknown;

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'self-ref'; at: number; up: number };

const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<Json>(
    null,
    true,
    0,
    -1,
    1e308,
    '',
    [],
    {},
    'x'.repeat(200_000),
    '\u0000\u2028',
    '{{ template }}',
    '../../etc/passwd',
    { $ref: '#/components/schemas/Nope' },
    { $ref: 'missing.yaml#/Pet' },
    { $ref: '#/paths' },
    { $ref: 42 },
    { $ref: '' },
    { type: 'array' },
    { type: 'objekt' },
    { type: ['string', 'number'] },
    { enum: [] },
    { enum: 'x' },
    { required: 'x' },
    { properties: [] },
    { allOf: {} },
    { oneOf: [] },
    { discriminator: { propertyName: 1 } },
    { items: [] },
    { additionalProperties: 'yes' },
    { in: 'cookie', name: 'c' },
    { in: 'body', name: 'b' },
  ),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('self-ref' as const), at: fc.nat(), up: fc.nat({ max: 2 }) }),
);

/** A valid document and the mutations to apply to it. */
export const brokenDocumentArb: fc.Arbitrary<Document> = fc
  .tuple(documentArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([doc, mutations]) => mutations.reduce<Document>((d, m) => applyMutation(d, m), doc));

/** Applies a mutation to a copy of the document. */
export function applyMutation(doc: Document, mutation: Mutation): Document {
  const copy = structuredClone(doc);
  const nodes = listNodes(copy);
  const target = nodes[mutation.at % nodes.length]!;
  if (!target.path.length) return copy;
  const parent = target.path
    .slice(0, -1)
    .reduce<Json>((n, k) => (n as Record<string, Json>)[k], copy) as Record<string, Json> | Json[];
  const key = target.path[target.path.length - 1]!;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const value =
      mutation.kind === 'replace'
        ? mutation.value
        : { $ref: pointerOf(target.path.slice(0, Math.max(0, target.path.length - mutation.up))) };
    (parent as Record<string, Json>)[key] = value;
  }
  return copy;
}

function listNodes(root: Json): { path: string[] }[] {
  const out: { path: string[] }[] = [];
  const walk = (node: Json, path: string[]) => {
    out.push({ path });
    if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(root, []);
  return out;
}

function pointerOf(path: string[]): string {
  return '#' + path.map((k) => '/' + k.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
