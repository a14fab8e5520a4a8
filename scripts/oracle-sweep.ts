// The oracle of `real-world-sweep.ts --oracle`: openapi-typescript reads each spec that generated, and every component
// schema's model must be mutually assignable with its `components['schemas'][name]`, as test/oracle/oracle.test.ts
// checks for three specs. A disagreement is reported with the TypeScript error that says how the two types differ (from
// a second file that assigns each to the other, beside the checking file); it is a question, not a failure: the spec,
// clientgen or openapi-typescript may be the one to answer it.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildIr } from '../generator/ir/build-ir';
import { loadSpec } from '../generator/load/load-spec';
import { parsePointer } from '../generator/load/pointer';
import { planOutput } from '../generator/plan/plan-output';
import { tsString } from '../generator/text/string-literal';
import { typeCheck } from '../test/helpers/generate';

const OPENAPI_TYPESCRIPT = join(__dirname, '../node_modules/openapi-typescript/bin/cli.js');
const TIMEOUT_MS = 120_000;
/** What TypeScript says of `Mutual<…> = true` when the two types differ (and of the harness line). */
const DIFFERS = `Type 'true' is not assignable to type 'false'.`;
/** The lines of an error kept in the report: the first say which property differs, and how. */
const ERROR_LINES = 6;

export interface Disagreement {
  schema: string;
  /** A short reading of the error, to group alike disagreements. */
  reason: string;
  /** The first lines of the error of each direction that fails (ours → theirs, theirs → ours). */
  error: string;
}

export interface OracleResult {
  /** Component schemas compared, and those on which both readings agree. */
  schemas: number;
  agreed: number;
  disagreements: Disagreement[];
  /** Nothing was compared: openapi-typescript refused, crashed or timed out. */
  unreadable?: string;
  /** Nothing was compared for another reason: no component schema has a model, or clientgen's plan failed here. */
  skipped?: string;
  /** The comparison ran, but its verdicts are not trusted: the harness line was not its one error, or another was. */
  untrusted?: string;
}

/** A spec ready to check: its folder, its client's, and what each line of its two files compares. */
export interface PreparedOracle {
  dir: string;
  client: string;
  /** Line of `oracle-check.ts` → schema name. */
  checks: Map<number, string>;
  harness: number;
  /** Line of `oracle-explain.ts` → schema name and direction. */
  explains: Map<number, { schema: string; direction: Direction }>;
}

type Direction = 'ours → theirs' | 'theirs → ours';

const none = (why: Pick<OracleResult, 'unreadable' | 'skipped'>): OracleResult => ({
  schemas: 0,
  agreed: 0,
  disagreements: [],
  ...why,
});

/**
 * Runs openapi-typescript on `spec` into `dir` and writes there the checking file for the client generated in
 * `client` (its component models, listed by clientgen's own plan of the spec, as the test does); an `OracleResult`
 * when there is nothing to check.
 */
