import { wantsStream } from '../../templates/params';

describe('wantsStream', () => {
  it('is true only when the field is true', () => {
    expect(wantsStream({ stream: true }, 'stream')).toBe(true);
    expect(wantsStream({ 'live-stream': true }, 'live-stream')).toBe(true);
    for (const value of [false, null, undefined, 'true', 1])
      expect(wantsStream({ stream: value }, 'stream')).toBe(false);
  });

  it('is false without params', () => {
    expect(wantsStream(undefined, 'stream')).toBe(false);
    expect(wantsStream(null, 'stream')).toBe(false);
    expect(wantsStream({}, 'stream')).toBe(false);
  });
});
