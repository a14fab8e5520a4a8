/** How changes are recorded: the comparison context, verdict ordering, and the two ways to emit a change. */
import type { IrModel, IrType } from '../ir/types';
import { ruleOf, type Direction } from './rules';
import type { ApiChange, ChangeKind } from './types';

export type { Direction } from './rules';

/** How a type is used: a model may be sent and read ('both'); its changes then get the worse verdict of the two. */
export type Usage = Direction | 'both';

export type Verdict = Pick<ApiChange, 'wire' | 'sdk'>;

/** A change as recorded, before merging: `note` explains a verdict that is not obvious. */
export type Emitted = Omit<ApiChange, 'breaking'> & {
  note?: string;
  direction?: Direction;
  /** Found by the raw-spec walk (wire-*.ts) rather than on the generated types. */
  fromSpec?: boolean;
};

const RANK = { compatible: 0, warning: 1, breaking: 2 } as const;

/** Orders verdicts: wire first, then SDK. */
export function severity(v: Verdict): number {
  return RANK[v.wire] * 2 + (v.sdk === 'breaking' ? 1 : 0);
}

/** The worse of two verdicts, wire and SDK each. */
export function worse(a: Verdict, b: Verdict): Verdict {
  return {
    wire: RANK[a.wire] >= RANK[b.wire] ? a.wire : b.wire,
    sdk: a.sdk === 'breaking' || b.sdk === 'breaking' ? 'breaking' : 'compatible',
  };
}

/** What comparing two types needs: both model tables, where to record changes, and the direction. */
export interface CompareContext {
  oldModels: Map<string, IrModel>;
  newModels: Map<string, IrModel>;
  /** The exported type name of a model id, on each side. */
  oldName: (id: string) => string;
  newName: (id: string) => string;
  /** True when the old model and the new one are the same exported type (same spec name, or found renamed). */
  sameModel: (oldId: string, newId: string) => boolean;
  direction: Direction;
  resource: string;
  /** Pairs of different models being compared by shape, so recursive models end. */
  visiting?: ReadonlySet<string>;
  /**
   * Changes with the same resource, location, kind and message are merged into one, with the worse verdicts;
   * `note` (why it breaks, in one direction) is appended to the message.
   */
  emit: (change: Emitted) => void;
}

/** Compares two types and records their differences (sdk/compare-types.ts), handed to the parts it calls. */
export type CompareTypes = (a: IrType, b: IrType, location: string, ctx: CompareContext) => void;

/**
 * Records a change of the context's direction: the rule is `<direction>-<suffix>` (see rules.ts), which gives
 * both verdicts. `responseNote` explains a response verdict that is not obvious.
 */
export function record(
  ctx: Pick<CompareContext, 'direction' | 'resource' | 'emit'>,
  kind: ChangeKind,
  suffix: string,
  location: string,
  message: string,
  responseNote?: string,
): void {
  const rule = ruleOf(`${ctx.direction}-${suffix}`);
  const note = ctx.direction === 'response' ? responseNote : undefined;
  ctx.emit({
    kind,
    rule: rule.id,
    wire: rule.wire,
    sdk: rule.sdk,
    location,
    resource: ctx.resource,
    message,
    direction: ctx.direction,
    ...(note ? { note } : {}),
  });
}

/** Records a change under a rule named in full (operations, the client, exported types). */
export function emitRule(
  ctx: Pick<CompareContext, 'emit'>,
  kind: ChangeKind,
  id: string,
  resource: string,
  location: string,
  message: string,
): void {
  const rule = ruleOf(id);
  ctx.emit({ kind, rule: rule.id, wire: rule.wire, sdk: rule.sdk, resource, location, message });
}
