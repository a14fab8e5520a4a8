import fc from 'fast-check';
import { childPointer, formatPointer, parsePointer } from '../../generator/load/pointer';

it("escapes '~' before '/' (RFC 6901), and leaves other segments as they are", () => {
  expect(formatPointer(['paths', '/pets/{id}', 'get'])).toBe('#/paths/~1pets~1{id}/get');
  expect(formatPointer(['a~1b', '~', 0])).toBe('#/a~01b/~0/0');
  expect(childPointer('#/components/schemas', 'A/B', 'properties')).toBe(
    '#/components/schemas/A~1B/properties',
  );
  expect(formatPointer([])).toBe('#');
});

it('reads back every pointer it writes', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom('a', '~', '/', '0', '1') })),
      (segments) => {
        expect(parsePointer(formatPointer(segments))).toEqual(segments);
        expect(childPointer(formatPointer(segments.slice(0, 1)), ...segments.slice(1))).toBe(
          formatPointer(segments),
        );
      },
    ),
  );
});
