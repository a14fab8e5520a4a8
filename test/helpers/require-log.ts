import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes into `dir` a module for `node -r` that writes every `require` request to stderr, one a line: what a run of
 * the built CLI loaded, and when beside its other output.
 */
export function writeRequireLog(dir: string): string {
  const hook = path.join(dir, 'require-log.js');
  writeFileSync(
    hook,
    `const M = require('node:module'); const load = M._load;
M._load = function (request, ...rest) { process.stderr.write(request + '\\n'); return load.call(this, request, ...rest); };`,
  );
  return hook;
}
