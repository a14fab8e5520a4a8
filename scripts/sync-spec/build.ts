/**
 * The whole update as one pure function: official description + mapping + overlay → our spec (a YAML
 * string). extract → normalize to 3.1 → rename → hoist → overlay → discriminator mappings → order →
 * source marks → print.
 */
import { Document, isScalar, visit } from 'yaml';

import { extractOperations, normalizeTo31 } from './extract';
import { applyOverlay, type OverlayAction } from './overlay';
import {
  completeDiscriminators,
  hoistSchema,
  orderSchemas,
  pointerKeys,
  renameSchemas,
} from './reshape';
import { isObject, type Json, type JsonObject } from './schema-view';
import { markSources } from './sources';

/** `spec/sync/mapping.yaml`: what turns the official operations into ours. */
export interface Mapping {
  /** The official description read by default (a path relative to the repo root). */
  official: string;
  /** The spec written (relative to the repo root). */
  output: string;
  /** `operationId`s of the operations taken. */
  operations: string[];
  /** Official schema name → ours (the pages' class names). */
  renames: Record<string, string>;
  /** Inline schemas (JSON pointers after the renames) that become components of ours. */
  hoists: { at: string; name: string }[];
  /** Our schemas first, in this order; the rest follow alphabetically. */
  order: string[];
  /** JSON pointers (in the output) of what the reference pages show: left unmarked. */
  pages: string[];
}

/** `spec/sync/overlay.yaml`: an OpenAPI Overlay 1.0 document. */
export interface Overlay {
  overlay: string;
  info?: Json;
  actions: OverlayAction[];
}

const ROOT_ORDER = [
  'openapi',
  'info',
  'servers',
  'security',
  'tags',
  'x-clientgen',
  'paths',
  'components',
];

/** Builds the spec document (as data) from the official description. */
export function buildSpecDocument(
  official: JsonObject,
  mapping: Mapping,
  overlay: Overlay,
  options: { marks?: boolean } = {},
): JsonObject {
  const extracted = extractOperations(official, mapping.operations);
  const doc = normalizeTo31(extracted) as JsonObject;
  renameSchemas(doc, mapping.renames);
  // Deepest first, so that hoisting an inner schema does not move the path of an outer one.
  const hoists = [...mapping.hoists].sort(
    (a, b) => pointerKeys(b.at).length - pointerKeys(a.at).length || a.at.localeCompare(b.at),
  );
  for (const h of hoists) hoistSchema(doc, h.at, h.name);
  applyOverlay(doc, overlay.actions);
  completeDiscriminators(doc);
  orderSchemas(doc, mapping.order);
  if (options.marks !== false) markSources(doc, new Set(mapping.pages));
  const ordered: JsonObject = {};
  for (const k of ROOT_ORDER) if (k in doc) ordered[k] = doc[k] as Json;
  for (const k of Object.keys(doc)) if (!(k in ordered)) ordered[k] = doc[k] as Json;
  return ordered;
}

/** Prints a spec document: block YAML, short scalar lists inline (`required: [id, object]`), stable. */
export function printSpec(doc: JsonObject): string {
  const yaml = new Document(doc, { aliasDuplicateObjects: false });
  visit(yaml, {
    Seq(_key, node) {
      const items = node.items;
      if (
        items.length > 0 &&
        items.every(
          (i) => isScalar(i) && (typeof i.value !== 'string' || !/[\n:#,[\]{}'"]/.test(i.value)),
        )
      ) {
        const width = items.reduce<number>(
          (n, i) => n + String(isScalar(i) ? i.value : '').length + 2,
          0,
        );
        if (width <= 80) node.flow = true;
      }
    },
  });
  return yaml.toString({
    lineWidth: 110,
    minContentWidth: 40,
    singleQuote: true,
    flowCollectionPadding: false,
  });
}

/** The full build: official description in, spec text out. */
export function buildSpec(official: JsonObject, mapping: Mapping, overlay: Overlay): string {
  const doc = buildSpecDocument(official, mapping, overlay);
  if (!isObject(doc['components'])) throw new Error('the build produced no components');
  return printSpec(doc);
}
