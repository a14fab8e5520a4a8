/**
 * Checks an OpenAPI document (already parsed, e.g. with `yaml`) against the two SDK reference pages in
 * `spec/sources/` (flattened text; see `spec/sources/README.md`).
 *
 * `checkTranscription(pages, spec)` is pure: it returns every disagreement it finds as a `Problem`.
 *
 * What it checks
 *  - Python page, every `class X:` (mapped to a schema by `x-page-name`, component name or `title`):
 *    - the schema exists;
 *    - every field listed for the class is a property of it (nested fields included);
 *    - every `Literal[...]` value is in the property's enum/const set (values the API added since the pages
 *      are allowed: test/spec/official.test.ts pins the whole set to the official description) (the `Accepts one of the following:` list
 *      when the Literal is truncated with `N more`), and `Union[str, Literal[...]]` is an open enum (a plain
 *      string alternative next to the enum) while a bare Literal is closed;
 *    - every `Deprecated…` field has `deprecated: true` (on the property, its ref chain or its wrapper);
 *    - the Python type agrees with the property: JSON type (str/int/float/bool/List/Dict/Literal/class) and
 *      `Optional[...]` ⇔ "not required or nullable";
 *    - a class the page lists among the variants of a nested union is a member of the spec's union (detected
 *      when a later variant of the same list is found in the union; see the limits below).
 *  - Python page, every operation (`POST/chat/completions` two lines after the heading): path + method exist.
 *  - Java page, every `class U: A class that can be one of several variants.union`: component `U` exists and
 *    its `oneOf` members are exactly the variants the page lists (classes, bare variants like `File`, and
 *    literal variants like `Auto`); every `enum E:` exists with the same values.
 *
 * How the flattened pages are read
 *  Nested objects are not indented: the fields of a nested class follow the parent field directly and the
 *  parent's next field comes after them. Fields are matched with a stack of schemas: a field is looked up in
 *  the top of the stack, then in lower levels (popping down to where it is found); a found field whose schema
 *  is an object (or a union of objects, after refs / nullable wrappers / arrays) is pushed, so the following
 *  lines can be its fields. A class lists each field once, so a level where the field was already matched is
 *  skipped (`token` after `top_logprobs` belongs to TopLogprob, not to the token log prob listed above it).
 *  When a field name exists at several levels, the first level whose type, optionality, enum and deprecation
 *  agree with the page wins (the page cannot tell `type` of a union variant from `type` of the class that
 *  holds the union); when none agrees, the first level is reported.
 *  A `class Y:` line is a variant nested in the current class when a union on the stack has a not yet seen
 *  member named `Y`; otherwise it starts a new block (a top-level model, or a variant of one of the top-level
 *  unions whose headings the Python page leaves out). Operation headings end the model section.
 *
 * Limits
 *  The matcher is guided by the spec, so a few errors can only be seen indirectly: a page variant that the
 *  spec's nested union lacks is reported when a later variant of the same list is in the union (or as missing
 *  fields of the following parent lines); when it is the last variant of a list that ends a class, nothing
 *  on the page tells it apart from the next top-level model.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type ProblemKind =
  | 'missing-schema'
  | 'missing-field'
  | 'enum-mismatch'
  | 'not-deprecated'
  | 'missing-operation'
  | 'missing-union'
  | 'union-mismatch'
  | 'missing-enum-model'
  | 'enum-model-mismatch'
  | 'unresolved-ref'
  | 'type-mismatch'
  | 'missing-variant';

export interface Problem {
  kind: ProblemKind;
  /** Page class name, `METHOD /path`, union or enum name: what the table-driven tests group by. */
  subject: string;
  page: 'python' | 'java';
  /** 1-based line on the page (0 when the problem is not tied to a line). */
  line: number;
  /** Dotted path from the class to the field, when the problem is about a field. */
  path?: string;
  message: string;
}

export interface Pages {
  /** The Python SDK page (`spec/sources/000_*.txt`). */
  python: string;
  /** The Java SDK page (`spec/sources/003_*.txt`); the union/enum checks are skipped without it. */
  java?: string;
}

// ---------------------------------------------------------------------------------------------------
// JSON helpers

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

// ---------------------------------------------------------------------------------------------------
// Spec access: $ref resolution, names, objects, enums

/** A schema after following `$ref`s, with the names it can be known by on the pages. */
interface Resolved {
  node: JsonObject;
  /** Component names of the refs followed, plus `x-page-name`, `title` (and `x-java-name` for Java). */
  names: Set<string>;
  javaNames: Set<string>;
  /** `deprecated: true` seen on the ref or on any node along the ref chain. */
  deprecated: boolean;
}

export class SpecIndex {
  readonly root: JsonObject;
  readonly components: JsonObject;
  readonly unresolved = new Set<string>();

  constructor(spec: unknown) {
    this.root = isObject(spec) ? spec : {};
    const components = this.root['components'];
    const schemas = isObject(components) ? components['schemas'] : undefined;
    this.components = isObject(schemas) ? schemas : {};
  }

