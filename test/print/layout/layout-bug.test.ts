/**
 * A statement the layout breaks on (an error that is not `Unsupported`: a bug) is formatted by prettier instead, so a
 * user still gets the client, and the error is reported in `statements.failed` for the oracle test to fail on.
 */
import * as statements from '../../../generator/print/layout/statements';
import { layoutFile } from '../../../generator/print/layout/layout-file';
import { parsedFile } from './expect-layout';

afterEach(() => jest.restoreAllMocks());

it('falls back to prettier for a statement the layout throws on, and records the error', () => {
  const real = statements.printStatement;
  jest.spyOn(statements, 'printStatement').mockImplementation((statement, ctx) => {
    if (ctx.text.slice(statement.pos, statement.end).includes('Broken'))
      throw new TypeError('a layout bug');
    return real(statement, ctx);
  });
  const text = 'export type Fine = string;\n\nexport type Broken = number;\n';
  const laid = layoutFile(text, parsedFile(text));
  expect(laid.pieces.map((p) => [p.formatted, p.text])).toEqual([
    [true, 'export type Fine = string;'],
    [false, 'export type Broken = number;'],
  ]);
  expect(laid.statements.laidOut).toBe(1);
  expect(laid.statements.fallBack).toBe(1);
  expect(laid.statements.failed).toHaveLength(1);
  expect(laid.statements.failed[0]).toContain('a layout bug');
});
