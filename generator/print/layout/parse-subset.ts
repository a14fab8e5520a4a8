import type { ts } from 'ts-morph';
import { NotInSubset, scanSubset, type Tokens } from './scan-subset';
import { kindName, KIND_NUMBERS as K, NodeFlags } from './syntax';

/*
 * A parser for the TypeScript clientgen emits (the structure printer's output: imports, exports, interfaces, type
 * aliases, namespaces, resource and client classes, generated tests), building the nodes TypeScript's parser builds,
 * with the properties the layout reads: kinds, `pos`/`end` as TypeScript sets them, names, children, `getStart()`. It
 * stops (NotInSubset) at the first thing outside that subset, and the file is then parsed by TypeScript's compiler:
 * a run loads the compiler (~0.5 s, ~65 MB) only for such a file. test/print/layout/parse-subset.test.ts holds every
 * tree it builds to TypeScript's, node by node, on the layout's whole corpus.
 */

/** A parsed file: TypeScript's SourceFile shape for the layout, and every comment of the file (start, end). */
export interface SubsetSourceFile {
  sourceFile: ts.SourceFile;
  comments: ReadonlyArray<readonly [number, number]>;
}

/** Parses `text`; undefined when it holds anything outside the subset. */
export function parseSubset(text: string): SubsetSourceFile | undefined {
  try {
    const tokens = scanSubset(text);
    const parser = new Parser(text, tokens);
    // The nodes have the shape of TypeScript's for every property the layout reads (held by the test above).
    return {
      sourceFile: parser.sourceFile() as unknown as ts.SourceFile,
      comments: tokens.comments,
    };
  } catch (e) {
    if (e instanceof NotInSubset) return undefined;
    throw e;
  }
}

/** A node: `kind`, `pos` (where its leading trivia starts), `end`, and its start after the trivia. */
class Node {
  flags = 0;
  end = 0;
  constructor(
    readonly kind: number,
    readonly pos: number,
    readonly start: number,
  ) {}

  /** TypeScript's `getStart()`: where the node's first token starts (after comments). */
  getStart(): number {
    return this.start;
  }

  [property: string]: unknown;
}

const KEYWORD_TYPES: Record<string, number> = {
  any: K.AnyKeyword,
  unknown: K.UnknownKeyword,
  string: K.StringKeyword,
  number: K.NumberKeyword,
  bigint: K.BigIntKeyword,
  symbol: K.SymbolKeyword,
  boolean: K.BooleanKeyword,
  undefined: K.UndefinedKeyword,
  never: K.NeverKeyword,
  object: K.ObjectKeyword,
};

const MODIFIERS: Record<string, number> = {
  public: K.PublicKeyword,
  private: K.PrivateKeyword,
  protected: K.ProtectedKeyword,
  static: K.StaticKeyword,
  readonly: K.ReadonlyKeyword,
  abstract: K.AbstractKeyword,
  override: K.OverrideKeyword,
  declare: K.DeclareKeyword,
  async: K.AsyncKeyword,
  export: K.ExportKeyword,
};

/** Words that cannot name a binding or a type (strict mode's reserved words). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield'
  ).split(' '),
);

/** Binary operators the subset reads, by TypeScript's precedence (`??` ranks with `||`). */
const BINARY_PRECEDENCE = new Map<number, number>([
  [K.QuestionQuestionToken, 5],
  [K.BarBarToken, 5],
  [K.AmpersandAmpersandToken, 6],
  [K.EqualsEqualsEqualsToken, 10],
  [K.ExclamationEqualsEqualsToken, 10],
  [K.PlusToken, 13],
]);

