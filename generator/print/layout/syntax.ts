import type { ts } from 'ts-morph';

/*
 * What the layout needs of TypeScript's syntax API, without loading TypeScript's compiler (~0.5 s and ~65 MB): the
 * `SyntaxKind` values it reads, the node tests it calls (each a test of `kind`, as TypeScript's are), and the comment
 * scanning functions. Trees come from parse-subset.ts, or from the compiler for the files that parser leaves to it: the
 * same kinds, so the same code reads both. test/print/layout/syntax.test.ts holds every value to ts-morph's.
 */

const K = <N extends keyof typeof ts.SyntaxKind>(value: number): (typeof ts.SyntaxKind)[N] =>
  value as (typeof ts.SyntaxKind)[N];

export const SyntaxKind = {
  EndOfFileToken: K<'EndOfFileToken'>(1),
  SingleLineCommentTrivia: K<'SingleLineCommentTrivia'>(2),
  MultiLineCommentTrivia: K<'MultiLineCommentTrivia'>(3),
  NumericLiteral: K<'NumericLiteral'>(9),
  StringLiteral: K<'StringLiteral'>(11),
  OpenBraceToken: K<'OpenBraceToken'>(19),
  CloseBraceToken: K<'CloseBraceToken'>(20),
  OpenParenToken: K<'OpenParenToken'>(21),
  CloseParenToken: K<'CloseParenToken'>(22),
  OpenBracketToken: K<'OpenBracketToken'>(23),
  CloseBracketToken: K<'CloseBracketToken'>(24),
  DotToken: K<'DotToken'>(25),
  DotDotDotToken: K<'DotDotDotToken'>(26),
  SemicolonToken: K<'SemicolonToken'>(27),
  CommaToken: K<'CommaToken'>(28),
  QuestionDotToken: K<'QuestionDotToken'>(29),
  LessThanToken: K<'LessThanToken'>(30),
  GreaterThanToken: K<'GreaterThanToken'>(32),
  EqualsEqualsEqualsToken: K<'EqualsEqualsEqualsToken'>(37),
  ExclamationEqualsEqualsToken: K<'ExclamationEqualsEqualsToken'>(38),
  EqualsGreaterThanToken: K<'EqualsGreaterThanToken'>(39),
  PlusToken: K<'PlusToken'>(40),
  MinusToken: K<'MinusToken'>(41),
  AsteriskToken: K<'AsteriskToken'>(42),
  AmpersandToken: K<'AmpersandToken'>(51),
  BarToken: K<'BarToken'>(52),
  ExclamationToken: K<'ExclamationToken'>(54),
  AmpersandAmpersandToken: K<'AmpersandAmpersandToken'>(56),
  BarBarToken: K<'BarBarToken'>(57),
  QuestionToken: K<'QuestionToken'>(58),
  ColonToken: K<'ColonToken'>(59),
  QuestionQuestionToken: K<'QuestionQuestionToken'>(61),
  EqualsToken: K<'EqualsToken'>(64),
  Identifier: K<'Identifier'>(80),
  ExportKeyword: K<'ExportKeyword'>(95),
  ExtendsKeyword: K<'ExtendsKeyword'>(96),
  FalseKeyword: K<'FalseKeyword'>(97),
  NullKeyword: K<'NullKeyword'>(106),
  SuperKeyword: K<'SuperKeyword'>(108),
  ThisKeyword: K<'ThisKeyword'>(110),
  TrueKeyword: K<'TrueKeyword'>(112),
  VoidKeyword: K<'VoidKeyword'>(116),
  ImplementsKeyword: K<'ImplementsKeyword'>(119),
  PrivateKeyword: K<'PrivateKeyword'>(123),
  ProtectedKeyword: K<'ProtectedKeyword'>(124),
  PublicKeyword: K<'PublicKeyword'>(125),
  StaticKeyword: K<'StaticKeyword'>(126),
  AbstractKeyword: K<'AbstractKeyword'>(128),
  AnyKeyword: K<'AnyKeyword'>(133),
  AsyncKeyword: K<'AsyncKeyword'>(134),
  BooleanKeyword: K<'BooleanKeyword'>(136),
  DeclareKeyword: K<'DeclareKeyword'>(138),
  KeyOfKeyword: K<'KeyOfKeyword'>(143),
  NeverKeyword: K<'NeverKeyword'>(146),
  ReadonlyKeyword: K<'ReadonlyKeyword'>(148),
  NumberKeyword: K<'NumberKeyword'>(150),
  ObjectKeyword: K<'ObjectKeyword'>(151),
  StringKeyword: K<'StringKeyword'>(154),
  SymbolKeyword: K<'SymbolKeyword'>(155),
  UndefinedKeyword: K<'UndefinedKeyword'>(157),
  UniqueKeyword: K<'UniqueKeyword'>(158),
  UnknownKeyword: K<'UnknownKeyword'>(159),
  BigIntKeyword: K<'BigIntKeyword'>(163),
  OverrideKeyword: K<'OverrideKeyword'>(164),
  QualifiedName: K<'QualifiedName'>(167),
  TypeParameter: K<'TypeParameter'>(169),
  Parameter: K<'Parameter'>(170),
  PropertySignature: K<'PropertySignature'>(172),
  PropertyDeclaration: K<'PropertyDeclaration'>(173),
  MethodSignature: K<'MethodSignature'>(174),
  MethodDeclaration: K<'MethodDeclaration'>(175),
  Constructor: K<'Constructor'>(177),
  IndexSignature: K<'IndexSignature'>(182),
  TypeReference: K<'TypeReference'>(184),
  FunctionType: K<'FunctionType'>(185),
  TypeQuery: K<'TypeQuery'>(187),
  TypeLiteral: K<'TypeLiteral'>(188),
  ArrayType: K<'ArrayType'>(189),
  UnionType: K<'UnionType'>(193),
  IntersectionType: K<'IntersectionType'>(194),
  ConditionalType: K<'ConditionalType'>(195),
  ParenthesizedType: K<'ParenthesizedType'>(197),
  ThisType: K<'ThisType'>(198),
  TypeOperator: K<'TypeOperator'>(199),
  IndexedAccessType: K<'IndexedAccessType'>(200),
  LiteralType: K<'LiteralType'>(202),
  ObjectBindingPattern: K<'ObjectBindingPattern'>(207),
  BindingElement: K<'BindingElement'>(209),
  ArrayLiteralExpression: K<'ArrayLiteralExpression'>(210),
  ObjectLiteralExpression: K<'ObjectLiteralExpression'>(211),
  PropertyAccessExpression: K<'PropertyAccessExpression'>(212),
  CallExpression: K<'CallExpression'>(214),
  NewExpression: K<'NewExpression'>(215),
  ParenthesizedExpression: K<'ParenthesizedExpression'>(218),
  ArrowFunction: K<'ArrowFunction'>(220),
  AwaitExpression: K<'AwaitExpression'>(224),
  PrefixUnaryExpression: K<'PrefixUnaryExpression'>(225),
  BinaryExpression: K<'BinaryExpression'>(227),
  SpreadElement: K<'SpreadElement'>(231),
  OmittedExpression: K<'OmittedExpression'>(233),
  ExpressionWithTypeArguments: K<'ExpressionWithTypeArguments'>(234),
  AsExpression: K<'AsExpression'>(235),
  Block: K<'Block'>(242),
  ExpressionStatement: K<'ExpressionStatement'>(245),
  IfStatement: K<'IfStatement'>(246),
  ReturnStatement: K<'ReturnStatement'>(254),
  ThrowStatement: K<'ThrowStatement'>(258),
  ClassDeclaration: K<'ClassDeclaration'>(264),
  InterfaceDeclaration: K<'InterfaceDeclaration'>(265),
  TypeAliasDeclaration: K<'TypeAliasDeclaration'>(266),
  ModuleDeclaration: K<'ModuleDeclaration'>(268),
  ModuleBlock: K<'ModuleBlock'>(269),
  ImportDeclaration: K<'ImportDeclaration'>(273),
  ImportClause: K<'ImportClause'>(274),
  NamedImports: K<'NamedImports'>(276),
  ImportSpecifier: K<'ImportSpecifier'>(277),
  ExportDeclaration: K<'ExportDeclaration'>(279),
  NamedExports: K<'NamedExports'>(280),
  ExportSpecifier: K<'ExportSpecifier'>(282),
  HeritageClause: K<'HeritageClause'>(299),
  PropertyAssignment: K<'PropertyAssignment'>(304),
  ShorthandPropertyAssignment: K<'ShorthandPropertyAssignment'>(305),
  SpreadAssignment: K<'SpreadAssignment'>(306),
  SourceFile: K<'SourceFile'>(308),
  JSDoc: K<'JSDoc'>(321),
} as const;

