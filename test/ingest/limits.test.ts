import fc from 'fast-check';
import { formatCount } from '../../src/ingest/limits';

describe('formatCount', () => {
  test('writes counts the way en-US does, with commas between thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(-12_345)).toBe('-12,345');
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => formatCount(n) === n.toLocaleString('en-US')),
    );
  });
});
