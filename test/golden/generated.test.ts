/**
 * generated/ is a golden: regenerating it from spec/ with the project's own command must change nothing.
 * `--check` writes nothing and exits 1 with the list of files that would change.
 */
import * as path from 'node:path';
import { main } from '../../generator/cli';

it('generated/ is up to date with spec/ (clientgen generate --check)', async () => {
  const out: string[] = [];
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, cwd: path.resolve(__dirname, '../..') };
  const code = await main(['node', 'clientgen', 'generate', 'spec/chat-completions.yaml', '--out', 'generated', '--check'], io);
  expect(out.join('')).toContain('up to date');
  expect(code).toBe(0);
});
