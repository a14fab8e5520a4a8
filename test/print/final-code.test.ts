/**
 * `finalReturn` and `finalSignature` (generator/print/final-code.ts) print a resource method's `return` and its
 * signature as prettier does, or decline. On seeded random expressions of the forms emit writes (calls into the
 * runtime with member chains and type arguments, objects with short and long keys, spreads and `??`, arrays of
 * strings, `as`), every line they print is prettier's output, and each way of breaking is taken often enough for a
 * wrong rule to show. The layout's oracle holds every real class to prettier's output as well.
 */
import fc from 'fast-check';
import { finalReturn, finalSignature } from '../../generator/print/final-code';
import { tsString } from '../../generator/text/string-literal';
import { prettierOf } from './layout/expect-layout';

const SEED = 20261205;

const word = (min: number, max: number) =>
  fc
    .tuple(fc.constantFrom('a', 'body', 'cursor', 'query', 'has', 'X'), fc.integer({ min, max }))
    .map(([head, n]) => `${head}${'_bcdefghij'.repeat(5).slice(0, n)}`);
const typeName = fc
  .tuple(fc.constantFrom('Chat', 'Page', 'Model'), fc.integer({ min: 0, max: 30 }))
  .map(([head, n]) => `${head}${'Abcdefghij'.repeat(4).slice(0, n)}`);
const typeArgs = fc.oneof(
  fc.constant(''),
  typeName.map((t) => `<${t}>`),
  fc.tuple(typeName, typeName).map(([a, b]) => `<${a}, ${b}>`),
  fc.tuple(typeName, typeName).map(([a, b]) => `<${a}['data'][number], ${b}>`),
  fc.tuple(typeName, typeName).map(([a, b]) => `<Stream<${a}> | ${b}>`),
);

const atom = fc.oneof(
  word(0, 20),
  fc.string({ minLength: 0, maxLength: 40 }).map(tsString),
  fc.constantFrom('this._client', 'params.stream', 'options', 'params', 'true', 'undefined', '20'),
);

const { e: expression } = fc.letrec<{ e: string; obj: string; call: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: atom },
    { weight: 2, arbitrary: tie('obj') },
    { weight: 2, arbitrary: tie('call') },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.string({ maxLength: 20 }).map(tsString), { minLength: 1, maxLength: 8 })
        .map((xs) => `[${xs.join(', ')}]`),
    },
  ),
  obj: fc
    .array(
      fc.oneof(
        word(0, 12),
        fc.tuple(word(0, 25), tie('e')).map(([k, v]) => `${k}: ${v}`),
        fc.tuple(word(0, 10), atom).map(([k, v]) => `${k}: ${v} ?? false`),
        tie('call').map((c) => `...${c}`),
      ),
      { minLength: 0, maxLength: 6 },
    )
    .map((ps) => (ps.length ? `{ ${ps.join(', ')} }` : '{}')),
  call: fc
    .tuple(
      fc.constantFrom(
        'requestOptions',
        'this._client.post',
        'getAPIList',
        'this._client.buildPath',
        'new Stream',
      ),
      typeArgs,
      fc.array(tie('e'), { minLength: 1, maxLength: 4 }),
    )
    .map(([callee, t, args]) => `${callee}${t}(${args.join(', ')})`),
}));

const returned = fc.oneof(
  { weight: 4, arbitrary: expression },
  {
    weight: 1,
    arbitrary: fc
      .tuple(expression, typeName, typeName)
      .map(([e, a, b]) => `${e} as APIPromise<${a}> | APIPromise<${b}>`),
  },
);

/** Prettier's lines for a method body's line, or a signature's, inside a class. */
async function prettierOfMember(member: string[]): Promise<string[]> {
  const out = (await prettierOf(['class A {', ...member, '}', ''].join('\n'))).split('\n');
  return out.slice(1, out.length - 2);
}

type Shape = 'flat' | 'hugged' | 'broken';

