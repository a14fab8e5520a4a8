/**
 * The property for broken documents: the pipeline ends in diagnostics (never an exception, never a
 * `GeneratorBug`), returns files exactly when it reports no error, and the CLI writes nothing when it fails.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { hasErrors } from '../../generator/diagnostics/diagnostic';
import { generateClient } from '../../generator/pipeline';
import { runCli } from '../helpers/run-cli';
import { writeSpec } from './harness';

/** Throws with what went wrong for one broken document. */
export async function checkBrokenDocument(doc: unknown, options: { cli: boolean }): Promise<void> {
  const dir = writeSpec(doc);
  try {
    const result = await generateClient('spec.json', { cwd: dir, specLabel: 'spec.json' }).catch(
      (e: unknown) => {
        throw new Error(
          `generateClient threw ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 500)}\n${e.stack?.split('\n').slice(1, 6).join('\n') ?? '(no stack)'}` : String(e)}`,
        );
      },
    );
    const failed = hasErrors(result.diagnostics);
    if (failed && result.files.length)
      throw new Error(`error diagnostics and ${result.files.length} files`);
    if (!failed && !result.files.length) throw new Error('no error diagnostic, yet no files');
    for (const d of result.diagnostics) {
      if (typeof d.line !== 'number' || typeof d.pointer !== 'string' || !d.pointer.startsWith('#'))
        throw new Error(`diagnostic without a position: ${JSON.stringify(d).slice(0, 300)}`);
    }
    if (!options.cli) return;
    const cli = await runCli(dir, 'generate', 'spec.json', '--out', 'out').catch((e: unknown) => {
      throw new Error(`the CLI threw ${e instanceof Error ? e.message.slice(0, 500) : String(e)}`);
    });
    const out = path.join(dir, 'out');
    const written = existsSync(out) ? readdirSync(out, { recursive: true }).length : 0;
    if (cli.code !== 0 && written)
      throw new Error(
        `the CLI failed (exit ${cli.code}) but wrote ${written} entries:\n${cli.stderr.slice(0, 1000)}`,
      );
    if ((cli.code === 0) === failed)
      throw new Error(
        `the CLI exited ${cli.code} while the pipeline ${failed ? 'reported errors' : 'succeeded'}:\n${cli.stderr.slice(0, 1000)}`,
      );
    if (/internal error|clientgen bug|GeneratorBug/.test(cli.stderr))
      throw new Error(`the CLI printed a bug or a stack:\n${cli.stderr.slice(0, 1000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
