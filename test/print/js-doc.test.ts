/** JSDoc text of spec docs: values as JSON, and numbers JSON cannot write as what they are. */
import { jsDocText } from '../../generator/text/js-doc';

it('writes @default and @example as JSON', () => {
  expect(jsDocText({ default: { a: [1, 'x', null] }, examples: ['a*/b', true] })).toBe(
    '@default {"a":[1,"x",null]}\n@example "a*\\/b"\n@example true',
  );
});

it("writes YAML's .inf, -.inf and .nan as themselves, not as JSON's null", () => {
  expect(jsDocText({ default: Number.POSITIVE_INFINITY })).toBe('@default Infinity');
  expect(jsDocText({ default: Number.NEGATIVE_INFINITY })).toBe('@default -Infinity');
  expect(
    jsDocText({ examples: [[1, Number.NaN, { max: Number.POSITIVE_INFINITY, s: '"' }]] }),
  ).toBe('@example [1,NaN,{"max":Infinity,"s":"\\""}]');
});