  /** Resolves an internal JSON pointer (`#/components/schemas/X`). */
  pointer(ref: string): Json | undefined {
    if (!ref.startsWith('#/')) return undefined;
    let cur: Json | undefined = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (isObject(cur)) cur = cur[key];
      else if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
      else return undefined;
    }
    return cur;
  }

  /** Follows `$ref` chains; returns undefined for a dangling ref (remembered in `unresolved`). */
  resolve(schema: Json | undefined): Resolved | undefined {
    const names = new Set<string>();
    const javaNames = new Set<string>();
    let deprecated = false;
    let cur: Json | undefined = schema;
    for (let hops = 0; hops < 32; hops++) {
      if (!isObject(cur)) return undefined;
      if (cur['deprecated'] === true) deprecated = true;
      const ref = asString(cur['$ref']);
      if (ref === undefined) {
        addNames(cur, names, javaNames);
        return { node: cur, names, javaNames, deprecated };
      }
      const target = this.pointer(ref);
      if (target === undefined) {
        this.unresolved.add(ref);
        return undefined;
      }
      const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
      if (m?.[1] !== undefined) names.add(m[1]);
      cur = target;
    }
    return undefined;
  }

  /** All component schemas and inline schemas (walks the whole document once). */
  private allSchemas: { node: JsonObject; componentName?: string }[] | undefined;

  private collectSchemas(): { node: JsonObject; componentName?: string }[] {
    if (this.allSchemas) return this.allSchemas;
    const out: { node: JsonObject; componentName?: string }[] = [];
    for (const [name, node] of Object.entries(this.components)) {
      if (isObject(node)) out.push({ node, componentName: name });
    }
    const seen = new Set<JsonObject>(out.map((s) => s.node));
    const walk = (value: Json | undefined): void => {
      if (Array.isArray(value)) {
        value.forEach(walk);
      } else if (isObject(value)) {
        if (
          !seen.has(value) &&
          (isObject(value['properties']) || 'title' in value || 'x-page-name' in value)
        ) {
          seen.add(value);
          out.push({ node: value });
        }
        Object.values(value).forEach(walk);
      }
    };
    // Schemas live under components and paths (not under info, servers, tags, ...).
    walk(this.root['components']);
    walk(this.root['paths']);
    walk(this.root['webhooks']);
    this.allSchemas = out;
    return out;
  }

  /**
   * Finds the schema the page calls `pageName`: `x-page-name` first, then the component name, then an
   * inline (or component) schema whose `title` is the page name.
   */
  findClass(pageName: string): Resolved | undefined {
    const found = this.findClassSchema(pageName);
    if (!found) return undefined;
    // A nullable class (`anyOf: [{...}, {type: 'null'}]`, as the official description writes
    // ChatCompletionStreamOptions) is its non-null member.
    const members = [...asArray(found.node['anyOf']), ...asArray(found.node['oneOf'])];
    const nonNull = members.filter((m) => !(isObject(m) && isNullSchema(m)));
    if (members.length === 2 && nonNull.length === 1 && !isObject(found.node['properties'])) {
      const inner = this.resolve(nonNull[0]);
      if (inner)
        return {
          ...inner,
          names: new Set([...found.names, ...inner.names]),
          javaNames: new Set([...found.javaNames, ...inner.javaNames]),
        };
    }
    return found;
  }

  private findClassSchema(pageName: string): Resolved | undefined {
    const all = this.collectSchemas();
    const byPageName = all.find((s) => s.node['x-page-name'] === pageName);
    if (byPageName)
      return this.resolve(
        byPageName.componentName ? refTo(byPageName.componentName) : byPageName.node,
      );
    if (isObject(this.components[pageName])) return this.resolve(refTo(pageName));
    const byTitle = all.find((s) => s.node['title'] === pageName);
    if (byTitle)
      return this.resolve(byTitle.componentName ? refTo(byTitle.componentName) : byTitle.node);
    return undefined;
  }

  /** The JSON path (keys) of the schema `findClass` would return, for tests that mutate it. */
  locateClass(pageName: string): string[] | undefined {
    const found = this.findClass(pageName);
    if (!found) return undefined;
    const path: string[] = [];
    const search = (value: Json, trail: string[]): boolean => {
      if (value === found.node) {
        path.push(...trail);
        return true;
      }
      if (Array.isArray(value)) return value.some((v, i) => search(v, [...trail, String(i)]));
      if (isObject(value)) return Object.entries(value).some(([k, v]) => search(v, [...trail, k]));
      return false;
    };
    return search(this.root, []) ? path : undefined;
  }

  /** Properties of an object schema, merged through `allOf` (undefined when it has none). */
  properties(node: JsonObject, depth = 0): Map<string, Json> | undefined {
    if (depth > 16) return undefined;
    let props: Map<string, Json> | undefined;
    const own = node['properties'];
    if (isObject(own)) props = new Map(Object.entries(own));
    for (const part of asArray(node['allOf'])) {
      const r = this.resolve(part);
      const partProps = r ? this.properties(r.node, depth + 1) : undefined;
      if (partProps) {
        props ??= new Map();
        for (const [k, v] of partProps) if (!props.has(k)) props.set(k, v);
      }
    }
    return props;
  }

  /**
   * The object schemas a property's value can be, looking through refs, nullable wrappers, arrays and
   * unions (oneOf/anyOf, also unions behind a ref). Non-object members (strings, enums, null) are dropped.
   */
  objects(schema: Json | undefined, depth = 0): ObjectMember[] {
    if (depth > 16) return [];
    const r = this.resolve(schema);
    if (!r) return [];
    const props = this.properties(r.node);
    if (props) return [{ names: r.names, javaNames: r.javaNames, node: r.node, props }];
    const out: ObjectMember[] = [];
    const allOf = asArray(r.node['allOf']);
    if (allOf.length === 1) out.push(...this.objects(allOf[0], depth + 1));
    if (r.node['items'] !== undefined) out.push(...this.objects(r.node['items'], depth + 1));
    for (const key of ['oneOf', 'anyOf'] as const) {
      for (const member of asArray(r.node[key])) out.push(...this.objects(member, depth + 1));
    }
    return out;
  }

  /** The union members of a union schema (`oneOf`, else `anyOf`), null members excluded. */
  unionMembers(node: JsonObject): { resolved: Resolved; raw: Json }[] {
    const members =
      asArray(node['oneOf']).length > 0 ? asArray(node['oneOf']) : asArray(node['anyOf']);
    const out: { resolved: Resolved; raw: Json }[] = [];
    for (const raw of members) {
      const resolved = this.resolve(raw);
      if (resolved && !isNullSchema(resolved.node)) out.push({ resolved, raw });
    }
    return out;
  }

  /**
   * The enum (or const) values of a schema, looking through refs, nullable wrappers, unions (an open enum
   * `anyOf: [string, {enum}]` yields the enum) and array items. `null` is dropped. Undefined: no enum at all.
   */
  enumValues(schema: Json | undefined, depth = 0): Set<string> | undefined {
    if (depth > 16) return undefined;
    const r = this.resolve(schema);
    if (!r) return undefined;
    const node = r.node;
    let values: Set<string> | undefined;
    const add = (v: Json): void => {
      if (v === null) return;
      values ??= new Set();
      values.add(typeof v === 'string' ? v : JSON.stringify(v));
    };
    if (Array.isArray(node['enum'])) {
      values = new Set();
      node['enum'].forEach(add);
    }
    if ('const' in node) add(node['const'] ?? null);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const member of asArray(node[key])) {
        const sub = this.enumValues(member, depth + 1);
        if (sub) for (const v of sub) add(v);
      }
    }
    if (values === undefined && node['items'] !== undefined)
      return this.enumValues(node['items'], depth + 1);
    return values;
  }

  /**
   * Whether a schema admits strings beyond its enum: a string alternative without enum/const next to the
   * enum (the open enum `anyOf: [{type: string}, {type: string, enum: [...]}]`).
   */
  isOpenEnum(schema: Json | undefined, depth = 0): boolean {
    if (depth > 16) return false;
    const r = this.resolve(schema);
    if (!r) return false;
    const node = r.node;
    if (Array.isArray(node['enum']) || 'const' in node) return false;
    const members = [...asArray(node['oneOf']), ...asArray(node['anyOf'])];
    if (members.length > 0) return members.some((m) => this.isOpenEnum(m, depth + 1));
    if (asArray(node['allOf']).length === 1)
      return this.isOpenEnum(asArray(node['allOf'])[0], depth + 1);
    const t = node['type'];
    return t === 'string' || (Array.isArray(t) && t.includes('string'));
  }

  /** `deprecated: true` on the property, along its ref chain, or on a (non-null) member of a wrapper. */
  isDeprecated(schema: Json | undefined, depth = 0): boolean {
    if (depth > 16) return false;
    const r = this.resolve(schema);
    if (!r) return false;
    if (r.deprecated || r.node['deprecated'] === true) return true;
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      for (const member of asArray(r.node[key])) {
        if (this.isDeprecated(member, depth + 1)) return true;
      }
    }
    return false;
  }
}

