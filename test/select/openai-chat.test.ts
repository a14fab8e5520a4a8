/**
 * The example of the issue: only the chat operations of OpenAI's official description (openai.yaml, 288
 * operations, 1,422 schemas) give a client whose chat surface compiles under strict tsc and carries only
 * the models those operations reach.
 *
 * The first test runs the stages after validation by hand; the second runs the whole pipeline, which relies on
 * openai.yaml's validation findings being warnings (from branch `policy`).
 */
import * as path from 'node:path';
import { emitFiles } from '../../generator/emit/emit-files';
import { emitRuntime } from '../../generator/emit/emit-runtime';
import { buildIr } from '../../generator/ir/build-ir';
import { selectOperations } from '../../generator/ir/select-operations';
import { parseSelector, type Selector } from '../../generator/ir/selector';
import { loadSpec } from '../../generator/load/load-spec';
import { planOutput } from '../../generator/plan/plan-output';
import { restrictPlan } from '../../generator/plan/restrict-plan';
import { printFiles } from '../../generator/print/print-files';
import type { FileTree } from '../helpers/file-tree';
import { findAnyKeywords, generateTree, usageErrors } from '../helpers/generate';

const OPENAI = path.resolve(__dirname, '../fixtures/specs/openai.yaml');
const CHAT_OPERATIONS = [
  'listChatCompletions',
  'createChatCompletion',
  'getChatCompletion',
  'updateChatCompletion',
  'deleteChatCompletion',
  'getChatCompletionMessages',
];

const selector = (text: string): Selector => {
  const parsed = parseSelector(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.selector;
};
const CHAT = { include: [selector('path:/chat/completions/**')], exclude: [] };

/**
 * Code that uses the chat surface; it must compile against the subset. The names are inferred from the paths
 * (docs/naming.md), as openai-node has them: `client.chat.completions.create`. Messages are written as the wire has them (`role: 'user'`),
 * and `create` returns the whole response without `stream: true`, a stream with it.
 */
const USAGE = `import OpenAI from './index';
import type { ChatCompletionRequestMessage, CreateChatCompletionResponse } from './index';

export async function run(client: OpenAI): Promise<string | null | undefined> {
  const messages: ChatCompletionRequestMessage[] = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'hi' },
    { role: 'user', content: [{ type: 'text', text: 'and this' }] },
  ];
  // @ts-expect-error the implicit mapping's schema name is not what the wire carries
  const wrong: ChatCompletionRequestMessage = { role: 'ChatCompletionRequestUserMessage', content: 'hi' };
  const whole: CreateChatCompletionResponse = await client.chat.completions.create({ model: 'gpt-4o', messages });
  const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
  for await (const chunk of stream) if (chunk.choices[0]?.delta.content) break;
  // @ts-expect-error without stream: true the answer is not a stream
  for await (const chunk of await client.chat.completions.create({ model: 'gpt-4o', messages })) if (chunk) break;
  for await (const stored of client.chat.completions.list({ limit: 20 })) if (stored.id) break;
  const completion: CreateChatCompletionResponse = await client.chat.completions.retrieve('chatcmpl-1');
  for await (const message of client.chat.completions.messages.list(completion.id)) if (message.content) break;
  await client.chat.completions.delete(completion.id);
  return wrong.role + whole.choices[0]?.message.content;
}
`;

/**
 * Every model file must be imported, directly or through other models, by a resource file or the client:
 * a model nothing reaches should not have been generated.
 */
function unreachableModelFiles(tree: FileTree): string[] {
  const importsOf = (rel: string): string[] =>
    [...(tree.get(rel) ?? '').matchAll(/from '(\.[^']+)'/g)].map(
      (m) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]!)) + '.ts',
    );
  const seen = new Set<string>();
  const pending = [...tree.keys()].filter(
    (rel) => rel.startsWith('resources/') || rel === 'client.ts',
  );
  while (pending.length) {
    const rel = pending.pop()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    pending.push(
      ...importsOf(rel).filter((r) => r.startsWith('models/') && r !== 'models/index.ts'),
    );
  }
  return [...tree.keys()].filter(
    (rel) => rel.startsWith('models/') && rel !== 'models/index.ts' && !seen.has(rel),
  );
}

function expectChatClient(tree: FileTree, totalModels: number): void {
  expect([...tree.keys()].filter((rel) => rel.startsWith('resources/')).sort()).toEqual([
    'resources/chat.ts',
    'resources/chat/completions.ts',
    'resources/chat/completions/messages.ts',
    'resources/index.ts',
  ]);
  const completions = tree.get('resources/chat/completions.ts')!;
  for (const method of ['list', 'create', 'retrieve', 'update', 'delete'])
    expect(completions).toContain(`  ${method}(`);
  expect(tree.get('resources/chat/completions/messages.ts')).toContain('  list(');
  const models = [...tree.keys()].filter(
    (rel) => rel.startsWith('models/') && rel !== 'models/index.ts',
  );
  expect(models.length).toBeGreaterThan(20);
  expect(models.length).toBeLessThan(totalModels / 4);
  expect(unreachableModelFiles(tree)).toEqual([]);
  const api = tree.get('api.md')!;
  expect(api).toContain('- `POST /chat/completions`');
  expect(api).not.toContain('/responses');
  expect(findAnyKeywords(tree)).toEqual([]);
  expect(usageErrors(tree, USAGE)).toEqual([]);
}

it('the chat part of openai.yaml, through IR → select → plan → emit → print, compiles and carries only reached models', async () => {
  const { spec } = await loadSpec(OPENAI);
  const built = buildIr(spec!, 'openai.yaml');
  expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ir = built.ir!;
  const selected = selectOperations(ir, CHAT);
  expect(selected.ir.operations.map((o) => o.operationId)).toEqual(CHAT_OPERATIONS);
  const plan = restrictPlan(planOutput(ir), selected.ir);
  const files = await printFiles(
    [...emitFiles(plan), ...(await emitRuntime(plan.importStyle))],
    'openai.yaml',
  );
  expectChatClient(new Map(files.map((f) => [f.path, f.contents])), ir.models.length);
}, 300_000);

it('generate openai.yaml --include path:/chat/completions/** gives the same client (the whole pipeline: validation findings are warnings since branch policy)', async () => {
  const result = await generateTree(OPENAI, { selection: CHAT });
  expect(
    result.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.pointer}: ${d.message}`),
  ).toEqual([]);
  expect(result.selection?.operations).toEqual({ kept: 6, total: 288 });
  expectChatClient(result.tree, result.selection!.models.total);
}, 300_000);
