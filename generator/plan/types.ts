import type { Ir, IrModel, IrOperation } from '../ir/types';

/**
 * How relative imports are written: `./x` for bundlers (`bundler`), `./x.js` for `moduleResolution: nodenext`
 * (`nodenext`), `./x.ts` for code run as TypeScript: Deno, Bun, Node's type stripping, or tsc with
 * `allowImportingTsExtensions` or `rewriteRelativeImportExtensions` (`ts`). The last two name a folder's `index`.
 */
export type ImportStyle = 'bundler' | 'nodenext' | 'ts';

/** Where each declaration goes and what it is called: everything emit needs besides the IR itself. */
export interface Plan {
  ir: Ir;
  clientClass: string;
  /** `<Client>Error`, the client's name for `ClientGenError` (as `OpenAIError` in openai-node), unless a core name took it. */
  errorAlias: string | undefined;
  importStyle: ImportStyle;
  /** Type identifier of each model id, in its response shape. */
  modelNames: ReadonlyMap<string, string>;
  /** Type identifier of each model id that differs in requests (readOnly/writeOnly), in its request shape. */
  inputNames: ReadonlyMap<string, string>;
  models: PlannedModel[];
  resources: PlannedResource[];
}

export interface PlannedModel {
  model: IrModel;
  identifier: string;
  /** 'models/chat-completion.ts' */
  file: string;
  /** Set when the model also has a request shape (readOnly properties dropped, writeOnly kept). */
  input?: { identifier: string };
}

export interface PlannedResource {
  /** ['chat', 'completions'] */
  path: string[];
  /** The property that holds it on its parent (the client for top-level resources). */
  property: string;
  className: string;
  /** 'resources/chat/completions.ts' */
  file: string;
  children: { property: string; className: string; file: string }[];
  methods: PlannedMethod[];
}

export interface PlannedMethod {
  op: IrOperation;
  name: string;
  /** Positional arguments for the path parameters, in path order. */
  pathArgs: { identifier: string; wireName: string }[];
  /** How the params argument is made; undefined when the operation takes none. */
  params:
    | {
        kind: 'merged';
        typeName: string;
        /** the body model reused as the params type */ reuses?: string;
        required: boolean;
      }
    | {
        kind: 'body';
        /** a non-object body passed as is, then query/header params if any */ typeName?: string;
        /** Without `typeName`: whether the body is; with it: whether the params object is (a required parameter). */
        required: boolean;
      }
    | undefined;
  /** Name of the response type, when the response is an inline object that deserves a name. */
  responseTypeName?: string;
  /** Names of the page type alias (`ChatCompletionListPage`) for list methods. */
  pageTypeName?: string;
  /** Names of the streaming/non-streaming params variants for switchable streaming methods. */
  streaming?: { streamingName: string; nonStreamingName: string };
}
