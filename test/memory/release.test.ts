/**
 * What the pipeline lets go of once it no longer needs it (docs/performance.md, "Memory"): the syntax trees parsed
 * to locate diagnostics are dropped once every diagnostic is located, whether the run succeeds or stops at an error.
 * A one-shot run stops Redocly's worker before print.
 * Memory figures are never asserted (they depend on the machine); what is held is.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateClient } from '../../generator/pipeline';
import { stopValidation, validationRunning } from '../../generator/validate/validate-spec';

const SPEC = `openapi: 3.1.0
info: { title: Held, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: 'models.yaml#/Thing' }
`;
// A 3.0 keyword in a 3.1 spec: a warning, located in the second file.
const MODELS = `Thing:
  type: object
  properties:
    name: { type: string, nullable: true }
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clientgen-release-'));
  await writeFile(path.join(dir, 'spec.yaml'), SPEC);
  await writeFile(path.join(dir, 'models.yaml'), MODELS);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('drops the position trees once every diagnostic is located; a later locate parses again', async () => {
  const result = await generateClient('spec.yaml', { cwd: dir });
  const warning = result.diagnostics.find((d) => d.file === 'models.yaml');
  expect(warning).toMatchObject({ severity: 'warning', line: 4, column: 27 });
  expect(result.files.length).toBeGreaterThan(0);
  expect(result.sources.size).toBe(2);
  for (const file of result.sources.values()) expect(file.holdsPositions()).toBe(false);
  const models = [...result.sources.values()].find((f) => f.displayPath === 'models.yaml')!;
  expect(models.locate('#/Thing/properties/name/nullable')).toEqual({ line: 4, column: 37 });
  expect(models.holdsPositions()).toBe(true);
});

it('drops them too when the spec is refused', async () => {
  await writeFile(path.join(dir, 'models.yaml'), `${MODELS}    size: { $ref: '#/Missing' }\n`);
  const result = await generateClient('spec.yaml', { cwd: dir });
  expect(result.diagnostics.some((d) => d.severity === 'error' && d.line > 0)).toBe(true);
  expect(result.files).toEqual([]);
  for (const file of result.sources.values()) expect(file.holdsPositions()).toBe(false);
});

describe("Redocly's worker", () => {
  afterEach(() => stopValidation());

  it('a one-shot run (the CLI) stops it once validation is done', async () => {
    const result = await generateClient('spec.yaml', { cwd: dir, oneShot: true });
    expect(result.files.length).toBeGreaterThan(0);
    expect(validationRunning()).toBe(false);
  });

  it('other callers keep it for the next spec', async () => {
    await generateClient('spec.yaml', { cwd: dir });
    expect(validationRunning()).toBe(true);
  });
});
