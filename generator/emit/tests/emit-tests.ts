import * as path from 'node:path';
import type { SourceFileStructure } from 'ts-morph';
import { StructureKind } from '../structure-kind';
import {
  FixedSegments,
  isSampleObject,
  sampleOperation,
  type OperationSample,
  type SampleValue,
} from '../../samples';
import { NameRegistry } from '../../plan/identifiers';
import { resourceAccess } from '../../plan/resource-access';
import type { ImportStyle, Plan, PlannedMethod } from '../../plan/types';
import { EXTENSIONS } from '../module-specifier';
import type { EmittedFile } from '../emitted-file';
import { tsString } from '../../text/string-literal';
import { renderSample } from './render-sample';
import { withBlankLines } from './blank-lines';
import { emitTestSetup } from './test-setup';

/**
 * The generated tests: `setup.ts` and one `<resource>.test.ts` per resource with methods, each method called
 * once with only its required arguments and once with every argument (node:test, no dependency).
 * `clientDir` is the output folder relative to the tests folder (posix).
 */
export function emitTests(plan: Plan, clientDir: string): EmittedFile[] {
  const clientModule = clientSpecifier(clientDir, plan.importStyle);
  const setup = `./setup${EXTENSIONS[plan.importStyle]}`;
  const models = new Map(plan.ir.models.map((m) => [m.id, m]));
  const paths = new FixedSegments(plan.ir.operations.map((op) => op.path));
  const accessOf = resourceAccess(plan);
  const files: EmittedFile[] = [{ path: 'setup.ts', structure: emitTestSetup(plan, clientModule) }];
  // Resources whose names differ only in case (Azure's `virtualMachines` and `virtualmachines` under one parent)
  // would share a file on case-insensitive file systems: the second gets `…2.test.ts`.
  const stems = new NameRegistry();
  for (const resource of plan.resources) {
    if (!resource.methods.length) continue;
    const access = accessOf(resource);
    const tests = resource.methods.flatMap((m) => {
      const samples = sampleOperation(m.op, models, paths);
      const name = `${access.join('.')}.${m.name}`;
      return [
        emitTest(`${name}: required params`, m, access, samples.required, 'required'),
        emitTest(`${name}: every param`, m, access, samples.all, 'all'),
      ];
    });
    files.push({
      path: `${stems.claim(access.join('.'))}.test.ts`,
      structure: testFile(setup, tests),
    });
  }
  return files;
}

function testFile(setup: string, tests: string[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: withBlankLines([
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: 'node:test',
        namedImports: ['test'],
      },
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: setup,
        namedImports: ['client', 'expectAccepted'],
      },
      ...tests,
    ]),
  };
}

/** One `test(…)`: the call awaited through `expectAccepted` (setup.ts), so that any refusal fails it. */
function emitTest(
  name: string,
  m: PlannedMethod,
  access: string[],
  sample: OperationSample,
  mode: 'required' | 'all',
): string {
  const args = callArguments(m, sample, mode);
  const call = `client.${access.join('.')}.${m.name}(${args.join(', ')})`;
  return `test(${tsString(name)}, async () => { await expectAccepted(${call}); });`;
}

/** The arguments before `options`: path values, then a non-object body, then the params object (left out when optional and empty). */
function callArguments(
  m: PlannedMethod,
  sample: OperationSample,
  mode: 'required' | 'all',
): string[] {
  const args = m.pathArgs.map((a) => renderSample(sample.path.get(a.wireName) ?? 'value'));
  if (!m.params) return args;
  const params = Object.fromEntries(sample.params);
  // An optional body is sent with every argument only (mastodon's optional bodies went out on the required call).
  const sent = sample.sendsBody ? sample.body : undefined;
  let value: SampleValue | undefined;
  // A body of its own before the params: left out when not sent (`undefined` if params follow).
  let body: string | undefined;
  if (m.params.kind === 'body' && m.params.typeName) {
    body = sample.sendsBody ? renderSample(sent ?? {}) : undefined;
    value = params;
  } else if (m.params.kind === 'body') {
    value = sent;
  } else if (sent === undefined || isSampleObject(sent)) {
    value = { ...(sent ?? {}), ...params };
  } else {
    value = sent;
  }
  const empty = value === undefined || (isSampleObject(value) && !Object.keys(value).length);
  const withParams = !(empty && !m.params.required && mode === 'required');
  if (body !== undefined || (m.params.kind === 'body' && m.params.typeName && withParams))
    args.push(body ?? 'undefined');
  if (withParams) args.push(renderSample(value ?? {}));
  return args;
}

/** The client's index as the tests import it: `../generated`, or `../generated/index.js` (`.ts`) under nodenext (ts). */
function clientSpecifier(clientDir: string, style: ImportStyle): string {
  let rel = path.posix.normalize(clientDir).replace(/\/$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return EXTENSIONS[style] ? `${rel}/index${EXTENSIONS[style]}` : rel;
}
