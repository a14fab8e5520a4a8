import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FetchError, fetchSource } from './fetch-source';
import { decodeLoadRecord, encodeLoadRecord } from './load-record';
import { childPointer, findByPointer, formatPointer, parsePointer } from './pointer';
import { parseSourceFile, type SourceFile } from './source-file';

/** A spec and every file its `$ref`s reach, keyed by absolute path (or URL). */
export interface LoadedSpec {
  entry: SourceFile;
  files: ReadonlyMap<string, SourceFile>;
}

export interface LoadOptions {
  /** Follow `http(s)://` refs to other origins than the entry's; refused (a diagnostic) by default. */
  allowRemoteRefs?: boolean;
  /** Milliseconds to wait for each file fetched over http(s). */
  timeout?: number;
  /** Base for display paths; defaults to the working directory. */
  cwd?: string;
  /**
   * The load record (load-record.ts): `previous`, the last one kept for this entry, is read when written under `key`
   * (clientgen's code identity); with `write`, the load gives the record of this one when it differs.
   */
  record?: LoadRecordOptions;
}

/** The load record's options, as the pipeline and the CLI pass them. */
export interface LoadRecordOptions {
  key: string;
  previous?: Uint8Array | undefined;
  write: boolean;
}

/**
 * What the load parsed of the entry, with a load record: all of it, nothing (the text is the record's), or the member
 * at this pointer (the rest from the record).
 */
export type Loaded = 'all' | 'none' | { alone: string };

/** A `$ref` target: the file it lives in, its pointer there, and its value. */
export interface RefTarget {
  file: SourceFile;
  pointer: string;
  value: unknown;
}

/**
 * Reads the entry file (a path, or an http(s) URL) and every file reachable through relative `$ref`s; refs to
 * another origin than a remote entry's (or any remote ref from a local entry) only with `allowRemoteRefs`.
 */