describe('final-code prints what prettier prints', () => {
  it('a method’s return', async () => {
    const shapes: Record<Shape, number> = { flat: 0, hugged: 0, broken: 0 };
    const wrong: string[] = [];
    for (const expr of fc.sample(returned, { seed: SEED, numRuns: 1500 })) {
      const line = `    return ${expr};`;
      const actual = finalReturn(line);
      if (!actual) continue;
      const expected = (await prettierOfMember(['  m() {', line, '  }'])).slice(1, -1);
      shapes[
        actual.length === 1
          ? 'flat'
          : /[{[]$/.test(actual[0]!) && !/\($/.test(actual[0]!)
            ? 'hugged'
            : 'broken'
      ]++;
      if (actual.join('\n') !== expected.join('\n'))
        wrong.push(
          `${line}\n--- final-code\n${actual.join('\n')}\n--- prettier\n${expected.join('\n')}`,
        );
    }
    expect(wrong.slice(0, 3).join('\n\n')).toBe('');
    expect(shapes.flat).toBeGreaterThan(100);
    expect(shapes.hugged).toBeGreaterThan(50);
    expect(shapes.broken).toBeGreaterThan(100);
  }, 120_000);

  it('a method’s signature', async () => {
    const signature = fc
      .tuple(
        word(0, 20),
        fc.array(
          fc
            .tuple(word(0, 20), fc.boolean(), typeName)
            .map(([n, q, t]) => `${n}${q ? '?' : ''}: ${t}`),
          { minLength: 0, maxLength: 5 },
        ),
        typeName,
        fc.boolean(),
      )
      .map(
        ([name, params, ret, overload]) =>
          `  ${name}(${params.join(', ')}): APIPromise<${ret}>${overload ? ';' : ' {'}`,
      );
    let broken = 0;
    const wrong: string[] = [];
    for (const line of fc.sample(signature, { seed: SEED + 1, numRuns: 600 })) {
      const actual = finalSignature(line);
      if (!actual) continue;
      // An overload is followed by its implementation, whose body prettier needs.
      const member = line.endsWith(';') ? [line, `${line.slice(0, -1)} {`] : [line];
      const expected = await prettierOfMember([...member, '    return x;', '  }']);
      const signatureLines = expected.slice(0, actual.length);
      if (actual.length > 1) broken++;
      if (actual.join('\n') !== signatureLines.join('\n'))
        wrong.push(
          `${line}\n--- final-code\n${actual.join('\n')}\n--- prettier\n${signatureLines.join('\n')}`,
        );
    }
    expect(wrong.slice(0, 3).join('\n\n')).toBe('');
    expect(broken).toBeGreaterThan(100);
  }, 120_000);

  it.each([
    [
      'a string below a long key that it does not fit beside',
      `    return requestOptions({ description_of_the_thing: '${'d'.repeat(70)}' }, options);`,
    ],
    [
      'a call below a long key when the line does not fit up to its `(`',
      `    return f({ a: { b: { ${'k'.repeat(65)}: requestOptionsWithALongName(params, { body: 'rest' }) } } }, x);`,
    ],
    [
      'a hugged object whose properties break again',
      `    return this._client.post<Completion>('/chat/completions', { ...requestOptions(params, { body: 'rest', query: ['a', 'b'] }, options), stream: params.stream ?? false, streamClass: Stream });`,
    ],
  ])('takes %s', async (_label, line) => {
    const actual = finalReturn(line);
    expect(actual).toBeDefined();
    expect(actual).toEqual((await prettierOfMember(['  m() {', line, '  }'])).slice(1, -1));
  });

  it('takes a line that fits as it is', () => {
    expect(finalReturn('    return foo(a, { b });')).toEqual(['    return foo(a, { b });']);
  });

  it.each([
    ['a call inside a member chain', '    return a.b(c).d(e);'],
    ['a return of `??`', '    return a ?? b;'],
    ['an expression not written as prettier writes it flat', '    return f(a,b);'],
    ['a key prettier would unquote', "    return f({ 'a': 1 });"],
  ])('declines %s', (_label, line) => {
    expect(finalReturn(line)).toBeUndefined();
  });
});
