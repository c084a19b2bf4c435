import { describe, expect, it } from 'vitest';
import { FRESH, addressKey, afterFailure, current, delayAfterFailures, isLocked, waitSeconds, type ThrottlePolicy } from '../../shared/loginThrottle';

const policy: ThrottlePolicy = { delayAfter: 3, lockAfter: 10, delaySeconds: 2, maxDelaySeconds: 60, lockMinutes: 15, windowMinutes: 15 };
const T0 = Date.parse('2026-12-01T01:00:00Z');

describe('the staff login throttle', () => {
  it('lets the first failures through, then makes each attempt wait longer, then locks', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((f) => delayAfterFailures(f, policy))).toEqual([0, 0, 2, 4, 8, 16, 32, 60, 60, 900]);
  });

  it('counts an attempt refused while blocked toward the lock, but never lengthens a lock', () => {
    let s = FRESH;
    for (let i = 0; i < 10; i++) s = afterFailure(s, T0, policy);
    expect(isLocked(s, T0 + 1, policy)).toBe(true);
    expect(waitSeconds(s, T0)).toBe(900);
    const later = afterFailure(s, T0 + 600_000, policy);
    expect(later).toEqual(s);
    expect(waitSeconds(later, T0 + 600_000)).toBe(300);
  });

  it('forgets a counter after its window, and after its lock', () => {
    const once = afterFailure(FRESH, T0, policy);
    expect(current(once, T0 + 14 * 60_000).failures).toBe(1);
    expect(current(once, T0 + 15 * 60_000)).toEqual(FRESH);
    let s = FRESH;
    for (let i = 0; i < 10; i++) s = afterFailure(s, T0, policy);
    expect(current(s, T0 + 15 * 60_000 + 1)).toEqual(FRESH);
  });

  it('counts an IPv6 address by its /64 and an IPv4 address as it is', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:0:12:a:b:c:d')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:0db8:0000:0012::9')).toBe('2001:db8:0:12::/64');
    // the groups after '::' count too: here they reach into the /64
    expect(addressKey('2001:db8::5:6:7:8:9:a')).toBe('2001:db8:5:6::/64');
    expect(addressKey('::ffff:1:2:3:4:5')).toBe('0:0:ffff:1::/64');
  });

  it('locks until the moment the lock ends, not at it, and a delay below the lock is not a lock', () => {
    let s = FRESH;
    for (let i = 0; i < 10; i++) s = afterFailure(s, T0, policy);
    expect([isLocked(s, s.blockedUntil - 1, policy), isLocked(s, s.blockedUntil, policy)]).toEqual([true, false]);
    let delayed = FRESH;
    for (let i = 0; i < 9; i++) delayed = afterFailure(delayed, T0, policy);
    expect(waitSeconds(delayed, T0)).toBe(60);
    expect(isLocked(delayed, T0, policy)).toBe(false);
  });
});