class Parser {
  private i = 0;
  private awaitContext = false;

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
  ) {}

  // --- Tokens ---

  private kind(ahead = 0): number {
    return this.t.kind[Math.min(this.i + ahead, this.t.count - 1)]!;
  }

  /** The word at the token (keywords included), or undefined for any other token. */
  private word(ahead = 0): string | undefined {
    return this.kind(ahead) === K.Identifier ? this.t.value[this.i + ahead] : undefined;
  }

  private lineBreak(ahead = 0): boolean {
    return this.t.lineBreakBefore[this.i + ahead] === 1;
  }

  private fail(what: string): never {
    throw new NotInSubset(what, this.t.start[this.i]!);
  }

  private eat(kind: number): boolean {
    if (this.kind() !== kind) return false;
    this.i++;
    return true;
  }

  private expect(kind: number): void {
    if (!this.eat(kind)) this.fail(`expected ${kindName(kind)}`);
  }

  private expectWord(word: string): void {
    if (this.word() !== word) this.fail(`expected ${word}`);
    this.i++;
  }

  /** A node starting at token `first` (its end is set by `done`). */
  private node(kind: number, first = this.i): Node {
    return new Node(kind, this.t.fullStart[first]!, this.t.start[first]!);
  }

  /** Ends `node` at the last token consumed. */
  private done(node: Node): Node {
    node.end = this.t.end[this.i - 1]!;
    return node;
  }

  /** The current token as a node of `kind`. */
  private token(kind: number): Node {
    const node = this.node(kind);
    this.i++;
    return this.done(node);
  }

  private optionalToken(kind: number): Node | undefined {
    return this.kind() === kind ? this.token(kind) : undefined;
  }

  /** TypeScript's parseSemicolon: a `;`, or nothing before `}`, the end or a line break. */
  private semicolon(): void {
    if (this.eat(K.SemicolonToken)) return;
    if (this.kind() === K.CloseBraceToken || this.kind() === K.EndOfFileToken || this.lineBreak())
      return;
    this.fail('expected ;');
  }

  /** `open` items separated by commas (a trailing one allowed) `close`. */
  private list<T>(open: number, close: number, item: () => T): T[] {
    this.expect(open);
    const items: T[] = [];
    while (!this.eat(close)) {
      items.push(item());
      if (!this.eat(K.CommaToken)) {
        this.expect(close);
        break;
      }
    }
    return items;
  }

  /** `{` items (each reads its own separator) `}`. */
  private braced<T>(item: () => T): T[] {
    this.expect(K.OpenBraceToken);
    const items: T[] = [];
    while (!this.eat(K.CloseBraceToken)) {
      if (this.kind() === K.EndOfFileToken) this.fail('unclosed {');
      items.push(item());
    }
    return items;
  }

  // --- Names ---

  /** Any word as an Identifier (property names, names after `.`). */
  private identifierName(): Node {
    const text = this.word();
    if (text === undefined) this.fail('expected a name');
    const node = this.token(K.Identifier);
    node.text = text;
    return node;
  }

  /** A word that can name a binding or a type. */
  private identifier(): Node {
    const text = this.word();
    if (text === undefined || RESERVED.has(text)) this.fail('expected an identifier');
    return this.identifierName();
  }

  private stringLiteral(): Node {
    const text = this.t.value[this.i];
    const node = this.token(K.StringLiteral);
    node.text = text;
    return node;
  }

  private literal(): Node {
    if (this.kind() === K.StringLiteral) return this.stringLiteral();
    const text = this.t.value[this.i];
    const node = this.token(K.NumericLiteral);
    node.text = text;
    return node;
  }

  /** A member's name: a word, a string or a number (computed names are outside the subset). */
  private propertyName(): Node {
    const kind = this.kind();
    if (kind === K.StringLiteral || kind === K.NumericLiteral) return this.literal();
    return this.identifierName();
  }

  /** `A` or `A.B.C` in a type. */
  private entityName(): Node {
    const first = this.i;
    let name = this.identifier();
    while (this.kind() === K.DotToken) {
      this.i++;
      const qualified = this.node(K.QualifiedName, first);
      qualified.left = name;
      qualified.right = this.identifierName();
      name = this.done(qualified);
    }
    return name;
  }

  // --- Modifiers ---

  /** TypeScript's canFollowModifier for the token at `ahead`. */
  private canFollowModifier(ahead: number): boolean {
    const kind = this.kind(ahead);
    return (
      kind === K.OpenBracketToken ||
      kind === K.OpenBraceToken ||
      kind === K.AsteriskToken ||
      kind === K.DotDotDotToken ||
      kind === K.Identifier ||
      kind === K.StringLiteral ||
      kind === K.NumericLiteral
    );
  }

  /** TypeScript's parseModifiers: each modifier word that the next token can follow. */
  private modifiers(): Node[] | undefined {
    let modifiers: Node[] | undefined;
    let seenStatic = false;
    for (;;) {
      const word = this.word();
      const kind = word === undefined ? undefined : MODIFIERS[word];
      if (kind === undefined) break;
      let isModifier: boolean;
      if (kind === K.ExportKeyword) {
        const next = this.word(1) === 'type' ? 2 : 1;
        const after = this.kind(next);
        isModifier =
          after !== K.AsteriskToken &&
          after !== K.OpenBraceToken &&
          this.word(next) !== 'as' &&
          this.canFollowModifier(next);
        if (this.word(1) === 'default') this.fail('export default');
      } else if (kind === K.StaticKeyword) {
        if (seenStatic) break;
        isModifier = this.canFollowModifier(1);
        if (this.kind(1) === K.OpenBraceToken) this.fail('static block');
      } else isModifier = !this.lineBreak(1) && this.canFollowModifier(1);
      if (!isModifier) break;
      if (kind === K.StaticKeyword) seenStatic = true;
      (modifiers ??= []).push(this.token(kind));
    }
    return modifiers;
  }

  // --- Statements ---

  sourceFile(): Node {
    const file = this.node(K.SourceFile, 0);
    const statements: Node[] = [];
    while (this.kind() !== K.EndOfFileToken) statements.push(this.declaration());
    file.statements = statements;
    const eof = this.node(K.EndOfFileToken);
    eof.end = this.t.end[this.i]!;
    file.endOfFileToken = eof;
    file.text = this.text;
    file.end = this.text.length;
    return file;
  }

  /** A statement of a file or a namespace body. */
  private declaration(): Node {
    const first = this.i;
    const word = this.word();
    if (word === 'import') return this.importDeclaration();
    if (
      word === 'export' &&
      (this.kind(1) === K.OpenBraceToken ||
        (this.word(1) === 'type' && this.kind(2) === K.OpenBraceToken))
    )
      return this.exportDeclaration();
    const modifiers = this.modifiers();
    switch (this.word() ?? '') {
      case 'interface':
        return this.interfaceDeclaration(first, modifiers);
      case 'type':
        return this.typeAlias(first, modifiers);
      case 'class':
        return this.classDeclaration(first, modifiers);
      case 'namespace':
        return this.namespace(first, modifiers);
    }
    if (modifiers) this.fail('declaration');
    return this.statement();
  }

  private importDeclaration(): Node {
    const declaration = this.node(K.ImportDeclaration);
    this.i++;
    const clause = this.node(K.ImportClause);
    clause.isTypeOnly = false;
    if (
      this.word() === 'type' &&
      (this.kind(1) === K.OpenBraceToken ||
        (this.kind(1) === K.Identifier && this.word(1) !== 'from'))
    ) {
      clause.isTypeOnly = true;
      this.i++;
    }
    if (this.kind() === K.Identifier) {
      clause.name = this.identifier();
      if (this.kind() === K.CommaToken) this.fail('default and named imports');
    } else if (this.kind() === K.OpenBraceToken) {
      const named = this.node(K.NamedImports);
      named.elements = this.list(K.OpenBraceToken, K.CloseBraceToken, () =>
        this.specifier(K.ImportSpecifier),
      );
      clause.namedBindings = this.done(named);
    } else this.fail('import form');
    declaration.importClause = this.done(clause);
    this.expectWord('from');
    declaration.moduleSpecifier = this.moduleSpecifier();
    this.semicolon();
    return this.done(declaration);
  }

  private moduleSpecifier(): Node {
    if (this.kind() !== K.StringLiteral) this.fail('module specifier');
    const specifier = this.stringLiteral();
    if ((this.word() === 'with' || this.word() === 'assert') && !this.lineBreak())
      this.fail('import attributes');
    return specifier;
  }

  /** `[type] name [as alias]` in braces of an import or export. */
  private specifier(kind: number): Node {
    const specifier = this.node(kind);
    specifier.isTypeOnly = false;
    if (this.word() === 'type' && this.kind(1) === K.Identifier) {
      if (this.word(1) === 'as') this.fail('specifier named type');
      specifier.isTypeOnly = true;
      this.i++;
    }
    // A name on its own (and an import's local name) must be an identifier; `default as X`, `X as default` need not.
    const aliased = this.word(1) === 'as';
    const name = aliased ? this.identifierName() : this.identifier();
    if (aliased) {
      this.i++;
      specifier.propertyName = name;
      specifier.name = kind === K.ImportSpecifier ? this.identifier() : this.identifierName();
    } else specifier.name = name;
    return this.done(specifier);
  }

  private exportDeclaration(): Node {
    const declaration = this.node(K.ExportDeclaration);
    this.i++;
    declaration.isTypeOnly = this.word() === 'type';
    if (declaration.isTypeOnly) this.i++;
    const named = this.node(K.NamedExports);
    named.elements = this.list(K.OpenBraceToken, K.CloseBraceToken, () =>
      this.specifier(K.ExportSpecifier),
    );
    declaration.exportClause = this.done(named);
    if (this.word() === 'from') {
      this.i++;
      declaration.moduleSpecifier = this.moduleSpecifier();
    } else if (this.kind() === K.StringLiteral) this.fail('export form');
    this.semicolon();
    return this.done(declaration);
  }

  /** `[modifiers] keyword Name` of a declaration starting at token `first` (type parameters are outside the subset). */
  private declarationHead(kind: number, first: number, modifiers: Node[] | undefined): Node {
    const declaration = this.node(kind, first);
    this.i++;
    declaration.modifiers = modifiers;
    declaration.name = this.identifier();
    if (this.kind() === K.LessThanToken) this.fail('type parameters');
    return declaration;
  }

  private interfaceDeclaration(first: number, modifiers: Node[] | undefined): Node {
    const declaration = this.declarationHead(K.InterfaceDeclaration, first, modifiers);
    declaration.heritageClauses = this.heritageClauses();
    declaration.members = this.typeMembers();
    return this.done(declaration);
  }

  private heritageClauses(): Node[] | undefined {
    let clauses: Node[] | undefined;
    for (;;) {
      const word = this.word();
      if (word !== 'extends' && word !== 'implements') return clauses;
      const clause = this.node(K.HeritageClause);
      clause.token = word === 'extends' ? K.ExtendsKeyword : K.ImplementsKeyword;
      this.i++;
      const types: Node[] = [];
      do types.push(this.heritageType());
      while (this.eat(K.CommaToken));
      clause.types = types;
      (clauses ??= []).push(this.done(clause));
    }
  }

  /** `Base`, `a.Base` or `Base<T>` after `extends` or `implements`. */
  private heritageType(): Node {
    const first = this.i;
    const type = this.node(K.ExpressionWithTypeArguments);
    let expression = this.identifier();
    while (this.kind() === K.DotToken) {
      this.i++;
      const access = this.node(K.PropertyAccessExpression, first);
      access.expression = expression;
      access.name = this.identifierName();
      expression = this.done(access);
    }
    type.expression = expression;
    if (this.kind() === K.LessThanToken) type.typeArguments = this.typeArguments();
    return this.done(type);
  }

  private typeAlias(first: number, modifiers: Node[] | undefined): Node {
    const alias = this.declarationHead(K.TypeAliasDeclaration, first, modifiers);
    this.expect(K.EqualsToken);
    alias.type = this.type();
    this.semicolon();
    return this.done(alias);
  }

  private namespace(first: number, modifiers: Node[] | undefined): Node {
    const declaration = this.declarationHead(K.ModuleDeclaration, first, modifiers);
    declaration.flags = NodeFlags.Namespace;
    if (this.kind() === K.DotToken) this.fail('dotted namespace');
    const body = this.node(K.ModuleBlock);
    body.statements = this.braced(() => this.declaration());
    declaration.body = this.done(body);
    return this.done(declaration);
  }

  private classDeclaration(first: number, modifiers: Node[] | undefined): Node {
    const declaration = this.declarationHead(K.ClassDeclaration, first, modifiers);
    declaration.heritageClauses = this.heritageClauses();
    declaration.members = this.braced(() => this.classMember());
    return this.done(declaration);
  }

  private classMember(): Node {
    const first = this.i;
    if (this.kind() === K.SemicolonToken) this.fail('class semicolon');
    const modifiers = this.modifiers();
    const word = this.word();
    if ((word === 'get' || word === 'set') && this.canFollowModifier(1)) this.fail('accessor');
    if (word === 'constructor' && this.kind(1) === K.OpenParenToken) {
      const constructor = this.node(K.Constructor, first);
      this.i++;
      constructor.modifiers = modifiers;
      constructor.parameters = this.parameters();
      if (this.eat(K.ColonToken)) constructor.type = this.type();
      constructor.body = this.functionBody(false);
      return this.done(constructor);
    }
    if (this.kind() === K.OpenBracketToken || this.kind() === K.AsteriskToken)
      this.fail('class member');
    const name = this.propertyName();
    const questionToken = this.optionalToken(K.QuestionToken);
    if (this.kind() === K.LessThanToken) this.fail('type parameters');
    if (this.kind() === K.OpenParenToken) {
      const method = this.node(K.MethodDeclaration, first);
      method.modifiers = modifiers;
      method.name = name;
      method.questionToken = questionToken;
      method.parameters = this.parameters();
      if (this.eat(K.ColonToken)) method.type = this.type();
      const async = modifiers?.some((m) => m.kind === K.AsyncKeyword) ?? false;
      if (this.kind() === K.OpenBraceToken) method.body = this.functionBody(async);
      else this.semicolon();
      return this.done(method);
    }
    const property = this.node(K.PropertyDeclaration, first);
    property.modifiers = modifiers;
    property.name = name;
    property.questionToken = questionToken;
    if (!questionToken && !this.lineBreak())
      property.exclamationToken = this.optionalToken(K.ExclamationToken);
    if (this.eat(K.ColonToken)) property.type = this.type();
    if (this.eat(K.EqualsToken)) property.initializer = this.assignment();
    this.semicolon();
    return this.done(property);
  }

  private parameters(): Node[] {
    return this.list(K.OpenParenToken, K.CloseParenToken, () => this.parameter());
  }

  private parameter(): Node {
    const parameter = this.node(K.Parameter);
    if (this.modifiers()) this.fail('parameter modifiers');
    parameter.dotDotDotToken = this.optionalToken(K.DotDotDotToken);
    parameter.name =
      this.kind() === K.OpenBraceToken ? this.objectBindingPattern() : this.identifier();
    parameter.questionToken = this.optionalToken(K.QuestionToken);
    if (this.eat(K.ColonToken)) parameter.type = this.type();
    if (this.eat(K.EqualsToken)) parameter.initializer = this.assignment();
    return this.done(parameter);
  }

  private objectBindingPattern(): Node {
    const pattern = this.node(K.ObjectBindingPattern);
    pattern.elements = this.list(K.OpenBraceToken, K.CloseBraceToken, () => {
      const element = this.node(K.BindingElement);
      element.dotDotDotToken = this.optionalToken(K.DotDotDotToken);
      const isIdentifier = this.word() !== undefined && !RESERVED.has(this.word()!);
      const name = this.propertyName();
      if (isIdentifier && this.kind() !== K.ColonToken) element.name = name;
      else {
        this.expect(K.ColonToken);
        element.propertyName = name;
        element.name = this.identifier();
      }
      if (this.eat(K.EqualsToken)) element.initializer = this.assignment();
      return this.done(element);
    });
    return this.done(pattern);
  }

  /** A function's or method's `{ … }`, in an await context when it is async. */
  private functionBody(async: boolean): Node {
    const outer = this.awaitContext;
    this.awaitContext = async;
    try {
      return this.block();
    } finally {
      this.awaitContext = outer;
    }
  }

  private block(): Node {
    const block = this.node(K.Block);
    block.statements = this.braced(() => this.statement());
    return this.done(block);
  }

  /** A statement inside a body (and a file's expression statements). */
  private statement(): Node {
    const first = this.i;
    switch (this.word() ?? '') {
      case 'return': {
        const statement = this.node(K.ReturnStatement);
        this.i++;
        const ends =
          this.kind() === K.SemicolonToken ||
          this.kind() === K.CloseBraceToken ||
          this.kind() === K.EndOfFileToken ||
          this.lineBreak();
        if (!ends) statement.expression = this.expression();
        this.semicolon();
        return this.done(statement);
      }
      case 'throw': {
        const statement = this.node(K.ThrowStatement);
        this.i++;
        if (this.lineBreak()) this.fail('line break after throw');
        statement.expression = this.expression();
        this.semicolon();
        return this.done(statement);
      }
      case 'if': {
        const statement = this.node(K.IfStatement);
        this.i++;
        this.expect(K.OpenParenToken);
        statement.expression = this.expression();
        this.expect(K.CloseParenToken);
        statement.thenStatement = this.statement();
        if (this.word() === 'else') {
          this.i++;
          statement.elseStatement = this.statement();
        }
        return this.done(statement);
      }
    }
    if (this.kind() === K.OpenBraceToken) return this.block();
    const word = this.word();
    if (
      (word !== undefined && RESERVED.has(word) && !EXPRESSION_WORDS.has(word)) ||
      word === 'async' ||
      word === 'type' ||
      word === 'namespace' ||
      word === 'declare' ||
      word === 'abstract' ||
      word === 'module' ||
      word === 'global'
    )
      this.fail(`statement ${word}`);
    const statement = this.node(K.ExpressionStatement, first);
    statement.expression = this.expression();
    if (this.kind() === K.ColonToken) this.fail('label');
    this.semicolon();
    return this.done(statement);
  }

  // --- Types ---

  private type(): Node {
    if (this.kind() === K.LessThanToken || this.word() === 'new' || this.word() === 'abstract')
      this.fail('function or constructor type');
    if (this.kind() === K.OpenParenToken && this.startsFunctionType()) this.fail('function type');
    const type = this.unionOrIntersection(K.BarToken, K.UnionType, () =>
      this.unionOrIntersection(K.AmpersandToken, K.IntersectionType, () => this.typeOperator()),
    );
    if (this.word() === 'extends' && !this.lineBreak()) this.fail('conditional type');
    return type;
  }

  /** TypeScript's isUnambiguouslyStartOfFunctionType, at a `(`. */
  private startsFunctionType(): boolean {
    const next = this.kind(1);
    if (next === K.CloseParenToken || next === K.DotDotDotToken) return true;
    if (next === K.OpenBraceToken || next === K.OpenBracketToken) {
      // A binding pattern (`({ a }) => …`) is a parameter only when a parameter's punctuation follows it; else the
      // parenthesis holds a type (`({ status: 'completed' } | { status?: 'queued' }) & …`). Where TypeScript would
      // also ask whether the pattern parses, answering "function type" only gives the text to the compiler.
      const end = this.balancedEnd(1);
      const after = end === -1 ? K.EndOfFileToken : this.kind(end + 1);
      return (
        after === K.ColonToken ||
        after === K.CommaToken ||
        after === K.QuestionToken ||
        after === K.EqualsToken ||
        (after === K.CloseParenToken && this.kind(end + 2) === K.EqualsGreaterThanToken)
      );
    }
    if (next === K.Identifier) {
      const after = this.kind(2);
      if (
        after === K.ColonToken ||
        after === K.CommaToken ||
        after === K.QuestionToken ||
        after === K.EqualsToken
      )
        return true;
      if (after === K.CloseParenToken && this.kind(3) === K.EqualsGreaterThanToken) return true;
    }
    return false;
  }

  /** The offset of the bracket that closes the one at `offset` (`{`, `[` or `(`), or -1 at the end of the text. */
  private balancedEnd(offset: number): number {
    let depth = 0;
    for (let at = offset; this.i + at < this.t.count; at++) {
      const kind = this.kind(at);
      if (kind === K.OpenBraceToken || kind === K.OpenBracketToken || kind === K.OpenParenToken)
        depth++;
      else if (
        kind === K.CloseBraceToken ||
        kind === K.CloseBracketToken ||
        kind === K.CloseParenToken
      ) {
        depth--;
        if (depth === 0) return at;
      }
    }
    return -1;
  }

  private unionOrIntersection(operator: number, kind: number, constituent: () => Node): Node {
    const first = this.i;
    const leading = this.eat(operator);
    const type = constituent();
    if (this.kind() !== operator && !leading) return type;
    const types = [type];
    while (this.eat(operator)) types.push(constituent());
    const node = this.node(kind, first);
    node.types = types;
    return this.done(node);
  }

  private typeOperator(): Node {
    const word = this.word();
    if (word === 'keyof' || word === 'readonly' || word === 'unique') {
      const node = this.node(K.TypeOperator);
      this.i++;
      node.operator =
        word === 'keyof'
          ? K.KeyOfKeyword
          : word === 'readonly'
            ? K.ReadonlyKeyword
            : K.UniqueKeyword;
      node.type = this.typeOperator();
      return this.done(node);
    }
    if (word === 'infer') this.fail('infer');
    return this.postfixType();
  }

  private postfixType(): Node {
    const first = this.i;
    let type = this.primaryType();
    while (!this.lineBreak()) {
      if (this.kind() === K.ExclamationToken) this.fail('postfix !');
      if (this.kind() !== K.OpenBracketToken) break;
      this.i++;
      if (this.kind() === K.CloseBracketToken) {
        this.i++;
        const array = this.node(K.ArrayType, first);
        array.elementType = type;
        type = this.done(array);
      } else {
        const access = this.node(K.IndexedAccessType, first);
        access.objectType = type;
        access.indexType = this.type();
        this.expect(K.CloseBracketToken);
        type = this.done(access);
      }
    }
    return type;
  }

  private primaryType(): Node {
    const kind = this.kind();
    const word = this.word();
    if (word !== undefined) {
      const keyword = KEYWORD_TYPES[word];
      if (keyword !== undefined) {
        if (this.kind(1) === K.DotToken) this.fail('keyword followed by a dot');
        return this.token(keyword);
      }
      switch (word) {
        case 'void':
          return this.token(K.VoidKeyword);
        case 'this':
          if (this.word(1) === 'is' && !this.lineBreak(1)) this.fail('type predicate');
          return this.token(K.ThisType);
        case 'null':
          return this.literalType(() => this.token(K.NullKeyword));
        case 'true':
          return this.literalType(() => this.token(K.TrueKeyword));
        case 'false':
          return this.literalType(() => this.token(K.FalseKeyword));
        case 'typeof': {
          if (this.word(1) === 'import') this.fail('import type');
          const query = this.node(K.TypeQuery);
          this.i++;
          query.exprName = this.entityName();
          if (this.kind() === K.LessThanToken && !this.lineBreak())
            query.typeArguments = this.typeArguments();
          return this.done(query);
        }
        case 'import':
        case 'asserts':
        case 'infer':
        case 'unique':
          return this.fail(`type ${word}`);
      }
      const reference = this.node(K.TypeReference);
      reference.typeName = this.entityName();
      if (this.kind() === K.LessThanToken && !this.lineBreak())
        reference.typeArguments = this.typeArguments();
      return this.done(reference);
    }
    switch (kind) {
      case K.StringLiteral:
      case K.NumericLiteral:
        return this.literalType(() => this.literal());
      case K.MinusToken:
        if (this.kind(1) !== K.NumericLiteral) this.fail('type -');
        return this.literalType(() => {
          const unary = this.node(K.PrefixUnaryExpression);
          unary.operator = K.MinusToken;
          this.i++;
          unary.operand = this.literal();
          return this.done(unary);
        });
      case K.OpenBraceToken:
        return this.typeLiteral();
      case K.OpenParenToken: {
        const parenthesized = this.node(K.ParenthesizedType);
        this.i++;
        parenthesized.type = this.type();
        this.expect(K.CloseParenToken);
        return this.done(parenthesized);
      }
    }
    return this.fail('type');
  }

  private literalType(literal: () => Node): Node {
    const type = this.node(K.LiteralType);
    type.literal = literal();
    return this.done(type);
  }

  private typeArguments(): Node[] {
    const args = this.list(K.LessThanToken, K.GreaterThanToken, () => this.type());
    if (args.length === 0) this.fail('empty type arguments');
    return args;
  }

  private typeLiteral(): Node {
    const next = this.kind(1);
    if (
      next === K.PlusToken ||
      next === K.MinusToken ||
      (this.word(1) === 'readonly' && this.kind(2) === K.OpenBracketToken) ||
      (next === K.OpenBracketToken && this.kind(2) === K.Identifier && this.word(3) === 'in')
    )
      this.fail('mapped type');
    const literal = this.node(K.TypeLiteral);
    literal.members = this.typeMembers();
    return this.done(literal);
  }

  /** `{ member; member }` of an interface or an object type. */
  private typeMembers(): Node[] {
    return this.braced(() => this.typeMember());
  }

  private typeMember(): Node {
    const first = this.i;
    const kind = this.kind();
    if (kind === K.OpenParenToken || kind === K.LessThanToken) this.fail('call signature');
    if (
      this.word() === 'new' &&
      (this.kind(1) === K.OpenParenToken || this.kind(1) === K.LessThanToken)
    )
      this.fail('construct signature');
    const modifiers = this.modifiers();
    const word = this.word();
    if ((word === 'get' || word === 'set') && this.canFollowModifier(1) && !this.lineBreak(1))
      this.fail('accessor signature');
    let member: Node;
    if (this.kind() === K.OpenBracketToken) {
      if (!(this.kind(1) === K.Identifier && this.kind(2) === K.ColonToken))
        this.fail('computed member');
      member = this.node(K.IndexSignature, first);
      member.modifiers = modifiers;
      member.parameters = this.list(K.OpenBracketToken, K.CloseBracketToken, () =>
        this.parameter(),
      );
      if (this.eat(K.ColonToken)) member.type = this.type();
    } else {
      const name = this.propertyName();
      const questionToken = this.optionalToken(K.QuestionToken);
      if (this.kind() === K.LessThanToken) this.fail('type parameters');
      if (this.kind() === K.OpenParenToken) {
        member = this.node(K.MethodSignature, first);
        member.parameters = this.parameters();
      } else member = this.node(K.PropertySignature, first);
      member.modifiers = modifiers;
      member.name = name;
      member.questionToken = questionToken;
      if (this.eat(K.ColonToken)) member.type = this.type();
      if (this.kind() === K.EqualsToken) this.fail('member initializer');
    }
    if (!this.eat(K.CommaToken)) this.semicolon();
    return this.done(member);
  }

  // --- Expressions ---

  private expression(): Node {
    const expression = this.assignment();
    if (this.kind() === K.CommaToken) this.fail('comma expression');
    return expression;
  }

  /** TypeScript's parseAssignmentExpressionOrHigher, without assignments, yield or conditionals. */
  private assignment(): Node {
    const arrow = this.arrowFunction();
    if (arrow) return arrow;
    const first = this.i;
    const expression = this.binary(0, first, this.unary());
    const kind = this.kind();
    if (kind === K.QuestionToken || kind === K.EqualsToken) this.fail('conditional or assignment');
    return expression;
  }

  /** An arrow function at the current token, or undefined (nothing consumed). */
  private arrowFunction(): Node | undefined {
    const first = this.i;
    let ahead = 0;
    if (this.word() === 'async' && !this.lineBreak(1)) {
      if (this.kind(1) === K.Identifier && this.kind(2) === K.EqualsGreaterThanToken)
        this.fail('async arrow with a bare parameter');
      if (this.kind(1) !== K.OpenParenToken) return undefined;
      ahead = 1;
    }
    const kind = this.kind(ahead);
    if (kind === K.Identifier && this.kind(ahead + 1) === K.EqualsGreaterThanToken) {
      if (ahead) this.fail('async arrow');
      const arrow = this.node(K.ArrowFunction);
      const parameter = this.node(K.Parameter);
      parameter.name = this.identifier();
      arrow.parameters = [this.done(parameter)];
      return this.arrowRest(arrow, false);
    }
    if (kind !== K.OpenParenToken) return undefined;
    // `(…) =>` or a parenthesized expression: parse the head, and go back when no `=>` follows.
    const arrow = this.node(K.ArrowFunction);
    if (ahead) arrow.modifiers = [this.token(K.AsyncKeyword)];
    try {
      arrow.parameters = this.parameters();
      if (this.eat(K.ColonToken)) arrow.type = this.type();
    } catch (e) {
      if (!(e instanceof NotInSubset)) throw e;
      this.i = first;
      return undefined;
    }
    if (this.kind() !== K.EqualsGreaterThanToken) {
      if (ahead) this.fail('call of async');
      this.i = first;
      return undefined;
    }
    return this.arrowRest(arrow, ahead === 1);
  }

  private arrowRest(arrow: Node, async: boolean): Node {
    if (this.lineBreak()) this.fail('line break before =>');
    arrow.equalsGreaterThanToken = this.token(K.EqualsGreaterThanToken);
    if (this.kind() === K.OpenBraceToken) arrow.body = this.functionBody(async);
    else {
      const outer = this.awaitContext;
      this.awaitContext = async;
      try {
        arrow.body = this.assignment();
      } finally {
        this.awaitContext = outer;
      }
    }
    return this.done(arrow);
  }

  /** TypeScript's parseBinaryExpressionRest from `left` (which starts at token `first`). */
  private binary(precedence: number, first: number, left: Node): Node {
    let expression = left;
    for (;;) {
      const kind = this.kind();
      if (this.word() === 'as' || this.word() === 'satisfies') {
        if (this.lineBreak() || 11 <= precedence) break;
        if (this.word() === 'satisfies') this.fail('satisfies');
        this.i++;
        const as = this.node(K.AsExpression, first);
        as.expression = expression;
        as.type = this.type();
        expression = this.done(as);
        continue;
      }
      const next = BINARY_PRECEDENCE.get(kind);
      if (next === undefined) {
        if (
          kind === K.LessThanToken ||
          kind === K.GreaterThanToken ||
          kind === K.AmpersandToken ||
          kind === K.BarToken ||
          kind === K.MinusToken ||
          kind === K.AsteriskToken ||
          this.word() === 'in' ||
          this.word() === 'instanceof'
        )
          this.fail(`operator ${kindName(kind)}`);
        break;
      }
      if (next <= precedence) break;
      const binary = this.node(K.BinaryExpression, first);
      binary.left = expression;
      binary.operatorToken = this.token(kind);
      const rightFirst = this.i;
      binary.right = this.binary(next, rightFirst, this.unary());
      expression = this.done(binary);
    }
    return expression;
  }

  private unary(): Node {
    const kind = this.kind();
    if (kind === K.ExclamationToken || kind === K.MinusToken || kind === K.PlusToken) {
      const unary = this.node(K.PrefixUnaryExpression);
      unary.operator = kind;
      this.i++;
      unary.operand = this.unary();
      return this.done(unary);
    }
    const word = this.word();
    if (word === 'typeof' || word === 'void' || word === 'delete') this.fail(`operator ${word}`);
    if (word === 'await') {
      const next = this.kind(1);
      const operand =
        this.awaitContext ||
        (!this.lineBreak(1) &&
          (next === K.Identifier || next === K.StringLiteral || next === K.NumericLiteral));
      if (!operand) this.fail('await');
      const expression = this.node(K.AwaitExpression);
      this.i++;
      expression.expression = this.unary();
      return this.done(expression);
    }
    if (kind === K.LessThanToken) this.fail('type assertion');
    return this.leftHandSide();
  }

  private leftHandSide(): Node {
    const first = this.i;
    let expression: Node;
    if (this.word() === 'super') {
      expression = this.token(K.SuperKeyword);
      const next = this.kind();
      if (next !== K.OpenParenToken && next !== K.DotToken) this.fail('super');
    } else expression = this.primary();
    // TypeScript's parseCallExpressionRest: member accesses, then a call (with type arguments), repeated.
    for (;;) {
      expression = this.memberRest(first, expression);
      let typeArguments: Node[] | undefined;
      if (this.kind() === K.LessThanToken) {
        typeArguments = this.typeArgumentsOfCall();
        if (!typeArguments) break;
      }
      if (this.kind() !== K.OpenParenToken) break;
      const call = this.node(K.CallExpression, first);
      call.expression = expression;
      call.typeArguments = typeArguments;
      call.arguments = this.arguments();
      expression = this.done(call);
    }
    return expression;
  }

  /** `<T>` right before `(`; undefined (nothing consumed) when the `<` is not type arguments of a call. */
  private typeArgumentsOfCall(): Node[] | undefined {
    const at = this.i;
    try {
      const args = this.typeArguments();
      if (this.kind() === K.OpenParenToken) return args;
    } catch (e) {
      if (!(e instanceof NotInSubset)) throw e;
    }
    this.i = at;
    return undefined;
  }

  private memberRest(first: number, object: Node): Node {
    let expression = object;
    for (;;) {
      const kind = this.kind();
      if (kind === K.DotToken) {
        this.i++;
        const access = this.node(K.PropertyAccessExpression, first);
        access.expression = expression;
        access.name = this.identifierName();
        expression = this.done(access);
        continue;
      }
      if (kind === K.QuestionDotToken) this.fail('optional chain');
      if (kind === K.OpenBracketToken) this.fail('element access');
      if (kind === K.ExclamationToken && !this.lineBreak()) this.fail('non-null assertion');
      return expression;
    }
  }

  private arguments(): Node[] {
    return this.list(K.OpenParenToken, K.CloseParenToken, () => this.spreadOr());
  }

  private spreadOr(): Node {
    if (this.kind() !== K.DotDotDotToken) return this.assignment();
    const spread = this.node(K.SpreadElement);
    this.i++;
    spread.expression = this.assignment();
    return this.done(spread);
  }

  private primary(): Node {
    const kind = this.kind();
    if (kind === K.StringLiteral || kind === K.NumericLiteral) return this.literal();
    if (kind === K.OpenParenToken) {
      const parenthesized = this.node(K.ParenthesizedExpression);
      this.i++;
      parenthesized.expression = this.expression();
      this.expect(K.CloseParenToken);
      return this.done(parenthesized);
    }
    if (kind === K.OpenBracketToken) {
      const array = this.node(K.ArrayLiteralExpression);
      array.elements = this.list(K.OpenBracketToken, K.CloseBracketToken, () => {
        if (this.kind() === K.CommaToken) this.fail('array hole');
        return this.spreadOr();
      });
      return this.done(array);
    }
    if (kind === K.OpenBraceToken) return this.objectLiteral();
    switch (this.word() ?? '') {
      case 'this':
        return this.token(K.ThisKeyword);
      case 'null':
        return this.token(K.NullKeyword);
      case 'true':
        return this.token(K.TrueKeyword);
      case 'false':
        return this.token(K.FalseKeyword);
      case 'new': {
        const expression = this.node(K.NewExpression);
        this.i++;
        if (this.kind() === K.DotToken) this.fail('new.target');
        const callee = this.i;
        expression.expression = this.memberRest(callee, this.primary());
        if (this.kind() === K.LessThanToken) {
          const typeArguments = this.typeArgumentsOfCall();
          if (!typeArguments) this.fail('new with type arguments');
          expression.typeArguments = typeArguments;
        }
        if (this.kind() === K.OpenParenToken) expression.arguments = this.arguments();
        return this.done(expression);
      }
      case 'function':
      case 'class':
      case 'async':
        return this.fail(`expression ${this.word() ?? ''}`);
    }
    return this.identifier();
  }

  private objectLiteral(): Node {
    const object = this.node(K.ObjectLiteralExpression);
    object.properties = this.list(K.OpenBraceToken, K.CloseBraceToken, () => {
      const member = this.node(K.ShorthandPropertyAssignment);
      if (this.eat(K.DotDotDotToken)) {
        const spread = this.node(K.SpreadAssignment, this.i - 1);
        spread.expression = this.assignment();
        return this.done(spread);
      }
      if (this.modifiers()) this.fail('object member modifiers');
      const word = this.word();
      if ((word === 'get' || word === 'set') && this.canFollowModifier(1)) this.fail('accessor');
      if (this.kind() === K.OpenBracketToken || this.kind() === K.AsteriskToken)
        this.fail('object member');
      const isIdentifier = word !== undefined && !RESERVED.has(word);
      const name = this.propertyName();
      const next = this.kind();
      if (
        next === K.QuestionToken ||
        next === K.ExclamationToken ||
        next === K.OpenParenToken ||
        next === K.LessThanToken ||
        next === K.EqualsToken
      )
        this.fail('object member');
      if (isIdentifier && next !== K.ColonToken) {
        member.name = name;
        return this.done(member);
      }
      this.expect(K.ColonToken);
      const property = new Node(K.PropertyAssignment, member.pos, member.start);
      property.name = name;
      property.initializer = this.assignment();
      return this.done(property);
    });
    return this.done(object);
  }
}

/** Reserved words that start expressions (the rest start statements the subset does not read). */
const EXPRESSION_WORDS = new Set(['this', 'super', 'null', 'true', 'false', 'new']);
