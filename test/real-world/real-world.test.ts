/**
 * Real-world specs (copied from shared/specs into test/fixtures/specs): each generates with no errors,
 * never emits the `any` type, and compiles under the strictest tsc settings. A smoke test: the golden
 * cases cover features one at a time.
 */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { buildIr } from '../../generator/ir/build-ir';
import { NAMES_LOCK, parseNamesLock, serializeNames } from '../../generator/ir/naming/names-record';
import { findAnyKeywords, generateTree, typeCheck, writeTempTree } from '../helpers/generate';

const SPECS = path.resolve(__dirname, '../fixtures/specs');
/** Each spec's result, for the checks that follow (one generation per spec). */
const results = new Map<string, Awaited<ReturnType<typeof generateTree>>>();

describe.each([
  ['petstore.yaml', 3],
  ['petstore-swagger.yaml', 19],
  ['stripe.yaml', 468],
  // OpenAI's published spec bends OpenAPI (3.0 `nullable` in a 3.1 document, query strings in path keys,
  // `$recursiveRef`): warnings, never errors (docs/spec-problems.md).
  ['openai.yaml', 288],
])('%s', (file, operations) => {
  it('generates a client that passes tsc --strict with no any', async () => {
    const result = await generateTree(path.join(SPECS, file));
    results.set(file, result);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.length).toBeGreaterThan(10);
    // Every operation became a method: count `return this._client.` calls and list calls
    // (`return getAPIList<…>(this._client, …)`) in resource files.
    const calls = [...result.tree]
      .filter(([rel]) => rel.startsWith('resources/'))
      .reduce(
        (n, [, text]) =>
          n +
          (text.match(/return (this\._client\.|(get|method)APIList<[\s\S]*?>\(\s*this\._client,)/g)
            ?.length ?? 0),
        0,
      );
    expect(calls).toBe(operations);
    expect(findAnyKeywords(result.tree)).toEqual([]);
    // The names lock reads back whole: the next run starts from it, keeps every name and writes the same lock.
    const lockText = result.tree.get(NAMES_LOCK) ?? '';
    const lock = parseNamesLock(lockText);
    expect('error' in lock ? lock.error : lock.names.size).toBe(operations);
    if (!('error' in lock)) {
      const again = buildIr(result.spec!, file, { names: lock });
      expect(again.diagnostics.filter((d) => d.code === 'name-changed')).toEqual([]);
      expect(serializeNames(again.ir!.operations)).toBe(lockText);
    }
    const dir = writeTempTree(result.tree, 'clientgen-real-');
    try {
      expect(typeCheck([dir])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Generous: generating and compiling OpenAI's 1500 files took over 4 minutes on a loaded 2-core machine.
  }, 300_000);
});

it('openai.yaml: its deviations are warnings read as meant', () => {
  const result = results.get('openai.yaml');
  if (!result) throw new Error('openai.yaml was not generated (its test above failed)');
  const rules = new Set(
    result.diagnostics.filter((d) => d.code === 'spec-deviation').map((d) => d.rule),
  );
  expect([...rules].sort()).toEqual([
    'boolean-exclusive-bound',
    'discriminator-own-values',
    'nullable-in-3.1',
    'query-in-path',
    'recursive-ref',
  ]);
  // `/responses?beta=true` calls /responses with `beta=true` on every call.
  const responses =
    [...result.tree].find(
      ([rel]) => rel === 'resources/responses/responses.ts' || rel === 'resources/responses.ts',
    )?.[1] ?? '';
  expect(responses).toContain(`fixedQuery: { beta: 'true' }`);
  expect(responses).not.toContain('?beta=true');
  // Discriminators without mapping are read with the values their members fix: `role: 'user'`, not the schema name.
  const message = result.tree.get('models/chat-completion-request-message.ts') ?? '';
  expect(message).toContain('| ChatCompletionRequestUserMessage\n');
  expect(message).not.toContain(`role: 'ChatCompletionRequestUserMessage'`);
  // Every JSON-or-stream operation found its `stream` switch, through `allOf` bodies too. Only /audio/speech has
  // none (`stream_format: sse` is a string): a plain call gets audio, so the method returns the raw Response.
  expect(
    result.diagnostics.filter((d) => d.code === 'invalid-extension').map((d) => d.pointer),
  ).toEqual(['#/paths/~1audio~1speech/post/responses/200']);
  const audio = result.tree.get('resources/audio/speech.ts') ?? '';
  expect(audio).toContain(
    'create(params: AudioSpeechCreateParams, options?: RequestOptions): APIPromise<Response>',
  );
  expect(result.tree.get('resources/chat/completions.ts')).toContain(
    'params: ChatCompletionCreateParamsStreaming',
  );
});
