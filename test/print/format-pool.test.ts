/**
 * Prettier in worker threads (generator/print/format-pool.ts) formats exactly as in the main thread, whatever the
 * order in which the workers answer, and reports a prettier failure as a clientgen bug.
 */
import { createFormatter } from '../../generator/print/format-pool';

const texts = Array.from(
  { length: 12 },
  (_, i) =>
    `export interface Model${i} { a: string; b?: number | null; c${'c'.repeat(i * 50)}: Array<{ x: 1 }> }\n`,
);

afterEach(() => {
  delete process.env.CLIENTGEN_PRINT_WORKERS;
});

it('workers give the same text as the main thread, for each file', async () => {
  process.env.CLIENTGEN_PRINT_WORKERS = '0';
  const inProcess = createFormatter(0);
  const expected = await Promise.all(texts.map((t) => inProcess.format(t)));
  process.env.CLIENTGEN_PRINT_WORKERS = '2';
  const workers = createFormatter(0);
  try {
    expect(await Promise.all(texts.map((t) => workers.format(t)))).toEqual(expected);
  } finally {
    await workers.close();
  }
  expect(expected[1]).toContain('export interface Model1 {\n  a: string;');
});

it('a syntax error in generated code is a clientgen bug', async () => {
  process.env.CLIENTGEN_PRINT_WORKERS = '1';
  const workers = createFormatter(0);
  try {
    await expect(workers.format('export interface {')).rejects.toThrow(
      /clientgen bug: prettier failed on generated code/,
    );
  } finally {
    await workers.close();
  }
});
