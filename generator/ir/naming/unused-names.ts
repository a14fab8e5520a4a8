import { childPointer } from '../../load/pointer';
import { fileNamed, isRecord, report, type IrContext } from '../context';
import type { NameRecord } from '../name-operations';
import { operationKey } from './operation-key';
import type { IrOperation } from '../types';

/**
 * Tells about every name the config's `names` gives an operation the spec does not have (a typo in the path, a
 * parameter renamed, an operation removed): a warning naming the key, and the operation it most likely meant. The
 * lock's names of removed operations are dropped without a word: the lock is clientgen's, the config the user's.
 */
export function warnUnusedNames(
  ctx: IrContext,
  ops: readonly Pick<IrOperation, 'httpMethod' | 'path' | 'pathQuery' | 'pointer' | 'file'>[],
  record: NameRecord,
): void {
  const keys = ops.map(operationKey);
  const present = new Set(keys);
  const unused = [...record.names].filter(([key, p]) => p.source === 'config' && !present.has(key));
  if (!unused.length) return;
  const root = ctx.spec.entry.value;
  const paths = {
    file: ctx.spec.entry,
    pointer: isRecord(root) && 'paths' in root ? '#/paths' : '#',
  };
  for (const [key, pin] of unused.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Said at the config's entry; without the config file (a library caller), at the operation it likely meant, else
    // at the spec's paths.
    const i = keys.findIndex((k) => looseKey(k) === looseKey(key));
    const near = ops[i];
    report(
      ctx,
      ctx.config
        ? { file: ctx.config, pointer: childPointer('#/names', key) }
        : near
          ? { file: fileNamed(ctx, near.file), pointer: near.pointer }
          : paths,
      'name-unused',
      `the config's names give ${JSON.stringify(key)} the name ${[...pin.resource, pin.method].join('.')}, but the spec has no ${key}` +
        (near ? ` (did you mean ${JSON.stringify(keys[i])}?)` : '') +
        ': the name is not used',
      'warning',
    );
  }
}

/** A key with its parameters' names, letter case and a trailing slash left out: `get /pets/{}`. */
function looseKey(key: string): string {
  return key
    .replace(/\{[^{}]*\}/g, '{}')
    .replace(/\/(?=$|\?)/, '')
    .toLowerCase();
}
