/*
 * English verbs that name what an API call does. General vocabulary, not any provider's names: they tell an
 * operationId's verb from its noun (`cancelFineTuningJob`), and an action segment from a sub-collection
 * (`/invoices/{id}/pay`, `/customers/search`).
 */

/** Verbs that read one thing or a list: the CRUD names `retrieve` and `list` already say them. */
export const READ_VERBS = new Set([
  'get',
  'retrieve',
  'read',
  'fetch',
  'show',
  'describe',
  'find',
  'lookup',
]);

/** Verbs that list. */
export const LIST_VERBS = new Set(['list', 'search', 'query', 'browse', 'enumerate']);

/** Verbs that create a member of a collection (`add-group-user` is `groups.users.create`). */
export const CREATE_VERBS = new Set([
  'create',
  'add',
  'post',
  'new',
  'insert',
  'make',
  'upload',
  'register',
  'invite',
  'assign',
]);

/** Verbs that change an existing thing. */
export const UPDATE_VERBS = new Set([
  'update',
  'modify',
  'edit',
  'patch',
  'put',
  'set',
  'change',
  'replace',
  'upsert',
  'save',
]);

/** Verbs that remove. */
export const DELETE_VERBS = new Set(['delete', 'remove', 'destroy', 'unassign', 'erase', 'drop']);

/** Verbs of actions on a resource beyond CRUD (`POST /jobs/{id}/cancel` is `jobs.cancel(id)`). */
const ACTION_VERBS = [
  'accept',
  'ack',
  'acknowledge',
  'activate',
  'analyze',
  'apply',
  'approve',
  'archive',
  'attach',
  'authenticate',
  'authorize',
  'block',
  'calculate',
  'cancel',
  'capture',
  'check',
  'claim',
  'classify',
  'clear',
  'clone',
  'close',
  'compact',
  'complete',
  'compute',
  'confirm',
  'connect',
  'convert',
  'copy',
  'count',
  'deactivate',
  'decline',
  'decode',
  'deregister',
  'detach',
  'detect',
  'disable',
  'disconnect',
  'discover',
  'dispatch',
  'download',
  'enable',
  'encode',
  'estimate',
  'evaluate',
  'execute',
  'expire',
  'export',
  'extend',
  'extract',
  'fail',
  'finalize',
  'fork',
  'generate',
  'grant',
  'hangup',
  'import',
  'increment',
  'init',
  'initialize',
  'initiate',
  'invalidate',
  'issue',
  'join',
  'leave',
  'link',
  'lock',
  'login',
  'logout',
  'mark',
  'merge',
  'move',
  'notify',
  'parse',
  'pause',
  'pay',
  'pick',
  'ping',
  'poll',
  'preview',
  'process',
  'publish',
  'purge',
  'reactivate',
  'reboot',
  'rebuild',
  'recognize',
  'recover',
  'redact',
  'redeem',
  'refer',
  'refresh',
  'refund',
  'reindex',
  'reject',
  'release',
  'remix',
  'render',
  'renew',
  'reopen',
  'reorder',
  'report',
  'resend',
  'reset',
  'resolve',
  'restart',
  'restore',
  'resubscribe',
  'resume',
  'retry',
  'reverse',
  'revoke',
  'rollback',
  'rotate',
  'run',
  'schedule',
  'send',
  'share',
  'shutdown',
  'snooze',
  'start',
  'stop',
  'submit',
  'subscribe',
  'suggest',
  'summarize',
  'suspend',
  'sync',
  'terminate',
  'test',
  'transcribe',
  'transfer',
  'translate',
  'trigger',
  'unarchive',
  'unblock',
  'unlink',
  'unlock',
  'unpublish',
  'unregister',
  'unsubscribe',
  'validate',
  'verify',
  'visualize',
  'void',
  'withdraw',
];

/** Every verb above, CRUD ones included. */
export const VERBS = new Set([
  ...READ_VERBS,
  ...LIST_VERBS,
  ...CREATE_VERBS,
  ...UPDATE_VERBS,
  ...DELETE_VERBS,
  ...ACTION_VERBS,
]);

/**
 * More verbs, read as such in a path segment only (`/associate-accounts`, `/pins/reveal`, `…/promote-staging-config`
 * are calls). Not in an operationId: there a verb changes which of the id's words a name keeps, and these, read so,
 * shortened AWS's `associatePhoneNumbersWithVoiceConnector` (a fragment's call) to `associate`, and named its
 * `DELETE /tags/{arn}` (`UntagResource`) `tags.untag`, where `tags.delete` says it.
 */
