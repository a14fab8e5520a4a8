/**
 * `--include` / `--exclude` on the IR and the plan: which operations and models a selection keeps, and that
 * nothing kept is renamed by what was left out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildIr } from '../../generator/ir/build-ir';
import { selectOperations, type Selection } from '../../generator/ir/select-operations';
import { parseSelector, type Selector } from '../../generator/ir/selector';
import type { Ir } from '../../generator/ir/types';
import { irRootTypes, walkType } from '../../generator/ir/walk';
import { loadSpec } from '../../generator/load/load-spec';
import { planOutput } from '../../generator/plan/plan-output';
import { restrictPlan } from '../../generator/plan/restrict-plan';
import type { Plan } from '../../generator/plan/types';
import { SELECT_SPEC } from './fixture';

let ir: Ir;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clientgen-select-'));
  try {
    writeFileSync(path.join(dir, 'shop.yaml'), SELECT_SPEC);
    const { spec } = await loadSpec(path.join(dir, 'shop.yaml'));
    const built = buildIr(spec!, 'shop.yaml');
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    ir = built.ir!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const sel = (text: string): Selector => {
  const parsed = parseSelector(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.selector;
};
const selection = (include: string[], exclude: string[] = []): Selection => ({
  include: include.map(sel),
  exclude: exclude.map(sel),
});
const opIds = (x: Ir) => x.operations.map((o) => o.operationId);
const modelNames = (x: Ir) => x.models.map((m) => m.name).sort();

describe('selectOperations keeps the selected operations, in document order', () => {
  it.each([
    [['tag:Orders'], [], ['createOrder']],
    [['op:getPetV2'], [], ['getPetV2']],
    [['op:getPet*'], [], ['getPetV1', 'getPetV2']],
    [['path:/v1/**'], [], ['getPetV1', 'createOrder', 'listOrderItems']],
    [['path:/v1/orders/*/items'], [], ['listOrderItems']],
    [['path:/*/pets/{id}'], [], ['getPetV1', 'getPetV2']],
    [['resource:orders'], [], ['createOrder', 'listOrderItems']],
    [['resource:orders.items'], [], ['listOrderItems']],
    [['op:listOrderItems', 'tag:Orders'], [], ['createOrder', 'listOrderItems']],
    [[], ['resource:pets'], ['createOrder', 'listOrderItems']],
    [['path:/v1/**'], ['op:getPetV1', 'resource:orders.items'], ['createOrder']],
  ])('include %j exclude %j → %j', (include, exclude, expected) => {
    expect(opIds(selectOperations(ir, selection(include, exclude)).ir)).toEqual(expected);
  });

  it('with no selectors keeps everything', () => {
    const { ir: all, unmatched } = selectOperations(ir, selection([]));
    expect(opIds(all)).toEqual(opIds(ir));
    // Unreachable models go even then: a selection is asked for the operations' part of the API.
    expect(modelNames(all)).not.toContain('Unused');
    expect(unmatched).toEqual([]);
  });
});

describe('models', () => {
  it('keeps only the models the kept operations reach, through other models too', () => {
    expect(modelNames(selectOperations(ir, selection(['op:createOrder'])).ir)).toEqual([
      'Item',
      'Order',
      'OrderCreate',
    ]);
    expect(modelNames(selectOperations(ir, selection(['op:listOrderItems'])).ir)).toEqual(['Item']);
    expect(modelNames(selectOperations(ir, selection(['op:getPetV2'])).ir)).toEqual(['pet']);
  });

  it('every reference in the kept part names a kept model', () => {
    for (const include of [['op:createOrder'], ['resource:pets'], ['tag:Orders', 'op:getPetV1']]) {
      const kept = selectOperations(ir, selection(include)).ir;
      const ids = new Set(kept.models.map((m) => m.id));
      const refs: string[] = [];
      for (const root of irRootTypes(kept))
        walkType(root, (t) => t.kind === 'ref' && refs.push(t.target));
      expect(refs.filter((r) => !ids.has(r))).toEqual([]);
      expect(refs.length).toBeGreaterThan(0);
    }
  });
});

describe('selectors that match nothing', () => {
  it('are reported with a hint, whether in include or exclude', () => {
    const { unmatched } = selectOperations(
      ir,
      selection(['tag:orders', 'op:nope', 'path:/v1'], ['resource:pet']),
    );
    expect(unmatched.map((u) => [u.option, u.selector.text, u.hint])).toEqual([
      ['include', 'tag:orders', 'did you mean tag:Orders?'],
      ['include', 'op:nope', 'operationIds: createOrder, getPetV1, getPetV2, listOrderItems'],
      ['include', 'path:/v1', 'to take the paths below it, add /** (path:/v1/**)'],
      ['exclude', 'resource:pet', 'resources: orders, orders.items, pets'],
    ]);
  });

  it('an exclude that matches only operations the include already dropped is not unmatched', () => {
    expect(selectOperations(ir, selection(['tag:Orders'], ['op:getPetV1'])).unmatched).toEqual([]);
  });
});

describe('names are those of the whole API (plan level)', () => {
  const methods = (plan: Plan) =>
    plan.resources.flatMap((r) => r.methods.map((m) => `${r.path.join('.')}.${m.name}`));
  const whole = () => planOutput(ir);
  const part = (include: string[]) =>
    restrictPlan(whole(), selectOperations(ir, selection(include)).ir);

  it('a method named after its operationId to avoid a clash keeps that name when the other one is left out', () => {
    expect(methods(whole())).toEqual(expect.arrayContaining(['pets.getV1', 'pets.getV2']));
    expect(methods(part(['op:getPetV1']))).toEqual(['pets.getV1']);
  });

  it('a model keeps its de-duplicated identifier when the model it clashed with is left out', () => {
    const pet = (plan: Plan) => plan.models.find((m) => m.model.name === 'pet');
    expect(pet(whole())?.identifier).toBe('Pet2');
    const planned = part(['op:getPetV2']);
    expect(planned.models.map((m) => m.identifier)).toEqual(['Pet2']);
    expect(pet(planned)?.file).toBe(pet(whole())?.file);
  });

  it('keeps the resources leading to kept methods, and only those children', () => {
    const planned = part(['op:listOrderItems']);
    expect(
      planned.resources.map((r) => [
        r.path.join('.'),
        r.methods.length,
        r.children.map((c) => c.property),
      ]),
    ).toEqual([
      ['orders', 0, ['items']],
      ['orders.items', 1, []],
    ]);
    const params = (plan: Plan) =>
      plan.resources.flatMap((r) => r.methods.map((m) => m.params?.typeName)).filter(Boolean);
    expect(params(part(['op:createOrder']))).toEqual(
      params(whole()).filter((n) => n?.startsWith('OrderCreate')),
    );
  });
});
