import type {
  PropertySignatureStructure,
  SourceFileStructure,
  StatementStructures,
} from 'ts-morph';
import { ModuleDeclarationKind, Scope, StructureKind } from './structure-kind';
import type { Plan } from '../plan/types';
import { escapeDocText, wrapText } from '../text/js-doc';
import {
  credentialGroups,
  credentialOptions,
  type CredentialOptionDoc,
  everyOperationNeedsCredentials,
  renderSecurityConfig,
} from './emit-security';
import { moduleSpecifier } from './module-specifier';
import { tsString } from '../text/string-literal';

/** Type names the client's namespace re-exports (`OpenAI.ChatCompletion`), by the barrel that exports them. */
export interface NamespaceTypes {
  models: string[];
  resources: string[];
}

/**
 * `client.ts`: the client class with its top-level resources, the error classes as statics, `withOptions`,
 * its options type, and a namespace merged with the class that names the public types
 * (`OpenAI.RequestOptions`, `OpenAI.ChatCompletion`), as openai-node's client does.
 */
export function emitClient(
  plan: Plan,
  types: NamespaceTypes = { models: [], resources: [] },
): SourceFileStructure {
  const { client } = plan.ir;
  const file = 'client.ts';
  const core = moduleSpecifier(file, 'core/index.ts', plan.importStyle);
  const roots = plan.resources.filter((r) => r.path.length === 1);
  const urlEnv = client.env.baseURL;
  const logEnv = client.env.log;
  // An API with no security schemes keeps the one `apiKey` option of older clients (sent as a bearer token).
  const credentials: CredentialOptionDoc[] = client.security.schemes.length
    ? credentialOptions(client.security)
    : [{ option: 'apiKey', env: '', doc: 'The API key, if the API takes one.' }];
  const required =
    client.security.schemes.length > 0 &&
    everyOperationNeedsCredentials(client.security, plan.ir.operations);
  const readsEnv = urlEnv || credentials.some((c) => c.env);
  // Only a client whose API has a client-credentials flow ships the runtime's OAuth 2 code (core/oauth2.ts).
  const fetchesTokens = client.security.schemes.some(
    (s) => s.kind === 'oauth2' && s.clientCredentials !== undefined,
  );
  const values = [
    'BaseClient',
    ...(fetchesTokens ? ['TokenCache'] : []),
    ...(readsEnv ? ['readEnv'] : []),
    ...(required || plan.errorAlias ? ['ClientGenError'] : []),
  ].sort();
  const statements: string[] = required
    ? missingCredentialsCheck(client.security, credentials)
    : [];
  const names = credentials.map((c) => c.option);
  const others = names.filter((n) => n !== 'apiKey');
  const superArgs = [
    `timeout: ${client.timeout}`,
    `maxRetries: ${client.maxRetries}`,
    '...options',
    ...(names.includes('apiKey') ? ['apiKey: apiKey ?? null'] : []),
    ...(others.length ? [`credentials: { ${others.join(', ')} }`] : []),
    `baseURL: baseURL ?? ${tsString(client.baseURL)}`,
    ...(client.security.schemes.length
      ? [`security: ${renderSecurityConfig(client.security)}`]
      : []),
    ...(fetchesTokens ? ['tokenCache: TokenCache'] : []),
    ...(logEnv ? [`logEnv: ${tsString(logEnv)}`] : []),
    ...(client.browser === 'opt-in' ? ['browserOptIn: true'] : []),
  ];
  statements.push(`super({ ${superArgs.join(', ')} });`);
  const defaults = [
    ...credentials.map((c) => (c.env ? `${c.option} = readEnv(${tsString(c.env)})` : c.option)),
    urlEnv ? `baseURL = readEnv(${tsString(urlEnv)})` : 'baseURL',
  ];
  const description = [client.title, client.description]
    .filter(Boolean)
    .map((t) => wrapText(escapeDocText(t!)))
    .join('\n\n');
  const C = plan.clientClass;
  const models = moduleSpecifier(file, 'models/index.ts', plan.importStyle);
  const resources = moduleSpecifier(file, 'resources/index.ts', plan.importStyle);
  // `export { type X }` (not `type X = …`) keeps each type's namespace too: `OpenAI.ChatCompletion.Choice`.
  const namespaceNames = ['RequestOptions', ...types.models, ...types.resources];
  const namespaceStatements = [`export { ${namespaceNames.map((n) => `type ${n}`).join(', ')} };`];
  const statements2: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: core, namedImports: values },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: core,
      namedImports: ['Fetch', 'FetchOptions', 'LogLevel', 'Logger', 'RequestOptions'],
      isTypeOnly: true,
    },
    ...(types.models.length
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: models,
            namedImports: types.models,
            isTypeOnly: true,
          },
        ]
      : []),
    ...(types.resources.length
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: resources,
            namedImports: types.resources,
            isTypeOnly: true,
          },
        ]
      : []),
    ...roots.map((r) => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: moduleSpecifier(file, r.file, plan.importStyle),
      namedImports: [r.className],
    })),
    {
      kind: StructureKind.Interface,
      name: 'ClientOptions',
      isExported: true,
      docs: [
        `Options for \`new ${C}()\`. Every field also takes \`undefined\` (for \`exactOptionalPropertyTypes\`).`,
      ],
      properties: optionProperties(plan, credentials, urlEnv, logEnv),
    },
    {
      kind: StructureKind.Class,
      name: C,
      isExported: true,
      extends: 'BaseClient',
      docs: description ? [description] : [],
      properties: [
        {
          name: C,
          isStatic: true,
          isReadonly: true,
          type: `typeof ${C}`,
          initializer: 'this',
          docs: [`The class itself, for \`const { ${C} } = require(…)\`-style imports.`],
        },
        {
          name: 'DEFAULT_TIMEOUT',
          isStatic: true,
          isReadonly: true,
          type: 'number',
          initializer: String(client.timeout),
          docs: ['Milliseconds before one attempt is abandoned, unless `timeout` says otherwise.'],
        },
        ...(plan.errorAlias
          ? [
              {
                name: plan.errorAlias,
                isStatic: true,
                isReadonly: true,
                initializer: 'ClientGenError',
              },
            ]
          : []),
        ...roots.map((r) => ({
          name: r.property,
          isReadonly: true,
          scope: Scope.Public,
          type: r.className,
          initializer: `new ${r.className}(this)`,
        })),
      ],
      ctors: [
        {
          parameters: [
            {
              name: `{ ${defaults.join(', ')}, ...options }`,
              type: 'ClientOptions',
              initializer: '{}',
            },
          ],
          statements,
        },
      ],
      methods: [
        {
          name: 'withOptions',
          hasOverrideKeyword: true,
          parameters: [{ name: 'options', type: 'Partial<ClientOptions>' }],
          returnType: 'this',
          docs: [
            'A new client with the same settings except those given; this one is left as it is.',
          ],
          statements: ['return super.withOptions(options);'],
        },
      ],
    },
    {
      kind: StructureKind.Module,
      name: C,
      isExported: true,
      hasDeclareKeyword: true,
      declarationKind: ModuleDeclarationKind.Namespace,
      docs: [`The public types, also reachable through the client (\`${C}.RequestOptions\`).`],
      statements: namespaceStatements,
    },
    ...(plan.errorAlias
      ? [
          {
            kind: StructureKind.ExportDeclaration,
            namedExports: [{ name: 'ClientGenError', alias: plan.errorAlias }],
            leadingTrivia:
              '// The base class of every error the client throws on purpose, by the name the client gives it.\n',
          },
        ]
      : []),
  ];
  return { kind: StructureKind.SourceFile, statements: statements2 };
}

