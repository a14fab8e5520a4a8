/**
 * The runtime ships as written: generated core/ files are the templates plus the banner, byte for byte,
 * and the templates are already formatted with the generator's own prettier options.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as estree from 'prettier/plugins/estree';
import * as babel from 'prettier/plugins/babel';
import * as prettier from 'prettier/standalone';
import { PRETTIER_OPTIONS } from '../../generator/print/prettier-options';
import { bannerLine } from '../../generator/print/print-files';

const ROOT = path.resolve(__dirname, '../..');
const templates = readdirSync(path.join(ROOT, 'templates'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

describe.each(templates)('templates/%s', (file) => {
  const template = readFileSync(path.join(ROOT, 'templates', file), 'utf8');

  it('is formatted with the generator prettier options', async () => {
    expect(await prettier.format(template, { ...PRETTIER_OPTIONS, plugins: [estree, babel] })).toBe(
      template,
    );
  });

  const shipped = path.join(ROOT, 'generated/core', file);
  if (file !== 'index.ts' && existsSync(shipped))
    it('is copied into generated/core/ unchanged but for the banner', () => {
      expect(readFileSync(shipped, 'utf8')).toBe(
        `${bannerLine('spec/chat-completions.yaml')}\n\n${template}`,
      );
    });

  it('imports nothing outside templates/ and no Node built-in', () => {
    const specifiers = [...template.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('./'))).toEqual([]);
  });
});

/**
 * The chat client ships the modules its calls need (emit/runtime-modules.ts): it streams and lists, and has no OAuth 2
 * flow and no multipart body.
 */
describe('generated/core/', () => {
  const shipped = readdirSync(path.join(ROOT, 'generated/core')).sort();

  it('holds every template but the multipart encoder, the file reader and the OAuth 2 flow, which the chat API does not use', () => {
    expect(templates.filter((f) => !shipped.includes(f))).toEqual([
      'multipart.ts',
      'oauth2.ts',
      'uploads.ts',
    ]);
    expect(shipped.filter((f) => !templates.includes(f))).toEqual([]);
  });

  it("has the templates' index without the statements that export from a module left out", () => {
    const template = readFileSync(path.join(ROOT, 'templates/index.ts'), 'utf8');
    const statements = template.match(/^export [^;]*;\n/gm) ?? [];
    const leftOut = statements.filter((s) => {
      const module = /from '\.\/([a-z0-9-]+)';/.exec(s)?.[1];
      return module === undefined || !shipped.includes(`${module}.ts`);
    });
    expect(leftOut).toEqual([
      "export { encodeMultipart } from './multipart';\n",
      "export { TokenCache } from './oauth2';\n",
      "export { encodeFiles, toFile } from './uploads';\n",
      "export type { FileLike, FsReadStreamLike, ToFileOptions, Uploadable } from './uploads';\n",
    ]);
    const expected = leftOut.reduce((text, s) => text.replace(s, ''), template);
    expect(readFileSync(path.join(ROOT, 'generated/core/index.ts'), 'utf8')).toBe(
      `${bannerLine('spec/chat-completions.yaml')}\n\n${expected}`,
    );
  });
});
