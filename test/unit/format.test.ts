/** Every time a person reads, in one format (shared/format.ts): China time. */
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../shared/format';

describe('a time as people read it', () => {
  it('is China time, zero-padded hours and minutes, the date without padding', () => {
    expect(formatTime('2026-12-01T01:05:00.000Z')).toBe('2026年12月1日 09:05');
    // past midnight in China while still the day before in UTC
    expect(formatTime('2026-12-31T16:30:00.000Z')).toBe('2027年1月1日 00:30');
  });

  it('is nothing for no time or one that does not parse', () => {
    expect(formatTime(undefined)).toBe('');
    expect(formatTime('')).toBe('');
    expect(formatTime('下周')).toBe('');
  });
});
