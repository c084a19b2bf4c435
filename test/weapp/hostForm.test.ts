/** The host form's rules (miniprogram/src/staff/pages/host/hostForm.ts): to the API's body and back, the schema's messages by field, the week's edits, 会诊单位. */
import { describe, expect, it } from 'vitest';
import { HostBody } from '../../shared/schemas/booking';
import { bodyOf, emptyForm, errId, formOf, issuesByPath, meetingDepartments, newHostId, toggle, weekly } from '../../miniprogram/src/staff/pages/host/hostForm';

const filled = () => ({
  ...emptyForm('babao'),
  name: ' 张调解 ',
  title: '',
  kind: 'mediator' as const,
  expertise: ['land' as const],
  weekly: weekly.add(Array.from({ length: 7 }, () => []), 0),
  exceptions: [
    { date: '2026-12-03', kind: 'leave' as const, from: '', to: '', note: '' },
    { date: '2026-12-05', kind: 'extra' as const, from: '14:00', to: '15:00', note: '下乡值班' },
  ],
});

describe('the host form and the body the API takes', () => {
  it('trims, drops what was left empty, sends every weekday and one window an exception row, and passes the schema', () => {
    const body = bodyOf(filled()) as HostBody;
    expect(body.name).toBe('张调解');
    expect(body.title).toBeUndefined();
    expect(body.departmentId).toBeUndefined();
    expect(body.availability.weekly.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(body.availability.weekly[0]?.windows).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(body.availability.exceptions).toEqual([
      { date: '2026-12-03', kind: 'leave', windows: [], note: undefined },
      { date: '2026-12-05', kind: 'extra', windows: [{ from: '14:00', to: '15:00' }], note: '下乡值班' },
    ]);
    expect(body.rules).toEqual({ slotMinutes: 30, bufferMinutes: 10, minNoticeMinutes: 120, horizonDays: 14, capacity: 1 });
    expect(HostBody.safeParse(body).success).toBe(true);
  });

  it('reads a saved host back into the same form, a day of two windows as two rows', () => {
    const body = HostBody.parse(bodyOf(filled()));
    const twice = { ...body, availability: { ...body.availability, exceptions: [{ date: '2026-12-05', kind: 'extra' as const, windows: [{ from: '09:00', to: '10:00' }, { from: '14:00', to: '15:00' }] }] } };
    const form = formOf({ ...twice, id: 'h1', centreName: '八宝镇综治中心' });
    expect(form.name).toBe('张调解');
    expect(form.weekly[0]).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(form.exceptions.map((e) => `${e.date} ${e.from}-${e.to}`)).toEqual(['2026-12-05 09:00-10:00', '2026-12-05 14:00-15:00']);
    expect(form.rules.capacity).toBe('1');
  });

  it('leaves a number that is not one for the schema to name, with the first message of each field', () => {
    const form = { ...filled(), name: '', rules: { ...filled().rules, capacity: '一' } };
    const parsed = HostBody.safeParse(bodyOf(form));
    expect(parsed.success).toBe(false);
    const errors = issuesByPath(parsed.error!.issues);
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['name', 'rules.capacity']));
    expect(issuesByPath([{ path: ['a', 0], message: '一' }, { path: ['a', 0], message: '二' }])).toEqual({ 'a.0': '一' });
    expect(errId('availability.weekly.0.windows.1.to')).toBe('err-availability-weekly-0-windows-1-to');
  });
});

describe('the weekly hours', () => {
  it('adds a morning to a day, changes and removes a window of that day only', () => {
    const week = weekly.add(weekly.add(Array.from({ length: 7 }, () => []), 2), 2);
    expect(week[2]).toHaveLength(2);
    const changed = weekly.change(week, 2, 1, { from: '14:00', to: '17:00' });
    expect(changed[2]).toEqual([{ from: '09:00', to: '12:00' }, { from: '14:00', to: '17:00' }]);
    expect(weekly.remove(changed, 2, 0)[2]).toEqual([{ from: '14:00', to: '17:00' }]);
    expect(changed.filter((d) => d.length).length).toBe(1);
  });
  it('toggles a choice in or out of a list', () => {
    expect(toggle(['land'], 'family')).toEqual(['land', 'family']);
    expect(toggle(['land', 'family'], 'land')).toEqual(['family']);
  });
  it('makes host ids of its own shape', () => {
    expect(newHostId(36 ** 3, 0.5)).toBe('h-1000i');
  });
});

describe('会诊单位', () => {
  const org = {
    nodes: [{ id: 'qilian', kind: 'county' }, { id: 'babao', kind: 'township' }, { id: 'ebao', kind: 'township' }],
    departments: [{ id: 'county-justice', centreId: 'qilian', name: '县司法局' }, { id: 'babao-justice', centreId: 'babao', name: '八宝镇司法所' }, { id: 'ebao-police', centreId: 'ebao', name: '峨堡镇派出所' }],
  } as unknown as Parameters<typeof meetingDepartments>[0];
  it('offers the departments of the host centre and of the county, none before the organisation is read', () => {
    expect(meetingDepartments(org, 'babao').map((d) => d.id)).toEqual(['county-justice', 'babao-justice']);
    expect(meetingDepartments(null, 'babao')).toEqual([]);
  });
});
