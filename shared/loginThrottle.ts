/**
 * Staff login throttle, as pure functions of a counter's state: after `delayAfter` failures each further attempt
 * must wait a delay that doubles (from `delaySeconds`, at most `maxDelaySeconds`); at `lockAfter` the counter locks
 * for `lockMinutes`. An attempt made while blocked is refused and still counts toward the lock (hammering locks
 * sooner), but never lengthens a lock. A counter is forgotten `windowMinutes` after its last failure or at the end
 * of its lock. Usernames and source addresses each have a counter and a policy of their own.
 */
export interface ThrottlePolicy {
  delayAfter: number;
  lockAfter: number;
  delaySeconds: number;
  maxDelaySeconds: number;
  lockMinutes: number;
  windowMinutes: number;
}

/** Times are milliseconds since the epoch. */
export interface ThrottleState {
  failures: number;
  /** no attempt before this (0: none) */
  blockedUntil: number;
  /** the counter is forgotten after this */
  expiresAt: number;
}

export const FRESH: ThrottleState = { failures: 0, blockedUntil: 0, expiresAt: 0 };

/** The state as it stands at `now`: an expired counter is a fresh one. */
export const current = (s: ThrottleState | undefined, now: number): ThrottleState => (s && s.expiresAt > now ? s : FRESH);

/** Whole seconds until an attempt may be made; 0 when it may be made now. */
export const waitSeconds = (s: ThrottleState, now: number): number => Math.max(0, Math.ceil((s.blockedUntil - now) / 1000));

export const isLocked = (s: ThrottleState, now: number, p: ThrottlePolicy): boolean => s.failures >= p.lockAfter && s.blockedUntil > now;

/** The delay after the `failures`th failure, in seconds: 0, then doubling, then the lock. */
export function delayAfterFailures(failures: number, p: ThrottlePolicy): number {
  if (failures >= p.lockAfter) return p.lockMinutes * 60;
  if (failures < p.delayAfter) return 0;
  return Math.min(p.maxDelaySeconds, p.delaySeconds * 2 ** (failures - p.delayAfter));
}

/** The counter after one more failed (or refused) attempt at `now`. A lock already running is left as it is. */
export function afterFailure(s: ThrottleState, now: number, p: ThrottlePolicy): ThrottleState {
  if (isLocked(s, now, p)) return s;
  const failures = s.failures + 1;
  const wait = delayAfterFailures(failures, p);
  const blockedUntil = Math.max(s.blockedUntil, wait ? now + wait * 1000 : 0);
  return { failures, blockedUntil, expiresAt: Math.max(now + p.windowMinutes * 60_000, blockedUntil) };
}

/**
 * The key a source address is counted under: an IPv4 address as it is, an IPv6 one by its /64 (one subscriber
 * holds a whole /64, and would otherwise have 2^64 counters).
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
