import { StructureKind, type InterfaceDeclarationStructure, type OptionalKind, type PropertySignatureStructure, type SourceFileStructure, type TypeAliasDeclarationStructure } from 'ts-morph';
import type { IrProperty } from '../ir/types';
import type { Plan, PlannedModel } from '../plan/types';
import { jsDocText } from '../print/js-doc';
import { indexSignatureType, renderType, tsPropertyName, visibleProperties, type TypeContext } from './render-type';
import { spaced } from './spaced';
import { typeImports, type UsedTypes } from './type-imports';

/** One model file: the model's response shape, and its request shape when the two differ. */
export function emitModel(plan: Plan, planned: PlannedModel): SourceFileStructure {
  const used: UsedTypes = new Set();
  const declarations = [declare(plan, planned, planned.identifier, 'response', used)];
  if (planned.input) declarations.push(declare(plan, planned, planned.input.identifier, 'request', used));
  const imports = typeImports(plan, planned.file, used, [planned.identifier, planned.input?.identifier]);
  return { kind: StructureKind.SourceFile, statements: spaced([...imports, ...declarations]) };
}

function declare(plan: Plan, planned: PlannedModel, name: string, mode: TypeContext['mode'], used: UsedTypes): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const ctx = typeContext(plan, mode, used);
  const { model } = planned;
  const text = jsDocText(model.docs);
  const docs = text ? [text] : [];
  if (model.type.kind !== 'object') {
    return { kind: StructureKind.TypeAlias, name, isExported: true, type: renderType(model.type, ctx), docs };
  }
  const properties = propertySignatures(model.type.properties, ctx);
  const additional = model.type.additional;
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs,
    properties,
    indexSignatures: additional ? [{ keyName: 'key', keyType: 'string', returnType: indexSignatureType(model.type.properties, additional, ctx) }] : [],
  };
}

/** Interface members for properties, with their JSDoc, optionality and (in responses) `readonly`. */
export function propertySignatures(props: IrProperty[], ctx: TypeContext): OptionalKind<PropertySignatureStructure>[] {
  return visibleProperties(props, ctx.mode).map((p) => {
    const doc = jsDocText(p.docs);
    return {
      name: tsPropertyName(p.name),
      type: renderType(p.type, ctx),
      hasQuestionToken: !p.required,
      isReadonly: ctx.mode === 'response' && p.readOnly,
      docs: doc ? [doc] : [],
    };
  });
}

/** A type context that records the model identifiers it hands out, for imports. */
export function typeContext(plan: Plan, mode: TypeContext['mode'], used: UsedTypes): TypeContext {
  return {
    mode,
    nameOf(id) {
      const name = (mode === 'request' ? plan.inputNames.get(id) : undefined) ?? plan.modelNames.get(id);
      if (!name) return 'unknown';
      used.add(name);
      return name;
    },
  };
}
