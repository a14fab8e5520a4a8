/**
 * An independent reading of the same specs: openapi-typescript turns each spec into types, and for every
 * component schema our generated type and its type must be assignable to each other. The few
 * deliberate differences are listed below with the reason, and are checked to still be differences.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildIr } from '../../generator/ir/build-ir';
import { loadSpec } from '../../generator/load/load-spec';
import { planOutput } from '../../generator/plan/plan-output';
import { tsString } from '../../generator/text/string-literal';
import { generateTree, typeCheck, writeTempTree } from '../helpers/generate';

const ROOT = path.resolve(__dirname, '../..');

interface OracleCase {
  spec: string;
  /** Schema name → why our type deliberately differs from openapi-typescript's. */
  differences: Record<string, string>;
}

const CASES: OracleCase[] = [
  {
    spec: 'spec/chat-completions.yaml',
    differences: {
      // The official description declares `top_logprobs` in three allOf parts: `integer | null`,
      // `integer`, `integer | null`. openapi-typescript intersects them (`number`); clientgen merges allOf
      // and keeps the request's own declaration (`number | null`), as the official SDK types it.
      ChatCompletionCreateParams: 'allOf parts disagree on the nullability of top_logprobs',
    },
  },
  { spec: 'test/fixtures/specs/petstore.yaml', differences: {} },
  { spec: 'test/fixtures/specs/petstore-swagger.yaml', differences: {} },
];

describe.each(CASES)('openapi-typescript agrees on $spec', ({ spec, differences }) => {
  let dir: string;
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('every component schema is mutually assignable, except the listed differences', async () => {
    const specPath = path.join(ROOT, spec);
    const { tree } = await generateTree(specPath);
    dir = writeTempTree(tree, 'clientgen-oracle-');
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
        specPath,
        '-o',
        path.join(dir, 'oracle.ts'),
        '--default-non-nullable',
        'false',
      ],
      { stdio: 'pipe' },
    );

    const { spec: loaded } = await loadSpec(specPath);
    const { ir } = buildIr(loaded!, spec);
    const plan = planOutput(ir!);
    const components = plan.models.filter(
      (m) =>
        m.model.pointer.startsWith('#/components/schemas/') &&
        m.model.file === path.relative(process.cwd(), specPath).split(path.sep).join('/'),
    );
    expect(components.length).toBeGreaterThan(0);

    const lines = [
      `import type { components } from './oracle';`,
      `import type * as ours from './models';`,
      `type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
      `type Differs<A, B> = Mutual<A, B> extends true ? false : true;`,
    ];
    for (const m of components) {
      const theirs = `components['schemas'][${tsString(m.model.name)}]`;
      const check = m.model.name in differences ? 'Differs' : 'Mutual';
      lines.push(
        `export const check_${m.identifier}: ${check}<ours.${m.identifier}, ${theirs}> = true;`,
      );
    }
    // The harness itself must catch a difference: this line has to be the one error reported.
    lines.push(`export const harness: Mutual<{ a: string }, { a: string | null }> = true;`);
    writeFileSync(path.join(dir, 'oracle-check.ts'), lines.join('\n') + '\n');
    const errors = typeCheck([dir], 'bundler', {
      noUnusedLocals: false,
      exactOptionalPropertyTypes: false,
    }).filter((e) => e.includes('oracle-check.ts'));
    expect(errors).toEqual([expect.stringContaining(`oracle-check.ts:${lines.length}`)]);
  });
});