export async function prepareOracle(
  spec: string,
  client: string,
  dir: string,
): Promise<PreparedOracle | OracleResult> {
  mkdirSync(dir, { recursive: true });
  const refused = await openapiTypescript(spec, join(dir, 'oracle.ts'));
  if (refused) return none({ unreadable: refused });
  let models;
  try {
    const { spec: loaded } = await loadSpec(spec);
    if (!loaded) return none({ skipped: 'clientgen could not load it again' });
    const { ir } = buildIr(loaded, spec);
    if (!ir) return none({ skipped: 'clientgen built no IR of it again' });
    // A component of the entry itself (the directory's specs are one file), named by its key: the model's own name
    // may have been made from another.
    models = planOutput(ir)
      .models.filter(
        (m) =>
          m.model.file === loaded.entry.displayPath &&
          m.model.pointer.startsWith('#/components/schemas/') &&
          parsePointer(m.model.pointer).length === 3,
      )
      .map((m) => ({ identifier: m.identifier, name: parsePointer(m.model.pointer)[2]! }));
  } catch (e) {
    return none({ skipped: `clientgen's plan: ${firstLine(String(e))}` });
  }
  if (!models.length) return none({ skipped: 'no component schema has a model' });
  const modelsPath = relative(dir, join(client, 'models')).split('\\').join('/');
  const preamble = [
    `import type { components } from './oracle';`,
    `import type * as ours from '${modelsPath.startsWith('.') ? modelsPath : `./${modelsPath}`}';`,
  ];
  const check = [
    ...preamble,
    `type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
  ];
  const explain = [...preamble];
  const checks = new Map<number, string>();
  const explains = new Map<number, { schema: string; direction: Direction }>();
  for (const [i, { identifier, name }] of models.entries()) {
    const theirs = `components['schemas'][${tsString(name)}]`;
    check.push(`export const check_${identifier}: Mutual<ours.${identifier}, ${theirs}> = true;`);
    checks.set(check.length, name);
    explain.push(`export const ours_${i}: ${theirs} = null as unknown as ours.${identifier};`);
    explains.set(explain.length, { schema: name, direction: 'ours → theirs' });
    explain.push(`export const theirs_${i}: ours.${identifier} = null as unknown as ${theirs};`);
    explains.set(explain.length, { schema: name, direction: 'theirs → ours' });
  }
  // The harness itself must catch a difference: this line has to be its one error.
  check.push(`export const harness: Mutual<{ a: string }, { a: string | null }> = true;`);
  writeFileSync(join(dir, 'oracle-check.ts'), check.join('\n') + '\n');
  writeFileSync(join(dir, 'oracle-explain.ts'), explain.join('\n') + '\n');
  return { dir, client, checks, harness: check.length, explains };
}

/** openapi-typescript's output for `spec` into `out`; why not, when it refused, crashed or timed out. */
function openapiTypescript(spec: string, out: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // Run in the output's folder: a redocly.yaml of the working directory would be read as its config.
    const child = spawn(
      process.execPath,
      [OPENAPI_TYPESCRIPT, spec, '-o', out, '--default-non-nullable', 'false'],
      { cwd: join(out, '..'), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Its messages are coloured; a crash prints the throwing line before the error's.
      const lines = Buffer.concat(chunks)
        .toString('utf8')
        // eslint-disable-next-line no-control-regex
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n');
      const said =
        lines.find((l) => /\w*Error: /.test(l)) ??
        lines.find((l) => /✘|\berror\b/i.test(l)) ??
        lines.find((l) => l.trim());
      resolve(
        signal
          ? 'timed out'
          : code === 0
            ? undefined
            : `exit ${String(code)}: ${said?.trim().slice(0, 200) ?? '?'}`,
      );
    });
  });
}

/** Type-checks the prepared specs in one program (as `--compile` does its batch of clients); a result for each. */
export function checkOracles(prepared: PreparedOracle[]): OracleResult[] {
  if (!prepared.length) return [];
  const files = new Set(
    prepared.flatMap((p) => [join(p.dir, 'oracle-check.ts'), join(p.dir, 'oracle-explain.ts')]),
  );
  // The test's options: a model's optional property is `?: T`, openapi-typescript's too, whatever exactness.
  const errors = typeCheck(
    prepared.map((p) => p.dir),
    'bundler',
    { noUnusedLocals: false, exactOptionalPropertyTypes: false },
    (f) => files.has(f),
  );
  const located = errors.map((e) => {
    const [, file = '', line = '0', message = e] = /^(\S*?)(?::(\d+))? ([\s\S]*)$/.exec(e) ?? [];
    return { file, line: Number(line), message };
  });
  return prepared.map((p) => {
    const own = located.filter(
      (e) => !e.file || e.file.startsWith(p.dir + '/') || e.file.startsWith(p.client + '/'),
    );
    const at = (name: string) => own.filter((e) => e.file === join(p.dir, name));
    const check = at('oracle-check.ts');
    const explain = at('oracle-explain.ts');
    const elsewhere = own.filter((e) => !check.includes(e) && !explain.includes(e));
    const harness = check.filter((e) => e.line === p.harness);
    // Any other error (a model the client lacks: the frozen CLI made it, this checkout's generator listed the models)
    // leaves the verdicts in doubt.
    const verdicts = check.filter((e) => p.checks.has(e.line) && e.message === DIFFERS);
    const stray = [
      ...check.filter((e) => e.line !== p.harness && !verdicts.includes(e)),
      ...explain.filter((e) => !p.explains.has(e.line)),
    ];
    const problems = [
      ...(harness.length === 1 && harness[0]!.message === DIFFERS
        ? []
        : [`the harness line had ${harness.length} error(s), not the one expected`]),
      ...[...stray, ...elsewhere].map(
        (e) => `${e.file ? relative(p.dir, e.file) : ''}:${e.line} ${firstLine(e.message)}`,
      ),
    ];
    const differing = new Map<string, { direction: Direction; message: string }[]>();
    for (const e of verdicts) differing.set(p.checks.get(e.line)!, []);
    for (const e of explain) {
      const what = p.explains.get(e.line);
      if (!what) continue;
      // The verdict is the checking file's; an assignment that fails where `Mutual` holds is a problem of its own.
      const list = differing.get(what.schema);
      if (list) list.push({ direction: what.direction, message: e.message });
      else
        problems.push(
          `${what.schema} agrees, yet ${what.direction} fails: ${firstLine(e.message)}`,
        );
    }
    const disagreements = [...differing].map(([schema, explained]) => ({
      schema,
      reason: explained.length
        ? reasonOf(schema, explained)
        : 'Mutual is false, yet each assigns to the other',
      error: explained.map((x) => `${x.direction}: ${head(x.message)}`).join('\n'),
    }));
    return {
      schemas: p.checks.size,
      agreed: p.checks.size - disagreements.length,
      disagreements,
      ...(problems.length && { untrusted: problems.slice(0, 3).join('; ') }),
    };
  });
}

const firstLine = (message: string): string => message.split('\n')[0]!.slice(0, 200);
/** An error's first lines, and its last (the deepest difference) when they leave it out. */
const head = (message: string): string => {
  const lines = message.split('\n').map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l));
  const first = lines.slice(0, ERROR_LINES);
  if (lines.length > ERROR_LINES) first.push(`  … ${lines[lines.length - 1]!.trim()}`);
  return first.join('\n');
};

/**
 * A short reason for a disagreement, to group alike ones: a case known from its errors' text (openapi-typescript's own
 * readings first), else the deepest line of the first failing direction with the types taken out. "ours → theirs"
 * fails where ours accepts a value theirs refuses.
 */
function reasonOf(schema: string, explained: { direction: Direction; message: string }[]): string {
  const both = explained.length === 2 ? ' (both ways)' : '';
  const { direction, message } = explained[0]!;
  const [from, to] = direction === 'ours → theirs' ? ['ours', 'theirs'] : ['theirs', 'ours'];
  const all = explained.map((x) => x.message).join('\n');
  const known: [RegExp, string][] = [
    // Without `--empty-objects-unknown`, openapi-typescript reads an object without properties as empty.
    [
      /type 'Record<string, never>'/,
      'theirs types an object without properties as Record<string, never>',
    ],
    // A discriminator's implicit mapping names the schema; Azure's x-ms-discriminator-value names another value.
    [
      new RegExp(`'"${schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"'`),
      "theirs fixes the discriminator property to the schema's name, ours does not",
    ],
    // An index signature beside optional properties: it must admit `undefined`, which an intersection need not.
    [
      /index signatures are incompatible\.\n\s*Type '[^\n]*\| undefined' is not assignable/,
      `${from}'s index signature admits undefined (optional properties beside it), ${to}'s does not`,
    ],
  ];
  for (const [pattern, reason] of known) if (pattern.test(all)) return reason + both;
  const deepest = message.split('\n').pop()!.trim();
  const patterns: [RegExp, string][] = [
    [/^Type 'unknown' is not assignable/, `${from} has unknown where ${to} has a type`],
    [/^Type 'null' is not assignable/, `${from} allows null where ${to} does not`],
    [/^Type 'undefined' is not assignable/, `${from} has optional what ${to} requires`],
    [
      /^Property '.*' is missing in type .* but required in type/,
      `${to} requires a property ${from} has not, or has optional`,
    ],
    [
      /^Index signature for type '(string|number)' is missing/,
      `${to} has an index signature (additionalProperties) ${from} lacks`,
    ],
    [/^'.*' index signatures are incompatible/, `index signatures differ`],
    [/^Type '"[^']*' is not assignable to type '"[^']*'\.$/, `enum values differ`],
    [
      /^Type '[^']*' is not assignable to type '"[^']*'\.$/,
      `${to} is an enum where ${from} is wider`,
    ],
    [/^Type '"[^']*' is not assignable to type/, `${from} has an enum value ${to} does not accept`],
    [/^Type '(\w+)' is not assignable to type '(\w+)'\.$/, `${from} has $1 where ${to} has $2`],
    [
      /^Type '[^']*\[\]' is not assignable to type/,
      `${from} has an array where ${to} has another type`,
    ],
    [
      /has no properties in common with type/,
      `a weak type (all optional) of ${to} shares nothing with ${from}`,
    ],
    [/^Type instantiation is excessively deep/, 'too deep for TypeScript'],
  ];
  for (const [pattern, reason] of patterns) {
    const m = pattern.exec(deepest);
    if (m) return reason.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '') + both;
  }
  return `${direction}: ${deepest.replace(/'[^']*'/g, "'…'").slice(0, 100)}${both}`;
}

/** The summary's lines: specs checked, schemas that agree, the disagreements grouped by reason. */
export function summarizeOracle(results: { spec: string; oracle?: OracleResult }[]): string[] {
  const read = results.filter((r) => r.oracle && !r.oracle.unreadable && !r.oracle.skipped);
  const trusted = read.filter((r) => !r.oracle!.untrusted);
  const sum = (f: (o: OracleResult) => number) => trusted.reduce((a, r) => a + f(r.oracle!), 0);
  const lines = [
    `oracle (openapi-typescript): ${trusted.length} specs checked${read.length > trusted.length ? ` (${read.length - trusted.length} more, not trusted)` : ''}; ${sum((o) => o.agreed)} of ${sum((o) => o.schemas)} component schemas agreed, ${sum((o) => o.disagreements.length)} disagreed`,
  ];
  for (const r of results.filter((r) => r.oracle?.unreadable))
    lines.push(`  oracle could not read ${r.spec}: ${r.oracle!.unreadable!}`);
  for (const r of results.filter((r) => r.oracle?.skipped))
    lines.push(`  nothing to compare in ${r.spec}: ${r.oracle!.skipped!}`);
  for (const r of read.filter((r) => r.oracle!.untrusted))
    lines.push(`  check not trusted ${r.spec}: ${r.oracle!.untrusted!.slice(0, 300)}`);
  const groups = new Map<string, { spec: string; d: Disagreement }[]>();
  for (const r of trusted)
    for (const d of r.oracle!.disagreements)
      groups.set(d.reason, [...(groups.get(d.reason) ?? []), { spec: r.spec, d }]);
  for (const [reason, all] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${all.length} schema(s): ${reason}`);
    for (const { spec, d } of all.slice(0, 5)) {
      lines.push(`    ${spec} ${d.schema}`);
      for (const l of d.error.split('\n').slice(0, 4)) lines.push(`      ${l.slice(0, 200)}`);
    }
    if (all.length > 5) lines.push(`    … and ${all.length - 5} more`);
  }
  return lines;
}
