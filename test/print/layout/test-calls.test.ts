/** The layout of the generated tests' `test(…)` calls against prettier (its test-call rule keeps the name on the line). */
import { expectPrettierLayout, filler, laidOutAndPrettier } from './expect-layout';

describe('layout of generated test calls', () => {
  it.each([
    [
      'a short test',
      'test("pets.list: required params", async () => { await expectAccepted(client.pets.list()); });',
    ],
    [
      'a name longer than the line stays on it',
      `test("${filler(120)}", async () => { await expectAccepted(client.pets.list()); });`,
    ],
    [
      'a call whose last object argument is hugged and broken',
      `test("pets.create: every param", async () => { await expectAccepted(client.pets.create({ name: "Rex", tags: ["a", "b"], owner: { email: "user@example.com", since: 1 }, ${filler(20)}: true })); });`,
    ],
    [
      'several statements, blank lines between tests kept',
      'test("a", async () => { await f(client.a.b("x"));\n\nawait g(1); });\n\n\ntest("b", async () => { await h(); });',
    ],
  ])('%s', async (_name, text) => {
    await expectPrettierLayout(text);
  });

  it.each([
    ['another callee', 'it("a", async () => { await f(); });'],
    ['a callback with a parameter', 'test("a", async (t) => { await f(); });'],
    ['a statement other than await', 'test("a", async () => { f(); });'],
  ])('falls back on %s', async (_name, text) => {
    const { laid } = await laidOutAndPrettier(text);
    expect(laid.pieces.map((p) => p.formatted)).toEqual([false]);
  });
});