/** The JSON types a schema admits, through refs, unions and `nullable` ('null' included; 'any' if open). */
export function jsonTypes(spec: SpecIndex, schema: Json | undefined, depth = 0): Set<string> {
  const out = new Set<string>();
  if (depth > 16) return out;
  const r = spec.resolve(schema);
  if (!r) return out;
  const node = r.node;
  const t = node['type'];
  if (typeof t === 'string') out.add(t);
  else if (Array.isArray(t)) for (const v of t) if (typeof v === 'string') out.add(v);
  if (node['nullable'] === true) out.add('null');
  if (out.size === 0) {
    if (isObject(node['properties'])) out.add('object');
    if (node['items'] !== undefined) out.add('array');
    const values = Array.isArray(node['enum'])
      ? node['enum']
      : 'const' in node
        ? [node['const'] ?? null]
        : [];
    for (const v of values)
      out.add(
        v === null
          ? 'null'
          : Array.isArray(v)
            ? 'array'
            : typeof v === 'number'
              ? Number.isInteger(v)
                ? 'integer'
                : 'number'
              : typeof v,
      );
    for (const key of ['oneOf', 'anyOf'] as const) {
      for (const member of asArray(node[key]))
        for (const v of jsonTypes(spec, member, depth + 1)) out.add(v);
    }
    const allOf = asArray(node['allOf']);
    for (const member of allOf) for (const v of jsonTypes(spec, member, depth + 1)) out.add(v);
  }
  if (out.size === 0) out.add('any');
  return out;
}

