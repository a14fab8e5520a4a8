import { camelCase } from '../../text/case';
import { isQueryTemplate } from '../path-key';

/**
 * A path whose one fixed query names the call: flickr's `/rest?method=flickr.favorites.getList`, OBS's
 * `/request/{id}?cmd=diff`. A careful SDK names the call (`favorites.getList()`, `request.diff(id)`); read as a
 * query variant, they were `rest.retrieveMethodFlickrFavoritesGetList` and `request.updateCmdDiff`.
 *
 * A dotted value is a whole name, read as Slack's dotted paths are (`path-shape.ts`): its parts are resources, the
 * last the method, without a first part all of the spec's dotted commands share when each has three parts or more
 * (flickr's `flickr.`). A plain value is a method on the path's resource (`resource` undefined).
 */
export interface QueryCommand {
  resource?: string[];
  method: string;
}

/** The commands of the operations' fixed queries, index by index (undefined where there is none). */
export function queryCommands(
  queries: readonly ({ name: string; value: string }[] | undefined)[],
): (QueryCommand | undefined)[] {
  const values = queries.map(commandOf);
  const dotted = values.filter((v) => v?.includes('.')).map((v) => v!.split('.'));
  const first = dotted[0]?.[0];
  const namespace =
    dotted.length > 1 && dotted.every((parts) => parts.length >= 3 && parts[0] === first);
  return values.map((value) => {
    if (value === undefined) return undefined;
    const parts = value.split('.').map(camelCase);
    if (parts.some((p) => !p)) return undefined;
    if (parts.length === 1) return { method: parts[0]! };
    return { resource: parts.slice(namespace ? 1 : 0, -1), method: parts.at(-1)! };
  });
}

/** Keys whose value names a call. */
const COMMAND_KEY = /^(method|action|cmd|command|op|operation)$/i;
/** A call's name: identifiers, dotted or not (`flickr.photos.getInfo`, `checkconstraints`). */
const COMMAND = /^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*$/;

function commandOf(query: { name: string; value: string }[] | undefined): string | undefined {
  const fixed = query?.filter((q) => !isQueryTemplate(q.value)) ?? [];
  const [only] = fixed;
  return fixed.length === 1 && COMMAND_KEY.test(only!.name) && COMMAND.test(only!.value)
    ? only!.value
    : undefined;
}
