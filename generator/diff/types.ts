/** One change between two versions of a spec that a client user could notice. */
export interface ApiChange {
  /** What changed, e.g. 'property-removed'. */
  kind: ChangeKind;
  /** The rule that gave the verdicts, e.g. `request-max-length-decreased` (docs/diff-rules.md lists them). */
  rule: string;
  /** True when either verdict is breaking: what `--fail-on breaking` looks at. */
  breaking: boolean;
  /** Wire verdict: does an existing client still work against the new server? */
  wire: 'breaking' | 'warning' | 'compatible';
  /** SDK verdict: does code that compiled against the old generated client still compile? */
  sdk: 'breaking' | 'compatible';
  /**
   * Where, as the user writes it: `chat.completions.create() body.messages`, `chat.completions.list() query.order`,
   * or a path into an exported type such as `ChatCompletion.choices[].finish_reason`.
   */
  location: string;
  /** The resource the change belongs to (`chat.completions`), 'models' for exported types, 'client' for the client. */
  resource: string;
  message: string;
}

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-renamed'
  | 'operation-moved'
  | 'operation-deprecated'
  | 'parameter-added'
  | 'parameter-removed'
  | 'request-body-changed'
  | 'response-changed'
  | 'property-added'
  | 'property-removed'
  | 'required-changed'
  | 'nullable-changed'
  | 'type-changed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'union-member-added'
  | 'union-member-removed'
  | 'deprecated'
  | 'model-added'
  | 'model-removed'
  | 'model-renamed'
  | 'export-added'
  | 'export-removed'
  | 'export-renamed'
  | 'client-changed'
  | 'constraint-changed'
  | 'parameter-changed'
  | 'status-changed'
  | 'header-changed'
  | 'media-type-changed'
  | 'security-changed'
  | 'server-changed'
  | 'webhook-changed';
