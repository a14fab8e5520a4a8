/**
 * A top-level resource is a property of the generated client, beside the members of the runtime's `BaseClient`: the
 * planner gives a resource named like one of them another name (`requestResource`), from `CLIENT_MEMBERS`. The list
 * must name every member a subclass can see: files.com's `/api-key` resource took the client's `apiKey` getter, and
 * the client did not compile.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { CLIENT_MEMBERS } from '../../generator/plan/core-exports';

/** The names of a class's members that are not private (`#x`, `private x`): instance and static alike. */
function visibleMembers(file: string, className: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found = source.statements.find(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className,
  );
  if (!found) throw new Error(`no class ${className} in ${file}`);
  return found.members.flatMap((m) => {
    if (ts.isConstructorDeclaration(m)) return ['constructor'];
    if (!m.name || ts.isPrivateIdentifier(m.name)) return [];
    const modifiers = ts.canHaveModifiers(m) ? (ts.getModifiers(m) ?? []) : [];
    if (modifiers.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword)) return [];
    if (modifiers.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) return [];
    return [m.name.getText(source)];
  });
}

describe('CLIENT_MEMBERS', () => {
  it("names every member of the runtime's BaseClient", () => {
    const members = visibleMembers(
      path.resolve(__dirname, '../../templates/client.ts'),
      'BaseClient',
    );
    expect(members.length).toBeGreaterThan(10);
    expect(members.filter((m) => !CLIENT_MEMBERS.includes(m))).toEqual([]);
  });
});
