import { Scope, StructureKind, type SourceFileStructure } from 'ts-morph';
import type { Plan } from '../plan/types';
import { escapeDocText, wrapText } from '../text/js-doc';
import { moduleSpecifier } from './module-specifier';
import { tsString } from './render-type';

/** `client.ts`: the client class with its top-level resources, and its options type. */
export function emitClient(plan: Plan): SourceFileStructure {
  const { client } = plan.ir;
  const file = 'client.ts';
  const core = moduleSpecifier(file, 'core/index.ts', plan.importStyle);
  const roots = plan.resources.filter((r) => r.path.length === 1);
  const keyEnv = client.env.apiKey;
  const urlEnv = client.env.baseURL;
  const auth = client.auth ? `{ type: ${tsString(client.auth.type)}${client.auth.type !== 'bearer' ? `, name: ${tsString(client.auth.name)}` : ''} }` : undefined;
  const values = ['BaseClient', ...(keyEnv || urlEnv ? ['readEnv'] : []), ...(keyEnv ? ['ClientGenError'] : [])].sort();
  const statements: string[] = [];
  if (keyEnv) {
    statements.push(
      `if (apiKey === undefined || apiKey === null || apiKey === '') {`,
      `  throw new ClientGenError(${tsString(`Missing API key: pass { apiKey } or set the ${keyEnv} environment variable.`)});`,
      `}`,
    );
  }
  statements.push(
    `super({ timeout: ${client.timeout}, maxRetries: ${client.maxRetries}, ...options, apiKey: apiKey ?? null, baseURL: baseURL ?? ${tsString(client.baseURL)}${auth ? `, auth: ${auth}` : ''} });`,
  );
  const defaults = [keyEnv ? `apiKey = readEnv(${tsString(keyEnv)})` : 'apiKey', urlEnv ? `baseURL = readEnv(${tsString(urlEnv)})` : 'baseURL'];
  const description = [client.title, client.description].filter(Boolean).map((t) => wrapText(escapeDocText(t!))).join('\n\n');
  return {
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: core, namedImports: values },
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: core, namedImports: ['Fetch'], isTypeOnly: true },
      ...roots.map((r) => ({ kind: StructureKind.ImportDeclaration as const, moduleSpecifier: moduleSpecifier(file, r.file, plan.importStyle), namedImports: [r.className] })),
      {
        kind: StructureKind.Interface,
        name: 'ClientOptions',
        isExported: true,
        docs: [`Options for \`new ${plan.clientClass}()\`.`],
        properties: [
          { name: 'apiKey', type: 'string | null', hasQuestionToken: true, docs: [keyEnv ? `The API key. Defaults to the \`${keyEnv}\` environment variable.` : 'The API key, if the API takes one.'] },
          { name: 'baseURL', type: 'string | null', hasQuestionToken: true, docs: [`The API root. Defaults to ${urlEnv ? `the \`${urlEnv}\` environment variable, else ` : ''}\`${escapeDocText(client.baseURL)}\`.`] },
          { name: 'timeout', type: 'number', hasQuestionToken: true, docs: [`Milliseconds before one attempt is abandoned. Defaults to ${client.timeout}.`] },
          { name: 'maxRetries', type: 'number', hasQuestionToken: true, docs: [`How many times a failed request is retried. Defaults to ${client.maxRetries}.`] },
          { name: 'fetch', type: 'Fetch', hasQuestionToken: true, docs: ['A fetch implementation to use instead of the global one.'] },
          { name: 'defaultHeaders', type: 'Record<string, string | null | undefined>', hasQuestionToken: true, docs: ['Headers sent with every request; `null` removes a default header.'] },
          { name: 'defaultQuery', type: 'Record<string, string | undefined>', hasQuestionToken: true, docs: ['Query parameters sent with every request.'] },
        ],
      },
      {
        kind: StructureKind.Class,
        name: plan.clientClass,
        isExported: true,
        extends: 'BaseClient',
        docs: description ? [description] : [],
        properties: roots.map((r) => ({ name: r.property, isReadonly: true, scope: Scope.Public, type: r.className, initializer: `new ${r.className}(this)` })),
        ctors: [{ parameters: [{ name: `{ ${defaults.join(', ')}, ...options }`, type: 'ClientOptions', initializer: '{}' }], statements }],
      },
    ],
  };
}
