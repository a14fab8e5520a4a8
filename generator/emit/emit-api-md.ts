import { operationKey } from '../ir/naming/operation-key';
import type { IrObject } from '../ir/types';
import { resourceAccess } from '../plan/resource-access';
import type { Plan, PlannedMethod, PlannedResource } from '../plan/types';
import { markdownCode, markdownText, summarize } from '../text/markdown';
import { awaitedType, methodArguments } from './emit-resource';
import type { TypeContext } from './render-type';

/**
 * `api.md`: the client's surface as a reviewer reads it. For each resource, its methods (call, HTTP route,
 * one-line summary) and the types its file declares; then every model. Built from the plan, written already
 * formatted (prettier's markdown printer leaves it as it is; a test checks that). Spec text goes through
 * `markdownText` / `markdownCode`, so it cannot become markup.
 */
export function emitApiMd(plan: Plan): { path: string; markdown: string } {
  const request = mdTypeContext(plan, 'request');
  const response = mdTypeContext(plan, 'response');
  const { client } = plan.ir;
  const methods = plan.resources.reduce((n, r) => n + r.methods.length, 0);
  const lines: string[] = [
    `# ${markdownText(client.title)}`,
    '',
    `The ${markdownCode(plan.clientClass)} client: ${count(methods, 'method')} in ${count(plan.resources.filter((r) => r.methods.length).length, 'resource')}, and ${count(plan.models.length, 'model')}. ` +
      `Every method also takes a last ${markdownCode('options?: RequestOptions')} argument (timeout, retries, headers, signal).`,
  ];
  const accessOf = resourceAccess(plan);
  for (const resource of plan.resources) {
    if (!resource.methods.length) continue;
    const access = `client.${accessOf(resource).join('.')}`;
    lines.push(
      '',
      `## ${markdownCode(access)}`,
      '',
      `Class ${link(resource.className, resource.file)}.`,
      '',
      'Methods:',
      '',
    );
    for (const m of resource.methods)
      lines.push(...methodLines(plan, access, m, request, response));
    const types = declaredTypes(resource);
    if (types.length)
      lines.push('', 'Types:', '', ...types.map((t) => `- ${link(t, resource.file)}`));
  }
  if (plan.models.length) {
    lines.push('', '## Models', '');
    for (const planned of plan.models) {
      const about = summarize(planned.model.docs.title ?? planned.model.docs.description);
      const input = planned.input
        ? ` (request shape: ${markdownCode(planned.input.identifier)})`
        : '';
      const notes = [
        about ? markdownText(about) : '',
        planned.model.docs.deprecated ? 'Deprecated.' : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(`- ${link(planned.identifier, planned.file)}${input}${notes ? `: ${notes}` : ''}`);
    }
  }
  return { path: 'api.md', markdown: `${lines.join('\n')}\n` };
}

/** `- \`client.x.create(params: P) -> R\`` with the route and the summary under it. */
function methodLines(
  plan: Plan,
  access: string,
  m: PlannedMethod,
  request: TypeContext,
  response: TypeContext,
): string[] {
  const args = methodArguments(plan, m, request).map(
    (a) => `${a.name}${a.optional ? '?' : ''}: ${a.type}`,
  );
  const call = `${access}.${m.name}(${args.join(', ')}) -> ${awaitedType(m, response)}`;
  const about = summarize(m.op.docs.summary ?? m.op.docs.description);
  // The query of the spec's path key (`/responses?beta=true`) is part of the route the call takes.
  const route = operationKey(m.op);
  const notes = [about ? markdownText(about) : '', m.op.docs.deprecated ? 'Deprecated.' : '']
    .filter(Boolean)
    .join(' ');
  return [`- ${markdownCode(call)}`, `  - ${markdownCode(route)}${notes ? `: ${notes}` : ''}`];
}

/** The types a resource file declares and exports, in the order the file has them. */
function declaredTypes(resource: PlannedResource): string[] {
  return resource.methods.flatMap((m) => [
    ...(m.params?.typeName && !(m.params.kind === 'merged' && m.params.reuses === m.params.typeName)
      ? [m.params.typeName]
      : []),
    ...(m.streaming ? [m.streaming.nonStreamingName, m.streaming.streamingName] : []),
    ...(m.responseTypeName ? [m.responseTypeName] : []),
    ...(m.pageTypeName ? [m.pageTypeName] : []),
  ]);
}

/** Model names as the client spells them; inline objects are shown as `{ … }` (their names live in the files). */
function mdTypeContext(plan: Plan, mode: TypeContext['mode']): TypeContext {
  return {
    mode,
    nameOf: (id) =>
      (mode === 'request' ? plan.inputNames.get(id) : undefined) ??
      plan.modelNames.get(id) ??
      'unknown',
    runtimeType: (name) => name,
    hoist: (_object: IrObject) => '{ … }',
    forMarkdown: true,
  };
}

/** A link to a generated file, relative to `api.md` at the root of the output. */
function link(name: string, file: string): string {
  return `[${markdownCode(name)}](${file})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
