import type { InterfaceDeclarationStructure, ModuleDeclarationStructure } from 'ts-morph';
import { StructureKind } from './structure-kind';
import type { IrObject } from '../ir/types';
import { NameRegistry, isIdentifier, lowerCased } from '../plan/identifiers';
import type { Plan } from '../plan/types';
import { pascalCase } from '../text/case';
import { indexSignatureType, type NamespaceNames, type TypeContext } from './render-type';

/** Names no member of a namespace may take: they would shadow a type the generated code refers to. */
const SHADOWED = [
  'Array',
  'Blob',
  'Uploadable',
  'Record',
  'Partial',
  'unknown',
  'never',
  'string',
  'number',
  'boolean',
  'null',
  'undefined',
  'object',
  'any',
  'void',
];

/** Per plan, the lower-cased names every namespace reserves: computed once, not once per namespace. */
const reservedByPlan = new WeakMap<Plan, ReadonlySet<string>>();

function reservedNames(plan: Plan): ReadonlySet<string> {
  let names = reservedByPlan.get(plan);
  if (!names) {
    names = lowerCased([...SHADOWED, ...plan.modelNames.values(), ...plan.inputNames.values()]);
    reservedByPlan.set(plan, names);
  }
  return names;
}

/** What an interface of a namespace may never be named, whatever its file refers to. */
const ALWAYS_RESERVED = lowerCased(SHADOWED);

/**
 * Emits a file whose hoisted interfaces take the names they ask for (`ChatCompletionAssistantMessageParam.FunctionCall`,
 * as openai-node names it), unless one is the name of a model the file refers to, which it would shadow inside its
 * namespace: then the file is emitted again with every model's name reserved, as all files were (`FunctionCall2`).
 * `emit` gets the names to pass to its type contexts, and returns what it made with the types it used.
 */
export function withNamespaceNames<T>(
  emit: (namespaces: NamespaceNames | undefined) => { value: T; used: ReadonlySet<string> },
): T {
  const namespaces: NamespaceNames = { reserved: ALWAYS_RESERVED, claimed: [] };
  const first = emit(namespaces);
  const used = lowerCased(first.used);
  return namespaces.claimed.some((name) => used.has(name.toLowerCase()))
    ? emit(undefined).value
    : first.value;
}

/**
 * Inline objects get names inside a namespace that merges with their declaration, the way hand-written
 * SDKs do it: `ChatCompletion.Choice`, `ChatCompletion.Choice.Logprobs`. Reviewers read a short
 * interface per object instead of object literals nested five deep, and users can name every shape.
 */
export class NamespaceHoister {
  private readonly interfaces: InterfaceDeclarationStructure[] = [];
  private readonly children: NamespaceHoister[] = [];
  private readonly names: NameRegistry;

  constructor(
    private readonly plan: Plan,
    /** Qualified name of this namespace, e.g. 'ChatCompletion.Choice'. */
    readonly path: string,
    private readonly base: Omit<TypeContext, 'hoist'>,
    /** Renders an object's members; supplied by emit-model to avoid an import cycle. */
    private readonly members: (
      object: IrObject,
      ctx: TypeContext,
    ) => Pick<InterfaceDeclarationStructure, 'properties' | 'indexSignatures'>,
  ) {
    // Nor the root declaration's: a qualified name (`Root.Choice`) inside the namespace would start at that interface.
    this.names = new NameRegistry(
      [path.split('.')[0]!],
      base.namespaces?.reserved ?? reservedNames(plan),
    );
  }

  /** The type context whose inline objects become members of this namespace. */
  context(): TypeContext {
    return { ...this.base, hoist: (object, hint) => this.hoist(object, hint) };
  }

  private hoist(object: IrObject, hint: string): string {
    const wanted = isIdentifier(hint) ? hint : pascalCase(hint) || 'Item';
    const name = this.names.claim(/^[0-9]/.test(wanted) ? `Item${wanted}` : wanted);
    this.base.namespaces?.claimed.push(name);
    const child = new NamespaceHoister(this.plan, `${this.path}.${name}`, this.base, this.members);
    this.children.push(child);
    this.interfaces.push({
      kind: StructureKind.Interface,
      name,
      isExported: true,
      ...this.members(object, child.context()),
    });
    return child.path;
  }

  /** The namespace declaration, or undefined when nothing was hoisted into it. */
  toStructure(): ModuleDeclarationStructure | undefined {
    if (!this.interfaces.length) return undefined;
    const statements = this.interfaces.flatMap((i, index) => {
      const nested = this.children[index]!.toStructure();
      return nested ? [i, nested] : [i];
    });
    return {
      kind: StructureKind.Module,
      name: this.path.split('.').pop()!,
      isExported: true,
      statements,
    };
  }
}

/** Index signature of an object, for hoisted interfaces. */
export function indexSignatures(
  object: IrObject,
  ctx: TypeContext,
): InterfaceDeclarationStructure['indexSignatures'] {
  return object.additional
    ? [
        {
          keyName: 'key',
          keyType: 'string',
          returnType: indexSignatureType(object.properties, object.additional, ctx),
        },
      ]
    : [];
}
