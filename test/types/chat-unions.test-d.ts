/**
 * Type-level tests of the generated chat models: exhaustive switches over every discriminated union
 * compile with a `never` default, and wrong discriminants, missing fields and extra properties do not.
 */
import { expectTypeOf } from 'expect-type';
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParams,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
  ChatCompletionUserMessageParam,
} from '../../generated';

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}

export function roleOf(message: ChatCompletionMessageParam): string {
  switch (message.role) {
    case 'developer':
      return typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => part.text).join('');
    case 'system':
      return 'system';
    case 'user':
      return 'user';
    case 'assistant':
      // Narrowed: only the assistant message has tool_calls.
      return String(message.tool_calls?.length);
    case 'tool':
      return message.tool_call_id;
    case 'function':
      return message.name;
    default:
      return assertNever(message);
  }
}

export function partText(part: ChatCompletionContentPart): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'image_url':
      return part.image_url.url;
    case 'input_audio':
      return part.input_audio.format;
    case 'file':
      return part.file.filename ?? '';
    default:
      return assertNever(part);
  }
}

export function toolCallName(call: ChatCompletionMessageToolCall): string {
  switch (call.type) {
    case 'function':
      return call.function.name;
    case 'custom':
      return call.custom.name;
    default:
      return assertNever(call);
  }
}

export function toolName(tool: ChatCompletionTool): string {
  switch (tool.type) {
    case 'function':
      return tool.function.name;
    case 'custom':
      return tool.custom.name;
    default:
      return assertNever(tool);
  }
}

export function describeChoice(choice: ChatCompletionToolChoiceOption): string {
  if (typeof choice === 'string') {
    switch (choice) {
      case 'none':
      case 'auto':
      case 'required':
        return choice;
      default:
        return assertNever(choice);
    }
  }
  switch (choice.type) {
    case 'allowed_tools':
      return choice.allowed_tools.mode;
    case 'function':
      return choice.function.name;
    case 'custom':
      return choice.custom.name;
    default:
      return assertNever(choice);
  }
}

// The string enum of tool choices is exactly these three values.
expectTypeOf<Extract<ChatCompletionToolChoiceOption, string>>().toEqualTypeOf<
  'none' | 'auto' | 'required'
>();
expectTypeOf<ChatCompletionMessageParam['role']>().toEqualTypeOf<
  'developer' | 'system' | 'user' | 'assistant' | 'tool' | 'function'
>();

export const ok: ChatCompletionMessageParam[] = [
  { role: 'developer', content: 'Be brief.' },
  { role: 'system', content: [{ type: 'text', text: 'You are terse.' }] },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'hi' },
      { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'low' } },
    ],
  },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
  },
  { role: 'tool', content: 'result', tool_call_id: 'c1' },
];

// @ts-expect-error 'robot' is not a role.
export const wrongRole: ChatCompletionMessageParam = { role: 'robot', content: 'hi' };

// @ts-expect-error a user message needs content.
export const missingContent: ChatCompletionUserMessageParam = { role: 'user' };

export const extraProperty: ChatCompletionContentPart = {
  type: 'text',
  text: 'x',
  // @ts-expect-error a text part has no image_url.
  image_url: { url: 'u' },
};

// @ts-expect-error the image part's discriminant with a text part's fields.
export const mixedVariant: ChatCompletionContentPart = { type: 'image_url', text: 'x' };

// @ts-expect-error model is required.
export const noModel: ChatCompletionCreateParams = { messages: [] };

export const badArguments: ChatCompletionMessageToolCall = {
  id: 'c',
  type: 'function',
  // @ts-expect-error a tool call's function arguments are a JSON string, not an object.
  function: { name: 'f', arguments: {} },
};
