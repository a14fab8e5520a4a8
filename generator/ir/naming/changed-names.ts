import { fileNamed, report, type IrContext } from '../context';
import type { IrOperation } from '../types';
import { NAMES_LOCK } from './names-record';

/**
 * Tells about every operation that keeps a recorded name although a fresh run would name it otherwise (a newer
 * clientgen, or a new operation that now clashes): a warning naming the operation and both names.
 */
export function warnChangedNames(ctx: IrContext, named: IrOperation[], fresh: IrOperation[]): void {
  named.forEach((op, i) => {
    const now = fresh[i];
    if (op.nameSource !== 'lock' || !now) return;
    const kept = [...op.resource, op.methodName].join('.');
    const inferred = [...now.resource, now.methodName].join('.');
    if (kept === inferred) return;
    report(
      ctx,
      { file: fileNamed(ctx, op.file), pointer: op.pointer },
      'name-changed',
      `${op.httpMethod.toUpperCase()} ${op.path} keeps its name ${kept} (recorded in ${NAMES_LOCK}); ` +
        `clientgen now names it ${inferred}: run generate --rename to take the new names`,
      'warning',
    );
  });
}