export async function loadSpec(
  entryPath: string,
  options: LoadOptions = {},
): Promise<{
  spec: LoadedSpec | undefined;
  sources: ReadonlyMap<string, SourceFile>;
  diagnostics: Diagnostic[];
  /**
   * The load record to keep for the next run (with `record.write`; undefined when the entry cannot have one, or when
   * its text is the previous record's, which stays as it is).
   */
  record?: Uint8Array[];
  /** With `record`: what was parsed of the entry. */
  loaded?: Loaded;
}> {
  const cwd = options.cwd ?? process.cwd();
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const entryId = isRemote(entryPath) ? new URL(entryPath).href : path.resolve(cwd, entryPath);
  // A remote entry's own origin is trusted as the entry is; other origins are the user's call.
  const allowed = (id: string) =>
    !isRemote(id) || options.allowRemoteRefs === true || sameOrigin(id, entryId);
  const queue: { id: string; from?: { file: SourceFile; pointer: string } }[] = [{ id: entryId }];
  // Every `$ref` of every file, found in one walk per file: the loop check below reads them again.
  const refs: FoundRef[] = [];
  let record: Uint8Array[] | undefined;
  let loaded: Loaded | undefined;

  while (queue.length) {
    const { id, from } = queue.shift()!;
    if (files.has(id)) continue;
    const read = await readSource(id, id === entryId, allowed(id), options).catch((e: Error) => {
      const at = from ? from.file.locate(from.pointer) : { line: 0, column: 0 };
      diagnostics.push({
        code: e instanceof FetchError && e.notSpec ? 'not-openapi' : 'file-unreadable',
        severity: 'error',
        message: `cannot read '${displayPathOf(id, cwd)}': ${readProblem(e)}`,
        pointer: from?.pointer ?? '#',
        file: from?.file.displayPath ?? displayPathOf(id, cwd),
        ...at,
      });
      return undefined;
    });
    if (read === undefined) continue;
    const { text, bytes } = read;
    const entry = id === entryId && options.record;
    const previous = entry && entry.previous && decodeLoadRecord(entry.previous, entry.key);
    const parsed = parseSourceFile(id, displayPathOf(id, cwd), text, previous || undefined);
    if (entry) {
      const changed = parsed.reparsed?.changed;
      loaded = !parsed.reparsed ? 'all' : changed === undefined ? 'none' : { alone: changed };
    }
    // Written now, before any stage reads the value: the record must hold what the text gave. A text that is the
    // previous record's keeps that record (encoding it again cost ~30 ms on Stripe's spec, for the same bytes).
    if (entry && entry.write && parsed.parsed && loaded !== 'none')
      record = encodeLoadRecord(entry.key, parsed.parsed, bytes);
    diagnostics.push(...parsed.diagnostics);
    files.set(id, parsed.file);
    collectRefs(parsed.file.value, (ref, pointer) => {
      refs.push({ file: parsed.file, ref, pointer });
      const target = splitRef(ref, id);
      if (target.fileId === id) return;
      if (!allowed(target.fileId)) {
        diagnostics.push({
          code: 'ref-remote',
          severity: 'error',
          message: `remote $ref '${ref}' is refused${isRemote(entryId) ? ` (it is not on ${new URL(entryId).origin}, the spec's origin)` : ''}; pass --allow-remote-refs to follow it`,
          pointer,
          file: parsed.file.displayPath,
          ...parsed.file.locate(pointer + '/$ref'),
        });
        return;
      }
      queue.push({ id: target.fileId, from: { file: parsed.file, pointer: pointer + '/$ref' } });
    });
  }
  diagnostics.push(...findRefLoops(files, refs));
  const entry = files.get(entryId);
  // `sources` holds every file read, even unparsable ones, so their diagnostics still get code frames.
  return {
    spec: entry && entry.value !== undefined ? { entry, files } : undefined,
    sources: files,
    diagnostics,
    ...(record && { record }),
    ...(loaded && { loaded }),
  };
}

/** Resolves a `$ref` written in `fromFile`; undefined when the file or pointer does not exist. */
export function resolveRef(
  spec: LoadedSpec,
  fromFile: SourceFile,
  ref: string,
): RefTarget | undefined {
  const target = followRef(spec, fromFile, ref);
  return target === 'loop' ? undefined : target;
}

/** `resolveRef`, telling a `$ref` that passes through maps given as `$ref`s in a loop (`'loop'`) from a missing one. */
function followRef(
  spec: LoadedSpec,
  fromFile: SourceFile,
  ref: string,
): RefTarget | 'loop' | undefined {
  try {
    return resolveRefAt(spec, fromFile, ref, 0);
  } catch (e) {
    if (e instanceof TooDeep) return 'loop';
    throw e;
  }
}

/** More `$ref`s on the way than any spec nests maps given as `$ref`s: they pass through themselves. */
class TooDeep extends Error {}

/** `resolveRef`, `depth` `$ref`s deep in following maps given as `$ref`s. */
function resolveRefAt(
  spec: LoadedSpec,
  fromFile: SourceFile,
  ref: string,
  depth: number,
): RefTarget | undefined {
  const { fileId, pointer } = splitRef(ref, fromFile.id);
  const file = spec.files.get(fileId);
  if (!file) return undefined;
  const value = findByPointer(file.value, pointer);
  if (value !== undefined) return { file, pointer, value };
  return resolveThroughRefs(spec, file, pointer, depth);
}

/**
 * A pointer that passes through a map given as a `$ref` (`#/components/responses/NotFound` where
 * `responses: { $ref: 'responses.yaml' }`, the `ref-as-map` deviation): followed to where the value is, at most 16
 * `$ref`s deep, counting those the `$ref`s on the way pass through: `schemas: { $ref: '#/components/schemas/X' }`
 * passes through itself (it recursed until the stack ran out; now `TooDeep`).
 */
function resolveThroughRefs(
  spec: LoadedSpec,
  file: SourceFile,
  pointer: string,
  depth: number,
): RefTarget | undefined {
  const segments = parsePointer(pointer);
  let node: unknown = file.value;
  for (let i = 0; i < segments.length; i++) {
    if (isRefObject(node) && Object.keys(node).length === 1 && segments[i] !== '$ref') {
      if (depth >= 16) throw new TooDeep();
      const target = resolveRefAt(spec, file, node.$ref, depth + 1);
      if (!target) return undefined;
      const rest = childPointer(target.pointer, ...segments.slice(i));
      return resolveThroughRefs(spec, target.file, rest, depth + 1);
    }
    node = findByPointer(node, childPointer('#', segments[i]!));
    if (node === undefined) return undefined;
  }
  return { file, pointer, value: node };
}

/** Splits 'other.yaml#/a/b' into an absolute file id and '#/a/b'. */
export function splitRef(ref: string, fromId: string): { fileId: string; pointer: string } {
  const hash = ref.indexOf('#');
  const location = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '#' : decodeFragment(ref.slice(hash)) || '#';
  if (location === '') return { fileId: fromId, pointer };
  if (isRemote(location)) return { fileId: location, pointer };
  if (isRemote(fromId)) return { fileId: new URL(location, fromId).href, pointer };
  return { fileId: path.resolve(path.dirname(fromId), decodePath(location)), pointer };
}

/**
 * `$ref`s that only lead to other `$ref`s, forever (`a: {$ref: '#/a'}`, or `a -> b -> a`): no stage can give
 * them a meaning, and Redocly's resolver throws on them, so they are reported here, once per loop.
 * (A schema that refers to an ancestor of itself is ordinary recursion, and is not a loop.)
 */
function findRefLoops(
  files: ReadonlyMap<string, SourceFile>,
  refs: readonly FoundRef[],
): Diagnostic[] {
  const spec: LoadedSpec = { entry: files.values().next().value!, files };
  const reported = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const { file, ref, pointer } of refs) {
    const seen = [file.id + pointer];
    const loop = () => {
      if (seen.every((s) => !reported.has(s))) {
        diagnostics.push({
          code: 'ref-cycle',
          severity: 'error',
          message: `'${ref}' leads only to $refs, in a loop: it names no schema`,
          pointer,
          file: file.displayPath,
          ...file.locate(pointer + '/$ref'),
        });
      }
      seen.forEach((s) => reported.add(s));
    };
    let target = followRef(spec, file, ref);
    while (target !== undefined) {
      // A `$ref` whose way passes through maps given as `$ref`s that lead back to it.
      if (target === 'loop') {
        loop();
        break;
      }
      if (!isRefObject(target.value)) break;
      const id = target.file.id + target.pointer;
      if (seen.includes(id)) {
        loop();
        break;
      }
      seen.push(id);
      target = followRef(spec, target.file, target.value.$ref);
    }
  }
  return diagnostics;
}

