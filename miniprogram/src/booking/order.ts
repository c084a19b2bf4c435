/** 我的预约 in the order a citizen looks for them: what is still to come, soonest first; then the rest, latest first. */
export function orderBookings<T extends { start: string; end: string; status: string }>(items: T[], now: Date): { upcoming: T[]; past: T[] } {
  const at = now.toISOString();
  const upcoming = items.filter((b) => b.status === 'booked' && b.end > at).sort((a, b) => a.start.localeCompare(b.start));
  const past = items.filter((b) => !upcoming.includes(b)).sort((a, b) => b.start.localeCompare(a.start));
  return { upcoming, past };
}