/** The same kinds as plain numbers, for the subset scanner and parser, which compare them with token kinds. */
export const KIND_NUMBERS: { readonly [N in keyof typeof SyntaxKind]: number } = SyntaxKind;

export const NodeFlags = { Namespace: 32 as ts.NodeFlags.Namespace } as const;

const NAMES = new Map<number, string>(
  Object.entries(SyntaxKind).map(([name, kind]) => [kind, name]),
);

/** A kind's name, for messages (a kind the layout does not know reads as its number). */
export function kindName(kind: ts.SyntaxKind): string {
  return NAMES.get(kind) ?? `SyntaxKind ${kind}`;
}

const TOKEN_TEXT = new Map<number, string>([
  [SyntaxKind.PublicKeyword, 'public'],
  [SyntaxKind.ProtectedKeyword, 'protected'],
  [SyntaxKind.PrivateKeyword, 'private'],
  [SyntaxKind.StaticKeyword, 'static'],
  [SyntaxKind.OverrideKeyword, 'override'],
  [SyntaxKind.ReadonlyKeyword, 'readonly'],
  [SyntaxKind.BarBarToken, '||'],
  [SyntaxKind.AmpersandAmpersandToken, '&&'],
  [SyntaxKind.EqualsEqualsEqualsToken, '==='],
  [SyntaxKind.ExclamationEqualsEqualsToken, '!=='],
]);

