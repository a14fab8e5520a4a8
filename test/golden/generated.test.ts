/**
 * generated/ is a golden: regenerating it from spec/ with the project's own command must change nothing.
 * `--check` writes nothing and exits 1 with the list of files that would change.
 */
import * as path from 'node:path';
import { runCli } from '../helpers/run-cli';

it('generated/ is up to date with spec/ (clientgen generate --check)', async () => {
  const { code, stdout, stderr } = await runCli(
    path.resolve(__dirname, '../..'),
    'generate',
    'spec/chat-completions.yaml',
    '--out',
    'generated',
    '--check',
  );
  expect(stdout + stderr).toContain('up to date');
  expect(code).toBe(0);
});