/** Splits `A, B[C, D], E` at top-level commas. */
function splitTypeArgs(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let cur = '';
  for (const c of inner) {
    if (c === '"') inString = !inString;
    if (!inString && c === '[') depth++;
    if (!inString && c === ']') depth--;
    if (!inString && depth === 0 && c === ',') {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') parts.push(cur.trim());
  return parts;
}

/** The JSON types a Python type annotation of the page admits ('null' for Optional / null). */
export function pageTypes(type: string): Set<string> {
  const out = new Set<string>();
  const m = /^(\w+)(?:\[(.*)\])?$/.exec(type.trim());
  if (!m?.[1]) return new Set(['any']);
  const head = m[1];
  const args = m[2] !== undefined ? splitTypeArgs(m[2]) : [];
  switch (head) {
    case 'Optional':
      out.add('null');
      for (const a of args) for (const v of pageTypes(a)) out.add(v);
      break;
    case 'Union':
      for (const a of args) for (const v of pageTypes(a)) out.add(v);
      break;
    case 'null':
    case 'None':
      out.add('null');
      break;
    case 'List':
      out.add('array');
      break;
    case 'Dict':
      out.add('object');
      break;
    case 'Literal':
      for (const a of args) {
        if (/^"/.test(a)) out.add('string');
        else if (/^-?\d+$/.test(a)) out.add('integer');
        else if (a === 'True' || a === 'False') out.add('boolean');
      }
      if (out.size === 0) out.add('string');
      break;
    case 'str':
      out.add('string');
      break;
    case 'int':
      out.add('integer');
      break;
    case 'float':
      out.add('number');
      break;
    case 'bool':
      out.add('boolean');
      break;
    case 'object':
      out.add('any');
      break;
    default:
      out.add('object');
  }
  return out;
}

export interface ObjectMember {
  names: Set<string>;
  javaNames: Set<string>;
  node: JsonObject;
  props: Map<string, Json>;
}

function refTo(componentName: string): JsonObject {
  return { $ref: `#/components/schemas/${componentName.replace(/~/g, '~0').replace(/\//g, '~1')}` };
}

function addNames(node: JsonObject, names: Set<string>, javaNames: Set<string>): void {
  for (const key of ['x-page-name', 'title'] as const) {
    const v = asString(node[key]);
    if (v) names.add(v);
  }
  const java = asString(node['x-java-name']);
  if (java) javaNames.add(java);
}

function isNullSchema(node: JsonObject): boolean {
  return (
    node['type'] === 'null' ||
    (Array.isArray(node['enum']) && node['enum'].length === 1 && node['enum'][0] === null)
  );
}

function memberIs(
  member: { names: Set<string>; javaNames: Set<string> },
  name: string,
  java: boolean,
): boolean {
  return member.names.has(name) || (java && member.javaNames.has(name));
}

// ---------------------------------------------------------------------------------------------------
// Page parsing

export interface PageOperation {
  heading: string;
  method: string;
  path: string;
  line: number;
}

export type PageToken =
  | { kind: 'class'; name: string; line: number }
  | {
      kind: 'field';
      name: string;
      type: string;
      deprecated: boolean;
      line: number;
      /** The Literal's value set (the full `Accepts one of the following:` list when truncated). */
      literal?: string[];
    }
  | { kind: 'section'; line: number };

const OPERATION_RE = /^(GET|POST|PUT|PATCH|DELETE)(\/\S*)$/;
const PY_FIELD_RE =
  /^(Deprecated)?([a-z_][a-z0-9_]*): ((?:Optional|List|Union|Literal|Dict|str|int|float|bool|object|[A-Z][A-Za-z0-9]*)\b.*)$/;
const PY_CLASS_RE = /^class ([A-Za-z_][A-Za-z0-9_]*):$/;
const QUOTED_RE = /^"(.*)"$/;

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The operations of a page: a `METHOD/path` line, two non-empty lines after its heading. */
export function parseOperations(text: string): PageOperation[] {
  const lines = splitLines(text);
  const out: PageOperation[] = [];
  lines.forEach((line, i) => {
    const m = OPERATION_RE.exec(line.trim());
    if (!m?.[1] || !m[2]) return;
    let back = i - 1;
    let seen = 0;
    let heading = '';
    while (back >= 0 && seen < 2) {
      const t = (lines[back] ?? '').trim();
      if (t !== '') {
        seen++;
        if (seen === 2) heading = t;
      }
      back--;
    }
    out.push({ heading, method: m[1], path: m[2], line: i + 1 });
  });
  return out;
}

/** 0-based indexes of the lines that are operation headings (heading, signature, METHOD/path). */
function operationBlockLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((line, i) => {
    if (!OPERATION_RE.test(line.trim())) return;
    out.add(i);
    let back = i - 1;
    let seen = 0;
    while (back >= 0 && seen < 2) {
      if ((lines[back] ?? '').trim() !== '') {
        seen++;
        out.add(back);
      }
      back--;
    }
  });
  return out;
}

/** Parses a Literal's values out of a Python type: `Optional[Literal["a", "b", 2 more]]`. */
export function parseLiteral(type: string): { shown: string[]; more: number } | undefined {
  const start = type.indexOf('Literal[');
  if (start < 0) return undefined;
  let depth = 0;
  let end = -1;
  let inString = false;
  for (let i = start + 'Literal'.length; i < type.length; i++) {
    const c = type[i];
    if (c === '"') inString = !inString;
    else if (!inString && c === '[') depth++;
    else if (!inString && c === ']') {
      depth--;
      if (depth === 0) {
        end = i;
        break;
      }
    }
  }
  if (end < 0) return undefined;
  const inner = type.slice(start + 'Literal['.length, end);
  const shown = [...inner.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
  const more = /(\d+) more/.exec(inner);
  return { shown, more: more?.[1] ? Number(more[1]) : 0 };
}

/** `Union[str, Literal[...]]` (also inside Optional/List): the page's open enum. */
export function isOpenLiteral(type: string): boolean {
  const m = /^(\w+)(?:\[(.*)\])?$/.exec(type.trim());
  if (!m?.[1] || m[2] === undefined) return false;
  const args = splitTypeArgs(m[2]);
  if (m[1] === 'Union' && args.includes('str') && args.some((a) => a.startsWith('Literal[')))
    return true;
  return args.some((a) => a !== type && isOpenLiteral(a));
}

/** Tokenizes the model section of the Python page into class lines, field lines and section headings. */
export function parsePythonModels(text: string): PageToken[] {
  const lines = splitLines(text);
  const opLines = operationBlockLines(lines);
  const tokens: PageToken[] = [];
  let inModels = false;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (opLines.has(i)) {
      if (inModels && (tokens.at(-1)?.kind ?? 'section') !== 'section')
        tokens.push({ kind: 'section', line: i + 1 });
      return;
    }
    const cls = PY_CLASS_RE.exec(line);
    if (cls?.[1]) {
      inModels = true;
      tokens.push({ kind: 'class', name: cls[1], line: i + 1 });
      return;
    }
    if (!inModels) return;
    const f = PY_FIELD_RE.exec(line);
    if (!f?.[2] || !f[3]) return;
    const type = f[3];
    const token: PageToken = {
      kind: 'field',
      name: f[2],
      type,
      deprecated: f[1] !== undefined,
      line: i + 1,
    };
    const lit = parseLiteral(type);
    if (lit) {
      // The `Accepts one of the following:` list: the quoted lines before the next field/class/heading.
      const accepts: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const next = (lines[j] ?? '').trim();
        if (PY_FIELD_RE.test(next) || PY_CLASS_RE.test(next) || opLines.has(j)) break;
        const q = QUOTED_RE.exec(next);
        if (q?.[1] !== undefined) accepts.push(q[1]);
      }
      if (lit.more > 0) {
        if (
          accepts.length !== lit.shown.length + lit.more ||
          lit.shown.some((v) => !accepts.includes(v))
        ) {
          throw new Error(
            `page line ${i + 1}: ${line} — expected ${lit.shown.length + lit.more} values in the "Accepts one of the following:" list, found [${accepts.join(', ')}]`,
          );
        }
        token.literal = accepts;
      } else {
        token.literal = lit.shown;
      }
    }
    tokens.push(token);
  });
  return tokens;
}

/** Every distinct `class X:` name on the Python page, in page order. */
export function pythonClassNames(text: string): string[] {
  const names: string[] = [];
  for (const t of parsePythonModels(text))
    if (t.kind === 'class' && !names.includes(t.name)) names.push(t.name);
  return names;
}

// Java page ------------------------------------------------------------------------------------------

export type JavaToken =
  | { kind: 'union'; name: string; line: number }
  | { kind: 'enum'; name: string; line: number }
  | { kind: 'class'; name: string; line: number }
  /** A variant without `class` (`File`), or a literal variant (`Auto` + `Accepts one of the following:`). */
  | { kind: 'variant'; name: string; line: number; values?: string[] }
  | { kind: 'field'; name: string; line: number }
  | { kind: 'constant'; value: string; line: number }
  | { kind: 'section'; line: number };

