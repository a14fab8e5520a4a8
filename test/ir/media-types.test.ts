import {
  bodyEncoding,
  headerMediaType,
  isJsonMediaType,
  pickBodyMediaType,
} from '../../generator/ir/media-types';

describe('body media types', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/json-patch+json', 'json'],
    ['application/merge-patch+json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['text/json', 'json'],
    ['application/x-www-form-urlencoded', 'form'],
    ['multipart/form-data', 'multipart'],
    ['multipart/mixed', 'multipart'],
    ['text/plain', 'text'],
    ['Text/CSV', 'text'],
    ['application/octet-stream', 'binary'],
    ['image/png', 'binary'],
    ['image/*', 'binary'],
    ['audio/mpeg', 'binary'],
    ['application/xml', 'binary'],
    ['application/jsonl', 'binary'],
  ])('%s is sent as %s', (type, kind) => {
    expect(bodyEncoding(type)).toBe(kind);
  });

  it('tells JSON from a type that only contains the word', () => {
    expect(isJsonMediaType('application/problem+json')).toBe(true);
    expect(isJsonMediaType('application/x-ndjson')).toBe(false);
    expect(isJsonMediaType('text/json-ish')).toBe(false);
  });

  it.each([
    [['text/plain', 'application/json-patch+json', 'application/json'], 'application/json'],
    [['text/plain', 'application/vnd.api+json', 'multipart/form-data'], 'application/vnd.api+json'],
    [
      ['multipart/form-data', 'application/x-www-form-urlencoded'],
      'application/x-www-form-urlencoded',
    ],
    [['application/octet-stream', 'multipart/form-data'], 'multipart/form-data'],
    [['image/png', 'text/csv', 'text/plain'], 'text/csv'],
    [['image/png', 'image/jpeg'], 'image/png'],
    [[], undefined],
  ])('of %j, picks %s', (declared, picked) => {
    expect(pickBodyMediaType(declared)).toBe(picked);
  });
});

describe('media types as headers', () => {
  it.each([
    ['text/plain; utf-8', 'text/plain', ['utf-8']],
    ['text/plain;charset=utf-8', 'text/plain;charset=utf-8', []],
    ['application/json; version=2.4.13', 'application/json; version=2.4.13', []],
    ['text/plain; utf-8; charset="a;b"', 'text/plain; charset="a;b"', ['utf-8']],
    ['text/plain; charset=; q', 'text/plain', ['charset=', 'q']],
    ['multipart/form-data; boundary="x y"', 'multipart/form-data; boundary="x y"', []],
  ])('%s is sent as %s', (declared, sent, dropped) => {
    expect(headerMediaType(declared)).toEqual({ value: sent, dropped });
  });
});
