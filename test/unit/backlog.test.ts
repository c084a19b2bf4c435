/**
 * 积案 in the pure workflow: the county classes a long-unsettled case A/B/C (90/60/30 days from classing) and may name
 * its lead official; posts a case without a lead to its board (挂榜), where one official claims it (揭榜领案); and
 * forms its team (专班), whose lead stays the one who claimed it.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors';
import type { Petition } from '../../shared/schemas/petition';
import { decide, type Command } from '../../shared/workflow';
import { LIMITS, aPetition } from '../support/builders';

const now = new Date('2026-11-23T02:00:00Z');
const at = now.toISOString();
const ctx = { now, limits: LIMITS };
const county = { role: 'county_supervisor' as const, id: 'u-county', name: '县督查员' };
const official = { role: 'centre_staff' as const, id: 'u-wang', name: '王副镇长' };
const CLASSED = { backlogClass: 'A', classedAt: '2026-11-22T12:00:00.000Z', dueAt: '2027-02-20T12:00:00.000Z' } as const;
const backlogCase = (backlog?: Petition['backlog']) => aPetition().inProgress().with({ backlog }).build();

describe('classing a backlog case (积案定级)', () => {
  it('sets the statutory deadline from classing (B: 60 days) for the case and for the step under way, and names the lead', () => {
    const d = decide(backlogCase(), { action: 'classify', backlogClass: 'B', leadOfficial: '县委副书记' }, county, ctx);
    const due = '2027-01-22T02:00:00.000Z';
    expect(d.patch).toStrictEqual({
      status: 'in_progress',
      updatedAt: at,
      backlog: { backlogClass: 'B', classedAt: at, dueAt: due, leadOfficial: { name: '县委副书记' } },
      resolveDueAt: due,
      dueAt: due,
      dueFrom: at,
    });
    expect(d.event).toMatchObject({ action: 'classify', visibility: 'public', note: '列为 B 类积案，60 天内化解', data: { backlogClass: 'B', dueAt: due, leadOfficial: '县委副书记' } });
  });

  it('leaves an accepted case its dispatch deadline, and the lead unnamed when none is given', () => {
    const d = decide(aPetition().accepted().build(), { action: 'classify', backlogClass: 'C' }, county, ctx);
    expect(d.patch).toStrictEqual({
      status: 'accepted',
      updatedAt: at,
      backlog: { backlogClass: 'C', classedAt: at, dueAt: '2026-12-23T02:00:00.000Z' },
      resolveDueAt: '2026-12-23T02:00:00.000Z',
    });
    expect(d.event.note).toBe('列为 C 类积案，30 天内化解');
  });

  it('keeps the team and the board of a case classed again', () => {
    const team = [{ id: 'u-police', name: '派出所' }];
    const d = decide(backlogCase({ ...CLASSED, team, boardSince: '2026-11-22T13:00:00.000Z' }), { action: 'classify', backlogClass: 'A' }, county, ctx);
    expect(d.patch.backlog).toStrictEqual({ backlogClass: 'A', classedAt: at, dueAt: '2027-02-21T02:00:00.000Z', team, boardSince: '2026-11-22T13:00:00.000Z' });
  });
});

describe('the board (挂榜, 揭榜领案)', () => {
  it('posts a backlog case without a lead, on the staff record', () => {
    const d = decide(backlogCase(CLASSED), { action: 'post_board', note: '请各位领导揭榜' }, county, ctx);
    expect(d.patch).toStrictEqual({ status: 'in_progress', updatedAt: at, backlog: { ...CLASSED, boardSince: at } });
    expect(d.event).toMatchObject({ action: 'post_board', visibility: 'internal', note: '请各位领导揭榜' });
  });

  it('posts only a backlog case, once, and none that has a lead', () => {
    const post = (p: Petition) => () => decide(p, { action: 'post_board' }, county, ctx);
    expect(post(backlogCase())).toThrow('只有积案可以挂榜');
    expect(post(backlogCase({ ...CLASSED, boardSince: '2026-11-22T13:00:00.000Z' }))).toThrow('该积案已挂榜');
    expect(post(backlogCase({ ...CLASSED, leadOfficial: { name: '县委副书记' } }))).toThrow('该积案已有包案领导');
  });

  it('lets the first official who claims a posted case lead it, named on the record', () => {
    const posted = backlogCase({ ...CLASSED, boardSince: '2026-11-22T13:00:00.000Z' });
    const d = decide(posted, { action: 'claim_lead', note: '一个月内化解' }, official, ctx);
    expect(d.patch).toStrictEqual({ status: 'in_progress', updatedAt: at, backlog: { ...posted.backlog, leadOfficial: { id: 'u-wang', name: '王副镇长', claimedAt: at } } });
    expect(d.event).toMatchObject({ action: 'claim_lead', visibility: 'internal', note: '一个月内化解', data: { leadOfficial: '王副镇长' } });
    // an account without a name is named by its id
    expect(decide(posted, { action: 'claim_lead' }, { ...official, name: undefined }, ctx).patch.backlog?.leadOfficial).toEqual({ id: 'u-wang', name: 'u-wang', claimedAt: at });
  });

  it('lets no one claim a case not posted, nor one already claimed', () => {
    const claim = (p: Petition) => () => decide(p, { action: 'claim_lead' }, official, ctx);
    expect(claim(backlogCase())).toThrow('该诉求未挂榜');
    expect(claim(backlogCase(CLASSED))).toThrow('该诉求未挂榜');
    const claimed = { ...CLASSED, boardSince: '2026-11-22T13:00:00.000Z', leadOfficial: { id: 'u-li', name: '李书记', claimedAt: '2026-11-22T14:00:00.000Z' } };
    expect(claim(backlogCase(claimed))).toThrow('该积案已被揭榜');
  });
});

describe('the team (组建专班)', () => {
  const team = [
    { id: 'u-police', name: '派出所民警' },
    { id: 'u-resources', name: '自然资源所干部' },
  ];
  const assign = (leader?: { id: string; name: string }): Command => ({ action: 'assign_team', usernames: ['police', 'resources'], team, ...(leader ? { leader, lead: leader.id } : {}) });

  it('puts the named staff on the case, with a lead official as an account, on the staff record', () => {
    const d = decide(backlogCase(CLASSED), assign({ id: 'u-wang', name: '王副镇长' }), county, ctx);
    expect(d.patch).toStrictEqual({ status: 'in_progress', updatedAt: at, backlog: { ...CLASSED, team, leadOfficial: { id: 'u-wang', name: '王副镇长' } } });
    expect(d.event).toMatchObject({ action: 'assign_team', visibility: 'internal', note: '包案领导：王副镇长；专班：派出所民警、自然资源所干部', data: { team: ['u-police', 'u-resources'], lead: 'u-wang' } });
  });

  it('keeps the lead the case has when none is named, and names none when it has none', () => {
    const named = { ...CLASSED, leadOfficial: { name: '县委副书记' } };
    const d = decide(backlogCase(named), assign(), county, ctx);
    expect(d.patch.backlog).toStrictEqual({ ...named, team });
    expect(d.event.note).toBe('专班：派出所民警、自然资源所干部');
    expect(d.event.data).toStrictEqual({ team: ['u-police', 'u-resources'] });
    expect(decide(backlogCase(CLASSED), assign(), county, ctx).patch.backlog).toStrictEqual({ ...CLASSED, team });
  });

  it('keeps the official who claimed the case from the board as its lead: the same lead again is fine, another is refused', () => {
    const claimed = { ...CLASSED, boardSince: '2026-11-22T13:00:00.000Z', leadOfficial: { id: 'u-wang', name: '王副镇长', claimedAt: '2026-11-22T14:00:00.000Z' } };
    expect(decide(backlogCase(claimed), assign(), county, ctx).patch.backlog).toStrictEqual({ ...claimed, team });
    expect(decide(backlogCase(claimed), assign({ id: 'u-wang', name: '王副镇长' }), county, ctx).patch.backlog?.leadOfficial).toEqual(claimed.leadOfficial);
    expect(() => decide(backlogCase(claimed), assign({ id: 'u-li', name: '李书记' }), county, ctx)).toThrow('该积案已由王副镇长揭榜领办，包案领导不能更换');
  });

  it('is formed only for a backlog case', () => {
    expect(() => decide(backlogCase(), assign(), county, ctx)).toThrow(ConflictError);
    expect(() => decide(backlogCase(), assign(), county, ctx)).toThrow('只有积案可以组建专班');
  });
});