const JAVA_UNION_RE = /^class ([A-Za-z_]\w*): A class that can be one of several variants\.union$/;
const JAVA_ENUM_RE = /^enum ([A-Za-z_]\w*):$/;
const JAVA_CONST_FIELD_RE = /^(?:Deprecated)?JsonValue; ([a-z]\w*) "/;
const JAVA_FIELD_RE = /^(?:Deprecated)?[A-Za-z][\w.]*(?:<.*>)? ([a-z]\w*)$/;
const JAVA_CONSTANT_RE = /^[A-Z][A-Z0-9_]*\("(.*)"\)$/;
const JAVA_BARE_RE = /^[A-Z][A-Za-z0-9]*$/;
const JAVA_BUILTIN_TYPES = new Set([
  'String',
  'Long',
  'Double',
  'Boolean',
  'Integer',
  'Object',
  'JsonValue',
]);

/** `topLogprobs` → `top_logprobs`; `object_` (Java keyword escape) → `object`. */
export function snakeCase(javaName: string): string {
  return javaName.replace(/_$/, '').replace(/([A-Z])/g, (c) => `_${c.toLowerCase()}`);
}

export function parseJavaModels(text: string): JavaToken[] {
  const lines = splitLines(text);
  const opLines = operationBlockLines(lines);
  const tokens: JavaToken[] = [];
  let inModels = false;
  const nextNonEmpty = (i: number): string => {
    for (let j = i + 1; j < lines.length; j++) {
      const t = (lines[j] ?? '').trim();
      if (t !== '') return t;
    }
    return '';
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (opLines.has(i)) {
      if (inModels && (tokens.at(-1)?.kind ?? 'section') !== 'section')
        tokens.push({ kind: 'section', line: i + 1 });
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = JAVA_UNION_RE.exec(line)) && m[1]) {
      inModels = true;
      tokens.push({ kind: 'union', name: m[1], line: i + 1 });
    } else if ((m = JAVA_ENUM_RE.exec(line)) && m[1]) {
      inModels = true;
      tokens.push({ kind: 'enum', name: m[1], line: i + 1 });
    } else if ((m = PY_CLASS_RE.exec(line)) && m[1]) {
      inModels = true;
      tokens.push({ kind: 'class', name: m[1], line: i + 1 });
    } else if (!inModels) {
      return;
    } else if ((m = JAVA_CONSTANT_RE.exec(line)) && m[1] !== undefined) {
      tokens.push({ kind: 'constant', value: m[1], line: i + 1 });
    } else if ((m = JAVA_CONST_FIELD_RE.exec(line)) && m[1]) {
      tokens.push({ kind: 'field', name: snakeCase(m[1]), line: i + 1 });
    } else if ((m = JAVA_FIELD_RE.exec(line)) && m[1]) {
      tokens.push({ kind: 'field', name: snakeCase(m[1]), line: i + 1 });
    } else if (JAVA_BARE_RE.test(line) && !JAVA_BUILTIN_TYPES.has(line)) {
      const variant: JavaToken = { kind: 'variant', name: line, line: i + 1 };
      if (nextNonEmpty(i) === 'Accepts one of the following:') {
        variant.values = [];
        for (let j = i + 1; j < lines.length; j++) {
          const t = (lines[j] ?? '').trim();
          if (t === '' || t === 'Accepts one of the following:') continue;
          const c = JAVA_CONSTANT_RE.exec(t);
          if (c?.[1] === undefined) break;
          variant.values.push(c[1]);
        }
      }
      tokens.push(variant);
    }
  });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------
// The stack matcher

interface Frame {
  members: ObjectMember[];
  /** Set on frames pushed for a `class X:` line. */
  className?: string;
  /** Set on frames pushed for a field. */
  field?: string;
  /** Variants of this (union) frame already met on the page: a repeat starts a new block. */
  seen: Set<string>;
  /** Fields already matched in this frame: a class lists a field once, so a repeat belongs to a nested object. */
  matched?: Set<string>;
}

interface Candidate {
  index: number;
  prop: Json;
  member: ObjectMember;
}

function classFrameIn(frames: Frame[], index: number): Frame | undefined {
  for (let i = Math.min(index, frames.length - 1); i >= 0; i--) {
    if (frames[i]?.className !== undefined) return frames[i];
  }
  return undefined;
}

function findCandidates(frames: Frame[], field: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = frames.length - 1; i >= 0; i--) {
    for (const member of frames[i]?.members ?? []) {
      const prop = member.props.get(field);
      if (prop !== undefined) out.push({ index: i, prop, member });
    }
  }
  return out;
}

/** Index of the frame (top-down) that has an unseen union member named `name`, with the member. */
function claimVariant(
  frames: Frame[],
  name: string,
  java: boolean,
): { index: number; member: ObjectMember } | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    if (!frame || frame.className !== undefined) continue;
    const member = frame.members.find((m) => memberIs(m, name, java));
    if (member && !frame.seen.has(name)) return { index: i, member };
  }
  return undefined;
}

function sameSet(a: Iterable<string>, b: Iterable<string>): { missing: string[]; extra: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  return { missing: [...sa].filter((v) => !sb.has(v)), extra: [...sb].filter((v) => !sa.has(v)) };
}

function fmt(values: Iterable<string>): string {
  return `[${[...values].map((v) => JSON.stringify(v)).join(', ')}]`;
}

