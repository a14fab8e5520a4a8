/**
 * Path and query parameters on the wire, style × explode × value kind, with OpenAPI 3.1's own "Style
 * Examples" table (§4.8.12.4: `color` as "", "blue", ["blue","black","brown"], {R:100,G:200,B:150}) as the
 * test table. Path label rows follow RFC 6570 (and OpenAPI 3.1.1), where 3.0.3's table wrote `.blue.black.brown`
 * for the unexploded array.
 */

import {
  buildPath,
  ClientGenError,
  requestOptions,
  stringifyQuery,
  type ParamStyle,
} from '../../templates/index';
import { makeClient } from './helpers';
import { wireFetch } from './wire';

const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

type Row = [
  style: ParamStyle['style'],
  explode: boolean,
  empty: string,
  string: string,
  array: string,
  object: string,
];

describe('path parameters: the OpenAPI style examples', () => {
  const rows: Row[] = [
    [
      'matrix',
      false,
      ';color',
      ';color=blue',
      ';color=blue,black,brown',
      ';color=R,100,G,200,B,150',
    ],
    [
      'matrix',
      true,
      ';color',
      ';color=blue',
      ';color=blue;color=black;color=brown',
      ';R=100;G=200;B=150',
    ],
    ['label', false, '.', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
    ['label', true, '.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
    ['simple', false, '', 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    ['simple', true, '', 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ];

  it.each(rows)('%s, explode %s', (style, explode, empty, str, arr, obj) => {
    const styles = { color: { style, explode } };
    const fill = (value: unknown) => buildPath('/paint/{color}/mix', { color: value }, styles);
    expect(fill(string)).toBe(`/paint/${str}/mix`);
    expect(fill(array)).toBe(`/paint/${arr}/mix`);
    expect(fill(object)).toBe(`/paint/${obj}/mix`);
    // An empty segment, or one read as "this directory", would change the endpoint: refused.
    if (empty === ';color') expect(fill('')).toBe(`/paint/${empty}/mix`);
    else expect(() => fill('')).toThrow(ClientGenError);
  });

  it('defaults to simple, unexploded', () => {
    expect(buildPath('/a/{x}', { x: array })).toBe('/a/blue,black,brown');
    expect(buildPath('/a/{x}', { x: object })).toBe('/a/R,100,G,200,B,150');
    expect(buildPath('/a/{x}', { x: true })).toBe('/a/true');
  });

  it('percent-encodes values, keys and reserved characters in every style', () => {
    const value = { 'a b': 'x/y', c: "it's" };
    expect(buildPath('/a/{x}', { x: value }, { x: { explode: true } })).toBe(
      '/a/a%20b=x%2Fy,c=it%27s',
    );
    expect(buildPath('/a/{x}', { x: ['?', '#'] }, { x: { style: 'label', explode: true } })).toBe(
      '/a/.%3F.%23',
    );
    expect(buildPath('/a/{x}', { x: 'a;b=c' }, { x: { style: 'matrix' } })).toBe('/a/;x=a%3Bb%3Dc');
  });

  it('keeps reserved characters with allowReserved, but never those that leave the segment', () => {
    const styles = { x: { allowReserved: true } };
    expect(buildPath('/a/{x}', { x: "k:v@h!$&'()*+,;=[]" }, styles)).toBe("/a/k:v@h!$&'()*+,;=[]");
    expect(buildPath('/a/{x}', { x: 'up/../x?y#z%2e' }, styles)).toBe(
      '/a/up%2F..%2Fx%3Fy%23z%252e',
    );
    expect(() => buildPath('/a/{x}', { x: '..' }, styles)).toThrow(/must not be "\.\."/);
  });

  it('sends a content-typed path parameter as JSON text', () => {
    expect(buildPath('/a/{x}', { x: { k: [1] } }, { x: { contentType: 'application/json' } })).toBe(
      '/a/%7B%22k%22%3A%5B1%5D%7D',
    );
  });

  it('refuses null, undefined and empty arrays', () => {
    expect(() => buildPath('/a/{x}', { x: null })).toThrow(/got null/);
    expect(() => buildPath('/a/{x}', { x: undefined })).toThrow(/got undefined/);
    expect(() => buildPath('/a/{x}', { x: [] })).toThrow(/must not be empty/);
  });
});

describe('query parameters: the OpenAPI style examples', () => {
  const rows: Row[] = [
    ['form', false, 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    [
      'form',
      true,
      'color=',
      'color=blue',
      'color=blue&color=black&color=brown',
      'R=100&G=200&B=150',
    ],
    [
      'spaceDelimited',
      false,
      'color=',
      'color=blue',
      'color=blue%20black%20brown',
      'color=R%20100%20G%20200%20B%20150',
    ],
    [
      'pipeDelimited',
      false,
      'color=',
      'color=blue',
      'color=blue%7Cblack%7Cbrown',
      'color=R%7C100%7CG%7C200%7CB%7C150',
    ],
    [
      'deepObject',
      true,
      'color=',
      'color=blue',
      'color%5B%5D=blue&color%5B%5D=black&color%5B%5D=brown',
      'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150',
    ],
  ];

  it.each(rows)(
    '%s, explode %s, as the client sends it',
    async (style, explode, empty, str, arr, obj) => {
      const { fetch, calls } = wireFetch();
      const client = makeClient(fetch);
      const layout = {
        query: ['color'],
        body: 'none',
        queryStyles: { color: { style, explode } },
      } as const;
      for (const color of ['', string, array, object]) {
        await client.get('/paint', requestOptions({ color }, layout));
      }
      expect(calls.map((c) => new URL(c.url).search.slice(1))).toEqual([empty, str, arr, obj]);
    },
  );

  it('explodes form by default and nothing else', () => {
    expect(stringifyQuery({ c: array }, { c: { style: 'form' } })).toBe('c=blue&c=black&c=brown');
    expect(stringifyQuery({ c: array }, { c: { style: 'spaceDelimited' } })).toBe(
      'c=blue%20black%20brown',
    );
    expect(stringifyQuery({ c: array }, { c: { style: 'pipeDelimited', explode: true } })).toBe(
      'c=blue&c=black&c=brown',
    );
  });

  it('writes objects without a declared style as deepObject, as hand-written queries expect', () => {
    expect(stringifyQuery({ color: object })).toBe(
      'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150',
    );
  });
});