function isRefObject(value: unknown): value is { $ref: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

/** A `$ref` found in a file: its text and the pointer of the object holding it. */
interface FoundRef {
  file: SourceFile;
  ref: string;
  pointer: string;
}

/**
 * Calls `visit` with each `$ref` string in `root` and the pointer of the object holding it, in document order. The
 * path is kept as segments and joined only for a `$ref` found: most nodes have none (a third of Stripe's load stage
 * was building pointers for every node).
 */
function collectRefs(root: unknown, visit: (ref: string, pointer: string) => void): void {
  const path: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        const value = (node as Record<string, unknown>)[key];
        if (key === '$ref' && typeof value === 'string') visit(value, formatPointer(path));
        else {
          path.push(key);
          walk(value);
          path.pop();
        }
      }
    }
  };
  walk(root);
}

/** A `$ref` fragment is a URI fragment: `%20` and friends stand for the characters of the key. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * A `$ref`'s file part is a URI reference: `my%20file.yaml` names `my file.yaml`. A malformed escape (`%` alone) is
 * read as written, and then names a file that is not there (it threw a URIError: an internal error).
 */
function decodePath(location: string): string {
  try {
    return decodeURI(location);
  } catch {
    return location;
  }
}

/** The reason a file could not be read, without the OS message's absolute path. */
function readProblem(e: Error & { code?: string }): string {
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a parent is not a directory',
  };
  return (e.code && reasons[e.code]) ?? e.message;
}

function isRemote(id: string): boolean {
  return /^https?:\/\//i.test(id);
}

/** A file's text, and for a local file the bytes it was decoded from (UTF-8: what the load record keeps). */
async function readSource(
  id: string,
  isEntry: boolean,
  allowed: boolean,
  options: LoadOptions,
): Promise<{ text: string; bytes?: Uint8Array }> {
  // Bytes decoded at once: readFile(id, 'utf8') decodes chunk by chunk into a string of pieces, which the parser's
  // first look then copies whole (~30 ms for Stripe's 4 MB).
  if (!isRemote(id)) {
    const bytes = await readFile(id);
    return { text: bytes.toString('utf8'), bytes };
  }
  if (!allowed) throw new Error('remote files are not allowed');
  const { text, finalUrl } = await fetchSource(id, options.timeout);
  // The entry goes where the user's URL leads; a ref followed as same-origin must not be redirected to
  // another origin behind the user's back.
  if (!isEntry && !options.allowRemoteRefs && !sameOrigin(finalUrl, id)) {
    throw new FetchError(
      `redirected to ${new URL(finalUrl).origin}, another origin; pass --allow-remote-refs to follow it`,
    );
  }
  return { text };
}

function sameOrigin(a: string, b: string): boolean {
  return isRemote(a) && isRemote(b) && new URL(a).origin === new URL(b).origin;
}

function displayPathOf(id: string, cwd: string): string {
  // A user name or password in a URL is never printed.
  if (isRemote(id)) return id.replace(/^(https?:\/\/)[^/?#]*@/i, '$1');
  const rel = path.relative(cwd, id);
  return (rel.startsWith('..') ? id : rel).split(path.sep).join('/');
}