function checkPythonModels(text: string, spec: SpecIndex, problems: Problem[]): void {
  const tokens = parsePythonModels(text);
  const reportedMissing = new Set<string>();
  let frames: Frame[] = [];
  /** Class of the current block when its schema is missing: its fields are not checked. */
  let skipping: string | undefined;

  const pathTo = (index: number, field?: string, stack: Frame[] = frames): string => {
    let start = 0;
    for (let i = Math.min(index, stack.length - 1); i >= 0; i--) {
      if (stack[i]?.className !== undefined) {
        start = i;
        break;
      }
    }
    const parts = [stack[start]?.className ?? '?'];
    for (let i = start + 1; i <= index; i++) {
      const f = stack[i];
      if (f?.field) parts.push(f.field);
    }
    if (field !== undefined) parts.push(field);
    return parts.join('.');
  };
  /**
   * The stack as it was when the last unclaimed `class Y:` line started a new block. If a later class line
   * is a variant of a union on that old stack, Y was a variant of the same list that the spec's union lacks.
   */
  let lastReset: { frames: Frame[]; name: string; line: number } | undefined;

  for (const token of tokens) {
    if (token.kind === 'section') {
      frames = [];
      skipping = undefined;
      lastReset = undefined;
      continue;
    }
    if (token.kind === 'class') {
      const claimed = claimVariant(frames, token.name, false);
      if (claimed) {
        frames = frames.slice(0, claimed.index + 1);
        frames[claimed.index]?.seen.add(token.name);
        frames.push({ members: [claimed.member], className: token.name, seen: new Set() });
        skipping = undefined;
        continue;
      }
      const reclaimed = lastReset ? claimVariant(lastReset.frames, token.name, false) : undefined;
      if (lastReset && reclaimed) {
        const old = lastReset.frames.slice(0, reclaimed.index + 1);
        const union = old[reclaimed.index];
        const owner = classFrameIn(old, reclaimed.index);
        problems.push({
          kind: 'missing-variant',
          subject: owner?.className ?? '?',
          page: 'python',
          line: lastReset.line,
          path: pathTo(reclaimed.index, undefined, old),
          message:
            `${pathTo(reclaimed.index, undefined, old)}: the page lists class ${lastReset.name} (line ${lastReset.line}) among its variants ` +
            `(next to ${token.name}, line ${token.line}); the spec's union there has only ` +
            `${(union?.members ?? []).map((m) => [...m.names][0] ?? 'inline').join(', ')}`,
        });
        union?.seen.add(lastReset.name);
        union?.seen.add(token.name);
        frames = [...old, { members: [reclaimed.member], className: token.name, seen: new Set() }];
        lastReset = undefined;
        skipping = undefined;
        continue;
      }
      lastReset = { frames, name: token.name, line: token.line };
      const found = spec.findClass(token.name);
      const props = found ? spec.properties(found.node) : undefined;
      if (!found) {
        if (!reportedMissing.has(token.name)) {
          reportedMissing.add(token.name);
          problems.push({
            kind: 'missing-schema',
            subject: token.name,
            page: 'python',
            line: token.line,
            message: `class ${token.name} (line ${token.line}): no schema named ${token.name} (component name, x-page-name or title)`,
          });
        }
        frames = [];
        skipping = token.name;
        continue;
      }
      const members = props
        ? [{ names: found.names, javaNames: found.javaNames, node: found.node, props }]
        : [];
      frames = [{ members, className: token.name, seen: new Set() }];
      skipping = undefined;
      continue;
    }
    // field
    if (skipping !== undefined || frames.length === 0) continue;
    const all = findCandidates(frames, token.name);
    const candidates = all.filter((c) => !frames[c.index]?.matched?.has(token.name));
    if (candidates.length === 0) {
      const cls = classFrameIn(frames, frames.length - 1)?.className ?? '?';
      const where = frames
        .slice(frames.findIndex((f) => f.className === cls))
        .map((f) => f.className ?? f.field ?? '?')
        .join(' > ');
      problems.push({
        kind: 'missing-field',
        subject: cls,
        page: 'python',
        line: token.line,
        path: `${cls}.${token.name}`,
        message:
          `class ${cls}: field \`${token.name}: ${token.type}\` (line ${token.line}) is not a property of ${where}` +
          (all.length > 0
            ? ` (an enclosing schema has it, but the page listed it there already, so here it is a nested object's field)`
            : ' (nor of an enclosing schema)'),
      });
      continue;
    }
    const literal = token.literal;
    const shapeOf = (c: Candidate): string | undefined =>
      shapeMismatch(spec, token.name, token.type, c);
    const compatible = (c: Candidate): boolean => {
      if (shapeOf(c) !== undefined) return false;
      if (literal) {
        const values = spec.enumValues(c.prop);
        if (!values) return false;
        if (spec.isOpenEnum(c.prop) !== isOpenLiteral(token.type)) return false;
        if (sameSet(literal, values).missing.length > 0) return false;
      }
      if (token.deprecated && !spec.isDeprecated(c.prop)) return false;
      return true;
    };
    const chosen = candidates.find(compatible) ?? candidates[0];
    if (!chosen) continue;
    frames = frames.slice(0, chosen.index + 1);
    const owner = frames[chosen.index];
    if (owner) (owner.matched ??= new Set()).add(token.name);
    const cls = classFrameIn(frames, chosen.index)?.className ?? '?';
    const path = pathTo(chosen.index, token.name);
    if (literal) {
      const values = spec.enumValues(chosen.prop);
      if (!values) {
        problems.push({
          kind: 'enum-mismatch',
          subject: cls,
          page: 'python',
          line: token.line,
          path,
          message: `${path} (line ${token.line}): the page says ${token.type} = ${fmt(literal)}, the spec has no enum/const`,
        });
      } else {
        // Values the API added since the pages were written are allowed (test/spec/official.test.ts pins
        // the spec's full set to the official description); a page value missing from the spec is not.
        const d = sameSet(literal, values);
        if (d.missing.length > 0) {
          problems.push({
            kind: 'enum-mismatch',
            subject: cls,
            page: 'python',
            line: token.line,
            path,
            message:
              `${path} (line ${token.line}): the page lists ${fmt(literal)}, the spec has ${fmt(values)}` +
              (d.missing.length ? `; missing in spec ${fmt(d.missing)}` : '') +
              (d.extra.length ? `; not on the page ${fmt(d.extra)}` : ''),
          });
        }
      }
    }
    if (
      literal &&
      spec.enumValues(chosen.prop) &&
      spec.isOpenEnum(chosen.prop) !== isOpenLiteral(token.type)
    ) {
      problems.push({
        kind: 'enum-mismatch',
        subject: cls,
        page: 'python',
        line: token.line,
        path,
        message: isOpenLiteral(token.type)
          ? `${path} (line ${token.line}): the page's \`${token.type}\` is an open enum (any string), the spec's enum is closed (no plain string alternative)`
          : `${path} (line ${token.line}): the page's \`${token.type}\` is a closed enum, the spec also admits any string`,
      });
    }
    if (token.deprecated && !spec.isDeprecated(chosen.prop)) {
      problems.push({
        kind: 'not-deprecated',
        subject: cls,
        page: 'python',
        line: token.line,
        path,
        message: `${path} (line ${token.line}): the page marks the field Deprecated, the spec has no \`deprecated: true\``,
      });
    }
    const shape = shapeOf(chosen);
    if (shape !== undefined) {
      problems.push({
        kind: 'type-mismatch',
        subject: cls,
        page: 'python',
        line: token.line,
        path,
        message: `${path} (line ${token.line}): the page says \`${token.type}\`, but ${shape}`,
      });
    }
    const objects = spec.objects(chosen.prop);
    if (objects.length > 0) frames.push({ members: objects, field: token.name, seen: new Set() });
  }
}

