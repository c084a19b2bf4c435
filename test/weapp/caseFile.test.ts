/** The case file's view rules (miniprogram/src/staff/pages/petition/caseFile.ts): roles, cites, supervisor, co-departments, place, ratings. */
import { describe, expect, it } from 'vitest';
import { citesOf, locationText, participantState, possibleRepeat, ratingText, roleLabel, supervisorName } from '../../miniprogram/src/staff/pages/petition/caseFile';

describe('who took a step, in words', () => {
  const staff = { handler: '承办部门', centre_staff: '综治中心' };
  it('names a staff role by its label, the citizen and the system by name, and leaves an unknown role as it came', () => {
    expect(['handler', 'citizen', 'system', 'partner'].map((r) => roleLabel(r, staff))).toEqual(['承办部门', '群众', '系统', 'partner']);
  });
});

describe('what a resolution cites', () => {
  const cite = { departmentId: 'd1', name: '八宝镇司法所', opinion: '依法调解' };
  it('lists the consultation opinions a resolution carries, and nothing for another step or a malformed record', () => {
    expect(citesOf({ action: 'resolve', data: { cites: [cite] } })).toEqual([cite]);
    expect(citesOf({ action: 'progress', data: { cites: [cite] } })).toEqual([]);
    expect(citesOf({ action: 'resolve', data: { cites: 'x' } })).toEqual([]);
    expect(citesOf({ action: 'resolve' })).toEqual([]);
  });
});

describe('the supervising centre', () => {
  const org = { nodes: [{ id: 'county', name: '祁连县', centreName: '祁连县综治中心' }, { id: 'babao', name: '八宝镇' }] } as Parameters<typeof supervisorName>[0];
  it('is named by its centre, else its node, else 上级 while the organisation is unread', () => {
    expect(supervisorName(org, 'county')).toBe('祁连县综治中心');
    expect(supervisorName(org, 'babao')).toBe('八宝镇');
    expect(supervisorName(org, 'gone')).toBe('上级');
    expect(supervisorName(null, 'county')).toBe('上级');
  });
});

describe('a suspected repeat', () => {
  it('asks to be confirmed only while unconfirmed and when the caller may link it', () => {
    expect(possibleRepeat({ repeatOf: 'p1', repeatConfirmed: false, actions: ['link_repeat'] })).toBe(true);
    expect(possibleRepeat({ repeatOf: 'p1', repeatConfirmed: true, actions: ['link_repeat'] })).toBe(false);
    expect(possibleRepeat({ repeatOf: 'p1', repeatConfirmed: false, actions: ['accept'] })).toBe(false);
    expect(possibleRepeat({ repeatOf: undefined, repeatConfirmed: false, actions: ['link_repeat'] })).toBe(false);
  });
});

describe('a co-department in a consultation', () => {
  const due = '2026-12-01T02:00:00.000Z';
  it('has reported on time or late, is late without a report (reminded or not), or waits', () => {
    expect(participantState({ departmentId: 'd', reportedAt: '2026-12-01T01:00:00.000Z' }, ['d'], due)).toEqual({ state: 'reported', badge: '已报到', tone: '' });
    expect(participantState({ departmentId: 'd', reportedAt: '2026-12-01T03:00:00.000Z' }, [], due)).toEqual({ state: 'reported', badge: '逾期报到', tone: '' });
    expect(participantState({ departmentId: 'd' }, ['d'], due)).toEqual({ state: 'late', badge: '逾期未报到', tone: 'overdue' });
    expect(participantState({ departmentId: 'd', remindedAt: due }, ['d'], due).badge).toBe('逾期未报到（已催报）');
    expect(participantState({ departmentId: 'd' }, ['e'], due)).toEqual({ state: 'waiting', badge: '待报到', tone: 'near' });
  });
});

describe('place and rating in words', () => {
  it('gives the place to five decimals, or says none was given', () => {
    expect(locationText({ lat: 38.1234567, lng: 100.25 })).toBe('纬度 38.12346，经度 100.25000');
    expect(locationText(undefined)).toBe('未提供');
  });
  it('gives an expert rating (0 to 2) as a share of the best, or none yet', () => {
    expect(ratingText(1.5)).toBe('评价 75%');
    expect(ratingText(0)).toBe('评价 0%');
    expect(ratingText(undefined)).toBe('暂无评价');
  });
});
