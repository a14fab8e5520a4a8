import type {
  InterfaceDeclarationStructure,
  ModuleDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  SourceFileStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { StructureKind } from './structure-kind';
import type { IrObject, IrProperty } from '../ir/types';
import type { Plan, PlannedModel } from '../plan/types';
import { jsDocText } from '../text/js-doc';
import { indexSignatures, NamespaceHoister, withNamespaceNames } from './hoist';
import {
  propertyDocText,
  propertyHint,
  renderType,
  tsPropertyName,
  visibleProperties,
  type NamespaceNames,
  type TypeContext,
} from './render-type';
import { spaced } from './spaced';
import { typeImports, type UsedTypes } from './type-imports';

/** One model file: the model's response shape, and its request shape when the two differ. */
export function emitModel(plan: Plan, planned: PlannedModel): SourceFileStructure {
  return withNamespaceNames((namespaces) => {
    const used: UsedTypes = new Set();
    const context = (mode: TypeContext['mode']) => typeContext(plan, mode, used, namespaces);
    const declarations = declare(plan, planned, planned.identifier, context('response'));
    if (planned.input)
      declarations.push(...declare(plan, planned, planned.input.identifier, context('request')));
    const imports = typeImports(plan, planned.file, used, [
      planned.identifier,
      planned.input?.identifier,
    ]);
    return {
      value: { kind: StructureKind.SourceFile, statements: spaced([...imports, ...declarations]) },
      used,
    };
  });
}

/** A model's declaration, followed by the namespace of its named inline objects when it has any. */
function declare(
  plan: Plan,
  planned: PlannedModel,
  name: string,
  base: TypeContext,
): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure | ModuleDeclarationStructure)[] {
  const hoister = namespaceFor(plan, name, base);
  const ctx = hoister.context();
  const { model } = planned;
  const text = jsDocText(model.docs);
  const docs = text ? [text] : [];
  const declaration: InterfaceDeclarationStructure | TypeAliasDeclarationStructure =
    model.type.kind === 'object'
      ? {
          kind: StructureKind.Interface,
          name,
          isExported: true,
          docs,
          ...objectMembers(model.type, ctx),
        }
      : {
          kind: StructureKind.TypeAlias,
          name,
          isExported: true,
          type: renderType(model.type, ctx, model.type.kind === 'array' ? 'Items' : 'Variant'),
          docs,
        };
  const namespace = hoister.toStructure();
  return namespace ? [declaration, namespace] : [declaration];
}

/** A namespace named after a declaration, collecting that declaration's inline objects. */
export function namespaceFor(plan: Plan, name: string, base: TypeContext): NamespaceHoister {
  return new NamespaceHoister(plan, name, base, objectMembers);
}

/** The members of an interface for an object type. */
function objectMembers(
  object: IrObject,
  ctx: TypeContext,
): Pick<InterfaceDeclarationStructure, 'properties' | 'indexSignatures'> {
  return {
    properties: propertySignatures(object.properties, ctx),
    indexSignatures: indexSignatures(object, ctx),
  };
}

/** Interface members for properties, with their JSDoc, optionality and (in responses) `readonly`. */
export function propertySignatures(
  props: IrProperty[],
  ctx: TypeContext,
): OptionalKind<PropertySignatureStructure>[] {
  return visibleProperties(props, ctx.mode).map((p) => {
    const doc = propertyDocText(p);
    return {
      name: tsPropertyName(p.name),
      type: renderType(p.type, ctx, propertyHint(p)),
      hasQuestionToken: !p.required,
      isReadonly: ctx.mode === 'response' && p.readOnly,
      docs: doc ? [doc] : [],
    };
  });
}

/** A type context that records the model identifiers it hands out, for imports. */
export function typeContext(
  plan: Plan,
  mode: TypeContext['mode'],
  used: UsedTypes,
  namespaces?: NamespaceNames,
): TypeContext {
  return {
    mode,
    ...(namespaces && { namespaces }),
    nameOf(id) {
      const name =
        (mode === 'request' ? plan.inputNames.get(id) : undefined) ?? plan.modelNames.get(id);
      if (!name) return 'unknown';
      used.add(name);
      return name;
    },
    runtimeType(name) {
      used.add(name);
      return name;
    },
  };
}
