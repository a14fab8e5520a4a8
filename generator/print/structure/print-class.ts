import type {
  ClassDeclarationStructure,
  ConstructorDeclarationStructure,
  MethodDeclarationOverloadStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertyDeclarationStructure,
} from 'ts-morph';
import { GeneratorBug } from '../../errors';
import { assertKnownKeys, keys } from './known-keys';
import {
  MODIFIER_KEYS,
  printDocs,
  printInitializer,
  printLeadingTrivia,
  printModifiers,
  printTyped,
  textOf,
} from './print-parts';
import { printStatements, type StatementContext } from './print-structure';
import type { TextWriter } from './text-writer';

export const CLASS = keys(
  'kind',
  'name',
  'extends',
  'docs',
  'properties',
  'ctors',
  'methods',
  'leadingTrivia',
  ...MODIFIER_KEYS,
);
export const PROPERTY = keys(
  'kind',
  'name',
  'type',
  'initializer',
  'hasQuestionToken',
  'hasExclamationToken',
  'docs',
  ...MODIFIER_KEYS,
);
export const CONSTRUCTOR = keys('kind', 'parameters', 'statements', 'docs', ...MODIFIER_KEYS);
export const METHOD = keys(
  'kind',
  'name',
  'parameters',
  'returnType',
  'statements',
  'overloads',
  'hasQuestionToken',
  'docs',
  ...MODIFIER_KEYS,
);
export const METHOD_OVERLOAD = keys(
  'kind',
  'parameters',
  'returnType',
  'hasQuestionToken',
  'docs',
  ...MODIFIER_KEYS,
);
export const PARAMETER = keys(
  'kind',
  'name',
  'type',
  'initializer',
  'hasQuestionToken',
  'isRestParameter',
  ...MODIFIER_KEYS,
);

/** `class Name extends Base { properties; constructors; methods }`, blocks separated by a blank line. */
export function printClass(
  writer: TextWriter,
  s: ClassDeclarationStructure,
  ctx: StatementContext,
): void {
  assertKnownKeys(s, CLASS, `class ${s.name ?? ''}`);
  const isAmbient = Boolean(s.hasDeclareKeyword) || ctx.isAmbient;
  const separate = () => {
    if (writer.isAtStartOfFirstLineOfBlock()) return;
    if (isAmbient) writer.newLine();
    else writer.blankLine();
  };
  printLeadingTrivia(writer, s.leadingTrivia);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write('class');
  if (s.name?.trim()) writer.write(` ${s.name}`);
  writer.write(' ');
  const base = textOf(s.extends, 'a base class');
  if (base?.trim()) writer.write(`extends ${base} `);
  writer.inlineBlock(() => {
    (s.properties ?? []).forEach((p, i) => {
      if (i > 0) writer.newLine();
      printProperty(writer, p, s.name);
    });
    for (const ctor of s.ctors ?? []) {
      separate();
      printConstructor(writer, ctor, isAmbient);
    }
    const methods = s.methods ?? [];
    if (methods.length) separate();
    methods.forEach((m, i) => {
      if (i > 0) {
        if (isAmbient) writer.newLine();
        else writer.blankLine();
      }
      printMethod(writer, m, isAmbient);
    });
  });
}

function printProperty(
  writer: TextWriter,
  s: OptionalKind<PropertyDeclarationStructure>,
  owner: string | undefined,
): void {
  assertKnownKeys(s, PROPERTY, `property ${s.name} of class ${owner ?? ''}`);
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(s.name);
  if (s.hasQuestionToken) writer.write('?');
  else if (s.hasExclamationToken) writer.write('!');
  printTyped(writer, ':', s.type, 'a property type');
  printInitializer(writer, s.initializer, 'an initializer');
  writer.write(';');
}

function printConstructor(
  writer: TextWriter,
  s: OptionalKind<ConstructorDeclarationStructure>,
  isAmbient: boolean,
): void {
  assertKnownKeys(s, CONSTRUCTOR, 'a constructor');
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write('constructor');
  printParameters(writer, s.parameters);
  if (isAmbient) {
    writer.write(';');
    return;
  }
  writer.write(' ');
  writer.inlineBlock(() => printStatements(writer, s.statements, { isAmbient }));
}

/** The overloads (each `name(params): type;` on its line), then the implementation with its body. */
function printMethod(
  writer: TextWriter,
  s: OptionalKind<MethodDeclarationStructure>,
  isAmbient: boolean,
): void {
  assertKnownKeys(s, METHOD, `method ${s.name}`);
  for (const overload of s.overloads ?? []) {
    assertKnownKeys(overload, METHOD_OVERLOAD, `an overload of method ${s.name}`);
    // An overload takes the implementation's scope, `static`, `abstract` and `?` unless it sets its own.
    const inherited: OptionalKind<MethodDeclarationOverloadStructure> = {
      ...overload,
      scope: overload.scope ?? s.scope,
      isStatic: overload.isStatic ?? s.isStatic,
      isAbstract: overload.isAbstract ?? s.isAbstract,
      hasQuestionToken: overload.hasQuestionToken ?? s.hasQuestionToken,
    };
    printMethodHeader(writer, s.name, inherited);
    writer.write(';');
    writer.newLine();
  }
  printMethodHeader(writer, s.name, s);
  if (isAmbient || s.isAbstract) {
    writer.write(';');
    return;
  }
  writer.spaceIfLastNot();
  writer.inlineBlock(() => printStatements(writer, s.statements, { isAmbient }));
}

function printMethodHeader(
  writer: TextWriter,
  name: string,
  s: Omit<MethodDeclarationOverloadStructure, 'kind'>,
): void {
  printDocs(writer, s.docs);
  printModifiers(writer, s);
  writer.write(name);
  if (s.hasQuestionToken) writer.write('?');
  printParameters(writer, s.parameters);
  printTyped(writer, ':', s.returnType, 'a return type');
}

/** `(a: A, b?: B = x)`. */
function printParameters(
  writer: TextWriter,
  parameters: OptionalKind<ParameterDeclarationStructure>[] | undefined,
): void {
  writer.write('(');
  (parameters ?? []).forEach((p, i) => {
    assertKnownKeys(p, PARAMETER, `parameter ${p.name}`);
    if (p.name == null) throw new GeneratorBug('a parameter structure without a name');
    if (i > 0) writer.write(', ');
    printModifiers(writer, p);
    if (p.isRestParameter) writer.write('...');
    writer.write(p.name);
    if (p.hasQuestionToken) writer.write('?');
    // ts-morph writes `?: any` for an optional parameter given no type.
    printTyped(writer, ':', p.type, 'a parameter type', p.hasQuestionToken ? 'any' : undefined);
    printInitializer(writer, p.initializer, 'a parameter initializer');
  });
  writer.write(')');
}
