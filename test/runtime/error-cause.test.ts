/**
 * `ClientGenError` sets `cause` itself (the ES2020 lib has no two-argument `Error`): it must behave as
 * `new Error(message, { cause })` does, so that code reading `err.cause` sees no difference.
 */
import { APIConnectionError, ClientGenError, errorCause } from '../../templates/errors';

it('sets cause as an own, non-enumerable, writable property, like new Error(message, { cause })', () => {
  const cause = new Error('socket hang up');
  const err = new ClientGenError('failed', { cause });
  const native = new Error('failed', { cause });
  expect(errorCause(err)).toBe(cause);
  expect(Object.getOwnPropertyDescriptor(err, 'cause')).toEqual(
    Object.getOwnPropertyDescriptor(native, 'cause'),
  );
  expect(Object.keys(err)).not.toContain('cause');
});

it('has no cause property when none is given, and keeps an explicit undefined one', () => {
  expect(Object.prototype.hasOwnProperty.call(new ClientGenError('x'), 'cause')).toBe(false);
  expect(Object.prototype.hasOwnProperty.call(new ClientGenError('x', {}), 'cause')).toBe(false);
  expect(
    Object.prototype.hasOwnProperty.call(new ClientGenError('x', { cause: undefined }), 'cause'),
  ).toBe(true);
});

it('passes the cause of a connection error through', () => {
  const cause = new TypeError('fetch failed');
  const err = new APIConnectionError({ cause });
  expect(errorCause(err)).toBe(cause);
  expect(err.message).toBe('Connection error.');
});
