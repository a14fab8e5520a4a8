/** Sample values for the generated tests: each kind of constraint met, examples used only when valid, unions. */
import type { IrModel, IrType } from '../../generator/ir/types';
import { FixedSegments, sampleOperation } from '../../generator/samples';
import { fits } from '../../generator/samples/fits';
import {
  atomicPattern,
  matches,
  nestedRepeat,
  sampleFromPattern,
} from '../../generator/samples/pattern';
import { sampleNumber, sampleString } from '../../generator/samples/scalars';
import { sampleValue } from '../../generator/samples/sample-value';
import { SampleBinary } from '../../generator/samples/sample-types';

const models = new Map<string, IrModel>();
const ctx = { models, mode: 'all' as const };
const str = (constraints = {}): IrType => ({ kind: 'primitive', name: 'string', constraints });
const num = (constraints = {}): IrType => ({ kind: 'primitive', name: 'number', constraints });
const prop = (name: string, type: IrType, required = false, extra = {}) => ({
  name,
  type,
  required,
  readOnly: false,
  writeOnly: false,
  docs: {},
  pointer: '',
  ...extra,
});

describe('pattern', () => {
  it.each([
    '^[a-z0-9]+$',
    '^\\d{3}-\\d{4}$',
    '^(foo|bar)_[A-Z]{2,5}$',
    '^[^/]+$',
    '^\\w+(\\.\\w+)*@example\\.com$',
    '^([01]?[0-9]|2[0-3]):[0-5][0-9]$',
    '^pet_[a-z0-9]{4,8}$',
    // Identity escapes in a class, which ECMAScript's `u` flag refuses (AWS's ARNs in APIs.guru's specs).
    '^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$',
    '^[^\\:]+$',
    // `\u` and `\x` escapes (AWS's IAM role ARNs).
    '^arn:(aws[a-zA-Z0-9-]*):iam::(\\d{12})?:(role((\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F))[\\w+=,.@-]+)$',
    '^\\x41+$',
    // Control escapes: AWS IoT's Firehose separator (it wrote the letter `n`, which no alternative matches).
    '([\\n\\t])|(\\r\\n)|(,)',
    '^[\\t ]+x$',
    // Unicode property escapes, read with the `u` flag (AWS's tag keys).
    '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
    '^\\p{Lu}\\p{Ll}+$',
    '^[\\p{N}]{3}$',
  ])('writes a string matching %s', (pattern) => {
    const text = sampleFromPattern(pattern);
    expect(text).toBeDefined();
    expect(matches(pattern, text!)).toBe(true);
  });

  it('writes the character a control or property escape names, not its letter', () => {
    expect(sampleFromPattern('([\\n\\t])|(\\r\\n)|(,)')).toBe('\n');
    expect(sampleFromPattern('^\\p{Lu}\\p{Ll}+$')).toBe('Aa');
    expect(sampleFromPattern('^[\\p{N}]{3}$')).toBe('111');
    // A property it does not know is left to an example.
    expect(sampleFromPattern('^\\p{Script=Greek}$')).toBeUndefined();
  });

  it('gives up on a lookaround it cannot meet rather than write a wrong string', () => {
    expect(sampleFromPattern('^(?!a).*$')).toBeUndefined();
    expect(sampleFromPattern('^.*(?<=x)$')).toBeUndefined();
  });

  it('writes a negative lookahead as nothing when the text meets it (amplify domain names)', () => {
    const pattern =
      '^(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])(\\.)?$';
    const text = sampleFromPattern(pattern);
    expect(text).toBeDefined();
    expect(matches(pattern, text!)).toBe(true);
  });

  it.each([
    // Azure's admin password: a lower-case letter, an upper-case letter and a symbol, 12 characters at least.
    ['^(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%\\^&\\*\\(\\)])[a-zA-Z\\d!@#$%\\^&\\*\\(\\)]{12,123}$', 0],
    ['^(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%\\^&\\*\\(\\)])[a-zA-Z\\d!@#$%\\^&\\*\\(\\)]{12,123}$', 20],
    ['^(?=.*\\d)[a-z0-9]{8}$', 0],
    ['^(?=.{3,})[a-z]+$', 0],
  ])('writes what the lookaheads of %s ask for (minLength %d)', (pattern, minLength) => {
    const text = sampleFromPattern(pattern, minLength);
    expect(text).toBeDefined();
    expect(matches(pattern, text!)).toBe(true);
    expect(text!.length).toBeGreaterThanOrEqual(minLength);
  });

  // beezup's URLs: `([\/\w \.-]*)*` backtracks exponentially on a text that fails late; its own 110-character
  // example (a comma in the path) took V8 minutes, and `generate --tests` never ended.
  const url = '^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$';
  it('tells a nested repeat apart, and runs it on short texts only', () => {
    expect(nestedRepeat(url)).toBe(true);
    expect(nestedRepeat('^(\\w+\\s?)+$')).toBe(true);
    expect(nestedRepeat('^(a{2,})*$')).toBe(true);
    expect(nestedRepeat('^([a-z]+)-(\\d+)$')).toBe(false);
    expect(nestedRepeat('^(ab)*$')).toBe(false);
    expect(nestedRepeat('^[(a*)]*$')).toBe(false);
    expect(nestedRepeat('^(\\(a*\\))*$')).toBe(true);
    const example =
      'https://www.biography.com/.image/c_fill,cs_srgb,dpr_1.0,g_face,h_300,q_80,w_300/MTE4MDAzNDEwNDU3MjMyOTEw/humphrey-bogart-9217486-1-402.jpg';
    expect(matches(url, example)).toBe(false);
    expect(matches(url, 'http://www.mydomain.com')).toBe(true);
    const text = sampleFromPattern(url);
    expect(text !== undefined && matches(url, text)).toBe(true);
  });

  // AWS's ARNs repeat a repetition (`(-[\w]+)*`) and are longer than the texts a nested repeat is run on: the
  // sampler's ARN was never found to match, and the call sent a fallback (42 such patterns in 28 directory specs).
  it.each([
    ['arn:aws(-[\\w]+)*:.+:.+:[0-9]{12}:.+', 'arn:aws-us-gov:s3:us-east-1:123456789012:bucket/key'],
    [
      '^arn:aws(-[^:]+)?:comprehend:[a-zA-Z0-9-]*:[0-9]{12}:endpoint/[a-zA-Z0-9](-*[a-zA-Z0-9])*$',
      'arn:aws:comprehend:us-east-1:123456789012:endpoint/my-end-point',
    ],
    // AWS Pipes: the nested repeat is in the second alternative only.
    [
      '^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-]+):([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.+)|(\\$(\\.[\\w/_-]+(\\[(\\d+|\\*)\\])*)*)$',
      '$.detail.items[0][1].name',
    ],
    [url, 'https://www.example.com/a/long/path/to/some/file.html'],
  ])('runs %s on longer texts with its nested repeats atomic', (pattern, long) => {
    expect(long.length).toBeGreaterThan(24);
    expect(nestedRepeat(pattern)).toBe(true);
    expect(matches(pattern, long)).toBe(true);
    const text = sampleFromPattern(pattern);
    expect(text).toBeDefined();
    expect(new RegExp(pattern, 'u').test(text!)).toBe(true);
  });

  it('makes a nested repeat atomic: what it matches the pattern matches, and a late failure ends soon', () => {
    expect(atomicPattern('^(a+)+$')).toBe('^(?=(?<cg0>(?:a+)+))\\k<cg0>$');
    expect(atomicPattern('^((a+)+)+$')).toBe(
      '^(?=(?<cg1>(?:(?=(?<cg0>(?:a+)+))\\k<cg0>)+))\\k<cg1>$',
    );
    // Lookarounds stay as written, other groups lose their captures; a backreference is not read.
    expect(atomicPattern('(?=x)(?<n>y)(?<!z)(w)')).toBe('(?=x)(?:y)(?<!z)(?:w)');
    expect(atomicPattern('(a+)\\1')).toBeUndefined();
    // Read from right to left, a lookbehind would meet the backreference before its group; in a negative lookahead
    // an atomic group that matches less would let more through (`^(?!(a+)+a)` refuses `aa`, its atomic form not).
    expect(atomicPattern('(?<=(a+)+)b')).toBeUndefined();
    expect(atomicPattern('^(?!(a+)+a)')).toBeUndefined();
    expect(atomicPattern('^(?=(a+)+)')).toBe('^(?=(?=(?<cg0>(?:a+)+))\\k<cg0>)');
    expect(atomicPattern('(?<=a+)(b+)+')).toBe('(?<=a+)(?=(?<cg0>(?:b+)+))\\k<cg0>');
    expect(atomicPattern('(a')).toBeUndefined();
    // `(a+)+$` on 60 a's and a b: 2^60 ways to split them, tried in turn without the atomic group (the test's
    // timeout is the bound).
    expect(matches('^(a+)+$', `${'a'.repeat(60)}b`)).toBe(false);
    // The converse fails where a repeat must stop short of what it could take: counted as not matching, as before.
    expect(new RegExp('^(a+)*a$').test('a'.repeat(30))).toBe(true);
    expect(matches('^(a+)*a$', 'a'.repeat(30))).toBe(false);
  });
});

