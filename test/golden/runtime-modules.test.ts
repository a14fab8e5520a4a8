/**
 * Which runtime modules a client ships (generator/emit/runtime-modules.ts): the modules exporting the names its files
 * import from `core/`, with everything those import, and an index re-exporting from those only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { emitRuntime, TEMPLATES_DIR } from '../../generator/emit/emit-runtime';
import { runtimeFor, runtimeNamesIn } from '../../generator/emit/runtime-modules';

const TEMPLATES = new Map(
  readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, readFileSync(path.join(TEMPLATES_DIR, f), 'utf8')] as const),
);

/** What a client ships for these names: its files, sorted. */
const shipped = (names: string[]): string[] =>
  [...runtimeFor(TEMPLATES, new Set(names)).files].sort();

describe('runtimeFor', () => {
  const small = new Map([
    [
      'index.ts',
      "/** The index. */\n\nexport { A } from './a';\nexport type {\n  B,\n  C as D,\n} from './b';\nexport { E } from './e';\n",
    ],
    ['a.ts', "import type { X } from './x';\nexport const A = 1;\n"],
    ['b.ts', "export { Y } from './y';\nexport type B = 1;\nexport type C = 2;\n"],
    ['e.ts', 'export const E = 1;\n'],
    ['x.ts', 'export type X = 1;\n'],
    ['y.ts', 'export const Y = 1;\n'],
  ]);

  it('keeps the modules of the names and what they import, types and re-exports too', () => {
    const { files, index } = runtimeFor(small, new Set(['A', 'D']));
    expect([...files].sort()).toEqual(['a.ts', 'b.ts', 'index.ts', 'x.ts', 'y.ts']);
    expect(index).toBe(
      "/** The index. */\n\nexport { A } from './a';\nexport type {\n  B,\n  C as D,\n} from './b';\n",
    );
  });

  it('keeps only the index for no names', () => {
    const { files, index } = runtimeFor(small, new Set());
    expect([...files]).toEqual(['index.ts']);
    expect(index).toBe('/** The index. */\n\n');
  });

  it('refuses a name the index does not export, and a module that is not there', () => {
    expect(() => runtimeFor(small, new Set(['Z']))).toThrow("the runtime's index exports no 'Z'");
    const broken = new Map(small).set('a.ts', "import { Q } from './q';\n");
    expect(() => runtimeFor(broken, new Set(['A']))).toThrow('templates/q.ts is missing');
  });
});

describe("the runtime's own modules", () => {
  const base = ['APIError', 'APIPromise', 'APIResource', 'BaseClient', 'requestOptions'];

  it('leave out the stream reader, pagination, multipart, files and the OAuth 2 flow for a client that needs none', () => {
    const files = shipped(base);
    for (const f of [
      'oauth2.ts',
      'pagination.ts',
      'multipart.ts',
      'uploads.ts',
      'streaming.ts',
      'sse.ts',
      'line-decoder.ts',
    ])
      expect(files).not.toContain(f);
    expect(files).toContain('client.ts');
  });

  it('keep each for the name of its own: `Stream`, `TokenCache`, `getAPIList`, `encodeFiles`, `encodeMultipart`', () => {
    expect(shipped([...base, 'Stream'])).toEqual(
      [...shipped(base), 'line-decoder.ts', 'sse.ts', 'streaming.ts'].sort(),
    );
    expect(shipped([...base, 'TokenCache'])).toEqual([...shipped(base), 'oauth2.ts'].sort());
    expect(shipped([...base, 'getAPIList'])).toEqual([...shipped(base), 'pagination.ts'].sort());
    expect(shipped([...base, 'encodeFiles'])).toEqual([...shipped(base), 'uploads.ts'].sort());
    expect(shipped([...base, 'Uploadable'])).toEqual([...shipped(base), 'uploads.ts'].sort());
    // The multipart encoder reads its parts' files.
    expect(shipped([...base, 'encodeMultipart'])).toEqual(
      [...shipped(base), 'multipart.ts', 'uploads.ts'].sort(),
    );
  });

  it('are closed under their imports, whatever the names', () => {
    const names = [...TEMPLATES.get('index.ts')!.matchAll(/^\s+(\w+),?$|{ (\w+) }/gm)].map(
      (m) => (m[1] ?? m[2])!,
    );
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      const { files, index } = runtimeFor(TEMPLATES, new Set([name]));
      for (const f of files) {
        const text = f === 'index.ts' ? index : TEMPLATES.get(f)!;
        for (const m of text.matchAll(/from '\.\/([a-z0-9-]+)'/g))
          expect(files).toContain(`${m[1]!}.ts`);
      }
    }
  });

  it('all ship when no names are given (emitRuntime without names)', async () => {
    const files = await emitRuntime('bundler');
    expect(files.map((f) => f.path.replace('core/', '')).sort()).toEqual(
      [...TEMPLATES.keys()].sort(),
    );
  });
});

describe('runtimeNamesIn', () => {
  it('reads the names imported and re-exported from the index, as printed', () => {
    const names = new Set<string>();
    runtimeNamesIn(
      'resources/chat/completions.ts',
      [
        "import { APIResource, Stream, requestOptions } from '../../core';",
        "import type { Pet } from '../../models/pet';",
        "import { Other } from './score';",
      ].join('\n'),
      names,
    );
    runtimeNamesIn('resources/files.ts', "import { toFile } from '../core/index.ts';", names);
    runtimeNamesIn(
      'models/pet.ts',
      "import type { APIPromise, RequestOptions } from '../core';",
      names,
    );
    runtimeNamesIn(
      'index.ts',
      [
        "export { APIError, Page as P } from './core';",
        "export type {\n  LogLevel,\n  Logger,\n} from './core/index.js';",
      ].join('\n'),
      names,
    );
    expect([...names].sort()).toEqual([
      'APIError',
      'APIPromise',
      'APIResource',
      'LogLevel',
      'Logger',
      'Page',
      'RequestOptions',
      'Stream',
      'requestOptions',
      'toFile',
    ]);
  });

  it('reads only the specifier that reaches core/ from the file: a model named Core is no runtime name', () => {
    const names = new Set<string>();
    // AWS Greengrass has a schema `Core`: the models' index re-exports it from its file, models/core.ts.
    runtimeNamesIn(
      'models/index.ts',
      "export type { Core } from './core';\nexport type { Group } from './group';",
      names,
    );
    runtimeNamesIn('resources/cores.ts', "import type { Core } from '../models/core';", names);
    runtimeNamesIn('index.ts', "export type { Core } from './models/core';", names);
    expect([...names]).toEqual([]);
  });
});

describe('emitRuntime in each import style', () => {
  it.each([
    ['bundler', "from './errors';"],
    ['nodenext', "from './errors.js';"],
    ['ts', "from './errors.ts';"],
  ] as const)('%s writes %s', async (style, written) => {
    const client = (await emitRuntime(style)).find((f) => f.path === 'core/client.ts');
    const text = client && 'text' in client ? client.text : '';
    expect(text).toContain(written);
    // Every relative import of the runtime is written in the style, none left as it was.
    const relative = [...text.matchAll(/from '(\.[^']*)'/g)].map((m) => m[1]!);
    expect(relative.length).toBeGreaterThan(5);
    for (const specifier of relative)
      expect(specifier.endsWith('.js') || specifier.endsWith('.ts')).toBe(style !== 'bundler');
  });
});