const SEGMENT_VERBS = new Set([
  'abort',
  'advance',
  'anonymize',
  'associate',
  'assume',
  'ban',
  'bind',
  'categorize',
  'commit',
  'deauthorize',
  'decrypt',
  'deliver',
  'demote',
  'deny',
  'deploy',
  'deprecate',
  'detokenize',
  'disassociate',
  'dismiss',
  'dissociate',
  'distribute',
  'downgrade',
  'duplicate',
  'elevate',
  'encrypt',
  'enroll',
  'exchange',
  'fire',
  'flush',
  'forget',
  'install',
  'instantiate',
  'locate',
  'migrate',
  'moderate',
  'mute',
  'optimize',
  'play',
  'precheck',
  'promote',
  'propose',
  'purchase',
  'reauthorize',
  'recharge',
  'reconnect',
  'recreate',
  'recycle',
  'redeploy',
  'redo',
  'reencrypt',
  'regenerate',
  'reimage',
  'reissue',
  'reload',
  'rename',
  'repair',
  'replicate',
  'reprocess',
  'rerequest',
  'rerun',
  'rescan',
  'reschedule',
  'resize',
  'resubmit',
  'resync',
  'revalidate',
  'reveal',
  'revert',
  'rewind',
  'scan',
  'seek',
  'select',
  'ship',
  'simulate',
  'skip',
  'synchronize',
  'toggle',
  'tokenize',
  'truncate',
  'unban',
  'unbind',
  'undelete',
  'undeploy',
  'undo',
  'unenroll',
  'unfollow',
  'uninstall',
  'unmute',
  'unpause',
  'unpin',
  'unschedule',
  'unshare',
  'unstar',
  'unsuspend',
  'untag',
  'untrash',
  'unwatch',
  'upgrade',
]);

/**
 * Segment verbs that begin noun compounds as often (noosh's and xtrf's `exchangeRate`, rubrik's `precheck_status`):
 * verbs only where they are the whole segment (plaid's `…/public_token/exchange`, `…/payroll_income/precheck`).
 */
const WHOLE_SEGMENT_VERBS = new Set(['exchange', 'precheck']);

/**
 * Whether a path segment's first word is a verb: the segment is then a call, not a noun. `phrase`: the segment has
 * more words after it.
 */
export function isSegmentVerb(word: string | undefined, phrase = false): boolean {
  return isListedSegmentVerb(word, phrase) || (word !== undefined && undoes(word));
}

/** The same, of the verbs listed here only: a verb that undoes a call is one of these (`unarchive`, `disable`). */
export function isListedSegmentVerb(word: string | undefined, phrase = false): boolean {
  return (
    word !== undefined &&
    (VERBS.has(word) || (SEGMENT_VERBS.has(word) && !(phrase && WHOLE_SEGMENT_VERBS.has(word))))
  );
}

/**
 * `un` and a verb of an action is that action undone (circuit's `/conversations/unmoderate/{id}` beside `moderate`,
 * magento's `…/balance/unapply`, mist's `…/alarms/unack`): not the CRUD verbs, since `unread` messages are no call
 * and `unpost`, `unset` are nouns as often.
 */
function undoes(word: string): boolean {
  const verb = word.startsWith('un') ? word.slice(2) : '';
  return verb.length >= 3 && !isCrudVerb(verb) && isListedSegmentVerb(verb, true);
}

/** The verbs that say nothing beyond the HTTP method: the CRUD name decides, not the verb. */
export function isCrudVerb(verb: string | undefined): boolean {
  return (
    verb !== undefined &&
    (READ_VERBS.has(verb) ||
      LIST_VERBS.has(verb) ||
      CREATE_VERBS.has(verb) ||
      UPDATE_VERBS.has(verb) ||
      DELETE_VERBS.has(verb))
  );
}

/**
 * The verb a word starts with, for operationIds written as one word (`Getinputtokencounts`,
 * `Compactconversation`): the longest verb of four letters or more that begins it.
 */
export function leadingVerb(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (VERBS.has(lower)) return lower;
  let best: string | undefined;
  for (const verb of VERBS)
    if (
      verb.length >= 3 &&
      lower.startsWith(verb) &&
      lower.length > verb.length + 2 &&
      (!best || verb.length > best.length)
    )
      best = verb;
  return best;
}
