import { describe, expect, it } from 'vitest';
import { Availability, SlotRules, type AvailabilityException } from '../../shared/schemas/booking';
import { isPublicHoliday } from '../../shared/calendar';
import { bookableSlots, dayWindows, daySlots, findSlot, weekdayOf, weekOf } from '../../shared/slots';

/** Weekday mornings 09:00–12:00 and afternoons 14:30–17:30 China time. */
const officeHours = (exceptions: AvailabilityException[] = [], chinaCalendar = true) =>
  Availability.parse({
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ from: '09:00', to: '12:00' }, { from: '14:30', to: '17:30' }] })),
    exceptions,
    chinaCalendar,
  });
const rules = (r: Partial<SlotRules> = {}) => SlotRules.parse({ slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 14, capacity: 1, ...r });
/** China time `HH:MM` of the slots' starts. */
const starts = (slots: { start: string }[]) => slots.map((s) => new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(11, 16));

describe('the day a host receives on', () => {
  // National Day 2026: 1–7 October off (Sat 3 and Sun 4 inside it); Saturday 10 October is a make-up workday.
  it.each([
    ['an ordinary Wednesday', '2026-09-30', 12],
    ['National Day, a Thursday', '2026-10-01', 0],
    ['a weekend inside the holiday', '2026-10-03', 0],
    ['the last day of the holiday, a Wednesday', '2026-10-07', 0],
    ['the Thursday after', '2026-10-08', 12],
    ['the make-up Saturday (调休上班) takes the Monday hours', '2026-10-10', 12],
    ['an ordinary Sunday', '2026-10-11', 0],
    ['an ordinary Saturday', '2026-11-21', 0],
  ] as const)('%s (%s) has %i half-hour slots', (_name, day, count) => {
    expect(daySlots(officeHours(), rules(), day)).toHaveLength(count);
  });

  it('knows a public holiday from a plain weekend', () => {
    expect(isPublicHoliday('2026-10-03')).toBe(true);
    expect(isPublicHoliday('2026-11-21')).toBe(false);
    expect(isPublicHoliday('2026-10-10')).toBe(false);
  });

  it('ignores the China calendar for a host who keeps only the weekly pattern', () => {
    const h = officeHours([], false);
    expect(daySlots(h, rules(), '2026-10-01')).toHaveLength(12);
    expect(daySlots(h, rules(), '2026-10-10')).toHaveLength(0);
  });

  it('keeps a weekend duty pattern on plain weekends but not on the holiday', () => {
    const weekend = Availability.parse({ weekly: [{ weekday: 6, windows: [{ from: '10:00', to: '11:00' }] }] });
    expect(starts(daySlots(weekend, rules(), '2026-11-21'))).toEqual(['10:00', '10:30']);
    expect(daySlots(weekend, rules(), '2026-10-03')).toEqual([]);
  });
});

describe('exceptions', () => {
  it('a whole-day leave removes every slot of that day only', () => {
    const h = officeHours([{ date: '2026-11-24', kind: 'leave', windows: [] }]);
    expect(daySlots(h, rules(), '2026-11-24')).toEqual([]);
    expect(daySlots(h, rules(), '2026-11-25')).toHaveLength(12);
  });

  it('a leave for some hours removes only those hours', () => {
    const h = officeHours([{ date: '2026-11-24', kind: 'leave', windows: [{ from: '10:00', to: '11:00' }, { from: '14:00', to: '16:00' }] }]);
    expect(dayWindows(h, '2026-11-24')).toEqual([
      [540, 600],
      [660, 720],
      [960, 1050],
    ]);
    expect(starts(daySlots(h, rules(), '2026-11-24'))).toEqual(['09:00', '09:30', '11:00', '11:30', '16:00', '16:30', '17:00']);
  });

  it('an extra duty day adds hours on a holiday and joins hours that touch', () => {
    const h = officeHours([
      { date: '2026-10-02', kind: 'extra', windows: [{ from: '09:00', to: '10:00' }] },
      { date: '2026-11-24', kind: 'extra', windows: [{ from: '12:00', to: '13:00' }] },
    ]);
    expect(starts(daySlots(h, rules(), '2026-10-02'))).toEqual(['09:00', '09:30']);
    expect(dayWindows(h, '2026-11-24')).toEqual([
      [540, 780],
      [870, 1050],
    ]);
  });
});