/** `required` of an object schema, merged through `allOf`. */
function requiredOf(spec: SpecIndex, node: JsonObject, depth = 0): Set<string> {
  const out = new Set<string>();
  for (const v of asArray(node['required'])) if (typeof v === 'string') out.add(v);
  if (depth < 16) {
    for (const part of asArray(node['allOf'])) {
      const r = spec.resolve(part);
      if (r) for (const v of requiredOf(spec, r.node, depth + 1)) out.add(v);
    }
  }
  return out;
}

/**
 * Compares a page field's Python type with the property: the spec must admit the page's JSON types (null
 * aside; a type the API added since is allowed), and
 * `Optional[...]` must mean "not required or nullable" (a non-Optional field is required and not nullable).
 */
function shapeMismatch(
  spec: SpecIndex,
  field: string,
  type: string,
  c: Candidate,
): string | undefined {
  const page = pageTypes(type);
  const specTypes = jsonTypes(spec, c.prop);
  const pageOptional = page.has('null');
  const required = requiredOf(spec, c.member.node).has(field);
  const specOptional = !required || specTypes.has('null');
  const strip = (set: Set<string>): string[] => [...set].filter((v) => v !== 'null').sort();
  const p = strip(page);
  const s = strip(specTypes);
  const problems: string[] = [];
  // The spec may admit more than the page shows (a type the API added since, e.g. a custom voice object),
  // never less.
  if (!p.includes('any') && !s.includes('any') && p.some((t) => !s.includes(t))) {
    problems.push(`the spec's type is ${s.join(' | ') || 'null'} (page: ${p.join(' | ')})`);
  }
  if (pageOptional !== specOptional) {
    problems.push(
      pageOptional
        ? 'the spec makes it required and not nullable'
        : `the spec makes it ${required ? 'nullable' : 'optional (not in `required`)'}`,
    );
  }
  return problems.length ? problems.join('; ') : undefined;
}

function checkOperations(text: string, spec: SpecIndex, problems: Problem[]): void {
  const paths = isObject(spec.root['paths']) ? spec.root['paths'] : {};
  for (const op of parseOperations(text)) {
    const item = paths[op.path];
    const subject = `${op.method} ${op.path}`;
    if (!isObject(item) || !isObject(item[op.method.toLowerCase()])) {
      problems.push({
        kind: 'missing-operation',
        subject,
        page: 'python',
        line: op.line,
        message: `operation "${op.heading}" (line ${op.line}): no \`${op.method.toLowerCase()}\` on path ${op.path}`,
      });
    }
  }
}

interface PageVariant {
  name: string;
  line: number;
  /** Literal variants (`Auto`): the values. */
  values?: string[];
}

/**
 * The direct variants the Java page lists under a union heading. Nested classes are recognized with the same
 * stack matcher (a class that an enclosing field's union claims is nested). The list ends at the next
 * union/enum heading or section, at a repeat of a variant already listed, or at a class that is not in the
 * spec's union and sorts after the union's name (the page lists top-level models alphabetically, so that is
 * the next model; a missing variant that sorts before the union is reported instead).
 */
function javaUnionVariants(
  tokens: JavaToken[],
  start: number,
  unionName: string,
  base: ObjectMember[],
  spec: SpecIndex,
): PageVariant[] {
  const variants: PageVariant[] = [];
  const baseFrame: Frame = { members: base, seen: new Set() };
  let frames: Frame[] = [baseFrame];
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'union' || t.kind === 'enum' || t.kind === 'section') break;
    if (t.kind === 'class' || t.kind === 'variant') {
      if (t.kind === 'variant' && t.values) {
        if (frames.length === 1) variants.push({ name: t.name, line: t.line, values: t.values });
        continue;
      }
      const claimed = claimVariant(frames, t.name, true);
      if (claimed && claimed.index > 0) {
        frames = frames.slice(0, claimed.index + 1);
        frames[claimed.index]?.seen.add(t.name);
        frames.push({ members: [claimed.member], className: t.name, seen: new Set() });
        continue;
      }
      if (claimed) {
        baseFrame.seen.add(t.name);
        variants.push({ name: t.name, line: t.line });
        frames = [baseFrame, { members: [claimed.member], className: t.name, seen: new Set() }];
        continue;
      }
      if (variants.some((v) => v.name === t.name)) break;
      if (t.kind === 'class' && t.name > unionName) break;
      variants.push({ name: t.name, line: t.line });
      const found = spec.findClass(t.name);
      const props = found ? spec.properties(found.node) : undefined;
      const members =
        found && props
          ? [{ names: found.names, javaNames: found.javaNames, node: found.node, props }]
          : [];
      frames = [baseFrame, { members, className: t.name, seen: new Set() }];
      continue;
    }
    if (t.kind === 'field') {
      const candidates = findCandidates(frames, t.name);
      const chosen = candidates[0];
      if (!chosen) continue;
      frames = frames.slice(0, chosen.index + 1);
      const objects = spec.objects(chosen.prop);
      if (objects.length > 0) frames.push({ members: objects, field: t.name, seen: new Set() });
    }
  }
  return variants;
}