/** `ts.tokenToString` for the modifiers and operators the layout prints. */
export function tokenToString(kind: ts.SyntaxKind): string | undefined {
  return TOKEN_TEXT.get(kind);
}

const is =
  <T extends ts.Node>(kind: ts.SyntaxKind) =>
  (node: ts.Node): node is T =>
    node.kind === kind;

export const isArrayLiteralExpression = is<ts.ArrayLiteralExpression>(
  SyntaxKind.ArrayLiteralExpression,
);
export const isArrayTypeNode = is<ts.ArrayTypeNode>(SyntaxKind.ArrayType);
export const isArrowFunction = is<ts.ArrowFunction>(SyntaxKind.ArrowFunction);
export const isAsExpression = is<ts.AsExpression>(SyntaxKind.AsExpression);
export const isAwaitExpression = is<ts.AwaitExpression>(SyntaxKind.AwaitExpression);
export const isBinaryExpression = is<ts.BinaryExpression>(SyntaxKind.BinaryExpression);
export const isBlock = is<ts.Block>(SyntaxKind.Block);
export const isCallExpression = is<ts.CallExpression>(SyntaxKind.CallExpression);
export const isClassDeclaration = is<ts.ClassDeclaration>(SyntaxKind.ClassDeclaration);
export const isConditionalTypeNode = is<ts.ConditionalTypeNode>(SyntaxKind.ConditionalType);
export const isConstructorDeclaration = is<ts.ConstructorDeclaration>(SyntaxKind.Constructor);
export const isExportDeclaration = is<ts.ExportDeclaration>(SyntaxKind.ExportDeclaration);
export const isExpressionStatement = is<ts.ExpressionStatement>(SyntaxKind.ExpressionStatement);
export const isFunctionTypeNode = is<ts.FunctionTypeNode>(SyntaxKind.FunctionType);
export const isIdentifier = is<ts.Identifier>(SyntaxKind.Identifier);
export const isIfStatement = is<ts.IfStatement>(SyntaxKind.IfStatement);
export const isImportDeclaration = is<ts.ImportDeclaration>(SyntaxKind.ImportDeclaration);
export const isIndexSignatureDeclaration = is<ts.IndexSignatureDeclaration>(
  SyntaxKind.IndexSignature,
);
export const isIndexedAccessTypeNode = is<ts.IndexedAccessTypeNode>(SyntaxKind.IndexedAccessType);
export const isInterfaceDeclaration = is<ts.InterfaceDeclaration>(SyntaxKind.InterfaceDeclaration);
export const isIntersectionTypeNode = is<ts.IntersectionTypeNode>(SyntaxKind.IntersectionType);
export const isLiteralTypeNode = is<ts.LiteralTypeNode>(SyntaxKind.LiteralType);
export const isMethodDeclaration = is<ts.MethodDeclaration>(SyntaxKind.MethodDeclaration);
export const isModuleBlock = is<ts.ModuleBlock>(SyntaxKind.ModuleBlock);
export const isModuleDeclaration = is<ts.ModuleDeclaration>(SyntaxKind.ModuleDeclaration);
export const isNamedExports = is<ts.NamedExports>(SyntaxKind.NamedExports);
export const isNamedImports = is<ts.NamedImports>(SyntaxKind.NamedImports);
export const isNewExpression = is<ts.NewExpression>(SyntaxKind.NewExpression);
export const isNumericLiteral = is<ts.NumericLiteral>(SyntaxKind.NumericLiteral);
export const isObjectBindingPattern = is<ts.ObjectBindingPattern>(SyntaxKind.ObjectBindingPattern);
export const isObjectLiteralExpression = is<ts.ObjectLiteralExpression>(
  SyntaxKind.ObjectLiteralExpression,
);
export const isOmittedExpression = is<ts.OmittedExpression>(SyntaxKind.OmittedExpression);
export const isParenthesizedTypeNode = is<ts.ParenthesizedTypeNode>(SyntaxKind.ParenthesizedType);
export const isPrefixUnaryExpression = is<ts.PrefixUnaryExpression>(
  SyntaxKind.PrefixUnaryExpression,
);
export const isPropertyAccessExpression = is<ts.PropertyAccessExpression>(
  SyntaxKind.PropertyAccessExpression,
);
export const isPropertyAssignment = is<ts.PropertyAssignment>(SyntaxKind.PropertyAssignment);
export const isPropertyDeclaration = is<ts.PropertyDeclaration>(SyntaxKind.PropertyDeclaration);
export const isPropertySignature = is<ts.PropertySignature>(SyntaxKind.PropertySignature);
export const isReturnStatement = is<ts.ReturnStatement>(SyntaxKind.ReturnStatement);
export const isShorthandPropertyAssignment = is<ts.ShorthandPropertyAssignment>(
  SyntaxKind.ShorthandPropertyAssignment,
);
export const isSpreadAssignment = is<ts.SpreadAssignment>(SyntaxKind.SpreadAssignment);
export const isSpreadElement = is<ts.SpreadElement>(SyntaxKind.SpreadElement);
export const isStringLiteral = is<ts.StringLiteral>(SyntaxKind.StringLiteral);
export const isThrowStatement = is<ts.ThrowStatement>(SyntaxKind.ThrowStatement);
export const isTypeAliasDeclaration = is<ts.TypeAliasDeclaration>(SyntaxKind.TypeAliasDeclaration);
export const isTypeLiteralNode = is<ts.TypeLiteralNode>(SyntaxKind.TypeLiteral);
export const isTypeOperatorNode = is<ts.TypeOperatorNode>(SyntaxKind.TypeOperator);
export const isTypeQueryNode = is<ts.TypeQueryNode>(SyntaxKind.TypeQuery);
export const isTypeReferenceNode = is<ts.TypeReferenceNode>(SyntaxKind.TypeReference);
export const isUnionTypeNode = is<ts.UnionTypeNode>(SyntaxKind.UnionType);

