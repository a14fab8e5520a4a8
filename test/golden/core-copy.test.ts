/**
 * The runtime ships as written: generated core/ files are the templates plus the banner, byte for byte,
 * and the templates are already formatted with the generator's own prettier options.
 */
import { readFileSync, readdirSync } from 'node:fs';
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

  it('is copied into generated/core/ unchanged but for the banner', () => {
    const copy = readFileSync(path.join(ROOT, 'generated/core', file), 'utf8');
    expect(copy).toBe(`${bannerLine('spec/chat-completions.yaml')}\n\n${template}`);
  });

  it('imports nothing outside templates/ and no Node built-in', () => {
    const specifiers = [...template.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(specifiers.filter((s) => !s.startsWith('./'))).toEqual([]);
  });
});