function checkJavaUnionsAndEnums(text: string, spec: SpecIndex, problems: Problem[]): void {
  const tokens = parseJavaModels(text);
  tokens.forEach((t, i) => {
    if (t.kind === 'enum') {
      const values: string[] = [];
      for (let j = i + 1; j < tokens.length; j++) {
        const n = tokens[j];
        if (!n || n.kind !== 'constant') break;
        values.push(n.value);
      }
      const found = spec.findClass(t.name);
      if (!found) {
        problems.push({
          kind: 'missing-enum-model',
          subject: t.name,
          page: 'java',
          line: t.line,
          message: `enum ${t.name} (line ${t.line}): no schema named ${t.name}`,
        });
        return;
      }
      const specValues = spec.enumValues(refOrNode(found, t.name, spec)) ?? new Set<string>();
      const d = sameSet(values, specValues);
      if (d.missing.length || d.extra.length) {
        problems.push({
          kind: 'enum-model-mismatch',
          subject: t.name,
          page: 'java',
          line: t.line,
          message: `enum ${t.name} (line ${t.line}): the page lists ${fmt(values)}, the spec has ${fmt(specValues)}`,
        });
      }
      return;
    }
    if (t.kind !== 'union') return;
    const node = spec.components[t.name];
    const resolved = isObject(node) ? spec.resolve(refTo(t.name)) : spec.findClass(t.name);
    const members = resolved ? spec.unionMembers(resolved.node) : [];
    if (!resolved || members.length === 0) {
      problems.push({
        kind: 'missing-union',
        subject: t.name,
        page: 'java',
        line: t.line,
        message: `union ${t.name} (line ${t.line}): ${resolved ? 'the schema has no oneOf/anyOf' : 'no component schema of that name'}`,
      });
      return;
    }
    if (!isObject(node)) {
      problems.push({
        kind: 'missing-union',
        subject: t.name,
        page: 'java',
        line: t.line,
        message: `union ${t.name} (line ${t.line}): not a component schema (found only by x-page-name/title)`,
      });
    }
    if (asArray(resolved.node['oneOf']).length === 0) {
      problems.push({
        kind: 'union-mismatch',
        subject: t.name,
        page: 'java',
        line: t.line,
        message: `union ${t.name} (line ${t.line}): uses anyOf, not oneOf`,
      });
    }
    const objectMembers: ObjectMember[] = [];
    const literalMembers: { values: Set<string>; label: string }[] = [];
    for (const m of members) {
      const props = spec.properties(m.resolved.node);
      if (props)
        objectMembers.push({
          names: m.resolved.names,
          javaNames: m.resolved.javaNames,
          node: m.resolved.node,
          props,
        });
      else
        literalMembers.push({
          values: spec.enumValues(m.raw) ?? new Set(),
          label: [...m.resolved.names, ...m.resolved.javaNames][0] ?? 'inline',
        });
    }
    const variants = javaUnionVariants(tokens, i, t.name, objectMembers, spec);
    const matched = new Set<ObjectMember>();
    const matchedLiterals = new Set<number>();
    for (const v of variants) {
      if (v.values) {
        const idx = literalMembers.findIndex(
          (l) =>
            sameSet(v.values ?? [], l.values).missing.length === 0 &&
            sameSet(v.values ?? [], l.values).extra.length === 0,
        );
        if (idx < 0) {
          problems.push({
            kind: 'union-mismatch',
            subject: t.name,
            page: 'java',
            line: v.line,
            message: `union ${t.name}: the page's variant ${v.name} (line ${v.line}) ${fmt(v.values)} has no enum member in the spec's oneOf`,
          });
        } else matchedLiterals.add(idx);
        continue;
      }
      const member = objectMembers.find((m) => memberIs(m, v.name, true));
      if (!member) {
        problems.push({
          kind: 'union-mismatch',
          subject: t.name,
          page: 'java',
          line: v.line,
          message: `union ${t.name}: the page lists variant ${v.name} (line ${v.line}), the spec's oneOf does not have it`,
        });
      } else matched.add(member);
    }
    for (const m of objectMembers) {
      if (!matched.has(m)) {
        problems.push({
          kind: 'union-mismatch',
          subject: t.name,
          page: 'java',
          line: t.line,
          message: `union ${t.name} (line ${t.line}): the spec's oneOf has ${[...m.names].join('/') || 'an inline object'}, which the page does not list (page variants: ${variants.map((v) => v.name).join(', ')})`,
        });
      }
    }
    literalMembers.forEach((l, idx) => {
      if (!matchedLiterals.has(idx)) {
        problems.push({
          kind: 'union-mismatch',
          subject: t.name,
          page: 'java',
          line: t.line,
          message: `union ${t.name} (line ${t.line}): the spec's oneOf has a non-object member ${l.label} ${fmt(l.values)} that the page does not list`,
        });
      }
    });
  });
}

/** The direct variants the Java page lists for each union heading (as the checker reads them). */
export function javaUnionVariantNames(
  javaText: string,
  specObject: unknown,
): Map<string, string[]> {
  const spec = new SpecIndex(specObject);
  const tokens = parseJavaModels(javaText);
  const out = new Map<string, string[]>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'union') return;
    const resolved = isObject(spec.components[t.name])
      ? spec.resolve(refTo(t.name))
      : spec.findClass(t.name);
    const base: ObjectMember[] = [];
    for (const m of resolved ? spec.unionMembers(resolved.node) : []) {
      const props = spec.properties(m.resolved.node);
      if (props)
        base.push({
          names: m.resolved.names,
          javaNames: m.resolved.javaNames,
          node: m.resolved.node,
          props,
        });
    }
    out.set(
      t.name,
      javaUnionVariants(tokens, i, t.name, base, spec).map((v) => v.name),
    );
  });
  return out;
}

function refOrNode(found: Resolved, name: string, spec: SpecIndex): Json {
  return isObject(spec.components[name]) ? refTo(name) : found.node;
}

// ---------------------------------------------------------------------------------------------------

export function checkTranscription(pages: Pages, specObject: unknown): Problem[] {
  const spec = new SpecIndex(specObject);
  const problems: Problem[] = [];
  checkOperations(pages.python, spec, problems);
  checkPythonModels(pages.python, spec, problems);
  if (pages.java !== undefined) checkJavaUnionsAndEnums(pages.java, spec, problems);
  for (const ref of spec.unresolved) {
    problems.push({
      kind: 'unresolved-ref',
      subject: ref,
      page: 'python',
      line: 0,
      message: `$ref ${ref} does not resolve`,
    });
  }
  return problems;
}
