/** No phantom changes on Stripe's description: against itself, and with paths, schemas and union members reordered. */
import { diffSides, lines, loadFixture, shuffle, sideOf, upgradeTo31, variant } from './real-spec';

it('finds no change against itself, nor with paths, schemas and union members reordered', async () => {
  const spec = await loadFixture('stripe.yaml');
  const base = sideOf(spec);
  expect(lines(diffSides(base, base))).toEqual([]);
  expect(lines(diffSides(base, sideOf(variant(spec, shuffle))))).toEqual([]);
});

it('finds no change when the spec moves from OpenAPI 3.0 to 3.1 as the standard says', async () => {
  const spec = await loadFixture('stripe.yaml');
  expect(lines(diffSides(sideOf(spec), sideOf(variant(spec, upgradeTo31))))).toEqual([]);
});
