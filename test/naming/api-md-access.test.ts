/**
 * api.md names each resource and method the way a caller reaches them: `client.users._2faLogin.create()`, not the
 * path's `2faLogin`, which is no property. Every call api.md lists is type-checked against the generated client.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateTree, usageErrors } from '../helpers/generate';

const SPEC = `openapi: 3.0.1
info: { title: Access, version: '1' }
paths:
  /v2/users/login:
    post:
      operationId: PostUsersLogin
      responses: { '204': { description: ok } }
  /v2/users/2fa-login:
    post:
      operationId: PostUsers2FALogin
      responses: { '204': { description: ok } }
  /3d-models/{id}:
    get:
      operationId: getModel
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: ok } }
  /default/settings:
    get:
      operationId: getSettings
      responses: { '204': { description: ok } }
`;

test('every call api.md lists is a call the client has', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-api-md-'));
  try {
    writeFileSync(path.join(dir, 'spec.yaml'), SPEC);
    const { tree } = await generateTree(path.join(dir, 'spec.yaml'));
    const apiMd = tree.get('api.md')!;
    const calls = [...apiMd.matchAll(/^- `(client\.[^(`]+)\(/gm)].map((m) => m[1]!);
    const headings = [...apiMd.matchAll(/^## `(client\.[^`]+)`/gm)].map((m) => m[1]!);
    expect(calls).toContain('client.users._2faLogin.create');
    expect(calls).toHaveLength(4);
    expect(headings).toHaveLength(calls.length);
    const usage = [
      "import { AccessClient } from './index';",
      "const client = new AccessClient({ baseURL: 'http://localhost' });",
      ...[...calls, ...headings].map((c) => `void ${c};`),
      '',
    ].join('\n');
    expect(usageErrors(tree, usage)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
