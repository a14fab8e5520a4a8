/**
 * Name-independent comparison of two OpenAPI documents on a set of operations: walks each operation's
 * parameters, request body and responses in both documents at once and lists every disagreement on
 * properties, required-ness, types, enums, nullability, deprecation and descriptions, by path.
 * Component names play no part: `$ref`s are followed, union members are paired by what they contain.
 */
import {
  childPointer,
  isObject,
  memberKey,
  normalizeText,
  viewSchema,
  type Json,
  type JsonObject,
  type SchemaView,
} from './schema-view';

export interface Disagreement {
  /** Where, in words: `POST /chat/completions body.messages[].(role=user).content`. */
  path: string;
  message: string;
  /** JSON pointers of the two nodes (ours, theirs). */
  ours?: string;
  theirs?: string;
}

/** A pair of nodes the walk matched (for tools that carry facts from one document to the other). */
export interface Pairing {
  ours: string;
  theirs: string;
  path: string;
}

export interface CompareOptions {
  /** `METHOD /path` keys of the operations to compare; default: every operation of `ours`. */
  operations?: string[];
  /** Compare descriptions too (default true). */
  descriptions?: boolean;
  /** Called for every matched pair of schema nodes. */
  onPair?: (pair: Pairing) => void;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** The `METHOD /path` keys of a document's operations. */
export function operationKeys(doc: Json): string[] {
  const paths = isObject(doc) ? doc['paths'] : undefined;
  if (!isObject(paths)) return [];
  return Object.entries(paths).flatMap(([p, item]) =>
    isObject(item)
      ? METHODS.filter((m) => isObject(item[m])).map((m) => `${m.toUpperCase()} ${p}`)
      : [],
  );
}

function fmt(values: string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function resolveObject(doc: Json, node: Json | undefined): JsonObject | undefined {
  for (let i = 0; i < 16 && isObject(node); i++) {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    node = ref.startsWith('#') ? resolvePath(doc, ref) : undefined;
  }
  return undefined;
}

function resolvePath(doc: Json, ref: string): Json | undefined {
  let cur: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = isObject(cur) ? cur[key] : undefined;
  }
  return cur;
}

/** Compares `ours` with `theirs` on the chosen operations; an empty list means they agree. */
export function compareSpecs(
  ours: Json,
  theirs: Json,
  options: CompareOptions = {},
): Disagreement[] {
  const out: Disagreement[] = [];
  const withDescriptions = options.descriptions !== false;
  const seen = new Map<JsonObject, Set<JsonObject>>();
  const report = (path: string, message: string, a?: string, b?: string): void => {
    const d: Disagreement = { path, message };
    if (a !== undefined) d.ours = a;
    if (b !== undefined) d.theirs = b;
    out.push(d);
  };

  const compareText = (
    path: string,
    what: string,
    a: unknown,
    b: unknown,
    pa?: string,
    pb?: string,
  ): void => {
    if (!withDescriptions) return;
    const x = typeof a === 'string' ? normalizeText(a) : undefined;
    const y = typeof b === 'string' ? normalizeText(b) : undefined;
    if (x !== y)
      report(
        path,
        `${what} differs: ours ${x === undefined ? 'none' : JSON.stringify(x.slice(0, 80))}, official ${y === undefined ? 'none' : JSON.stringify(y.slice(0, 80))}`,
        pa,
        pb,
      );
  };

  const compareSchema = (path: string, a: Json, pa: string, b: Json, pb: string): void => {
    const va = viewSchema(ours, a, pa);
    const vb = viewSchema(theirs, b, pb);
    compareViews(path, va, vb);
  };

  const compareViews = (path: string, va: SchemaView, vb: SchemaView): void => {
    options.onPair?.({ ours: va.pointer, theirs: vb.pointer, path });
    if (va.types.join() !== vb.types.join())
      report(
        path,
        `type: ours [${va.types.join(', ')}], official [${vb.types.join(', ')}]`,
        va.pointer,
        vb.pointer,
      );
    if (va.nullable !== vb.nullable)
      report(
        path,
        va.nullable ? 'nullable in ours, not in official' : 'nullable in official, not in ours',
        va.pointer,
        vb.pointer,
      );
    if (va.deprecated !== vb.deprecated)
      report(
        path,
        va.deprecated
          ? 'deprecated in ours, not in official'
          : 'deprecated in official, not in ours',
        va.pointer,
        vb.pointer,
      );
    const ea = va.enum?.join('\u0000');
    const eb = vb.enum?.join('\u0000');
    if (ea !== eb) {
      const sa = new Set(va.enum ?? []);
      const sb = new Set(vb.enum ?? []);
      const missing = [...sb].filter((v) => !sa.has(v));
      const extra = [...sa].filter((v) => !sb.has(v));
      if (!va.enum || !vb.enum)
        report(
          path,
          `enum: ${va.enum ? 'only ours has one' : 'only official has one'}`,
          va.pointer,
          vb.pointer,
        );
      else
        report(
          path,
          `enum: missing ${missing.length ? fmt(missing) : 'none'}; extra ${extra.length ? fmt(extra) : 'none'}`,
          va.pointer,
          vb.pointer,
        );
    }
    compareText(path, 'description', va.description, vb.description, va.pointer, vb.pointer);

    // Stop at a pair already compared (recursive schemas, shared components).
    const done = seen.get(va.node) ?? new Set<JsonObject>();
    if (done.has(vb.node)) return;
    done.add(vb.node);
    seen.set(va.node, done);

    const ra = new Set(va.required);
    const rb = new Set(vb.required);
    for (const [name, pa] of va.properties) {
      const pb = vb.properties.get(name);
      const sub = `${path}.${name}`;
      if (!pb) {
        report(sub, 'property only in ours', pa.pointer);
        continue;
      }
      options.onPair?.({ ours: pa.pointer, theirs: pb.pointer, path: sub });
      if (ra.has(name) !== rb.has(name))
        report(
          sub,
          ra.has(name)
            ? 'required in ours, optional in official'
            : 'required in official, optional in ours',
          pa.pointer,
          pb.pointer,
        );
      compareSchema(sub, pa.schema, pa.pointer, pb.schema, pb.pointer);
    }
    for (const [name, pb] of vb.properties)
      if (!va.properties.has(name))
        report(`${path}.${name}`, 'property missing from ours', undefined, pb.pointer);

    if (va.items && vb.items)
      compareSchema(
        `${path}[]`,
        va.items.schema,
        va.items.pointer,
        vb.items.schema,
        vb.items.pointer,
      );
    else if (va.items || vb.items)
      report(
        `${path}[]`,
        va.items ? 'items only in ours' : 'items only in official',
        va.pointer,
        vb.pointer,
      );

    const aa = va.additional;
    const ab = vb.additional;
    if (typeof aa === 'object' && typeof ab === 'object')
      compareSchema(`${path}{}`, aa.schema, aa.pointer, ab.schema, ab.pointer);
    else if (
      (aa ?? 'absent') !== (ab ?? 'absent') &&
      !(aa === true && ab === undefined) &&
      !(ab === true && aa === undefined)
    ) {
      report(
        `${path}{}`,
        `additionalProperties: ours ${typeof aa === 'object' ? 'a schema' : String(aa)}, official ${typeof ab === 'object' ? 'a schema' : String(ab)}`,
        va.pointer,
        vb.pointer,
      );
    }

    if (va.members.length || vb.members.length) {
      const key = (
        doc: Json,
        list: SchemaView['members'],
      ): Map<string, SchemaView['members'][number]> => {
        const map = new Map<string, SchemaView['members'][number]>();
        for (const m of list) {
          let k = memberKey(doc, m.schema, m.pointer);
          for (let n = 2; map.has(k); n++) k = `${k.replace(/#\d+$/, '')}#${n}`;
          map.set(k, m);
        }
        return map;
      };
      const ma = key(ours, va.members);
      const mb = key(theirs, vb.members);
      for (const [k, m] of ma) {
        const other = mb.get(k);
        if (other)
          compareSchema(`${path}.(${k})`, m.schema, m.pointer, other.schema, other.pointer);
        else report(`${path}.(${k})`, 'union member only in ours', m.pointer);
      }
      for (const [k, m] of mb)
        if (!ma.has(k))
          report(`${path}.(${k})`, 'union member missing from ours', undefined, m.pointer);
    }
  };

  const compareContent = (
    path: string,
    a: Json | undefined,
    pa: string,
    b: Json | undefined,
    pb: string,
  ): void => {
    const ca = isObject(a) ? a : {};
    const cb = isObject(b) ? b : {};
    for (const media of new Set([...Object.keys(ca), ...Object.keys(cb)])) {
      const ma = ca[media];
      const mb = cb[media];
      if (!isObject(ma) || !isObject(mb)) {
        report(
          `${path} ${media}`,
          isObject(ma) ? 'media type only in ours' : 'media type missing from ours',
        );
        continue;
      }
      compareSchema(
        `${path} ${media}`,
        ma['schema'] ?? {},
        childPointer(childPointer(childPointer(pa, 'content'), media), 'schema'),
        mb['schema'] ?? {},
        childPointer(childPointer(childPointer(pb, 'content'), media), 'schema'),
      );
    }
  };

  for (const op of options.operations ?? operationKeys(ours)) {
    const [method = '', path = ''] = op.split(' ');
    const m = method.toLowerCase();
    const pathPointer = childPointer('/paths', path);
    const ia = resolvePath(ours, `#${pathPointer}`);
    const ib = resolvePath(theirs, `#${pathPointer}`);
    const oa = isObject(ia) ? ia[m] : undefined;
    const ob = isObject(ib) ? ib[m] : undefined;
    if (!isObject(oa) || !isObject(ob)) {
      report(op, isObject(oa) ? 'operation missing from official' : 'operation missing from ours');
      continue;
    }
    const opPointer = childPointer(pathPointer, m);
    options.onPair?.({ ours: opPointer, theirs: opPointer, path: op });
    compareText(op, 'summary', oa['summary'], ob['summary']);
    compareText(op, 'description', oa['description'], ob['description']);
    if ((oa['deprecated'] === true) !== (ob['deprecated'] === true))
      report(op, 'deprecation differs');

    const params = (
      item: Json | undefined,
      operation: JsonObject,
      doc: Json,
    ): Map<string, { p: JsonObject; pointer: string }> => {
      const map = new Map<string, { p: JsonObject; pointer: string }>();
      const add = (list: Json | undefined, base: string): void => {
        if (!Array.isArray(list)) return;
        list.forEach((raw, i) => {
          const p = resolveObject(doc, raw);
          const ref =
            isObject(raw) && typeof raw['$ref'] === 'string' ? raw['$ref'].slice(1) : undefined;
          if (p)
            map.set(`${textOf(p['in'])} ${textOf(p['name'])}`, {
              p,
              pointer: ref ?? childPointer(childPointer(base, 'parameters'), i),
            });
        });
      };
      add(isObject(item) ? item['parameters'] : undefined, pathPointer);
      add(operation['parameters'], opPointer);
      return map;
    };
    const pa = params(ia, oa, ours);
    const pb = params(ib, ob, theirs);
    for (const [name, a] of pa) {
      const b = pb.get(name);
      const where = `${op} ${name.replace(' ', ':')}`;
      if (!b) {
        report(where, 'parameter only in ours', a.pointer);
        continue;
      }
      options.onPair?.({ ours: a.pointer, theirs: b.pointer, path: where });
      if ((a.p['required'] === true) !== (b.p['required'] === true))
        report(where, 'required-ness differs', a.pointer, b.pointer);
      if ((a.p['deprecated'] === true) !== (b.p['deprecated'] === true))
        report(where, 'deprecation differs', a.pointer, b.pointer);
      compareText(
        where,
        'description',
        a.p['description'],
        b.p['description'],
        a.pointer,
        b.pointer,
      );
      compareSchema(
        where,
        a.p['schema'] ?? {},
        childPointer(a.pointer, 'schema'),
        b.p['schema'] ?? {},
        childPointer(b.pointer, 'schema'),
      );
    }
    for (const name of pb.keys())
      if (!pa.has(name)) report(`${op} ${name.replace(' ', ':')}`, 'parameter missing from ours');

    const ba = resolveObject(ours, oa['requestBody']);
    const bb = resolveObject(theirs, ob['requestBody']);
    if (ba && bb) {
      if ((ba['required'] === true) !== (bb['required'] === true))
        report(`${op} body`, 'required-ness differs');
      compareContent(
        `${op} body`,
        ba['content'],
        childPointer(opPointer, 'requestBody'),
        bb['content'],
        childPointer(opPointer, 'requestBody'),
      );
    } else if (ba || bb)
      report(`${op} body`, ba ? 'request body only in ours' : 'request body missing from ours');

    const ra = isObject(oa['responses']) ? oa['responses'] : {};
    const rb = isObject(ob['responses']) ? ob['responses'] : {};
    for (const status of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
      const a = resolveObject(ours, ra[status]);
      const b = resolveObject(theirs, rb[status]);
      const where = `${op} ${status}`;
      if (!a || !b) {
        report(where, a ? 'response only in ours' : 'response missing from ours');
        continue;
      }
      const site = (raw: Json | undefined): string => {
        const ref = isObject(raw) ? raw['$ref'] : undefined;
        return typeof ref === 'string'
          ? ref.slice(1)
          : childPointer(childPointer(opPointer, 'responses'), status);
      };
      const rpa = site(ra[status]);
      const rpb = site(rb[status]);
      options.onPair?.({ ours: rpa, theirs: rpb, path: where });
      compareText(where, 'description', a['description'], b['description']);
      compareContent(where, a['content'], rpa, b['content'], rpb);
    }
  }
  return out;
}

/** A parameter's `in` or `name` as text: a string as it is, anything else (a broken spec) as JSON. */
function textOf(value: Json | undefined): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'nothing');
}
