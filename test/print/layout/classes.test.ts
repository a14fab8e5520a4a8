/**
 * The layout of resource classes against prettier: methods and their signatures, calls (member chains, hugged last
 * arguments), object and array literals in prettier's assignment layouts, at and just over the 100-column limit.
 */
import { expectPrettierLayout, filler, laidOutAndPrettier } from './expect-layout';

const method = (
  body: string,
  signature = 'list(params?: P, options?: RequestOptions): APIPromise<X>',
) => `export class Things extends APIResource {\n  ${signature} {\n    return ${body};\n  }\n}`;

describe('layout of resource classes', () => {
  it.each([
    ['an empty class', 'export class A extends B {}'],
    [
      'a sub-resource property, overloads and JSDoc',
      `export class Completions extends APIResource {
  public readonly messages: Messages = new Messages(this._client);

  /** Creates. */
  create(params: A, options?: RequestOptions): APIPromise<X>;
  create(params: B, options?: RequestOptions): APIPromise<Y>;


  create(params: C, options?: RequestOptions): APIPromise<X | Y> {
    return this._client.post<X>("/x", requestOptions(params, { body: "rest" }, options));
  }
}`,
    ],
    [
      'a signature exactly 100 columns wide',
      method('x', `list(params?: ${filler(48)}, options?: RequestOptions): APIPromise<X>`),
    ],
    [
      'a signature 101 columns wide breaks its parameters',
      method('x', `list(params?: ${filler(49)}, options?: RequestOptions): APIPromise<X>`),
    ],
    [
      'a method without parameters',
      method('this._client.get<X>("/x")', 'retrieve(): APIPromise<X>'),
    ],
    [
      'a union return type that breaks',
      method('x', `create(a: A, b: B): APIPromise<${filler(40)}> | APIPromise<${filler(40)}>`),
    ],
    ['a call that fits', method('this._client.get<X>("/x", options)')],
    [
      'a call whose arguments break one per line',
      method(
        `this._client.get<X>(this._client.buildPath("/things/{id}/${filler(30)}", { id: thingId }), options)`,
      ),
    ],
    [
      'a hugged last object argument',
      method(
        `this._client.getAPIList<X, Y>("/things", { style: "cursor", items: "data", hasMore: "has_more", cursorParam: "after" })`,
      ),
    ],
    [
      'nested objects and arrays in the assignment layouts',
      method(
        `this._client.get<X>("/v1/account", requestOptions(params, { query: ["expand", "${filler(30)}"], body: "none", queryStyles: { expand: { style: "deepObject", explode: true } } }, options))`,
      ),
    ],
    [
      'a spread, a ?? value and an as-expression',
      method(
        `this._client.post<S | C>("/chat", { ...requestOptions(params, { body: "rest" }, options), stream: params.stream ?? false }) as APIPromise<S> | APIPromise<C>`,
        'create(params: P, options?: RequestOptions): APIPromise<S> | APIPromise<C>',
      ),
    ],
    [
      'shorthand properties, short keys and quoted keys',
      method(`f(a, { model, id: x, "a-b": "${filler(70)}", 'ok': 1 })`),
    ],
  ])('%s', async (_name, text) => {
    await expectPrettierLayout(text);
  });

  it.each([
    ['a constructor', 'export class A {\n  constructor() {}\n}'],
    [
      'a statement other than return',
      method('x').replace('return x;', 'const y = 1;\n    return y;'),
    ],
    ['a template literal', method('this._client.get(`/x/${id}`)')],
    ['a call with one argument as a property value', method('f(a, { bbbbbb: g(c) })')],
  ])('falls back on %s', async (_name, text) => {
    const { laid } = await laidOutAndPrettier(text);
    expect(laid.pieces.map((p) => p.formatted)).toEqual([false]);
  });
});