/** The fields of `ClientOptions`, documented with this client's defaults. */
function optionProperties(
  plan: Plan,
  credentials: CredentialOptionDoc[],
  urlEnv: string | undefined,
  logEnv: string | undefined,
): PropertySignatureStructure[] {
  const { client } = plan.ir;
  const field = (name: string, type: string, doc: string): PropertySignatureStructure => ({
    kind: StructureKind.PropertySignature,
    name,
    type: `${type} | undefined`,
    hasQuestionToken: true,
    docs: [doc],
  });
  return [
    ...credentials.map((c) => field(c.option, 'string | null', wrapText(c.doc))),
    field(
      'baseURL',
      'string | null',
      `The API root. Defaults to ${urlEnv ? `the \`${urlEnv}\` environment variable, else ` : ''}\`${escapeDocText(client.baseURL)}\`.`,
    ),
    field(
      'timeout',
      'number',
      `Milliseconds before one attempt is abandoned. Defaults to ${client.timeout}.`,
    ),
    field(
      'maxRetries',
      'number',
      `How many times a failed request is retried. Defaults to ${client.maxRetries}.`,
    ),
    field('fetch', 'Fetch', 'A fetch implementation to use instead of the global one.'),
    field(
      'fetchOptions',
      'FetchOptions',
      'Extra `fetch` options for every request (e.g. a proxy `dispatcher` in Node).',
    ),
    field(
      'defaultHeaders',
      'Record<string, string | null | undefined>',
      'Headers sent with every request; `null` removes a default header.',
    ),
    field(
      'defaultQuery',
      'Record<string, string | undefined>',
      'Query parameters sent with every request.',
    ),
    field(
      'logLevel',
      'LogLevel',
      `How much to log: 'off', 'error', 'warn', 'info' or 'debug'. Defaults to ${logEnv ? `the \`${logEnv}\` environment variable, else ` : ''}'warn'.`,
    ),
    field(
      'logger',
      'Logger',
      'Where log messages go (anything with `error`, `warn`, `info` and `debug`). Defaults to the console.',
    ),
    ...(client.browser === 'opt-in'
      ? [
          field(
            'dangerouslyAllowBrowser',
            'boolean',
            wrapText(
              `Lets \`new ${plan.clientClass}()\` run in a browser, which it refuses by default: the credentials would be readable by anyone who loads the page. Pass it only for credentials meant to be public, or where a proxy adds them.`,
            ),
          ),
        ]
      : []),
  ];
}

/**
 * Every operation needs credentials: a client given none at all is refused at construction, as openai-node
 * refuses one without a key (the message names each option and its variable).
 */
function missingCredentialsCheck(
  security: Plan['ir']['client']['security'],
  credentials: CredentialOptionDoc[],
): string[] {
  const only = credentials.length === 1 ? credentials[0] : undefined;
  if (only) {
    const what = only.option === 'apiKey' ? 'API key' : `credentials`;
    return [
      `if (${only.option} === undefined || ${only.option} === null || ${only.option} === '') {`,
      `  throw new ClientGenError(${tsString(`Missing ${what}: pass { ${only.option} } or set the ${only.env} environment variable.`)});`,
      `}`,
    ];
  }
  const groups = credentialGroups(security).map((g) => `{ ${g.join(', ')} }`);
  const envs = credentials.map((c) => c.env);
  const message = `Missing credentials: pass ${groups.join(' or ')}, or set ${envs.join(', ')}.`;
  return [
    `if (![${credentials.map((c) => c.option).join(', ')}].some((value) => value !== undefined && value !== null && value !== '')) {`,
    `  throw new ClientGenError(${tsString(message)});`,
    `}`,
  ];
}