describe('numbers and strings', () => {
  it.each([
    [{}, 1],
    [{ minimum: 5, multipleOf: 3 }, 6],
    [{ exclusiveMinimum: 1, integer: true }, 2],
    [{ maximum: 0 }, 0],
    [{ exclusiveMaximum: 1 }, 0],
    [{ minimum: 0.1, maximum: 0.9 }, 0.1],
    [{ minimum: 7, multipleOf: 5, integer: true }, 10],
    // An int64 bound of 13 digits and more stays exact (Azure NetApp's pool size).
    [{ minimum: 4398046511104, maximum: 549755813888000, integer: true }, 4398046511104],
    [{ exclusiveMinimum: 1234567890123, integer: true }, 1234567890124],
  ])('%j → %d', (c, expected) => {
    expect(sampleNumber(c)).toBe(expected);
    expect(fits(num(c), expected, { models })).toBe(true);
  });

  it.each([
    [{ format: 'uuid' }, '3fa85f64-5717-4562-b3fc-2c963f66afa6'],
    [{ format: 'date-time' }, '2024-01-01T00:00:00Z'],
    [{ minLength: 10 }, 'stringaaaa'],
    // Lengthened within the format, where padding would break it (unicourt's 25-character date-times).
    [{ format: 'date-time', minLength: 25, maxLength: 25 }, '2024-01-01T00:00:00.0000Z'],
    [{ format: 'date-time', minLength: 22 }, '2024-01-01T00:00:00.0Z'],
    [{ format: 'time', minLength: 12 }, '12:00:00.00Z'],
    [{ format: 'email', minLength: 20 }, 'useraaaa@example.com'],
    [{ maxLength: 3 }, 'str'],
    // The pattern is what a server checks: a format whose sample does not match it gives way (AWS's phone numbers).
    [{ format: 'password', pattern: '^\\+?[1-9]\\d{1,14}$' }, '+11'],
    [{ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, '2024-01-01'],
    // A format's sample in the case the pattern asks for, rather than a text of the pattern that is no uuid (loket).
    [
      {
        format: 'uuid',
        pattern: '^[{(]?[0-9A-F]{8}[-]?([0-9A-F]{4}[-]?){3}[0-9A-F]{12}[)}]?$',
      },
      '3FA85F64-5717-4562-B3FC-2C963F66AFA6',
    ],
    // Padding to minLength keeps the pattern matched.
    [{ minLength: 2, pattern: '^[0-9]*$' }, '00'],
    // Where padding the end breaks the pattern, a quantifier that allows more grows (AppSync's ARNs).
    [
      {
        minLength: 70,
        pattern: '^arn:aws:appsync:[A-Za-z0-9_/.-]{0,63}:\\d{12}:apis/[0-9A-Za-z_-]{26}$',
      },
      'arn:aws:appsync:AAAAAAAAA:111111111111:apis/00000000000000000000000000',
    ],
    [{ minLength: 12, pattern: '^[a-z]+-[0-9]{3}$' }, 'aaaaaaaa-000'],
    // Cut to maxLength where the pattern still matches (cleanrooms' identifiers: `.*<uuid>.*`, 36 characters).
    [
      {
        minLength: 36,
        maxLength: 36,
        pattern: '.*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*',
      },
      '00000000-0000-0000-0000-000000000000',
    ],
  ])('%j → %s', (c, expected) => {
    expect(sampleString(c)).toBe(expected);
    expect(fits(str(c), expected, { models })).toBe(true);
  });

  it('holds examples to the formats a server checks', () => {
    expect(fits(str({ format: 'date' }), '2025-10-15T13:50:21.000Z', { models })).toBe(false);
    expect(fits(str({ format: 'date' }), '2025-10-15', { models })).toBe(true);
    expect(fits(str({ format: 'uuid' }), 'abc', { models })).toBe(false);
    expect(fits(str({ format: 'password' }), 'anything', { models })).toBe(true);
    expect(sampleValue(str({ format: 'date' }), ctx, { examples: ['2025-10-15T13:50:21Z'] })).toBe(
      '2024-01-01',
    );
  });
});

describe('sampleValue', () => {
  it('uses an example only when it is valid for the schema', () => {
    expect(sampleValue(str(), ctx, { examples: [42, 'Rex'] })).toBe('Rex');
    expect(sampleValue(str({ maxLength: 2 }), ctx, { examples: ['Rex'] })).toBe('st');
  });

  it("gives a file a file, never the example's name or path, which an Uploadable is not (api.video, telnyx)", () => {
    const file: IrType = {
      kind: 'primitive',
      name: 'binary',
      constraints: { examples: ['@/a.mp4'] },
    };
    expect(sampleValue(file, ctx, { examples: ['mylogo.jpg'] })).toBeInstanceOf(SampleBinary);
    expect(fits(file, 'mylogo.jpg', ctx)).toBe(false);
  });

  it('sends a required name no property declares, in required-only mode too', () => {
    const lock: IrType = {
      kind: 'object',
      properties: [prop('access', str()), prop('type', { kind: 'primitive', name: 'unknown' })],
      additional: undefined,
      requiredUndeclared: ['type'],
    };
    expect(sampleValue(lock, { ...ctx, mode: 'required' })).toEqual({ type: 'value' });
  });

  it('passes over default: null for a real value', () => {
    const nullable: IrType = {
      kind: 'union',
      members: [str({ format: 'uri' }), { kind: 'primitive', name: 'null' }],
    };
    expect(sampleValue(nullable, ctx, { default: null })).toBe('https://example.com');
  });

  it('leaves readOnly properties out and required-only mode fills only required ones', () => {
    const t: IrType = {
      kind: 'object',
      properties: [
        prop('id', str(), true, { readOnly: true }),
        prop('name', str(), true),
        prop('tag', str()),
      ],
      additional: undefined,
    };
    expect(sampleValue(t, ctx)).toEqual({ name: 'string', tag: 'string' });
    expect(sampleValue(t, { models, mode: 'required' })).toEqual({ name: 'string' });
  });

  it('reads the other members as open objects, as JSON Schema does without additionalProperties (nexmo)', () => {
    const phone: IrType = {
      kind: 'object',
      properties: [prop('type', str(), true), prop('number', str(), true)],
      additional: undefined,
    };
    const sip: IrType = {
      kind: 'object',
      properties: [prop('type', str(), true), prop('uri', str())],
      additional: undefined,
    };
    // The phone's value ({ type, number }) also matches sip, which requires type only; sip's ({ type, uri }) does
    // not match phone, which requires number.
    expect(sampleValue({ kind: 'union', members: [phone, sip] }, ctx)).toEqual({
      type: 'string',
      uri: 'string',
    });
  });

  it('passes over an example with an object two union members take (whatsapp), but not one of scalars', () => {
    const bearer: IrType = {
      kind: 'object',
      properties: [prop('bearer', str(), true)],
      additional: undefined,
    };
    const basic: IrType = {
      kind: 'object',
      properties: [prop('basic', str())],
      additional: undefined,
    };
    const provider: IrType = {
      kind: 'object',
      properties: [
        prop('config', { kind: 'union', members: [bearer, basic] }),
        prop('name', str()),
      ],
      additional: undefined,
    };
    // `{bearer}` fits `basic` too, which requires nothing: a server checking `oneOf` refuses it.
    expect(
      sampleValue(provider, ctx, { examples: [{ config: { bearer: 'T' }, name: 'n' }] }),
    ).toEqual({
      config: { basic: 'string' },
      name: 'string',
    });
    expect(fits(provider, { config: { bearer: 'T' } }, ctx)).toBe(true);
    // Known values or any string (anyOf): a value both take is still the example.
    const model: IrType = { kind: 'union', members: [{ kind: 'literal', value: 'gpt-4o' }, str()] };
    expect(sampleValue(model, ctx, { examples: ['gpt-4o'] })).toBe('gpt-4o');
  });

  it("passes over a union member whose value cannot meet its own required names (otoroshi's Ldap config)", () => {
    // `required: [metadataField]` where the properties declare `otoroshiDataField`: no value the types allow fits it.
    const ldap: IrType = {
      kind: 'object',
      properties: [prop('type', str(), true), prop('otoroshiDataField', str())],
      additional: undefined,
      requiredUndeclared: ['metadataField'],
    };
    const memory: IrType = {
      kind: 'object',
      properties: [prop('type', str(), true), prop('users', str())],
      additional: undefined,
    };
    expect(fits(ldap, { type: 'a', otoroshiDataField: 'b' }, ctx)).toBe(false);
    expect(sampleValue({ kind: 'union', members: [ldap, memory] }, ctx)).toEqual({
      type: 'string',
      users: 'string',
    });
    // With no member that fits, the first one's value is still sent.
    expect(sampleValue({ kind: 'union', members: [ldap, ldap] }, ctx)).toEqual({
      type: 'string',
      otoroshiDataField: 'string',
    });
  });

  it('picks a union member that matches no other one, and sets its discriminator', () => {
    const a: IrType = {
      kind: 'object',
      properties: [prop('x', str())],
      additional: { kind: 'primitive', name: 'unknown' },
    };
    const b: IrType = {
      kind: 'object',
      properties: [prop('y', str(), true)],
      additional: undefined,
    };
    const value = sampleValue({ kind: 'union', members: [b, a] }, ctx);
    // b's value ({ y }) also matches a (open to extra keys); a's ({ x }) does not match b, which requires y.
    expect(value).toEqual({ x: 'string' });
    const tagged = sampleValue(
      {
        kind: 'union',
        members: [
          { kind: 'object', properties: [prop('type', str(), true)], additional: undefined },
          {
            kind: 'object',
            properties: [
              prop('type', str(), true),
              prop('good', { kind: 'primitive', name: 'boolean' }, true),
            ],
            additional: undefined,
          },
        ],
        discriminator: {
          property: 'type',
          mapping: [
            { value: 'cat', member: 0 },
            { value: 'dog', member: 1 },
          ],
          inferred: false,
        },
      },
      ctx,
    );
    expect(tagged).toEqual({ type: 'cat' });
  });

  it('gives a map with minProperties keys of its own, and holds examples to it', () => {
    const map: IrType = { kind: 'object', properties: [], additional: str(), minProperties: 2 };
    expect(sampleValue(map, ctx)).toEqual({ key: 'string', key2: 'string' });
    expect(fits(map, {}, { models })).toBe(false);
    expect(fits(map, { a: 'x', b: 'y' }, { models })).toBe(true);
  });

  it('gives an intersection of mixed kinds the value that fits every part (type: array beside a oneOf)', () => {
    const strings: IrType = { kind: 'array', items: str() };
    const contexts: IrType = {
      kind: 'object',
      properties: [prop('contexts', strings, true)],
      additional: undefined,
    };
    const value = sampleValue(
      { kind: 'intersection', members: [{ kind: 'union', members: [contexts, strings] }, strings] },
      ctx,
    );
    expect(value).toEqual(['string']);
  });

  it("keeps a union's discriminator value where a sibling of an intersection declares that property plainly", () => {
    const union: IrType = {
      kind: 'union',
      members: [{ kind: 'object', properties: [prop('type', str(), true)], additional: undefined }],
      discriminator: { property: 'type', mapping: [{ value: 'user', member: 0 }], inferred: false },
    };
    const plain: IrType = {
      kind: 'object',
      properties: [prop('type', str(), true)],
      additional: undefined,
    };
    expect(sampleValue({ kind: 'intersection', members: [union, plain] }, ctx)).toEqual({
      type: 'user',
    });
  });

  it("keeps a union's discriminator value when the union is behind a chain of aliases", () => {
    const union: IrType = {
      kind: 'union',
      members: [{ kind: 'object', properties: [prop('type', str(), true)], additional: undefined }],
      discriminator: { property: 'type', mapping: [{ value: 'user', member: 0 }], inferred: false },
    };
    const model = (id: string, type: IrType): IrModel => ({
      id,
      name: id,
      type,
      docs: {},
      pointer: '',
      file: 'spec.yaml',
    });
    const aliased = new Map([
      ['Variable', model('Variable', union)],
      ['Alias', model('Alias', { kind: 'ref', target: 'Variable' })],
      ['AliasOfAlias', model('AliasOfAlias', { kind: 'ref', target: 'Alias' })],
    ]);
    const plain: IrType = {
      kind: 'object',
      properties: [prop('type', str(), true)],
      additional: undefined,
    };
    const both: IrType = {
      kind: 'intersection',
      members: [{ kind: 'ref', target: 'AliasOfAlias' }, plain],
    };
    expect(sampleValue(both, { models: aliased, mode: 'all' })).toEqual({ type: 'user' });
  });

  it('follows oneOf of required lists: the first set, without what only the others require', () => {
    const t: IrType = {
      kind: 'object',
      properties: [
        prop('ids', { kind: 'array', items: str() }),
        prop('stores', { kind: 'array', items: str() }),
      ],
      additional: undefined,
      requiredAlternatives: { exclusive: true, sets: [['ids'], ['stores']] },
    };
    expect(sampleValue(t, { models, mode: 'required' })).toEqual({ ids: ['string'] });
    expect(sampleValue(t, ctx)).toEqual({ ids: ['string'] });
  });

  it('bounds recursion: a model inside itself gets its required properties, never a third level', () => {
    const node: IrModel = {
      id: 'n',
      name: 'Node',
      docs: {},
      pointer: '',
      file: '',
      type: {
        kind: 'object',
        properties: [prop('name', str(), true), prop('child', { kind: 'ref', target: 'n' })],
        additional: undefined,
      },
    };
    const withNode = new Map([['n', node]]);
    expect(sampleValue({ kind: 'ref', target: 'n' }, { models: withNode, mode: 'all' })).toEqual({
      name: 'string',
      child: { name: 'string' },
    });
  });
});

describe('sampleOperation', () => {
  it('sends a string for a path parameter the path styles cannot write (the method takes `string`: gambitcomm)', () => {
    const strings: IrType = { kind: 'array', items: str() };
    const op = {
      path: '/values/{objects}/{ids}',
      pathParams: [
        {
          name: 'objects',
          in: 'path',
          type: { kind: 'array', items: strings },
          required: true,
          docs: {},
          pointer: '',
        },
        { name: 'ids', in: 'path', type: strings, required: true, docs: {}, pointer: '' },
      ],
      queryParams: [],
      headerParams: [],
      body: undefined,
    } as unknown as Parameters<typeof sampleOperation>[0];
    const { required } = sampleOperation(op, models);
    expect(required.path.get('objects')).toBe('value');
    expect(required.path.get('ids')).toEqual(['string']);
  });

  it("gives a parameter that is a number or a string the string, which a server reads text as (pandascore's id or slug)", () => {
    const idOrSlug: IrType = {
      kind: 'union',
      members: [
        { kind: 'union', members: [1, 3].map((value) => ({ kind: 'literal' as const, value })) },
        {
          kind: 'union',
          members: ['cs-go', 'ow'].map((value) => ({ kind: 'literal' as const, value })),
        },
      ],
    };
    const param = (name: string, type: IrType) => ({
      name,
      type,
      required: true,
      docs: {},
      pointer: '',
    });
    const op = {
      path: '/videogames/{videogame}',
      pathParams: [{ ...param('videogame', idOrSlug), in: 'path' }],
      queryParams: [{ ...param('filter', { kind: 'array', items: idOrSlug }), in: 'query' }],
      headerParams: [],
      body: { type: idOrSlug, required: true },
    } as unknown as Parameters<typeof sampleOperation>[0];
    const { required } = sampleOperation(op, models);
    expect(required.path.get('videogame')).toBe('cs-go');
    expect(required.params.get('filter')).toEqual(['cs-go']);
    // A JSON body keeps its types: the first member.
    expect(required.body).toBe(1);
    // A union that holds itself is no string, and ends.
    const self: IrType = { kind: 'union', members: [{ kind: 'ref', target: 'self' }, num()] };
    const withSelf = new Map([
      ['self', { id: 'self', name: 'Self', type: self, docs: {} } as IrModel],
    ]);
    const loop = {
      ...op,
      queryParams: [{ ...param('q', { kind: 'ref', target: 'self' }), in: 'query' as const }],
    };
    expect(sampleOperation(loop, withSelf).required.params.get('q')).toBe(1);
  });

  it('gives path values always, optional params and body only with every argument', () => {
    const op = {
      path: '/things/{id}',
      pathParams: [
        {
          name: 'id',
          in: 'path',
          type: str({ format: 'uuid' }),
          required: true,
          docs: {},
          pointer: '',
        },
      ],
      queryParams: [
        {
          name: 'limit',
          in: 'query',
          type: num({ integer: true, minimum: 1 }),
          required: false,
          docs: { default: 20 },
          pointer: '',
        },
      ],
      headerParams: [],
      body: { contentType: 'application/json', type: str(), required: false, pointer: '' },
    } as unknown as Parameters<typeof sampleOperation>[0];
    const { required, all } = sampleOperation(op, models);
    expect(required.path.get('id')).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
    expect([...required.params]).toEqual([]);
    expect(required.sendsBody).toBe(false);
    expect([...all.params]).toEqual([['limit', 20]]);
    expect(all.sendsBody).toBe(true);
  });

  it('fills a required query object whose properties are all optional, which empty would send nothing', () => {
    const message: IrType = {
      kind: 'object',
      properties: [prop('strData', str()), prop('meta', num())],
      additional: undefined,
    };
    const op = {
      path: '/messages',
      pathParams: [],
      queryParams: [
        { name: 'json', in: 'query', type: message, required: true, docs: {}, pointer: '' },
        { name: 'other', in: 'query', type: message, required: false, docs: {}, pointer: '' },
      ],
      headerParams: [],
    } as unknown as Parameters<typeof sampleOperation>[0];
    const { required } = sampleOperation(op, models);
    expect([...required.params]).toEqual([['json', { strData: 'string', meta: 1 }]]);
    // A map (microcks' `queryMap`) gets a key of its own.
    const map: IrType = { kind: 'object', properties: [], additional: str() };
    const mapOp = {
      ...op,
      queryParams: [
        { name: 'queryMap', in: 'query', type: map, required: true, docs: {}, pointer: '' },
      ],
    } as unknown as Parameters<typeof sampleOperation>[0];
    expect([...sampleOperation(mapOp, models).required.params]).toEqual([
      ['queryMap', { key: 'string' }],
    ]);
  });

  it('never gives a path parameter an empty value, whatever its examples say', () => {
    const pathParam = (name: string, type: IrType, docs = {}) => ({
      name,
      in: 'path',
      type,
      required: true,
      docs,
      pointer: '',
    });
    const op = {
      path: '/groups/{groupId}/{id}/{state}',
      pathParams: [
        pathParam('groupId', str({ examples: [''] })),
        pathParam('id', str({ format: 'uuid' }), { examples: [''] }),
        // peertube's job state: the enum's empty value gives way to the next one.
        pathParam('state', {
          kind: 'union',
          members: [
            { kind: 'literal', value: '' },
            { kind: 'literal', value: 'active' },
          ],
        }),
      ],
      queryParams: [],
      headerParams: [],
    } as unknown as Parameters<typeof sampleOperation>[0];
    const { required } = sampleOperation(op, models);
    expect([...required.path]).toEqual([
      ['groupId', 'value'],
      ['id', '3fa85f64-5717-4562-b3fc-2c963f66afa6'],
      ['state', 'active'],
    ]);
  });

  it("never gives a path parameter a sibling path's fixed segment, which would call that path (vtex)", () => {
    const op = {
      path: '/dataentities/{name}/documents/{id}',
      pathParams: [
        { name: 'name', in: 'path', type: str(), required: true, docs: { examples: ['Client'] } },
        { name: 'id', in: 'path', type: str(), required: true, docs: { examples: ['Client'] } },
      ].map((p) => ({ ...p, pointer: '' })),
      queryParams: [],
      headerParams: [],
    } as unknown as Parameters<typeof sampleOperation>[0];
    const paths = [
      '/dataentities/{name}/documents/{id}',
      '/dataentities/Client/documents/{id}',
      '/dataentities/{name}/documents',
    ];
    expect([...sampleOperation(op, models, paths).required.path]).toEqual([
      ['name', 'string'],
      ['id', 'Client'],
    ]);
    // Without the sibling, the example is used.
    expect(sampleOperation(op, models, paths.slice(0, 1)).required.path.get('name')).toBe('Client');
  });

  it('finds the fixed segments that stand where a path has a parameter, the rest written alike', () => {
    const index = new FixedSegments([
      '/a/{x}/c',
      '/a/b/c',
      '/a/d/c',
      '/a/{y}/c',
      '/a/e/f',
      '/a/g/c/h',
      '/z/b/c',
      '/a/{x}/{z}',
      '/a/i/{z}',
    ]);
    expect([...index.at('/a/{x}/c', 'x')]).toEqual(['b', 'd']);
    expect([...index.at('/a/{x}/{z}', 'x')]).toEqual(['i']);
    expect([...index.at('/a/{x}/{z}', 'z')]).toEqual(['c']);
    expect([...index.at('/a/{x}/c', 'nope')]).toEqual([]);
  });

  it("keeps an enum's value when every value is a sibling's segment: a word outside it would not compile (GitLab)", () => {
    const service: IrType = {
      kind: 'union',
      members: [
        { kind: 'literal', value: 'asana' },
        { kind: 'literal', value: 'jira' },
      ],
    };
    const op = {
      path: '/services/{service}',
      pathParams: [
        { name: 'service', in: 'path', type: service, required: true, docs: {}, pointer: '' },
      ],
      queryParams: [],
      headerParams: [],
    } as unknown as Parameters<typeof sampleOperation>[0];
    const sample = (paths: string[]) =>
      sampleOperation(op, models, ['/services/{service}', ...paths]).required.path.get('service');
    expect(sample(['/services/asana'])).toBe('jira');
    expect(sample(['/services/asana', '/services/jira'])).toBe('asana');
  });
});
