// The Redocly worker (redocly-worker.mjs): one shared worker thread, started early, kept while requests come.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GeneratorBug } from '../errors';

/** What the worker (redocly-worker.mjs) is sent: the already-parsed files, a JSON file as its text alone. */
export interface WorkerRequest {
  entry: string;
  files: (
    { id: string; text: string; value: unknown } | { id: string; text: string; json: true }
  )[];
  rules: Record<string, string>;
  /** The record of the spec's last lint, to lint only what changed (lint-record.mjs); a new one comes back. */
  record?: LintRecordOptions;
}

/** The record of a spec's last lint, as the cache held it, and the code it must be of. */
export interface LintRecordOptions {
  /** clientgen's code identity (generator/cache/code-id.ts): a record of other code is not used. */
  key: string;
  /** What the cache held (parsed JSON; anything else is not used), or undefined. */
  previous: unknown;
  /** Make the record of this lint, to keep (`generate`); `--check` keeps none, and none is made. */
  write: boolean;
}

/** What a lint linted: the whole spec, nothing (its record answered), or these changed schemas only. */
export type Linted = 'all' | 'none' | string[];

export interface WorkerResult {
  problems: WorkerProblem[];
  linted: Linted;
  /**
   * The record of this lint, for the next run (plain JSON): for a request with a record and `write`, that linted
   * something.
   */
  record?: unknown;
}

export interface WorkerLocation {
  /** Absolute path (or URL) of the file, as the `id` it was sent with. */
  file: string;
  /** Redocly's pointer ('#/' for the root); undefined for a line/column location. */
  pointer?: string;
  reportOnKey: boolean;
  line?: number;
  column?: number;
}

export interface WorkerProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  suggest: string[];
  locations: WorkerLocation[];
}

type WorkerResponse = ({ ok: true } & WorkerResult) | { ok: false; error: string };

const WORKER_PATH = path.join(__dirname, 'redocly-worker.mjs');

/**
 * Starts the validation worker, if it is not running, so that importing Redocly overlaps whatever runs next
 * (the pipeline calls this before loading the spec). Optional: validateSpec starts it too.
 */
export function warmUpValidation(): void {
  sharedWorker();
}

/**
 * Stops the validation worker if it has nothing pending, giving its memory back (Redocly's copy of the spec): a
 * one-shot run (the CLI) calls it once validation is done, before printing, the stage that needs memory most.
 */
export async function stopValidation(): Promise<void> {
  const state = shared;
  if (!state || state.pending.size) return;
  shared = undefined;
  clearTimeout(state.idle);
  await state.worker.terminate();
}

/** Whether the validation worker is running (started and not stopped): what a one-shot run leaves is none. */
export function validationRunning(): boolean {
  return shared !== undefined;
}

/**
 * Keeps the worker from stopping when idle (`generate --watch`: the next run validates at once, without Redocly's
 * ~0.2–0.4 s start), or lets it stop again. `stopValidation` still stops it.
 */
export function keepValidation(keep: boolean): void {
  kept = keep;
  if (shared && !shared.pending.size) shared.idleTimer();
}

let kept = false;

/** How long an idle worker is kept: from its start (the load stage) and for the next spec (tests validate many). */
const IDLE_MS = 10_000;

interface SharedWorker {
  worker: Worker;
  pending: Map<number, { resolve: (result: WorkerResult) => void; reject: (e: unknown) => void }>;
  nextId: number;
  idle: NodeJS.Timeout | undefined;
  /** Lets the process exit without it, and stops it after IDLE_MS unless kept. */
  idleTimer(): void;
}

let shared: SharedWorker | undefined;

/** The worker: held by the process (`ref`) only while a request is pending, so it never delays the exit. */
function sharedWorker(): SharedWorker {
  if (shared) return shared;
  const worker = new Worker(WORKER_PATH);
  worker.unref();
  const state: SharedWorker = {
    worker,
    pending: new Map(),
    nextId: 0,
    idle: undefined,
    idleTimer: () => idle(),
  };
  const fail = (e: unknown): void => {
    if (shared === state) shared = undefined;
    for (const { reject } of state.pending.values()) reject(e);
    state.pending.clear();
  };
  const idle = (): void => {
    worker.unref();
    clearTimeout(state.idle);
    if (kept) return;
    state.idle = setTimeout(() => {
      if (shared === state) shared = undefined;
      void worker.terminate();
    }, IDLE_MS).unref();
  };
  worker.on('message', ({ id, response }: { id: number; response: WorkerResponse }) => {
    const request = state.pending.get(id);
    state.pending.delete(id);
    if (!state.pending.size) idle();
    if (response.ok) {
      request?.resolve({
        problems: response.problems,
        linted: response.linted,
        ...(response.record !== undefined && { record: response.record }),
      });
    } else request?.reject(new GeneratorBug(`spec validation failed: ${response.error}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new GeneratorBug(`the validation worker exited (${code})`)));
  idle();
  shared = state;
  return state;
}

/** Sends one request to the shared worker and resolves to Redocly's problems, what was linted and the new record. */
export function runWorker(request: WorkerRequest): Promise<WorkerResult> {
  const state = sharedWorker();
  clearTimeout(state.idle);
  state.idle = undefined;
  state.worker.ref();
  const id = state.nextId++;
  return new Promise((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.postMessage({ id, request });
  });
}