describe('slot length, buffer, notice and horizon', () => {
  it.each([
    ['30 minutes, no buffer', 30, 0, ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']],
    ['30 minutes with a 10-minute buffer', 30, 10, ['09:00', '09:40', '10:20', '11:00']],
    ['45 minutes with a 15-minute buffer', 45, 15, ['09:00', '10:00', '11:00']],
    ['a slot that would overrun the window is left out', 50, 20, ['09:00', '10:10']],
  ] as const)('%s', (_name, slotMinutes, bufferMinutes, expected) => {
    const morning = Availability.parse({ weekly: [{ weekday: 2, windows: [{ from: '09:00', to: '12:00' }] }] });
    expect(starts(daySlots(morning, rules({ slotMinutes, bufferMinutes }), '2026-11-24'))).toEqual(expected);
  });

  it('stores slot times in UTC: 09:00 in China is 01:00 UTC', () => {
    const [first] = daySlots(officeHours(), rules(), '2026-11-24');
    expect(first).toEqual({ start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T01:30:00.000Z' });
  });

  it('leaves out what starts sooner than the minimum notice', () => {
    const now = new Date('2026-11-24T01:10:00Z'); // 09:10 China time, a Tuesday
    const host = { availability: officeHours(), rules: rules({ minNoticeMinutes: 120 }) };
    const today = bookableSlots(host, now, 1);
    expect(starts(today)[0]).toBe('11:30'); // 11:10 is the earliest; 11:00 is too soon
    expect(findSlot(host, now, '2026-11-24T03:00:00.000Z')).toBeUndefined();
    expect(findSlot(host, now, '2026-11-24T03:30:00Z')).toEqual({ start: '2026-11-24T03:30:00.000Z', end: '2026-11-24T04:00:00.000Z' });
  });

  it('counts the horizon in China days from today and never past it', () => {
    const now = new Date('2026-11-23T20:00:00Z'); // already Tuesday 24 November in China
    const host = { availability: officeHours(), rules: rules({ horizonDays: 3 }) };
    const days = new Set(bookableSlots(host, now, 30).map((s) => new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(0, 10)));
    expect([...days]).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(findSlot(host, now, '2026-11-27T01:00:00.000Z')).toBeUndefined();
  });

  it('a booking window across National Day offers the days before and after only', () => {
    const now = new Date('2026-09-29T16:00:00Z'); // Wednesday 30 September, midnight in China
    const host = { availability: officeHours(), rules: rules({ horizonDays: 12 }) };
    const days = [...new Set(bookableSlots(host, now).map((s) => new Date(Date.parse(s.start) + 8 * 3_600_000).toISOString().slice(0, 10)))];
    expect(days).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('offers a slot that starts exactly at the minimum notice, and finds none for a start that is no time', () => {
    const now = new Date('2026-11-24T01:00:00Z'); // 09:00 China time
    const host = { availability: officeHours(), rules: rules({ minNoticeMinutes: 60 }) };
    expect(starts(bookableSlots(host, now, 1))[0]).toBe('10:00');
    expect(findSlot(host, now, '明天上午')).toBeUndefined();
  });
});

describe('weeks and weekdays', () => {
  it('numbers Monday 1 to Sunday 7, and names a China week by its Monday', () => {
    expect(['2026-11-30', '2026-12-05', '2026-12-06'].map(weekdayOf)).toEqual([1, 6, 7]);
    expect(weekOf('2026-12-06T15:59:00Z')).toBe('2026-11-30'); // Sunday 23:59 in China
    expect(weekOf('2026-12-06T16:00:00Z')).toBe('2026-12-07'); // Monday 00:00 in China
    expect(weekOf('2026-12-02T01:00:00Z')).toBe('2026-11-30');
  });
});

describe('leave and hours at their edges', () => {
  const morning = (exceptions: AvailabilityException[]) => Availability.parse({ weekly: [{ weekday: 2, windows: [{ from: '09:00', to: '12:00' }] }], exceptions });
  it('a leave that only touches the hours, or covers their start or end, or all of them', () => {
    const leave = (from: string, to: string) => dayWindows(morning([{ date: '2026-11-24', kind: 'leave', windows: [{ from, to }] }]), '2026-11-24');
    expect(leave('08:00', '09:00')).toEqual([[540, 720]]);
    expect(leave('12:00', '13:00')).toEqual([[540, 720]]);
    expect(leave('09:00', '10:00')).toEqual([[600, 720]]);
    expect(leave('11:00', '12:00')).toEqual([[540, 660]]);
    expect(leave('08:00', '13:00')).toEqual([]);
    // an extra duty that day is not a leave, even one without hours
    expect(dayWindows(morning([{ date: '2026-11-24', kind: 'extra', windows: [] }]), '2026-11-24')).toEqual([[540, 720]]);
    expect(dayWindows(morning([{ date: '2026-11-24', kind: 'extra', windows: [{ from: '13:00', to: '14:00' }] }]), '2026-11-24')).toEqual([
      [540, 720],
      [780, 840],
    ]);
  });

  it('a make-up Saturday takes the first weekday with hours, and none for a host without weekday hours', () => {
    const wednesdays = Availability.parse({ weekly: [{ weekday: 3, windows: [{ from: '09:00', to: '10:00' }] }, { weekday: 5, windows: [{ from: '15:00', to: '16:00' }] }] });
    expect(dayWindows(wednesdays, '2026-10-10')).toEqual([[540, 600]]);
    // an ordinary Friday keeps its own hours
    expect(dayWindows(wednesdays, '2026-11-27')).toEqual([[900, 960]]);
    const weekends = Availability.parse({ weekly: [{ weekday: 7, windows: [{ from: '09:00', to: '10:00' }] }] });
    expect(dayWindows(weekends, '2026-10-10')).toEqual([]);
    // a plain Saturday with Saturday hours keeps them
    const saturdays = Availability.parse({ weekly: [{ weekday: 6, windows: [{ from: '09:00', to: '10:00' }] }, { weekday: 1, windows: [{ from: '14:00', to: '15:00' }] }] });
    expect(dayWindows(saturdays, '2026-11-21')).toEqual([[540, 600]]);
  });
});
