import { StructureKind, type SourceFileStructure } from 'ts-morph';
import type { Plan } from '../../plan/types';
import { tsString } from '../render-type';

/** The environment variable naming the mock server the generated tests call. */
export const BASE_URL_ENV = 'TEST_API_BASE_URL';
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';

/**
 * The client options holding credentials, each with a dummy value: every option of the client that takes one.
 * The one place to change when the client's credential options change.
 */
export function credentialOptions(_plan: Plan): { name: string; value: string }[] {
  return [{ name: 'apiKey', value: 'test-api-key' }];
}

/**
 * `setup.ts` of the tests folder: the client every test calls (the mock's URL from `TEST_API_BASE_URL`, dummy
 * credentials, no retries), and `consume`, which reads a stream or a binary body to the end.
 */
export function emitTestSetup(plan: Plan, clientModule: string): SourceFileStructure {
  const C = plan.clientClass;
  const options = [
    ...credentialOptions(plan).map((o) => `${o.name}: ${tsString(o.value)}`),
    'baseURL',
    // A refused call fails at once: a retry would only hide it.
    'maxRetries: 0',
  ];
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: clientModule,
        namedImports: [C, 'Stream'],
      },
      `/** The mock server the tests call: \`${BASE_URL_ENV}\`, else a local mock on its usual port. */`,
      `export const baseURL = process.env[${tsString(BASE_URL_ENV)}] ?? ${tsString(DEFAULT_BASE_URL)};`,
      `/** A client for the mock, with a dummy value for every credential option. */`,
      `export function createClient(): ${C} { return new ${C}({ ${options.join(', ')} }); }`,
      `export const client = createClient();`,
      `/** Reads a stream of events or a binary body to the end, so that the whole answer is checked. */`,
      `export async function consume(result: unknown): Promise<void> {
        if (result instanceof Response) { await result.arrayBuffer(); return; }
        if (result instanceof Stream) { const events: unknown[] = []; for await (const event of result) events.push(event); }
      }`,
    ],
  };
}