/** A comment's range, as `ts.getLeadingCommentRanges` gives it. */
export interface CommentRange {
  pos: number;
  end: number;
  kind: ts.CommentKind;
  hasTrailingNewLine?: boolean;
}

/** `ts.getLeadingCommentRanges`: the comments after `pos` that start after a line break (or at the file's start). */
export function getLeadingCommentRanges(text: string, pos: number): CommentRange[] | undefined {
  return commentRanges(text, pos, false);
}

/** `ts.getTrailingCommentRanges`: the comments after `pos` up to the first line break. */
export function getTrailingCommentRanges(text: string, pos: number): CommentRange[] | undefined {
  return commentRanges(text, pos, true);
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

// Unicode spaces TypeScript skips between comments (its isWhiteSpaceLike above ASCII).
const isWideSpace = (c: number): boolean =>
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff ||
  c === 0x2028 ||
  c === 0x2029;

/** TypeScript's iterateCommentRanges (scanner.ts), collecting the ranges; undefined when there are none. */
function commentRanges(text: string, from: number, trailing: boolean): CommentRange[] | undefined {
  let pos = from;
  let ranges: CommentRange[] | undefined;
  let pending: CommentRange | undefined;
  let collecting = trailing || pos === 0;
  if (pos === 0 && text.startsWith('#!')) {
    // A shebang line is skipped, as TypeScript skips it.
    pos = 2;
    while (pos < text.length && !isLineBreak(text.charCodeAt(pos))) pos++;
  }
  scan: while (pos >= 0 && pos < text.length) {
    const ch = text.charCodeAt(pos);
    switch (ch) {
      case 13:
      case 10:
        if (ch === 13 && text.charCodeAt(pos + 1) === 10) pos++;
        pos++;
        if (trailing) break scan;
        collecting = true;
        if (pending) pending.hasTrailingNewLine = true;
        continue;
      case 9:
      case 11:
      case 12:
      case 32:
        pos++;
        continue;
      case 47: {
        const next = text.charCodeAt(pos + 1);
        if (next !== 47 && next !== 42) break scan;
        const start = pos;
        let hasTrailingNewLine = false;
        pos += 2;
        if (next === 47) {
          while (pos < text.length) {
            if (isLineBreak(text.charCodeAt(pos))) {
              hasTrailingNewLine = true;
              break;
            }
            pos++;
          }
        } else {
          while (pos < text.length) {
            if (text.charCodeAt(pos) === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              break;
            }
            pos++;
          }
        }
        if (collecting) {
          if (pending) (ranges ??= []).push(pending);
          pending = {
            pos: start,
            end: pos,
            kind:
              next === 47 ? SyntaxKind.SingleLineCommentTrivia : SyntaxKind.MultiLineCommentTrivia,
            hasTrailingNewLine,
          };
        }
        continue;
      }
      default:
        if (ch > 127 && isWideSpace(ch)) {
          if (pending && isLineBreak(ch)) pending.hasTrailingNewLine = true;
          pos++;
          continue;
        }
        break scan;
    }
  }
  if (pending) (ranges ??= []).push(pending);
  return ranges;
}
