import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../shared/errors';
import { STATUSES, type Role, type Status } from '../../shared/schemas/common';
import type { Petition } from '../../shared/schemas/petition';
import { allowedActions, claim, decide, isDispatched, submittedEvent, taskOf, type Command } from '../../shared/workflow';
import { LIMITS, aPetition } from '../support/builders';

const limits = LIMITS;
const now = new Date('2026-11-23T02:00:00Z');

/** The builders' well-formed petition with what a test changes: one default for every test of petitions. */
const petition = (over: Partial<Petition> = {}): Petition => aPetition(over).build();

const staff = (role: Role) => ({ role, id: `u-${role}`, name: role });
const commands: Record<Command['action'], Command> = {
  accept: { action: 'accept' },
  decline: { action: 'decline', reason: '已诉讼', redirect: '人民法院' },
  dispatch: { action: 'dispatch', departmentId: 'babao-justice' },
  progress: { action: 'progress', note: '在办', visibility: 'public' },
  resolve: { action: 'resolve', summary: '已调解' },
  rate: { action: 'rate', rating: 'satisfied' },
  transfer: { action: 'transfer', centreId: 'ebao', centrePath: 'qilian/ebao', level: 'township', reason: '属地' },
  escalate: { action: 'escalate', reason: '复杂', centres: { township: { centreId: 'babao', centrePath: 'qilian/babao' }, county: { centreId: 'qilian', centrePath: 'qilian' } } },
  supervise: { action: 'supervise', note: '请于三日内办结', by: { centreId: 'qilian', centrePath: 'qilian', level: 'county' } },
  take_over: { action: 'take_over', reason: '涉及两镇，县里接管', by: { centreId: 'qilian', centrePath: 'qilian', level: 'county' } },
  reopen: { action: 'reopen', reason: '复查' },
  close: { action: 'close' },
  extend: { action: 'extend', days: 30, reason: '需等待草场确权结果' },
  follow_up: { action: 'follow_up', reached: true, rating: 'satisfied', note: '电话回访，群众表示问题已解决' },
  inform: { action: 'inform', note: '已电话告知群众' },
  reveal_phone: { action: 'reveal_phone' },
  link_repeat: { action: 'link_repeat', repeatOf: 'P0' },
  unlink_repeat: { action: 'unlink_repeat' },
  consult: { action: 'consult', leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界怎么认定', days: 3, lead: { id: 'babao-natural-resources', name: '八宝镇自然资源所' }, departments: [{ id: 'babao-justice', name: '八宝镇司法所' }] },
  report_in: { action: 'report_in', opinion: '建议先调解，再确权' },
  invite_expert: { action: 'invite_expert', expertId: 'e-law', expert: { id: 'e-law', name: '李律师' } },
  book_meeting: {
    action: 'book_meeting',
    start: '2026-11-24T01:00:00.000Z',
    hostIds: ['h-justice', 'h-police'],
    withCitizen: false,
    meeting: {
      id: 'm1', start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T01:30:00.000Z', withCitizen: false, roomId: 'room', bookedAt: '2026-11-22T12:00:00.000Z', bookedBy: '值班员',
      hosts: [{ hostId: 'h-justice', name: '王调解', departmentId: 'babao-justice', departmentName: '八宝镇司法所' }, { hostId: 'h-police', name: '马警官', departmentId: 'babao-police', departmentName: '八宝镇派出所' }],
    },
  },
  classify: { action: 'classify', backlogClass: 'B', leadOfficial: '县委副书记' },
  post_board: { action: 'post_board' },
  claim_lead: { action: 'claim_lead' },
  hand_up: { action: 'hand_up', reason: '涉及草场确权，村里调解不了', departmentId: 'babao-justice' },
  issue_document: {
    action: 'issue_document',
    kind: 'agreement',
    parties: [{ role: '甲方', name: '张三' }, { role: '乙方', name: '李四' }],
    facts: '草场边界争议',
    terms: '以围栏现状为界',
    document: { names: { centreName: '八宝镇综治中心', categoryName: '草场纠纷', townshipName: '八宝镇' }, year: 2026, seq: 1 },
  },
  assign_team: { action: 'assign_team', usernames: ['babao-resources'], team: [{ id: 'u-babao-resources', name: '自然资源所承办人' }] },
  attach: { action: 'attach', key: 'photos/2026-11/abc/01J0000000000000000000000A.pdf', name: '签字的调解协议书' },
};

/**
 * The table of allowed steps, written out from the README's rules (not read from the code): for each step, the
 * statuses it may be taken from (one column per status, in this order) and who may take it. `C` = the centre
 * (centre staff, county supervisor, admin), `H` = the centre and the department's handler, `Z` = the citizen, `F` = who
 * files for citizens (the centre and agents);
 * `.` = not from this status. A step is forbidden (403) to a role that may never take it, whatever the status, and a
 * conflict (409) from a status it may not be taken from.
 */
const STATUS_COLUMNS: Status[] = ['submitted', 'accepted', 'declined', 'dispatched', 'in_progress', 'resolved', 'rated', 'closed', 'reopened'];
//                                          sub acc dec dis inp res rat clo reo
const TABLE: Record<Command['action'], string> = {
  accept: /*                              */ 'C   .   .   .   .   .   .   .   .',
  decline: /*                             */ 'C   .   .   .   .   .   .   .   .',
  dispatch: /*                            */ '.   C   .   .   .   .   .   .   C',
  progress: /*                            */ '.   .   .   H   H   .   .   .   H',
  resolve: /*                             */ '.   .   .   H   H   .   .   .   H',
  rate: /*                                */ '.   .   .   .   .   Z   .   .   .',
  transfer: /*                            */ 'C   C   .   .   .   .   .   .   C',
  escalate: /*                            */ 'C   C   .   C   C   .   .   .   C',
  supervise: /*                           */ 'C   C   .   C   C   .   .   .   C',
  take_over: /*                           */ 'C   C   .   C   C   .   .   .   C',
  reopen: /*                              */ '.   .   C   .   .   C   C   C   .',
  close: /*                               */ '.   .   .   .   .   C   C   .   .',
  extend: /*                              */ '.   C   .   C   C   .   .   .   .',
  follow_up: /*                           */ '.   .   .   .   .   C   C   C   .',
  inform: /*                              */ 'F   F   F   F   F   F   F   F   F',
  reveal_phone: /*                        */ 'H   H   H   H   H   H   H   H   H',
  link_repeat: /*                         */ 'C   C   C   C   C   C   C   C   C',
  unlink_repeat: /*                       */ 'C   C   C   C   C   C   C   C   C',
  consult: /*                             */ '.   C   .   C   C   .   .   .   C',
  report_in: /*                           */ '.   .   .   D   D   .   .   .   D',
  invite_expert: /*                       */ '.   .   .   C   C   .   .   .   C',
  book_meeting: /*                        */ '.   .   .   C   C   .   .   .   C',
  classify: /*                            */ '.   K   .   K   K   .   .   .   K',
  post_board: /*                          */ '.   K   .   K   K   .   .   .   K',
  claim_lead: /*                          */ '.   C   .   C   C   .   .   .   C',
  hand_up: /*                             */ 'V   .   .   .   V   .   .   .   V',
  issue_document: /*                      */ '.   C   .   C   C   C   C   C   C',
  assign_team: /*                         */ '.   K   .   K   K   .   .   .   K',
  attach: /*                              */ 'H   H   H   H   H   H   H   H   H',
};
const WHO: Record<string, Role[]> = {
  C: ['centre_staff', 'county_supervisor', 'admin'],
  H: ['centre_staff', 'county_supervisor', 'admin', 'handler'],
  Z: ['citizen'],
  // a co-department's handler of the case's consultation (联合会诊)
  D: ['handler'],
  F: ['centre_staff', 'county_supervisor', 'admin', 'agent'],
  // the county: its supervisors and admins
  K: ['county_supervisor', 'admin'],
  // a village's staff, on a case their village holds (below: this table's cases are the township's)
  V: ['village_staff'],
};
/** Where each step leads from each status it may be taken from (rate: a satisfied rating; dissatisfied reopens). */
const TARGET: Record<Command['action'], Partial<Record<Status, Status>> | 'stays'> = {
  accept: { submitted: 'accepted' },
  decline: { submitted: 'declined' },
  dispatch: { accepted: 'dispatched', reopened: 'dispatched' },
  progress: { dispatched: 'in_progress', in_progress: 'in_progress', reopened: 'reopened' },
  resolve: { dispatched: 'resolved', in_progress: 'resolved', reopened: 'resolved' },
  rate: { resolved: 'rated' },
  transfer: { submitted: 'submitted', accepted: 'submitted', reopened: 'submitted' },
  escalate: 'stays',
  supervise: 'stays',
  take_over: 'stays',
  reopen: { declined: 'reopened', resolved: 'reopened', rated: 'reopened', closed: 'reopened' },
  close: { resolved: 'closed', rated: 'closed' },
  extend: 'stays',
  follow_up: 'stays',
  inform: 'stays',
  reveal_phone: 'stays',
  link_repeat: 'stays',
  unlink_repeat: 'stays',
  consult: { accepted: 'dispatched', dispatched: 'dispatched', in_progress: 'in_progress', reopened: 'reopened' },
  report_in: 'stays',
  invite_expert: 'stays',
  book_meeting: 'stays',
  classify: 'stays',
  post_board: 'stays',
  claim_lead: 'stays',
  hand_up: { submitted: 'submitted', in_progress: 'accepted', reopened: 'accepted' },
  issue_document: 'stays',
  assign_team: 'stays',
  attach: 'stays',
};
const ROLES: Role[] = ['citizen', 'centre_staff', 'handler', 'agent', 'village_staff', 'county_supervisor', 'admin'];
/** 督办 and 接管 are taken on a case escalated to the county (by the county: the commands above), the rest on one that is not. */
const COUNTY_SUPERVISES = { level: 'county', centreId: 'qilian', centrePath: 'qilian', since: '2026-11-22T12:00:00.000Z' } as const;
/** A consultation that called 八宝镇派出所 in; its handler reports in (the actor's department, below). */
const CALLED_POLICE = {
  startedAt: '2026-11-22T12:00:00.000Z', startedBy: '值班员', leadDepartmentId: 'babao-justice', leadName: '八宝镇司法所', question: '草场边界怎么认定',
  dueAt: '2026-11-25T12:00:00.000Z', participants: [{ departmentId: 'babao-police', name: '八宝镇派出所' }],
};
const SETUP: Partial<Record<Command['action'], Partial<Petition>>> = {
  supervise: { supervisedBy: COUNTY_SUPERVISES },
  take_over: { supervisedBy: COUNTY_SUPERVISES },
  report_in: { departmentId: 'babao-justice', consultation: CALLED_POLICE },
  invite_expert: { departmentId: 'babao-justice', consultation: CALLED_POLICE },
  book_meeting: { departmentId: 'babao-justice', consultation: CALLED_POLICE },
  assign_team: { backlog: { backlogClass: 'A', classedAt: '2026-11-22T12:00:00.000Z', dueAt: '2027-02-20T12:00:00.000Z' } },
  post_board: { backlog: { backlogClass: 'A', classedAt: '2026-11-22T12:00:00.000Z', dueAt: '2027-02-20T12:00:00.000Z' } },
  claim_lead: { backlog: { backlogClass: 'A', classedAt: '2026-11-22T12:00:00.000Z', dueAt: '2027-02-20T12:00:00.000Z', boardSince: '2026-11-22T13:00:00.000Z' } },
};
/** Who takes the step: a handler reporting in is of the co-department called in. */
const actorFor = (action: Command['action'], role: Role) => (action === 'report_in' && role === 'handler' ? { ...staff(role), departmentId: 'babao-police' } : staff(role));

function expectedOf(action: Command['action'], status: Status, role: Role): 'forbidden' | 'conflict' | Status {
  const cells = TABLE[action].trim().split(/\s+/);
  const who = cells.find((c) => c !== '.') ?? '.';
  // the table's cases are the township's: a village's staff may take no step on them
  if (!(WHO[who] ?? []).includes(role) || role === 'village_staff') return 'forbidden';
  const cell = cells[STATUS_COLUMNS.indexOf(status)];
  if (cell === '.') return 'conflict';
  const target = TARGET[action];
  return target === 'stays' ? status : target[status] ?? 'conflict';
}

describe('the table of allowed steps', () => {
  it('has one column per status and one row per step', () => {
    expect([...STATUS_COLUMNS].sort()).toEqual([...STATUSES].sort());
    for (const row of Object.values(TABLE)) expect(row.trim().split(/\s+/)).toHaveLength(STATUS_COLUMNS.length);
  });

  for (const action of Object.keys(TABLE) as Command['action'][]) {
    for (const status of STATUSES) {
      for (const role of ROLES) {
        const expected = expectedOf(action, status, role);
        it(`${action} from ${status} by ${role}: ${expected}`, () => {
          const p = petition({ status, level: 'township', phone: '13812341234', repeatOf: 'P0', ...SETUP[action] });
          const run = () => decide(p, commands[action], actorFor(action, role), { now, limits });
          if (expected === 'forbidden') expect(run).toThrow(ForbiddenError);
          else if (expected === 'conflict') expect(run).toThrow(ConflictError);
          else {
            const d = run();
            expect(d.event).toMatchObject({ action, from: status, to: expected, actor: { role } });
            // a step that keeps the status either says so or leaves it out of the patch
            expect(d.patch.status ?? status).toBe(expected);
          }
        });
      }
    }
  }

  it('offers each role exactly the steps of its row for the status: what the staff page shows', () => {
    for (const status of STATUSES) {
      for (const role of ROLES) {
        const offered = allowedActions(status, role);
        const expected = (Object.keys(TABLE) as Command['action'][]).filter((a) => !['forbidden', 'conflict'].includes(expectedOf(a, status, role)));
        expect({ status, role, offered: [...offered].sort() }).toEqual({ status, role, offered: expected.sort() });
      }
    }
  });
});

describe('what each step changes, exactly', () => {
  const at = now.toISOString();
  const centre = staff('centre_staff');
  const ctx = { now, limits };

  it('accept: accepted, the dispatch clock, the statutory resolve clock; on time when before the acceptance deadline', () => {
    const d = decide(petition(), commands.accept, centre, ctx);
    // 15 workdays from Monday 23 Nov 2026 is Monday 14 Dec.
    expect(d.patch).toStrictEqual({ status: 'accepted', updatedAt: at, acceptedAt: at, dueAt: '2026-11-24T02:00:00.000Z', dueFrom: at, resolveDueAt: '2026-12-14T02:00:00.000Z' });
    expect(d.event).toMatchObject({ from: 'submitted', to: 'accepted', visibility: 'public', data: { onTime: true } });
    expect(decide(petition({ dueAt: '2026-11-23T01:59:59.999Z' }), commands.accept, centre, ctx).event.data).toEqual({ onTime: false });
  });

  it('accept: a resolve limit past 60 days is cut to the statutory 60 days from acceptance', () => {
    const long = { ...limits, resolve: { amount: 90, unit: 'days' } } as const;
    expect(decide(petition(), commands.accept, centre, { now, limits: long }).patch.resolveDueAt).toBe('2027-01-22T02:00:00.000Z');
    const sixty = { ...limits, resolve: { amount: 60, unit: 'days' } } as const;
    expect(decide(petition(), commands.accept, centre, { now, limits: sixty }).patch.resolveDueAt).toBe('2027-01-22T02:00:00.000Z');
  });

  it('decline: declined with the reason and where to go instead, and no deadline left', () => {
    const d = decide(petition(), commands.decline, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'declined', updatedAt: at, decline: { reason: '已诉讼', redirect: '人民法院' }, dueAt: undefined, dueFrom: undefined });
    expect(d.event).toMatchObject({ to: 'declined', note: '已诉讼（建议：人民法院）', visibility: 'public', data: { onTime: true, redirect: '人民法院' } });
  });

  it('dispatch: to the department and handler, due at the resolve deadline (or the resolve limit when there is none)', () => {
    const d = decide(petition({ status: 'accepted' }), { action: 'dispatch', departmentId: 'babao-justice', handlerId: 'u-h', note: '请办理' }, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'dispatched', updatedAt: at, departmentId: 'babao-justice', handlerId: 'u-h', dueAt: '2027-01-20T02:00:00.000Z', dueFrom: at });
    expect(d.event).toMatchObject({ to: 'dispatched', note: '请办理', data: { departmentId: 'babao-justice', handlerId: 'u-h' } });
    const without = decide(petition({ status: 'reopened', resolveDueAt: undefined }), commands.dispatch, centre, ctx);
    expect(without.patch).toStrictEqual({ status: 'dispatched', updatedAt: at, departmentId: 'babao-justice', handlerId: undefined, dueAt: '2026-12-14T02:00:00.000Z', dueFrom: at });
  });

  it('progress: the first note moves a dispatched case into handling; later notes change nothing but the time', () => {
    const first = decide(petition({ status: 'dispatched' }), { action: 'progress', note: '内部', visibility: 'internal' }, staff('handler'), ctx);
    expect(first.patch).toStrictEqual({ status: 'in_progress', updatedAt: at });
    expect(first.event).toMatchObject({ note: '内部', visibility: 'internal' });
    const later = decide(petition({ status: 'in_progress' }), commands.progress, staff('handler'), ctx);
    expect(later.patch).toStrictEqual({ status: 'in_progress', updatedAt: at });
    expect(later.event.visibility).toBe('public');
  });

  it('resolve: resolved with the summary, the rating window and the follow-up call; on time by the resolve deadline', () => {
    const d = decide(petition({ status: 'in_progress', followUp: { at: 'x', reached: true, note: 'old' } }), commands.resolve, staff('handler'), ctx);
    expect(d.patch).toStrictEqual({
      status: 'resolved', updatedAt: at, resolvedAt: at, resolution: '已调解', dueAt: '2026-11-30T02:00:00.000Z', dueFrom: at, followUpAt: '2026-11-30T02:00:00.000Z', followUp: undefined,
    });
    expect(d.event).toMatchObject({ note: '已调解', data: { onTime: true } });
    const late = decide(petition({ status: 'in_progress', resolveDueAt: '2026-11-23T01:00:00.000Z' }), commands.resolve, staff('handler'), ctx);
    expect(late.event.data).toEqual({ onTime: false });
    const byStepDue = decide(petition({ status: 'in_progress', resolveDueAt: undefined, dueAt: '2026-11-23T01:00:00.000Z' }), commands.resolve, staff('handler'), ctx);
    expect(byStepDue.event.data).toEqual({ onTime: false });
  });

  it('resolve: a mediation category\'s case says how the mediation ended (调处), unsaid is not an agreement; other cases say nothing', () => {
    const open = petition({ status: 'in_progress' });
    const mediated = { ...ctx, mediation: true };
    expect(decide(open, { action: 'resolve', summary: '已调解', mediation: 'agreed' }, staff('handler'), mediated).event.data).toEqual({ onTime: true, mediation: 'agreed' });
    expect(decide(open, { action: 'resolve', summary: '已调解', mediation: 'not_agreed' }, staff('handler'), mediated).event.data).toEqual({ onTime: true, mediation: 'not_agreed' });
    expect(decide(open, commands.resolve, staff('handler'), mediated).event.data).toEqual({ onTime: true, mediation: 'not_agreed' });
    expect(decide(open, { action: 'resolve', summary: '已调解', mediation: 'agreed' }, staff('handler'), ctx).event.data).toEqual({ onTime: true });
  });

  it('rate: satisfied or basically satisfied closes the loop; dissatisfied reopens for review within the review limit', () => {
    const citizen = { role: 'citizen' as const, id: 'wx_a' };
    const happy = decide(petition({ status: 'resolved' }), { action: 'rate', rating: 'basically_satisfied', comment: '还行' }, citizen, ctx);
    expect(happy.patch).toStrictEqual({ status: 'rated', updatedAt: at, rating: { rating: 'basically_satisfied', comment: '还行', at }, dueAt: undefined, dueFrom: undefined });
    expect(happy.event).toMatchObject({ to: 'rated', note: '还行', data: { rating: 'basically_satisfied' } });
    const sad = decide(petition({ status: 'resolved' }), { action: 'rate', rating: 'dissatisfied' }, citizen, ctx);
    expect(sad.patch).toStrictEqual({ status: 'reopened', updatedAt: at, rating: { rating: 'dissatisfied', comment: undefined, at }, dueAt: '2026-12-23T02:00:00.000Z', dueFrom: at, reopenedAt: at });
    expect(sad.event).toMatchObject({ to: 'reopened', data: { rating: 'dissatisfied' } });
  });

  it('transfer: to the other centre, which starts its own acceptance clock; the department is cleared; never to itself', () => {
    const d = decide(petition({ status: 'accepted', departmentId: 'babao-justice', handlerId: 'u-h' }), commands.transfer, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'submitted', updatedAt: at, centreId: 'ebao', centrePath: 'qilian/ebao', level: 'township', departmentId: undefined, handlerId: undefined, dueAt: '2026-11-24T02:00:00.000Z', dueFrom: at });
    expect(d.event).toMatchObject({ from: 'accepted', to: 'submitted', note: '属地', data: { fromCentreId: 'babao', toCentreId: 'ebao', fromLevel: 'township', toLevel: 'township' } });
    expect(() => decide(petition(), { ...commands.transfer, centreId: 'babao' } as Command, centre, ctx)).toThrow(ConflictError);
  });

  it('transfer: a supervisor still above the new owner stays; one the case moves to, or no longer above it, does not', () => {
    const supervised = petition({ status: 'accepted', supervisedBy: COUNTY_SUPERVISES });
    expect(decide(supervised, commands.transfer, centre, ctx).patch).not.toHaveProperty('supervisedBy');
    const toCounty = decide(supervised, { ...commands.transfer, centreId: 'qilian', centrePath: 'qilian' } as Command, centre, ctx);
    expect(toCounty.patch).toMatchObject({ centreId: 'qilian', supervisedBy: undefined });
    expect(toCounty.patch).toHaveProperty('supervisedBy');
    const byTownship = { level: 'township', centreId: 'babao', centrePath: 'qilian/babao', since: at } as const;
    const village = decide(petition({ level: 'village', supervisedBy: byTownship }), commands.transfer, centre, ctx);
    expect(village.patch).toHaveProperty('supervisedBy', undefined);
  });

  it('transfer: the case is at the level of the centre it moves to; a village no longer holds it', () => {
    const toCounty = decide(petition({ status: 'accepted' }), { ...commands.transfer, centreId: 'qilian', centrePath: 'qilian', level: 'county' } as Command, centre, ctx);
    expect(toCounty.patch).toMatchObject({ centreId: 'qilian', level: 'county' });
    expect(toCounty.event.data).toMatchObject({ fromLevel: 'township', toLevel: 'county' });
    const held = decide(petition({ level: 'village', villageId: 'babao-baiyanggou' }), commands.transfer, centre, ctx);
    expect(held.patch).toMatchObject({ centreId: 'ebao', level: 'township' });
    expect(held.event.data).toMatchObject({ fromLevel: 'village', toLevel: 'township' });
  });

  it('escalate (首接首办): the next level supervises and the owner keeps the case; no level above the county', () => {
    const township = decide(petition({ status: 'in_progress' }), commands.escalate, centre, ctx);
    expect(township.patch).toStrictEqual({ status: 'in_progress', updatedAt: at, supervisedBy: { level: 'county', centreId: 'qilian', centrePath: 'qilian', since: at } });
    expect(township.event).toMatchObject({ from: 'in_progress', to: 'in_progress', note: '复杂', visibility: 'public', data: { fromLevel: 'township', toLevel: 'county', supervisorId: 'qilian', centreId: 'babao' } });
    const village = decide(petition({ level: 'village' }), commands.escalate, centre, ctx);
    expect(village.patch).toStrictEqual({ status: 'submitted', updatedAt: at, supervisedBy: { level: 'township', centreId: 'babao', centrePath: 'qilian/babao', since: at } });
    // once more from the township's supervision: the county
    const twice = decide(petition({ level: 'village', ...village.patch }), commands.escalate, centre, ctx);
    expect(twice.patch.supervisedBy).toMatchObject({ level: 'county', centreId: 'qilian' });
    expect(() => decide(petition({ supervisedBy: COUNTY_SUPERVISES }), commands.escalate, centre, ctx)).toThrow('该诉求已上报上级督办，不能再上报');
    const countyOwned = petition({ level: 'county', centreId: 'qilian', centrePath: 'qilian' });
    expect(() => decide(countyOwned, commands.escalate, staff('county_supervisor'), ctx)).toThrow('该诉求已在县级办理，不能再上报');
  });

  it('supervise (督办): an internal urge by the supervising level, with a nearer deadline if it sets one', () => {
    const supervised = petition({ status: 'in_progress', supervisedBy: COUNTY_SUPERVISES, dueAt: '2026-11-20T02:00:00.000Z', overdue: true });
    const urge = decide(supervised, commands.supervise, staff('county_supervisor'), ctx);
    expect(urge.patch).toStrictEqual({ status: 'in_progress', updatedAt: at });
    expect(urge.event).toMatchObject({ action: 'supervise', visibility: 'internal', note: '请于三日内办结', data: { supervisorId: 'qilian' } });
    // an overdue step gets a new deadline: the sweep watches it from now (near due, urge, overdue again)
    const limited = decide(supervised, { ...commands.supervise, days: 3 } as Command, staff('county_supervisor'), ctx);
    expect(limited.patch).toStrictEqual({ status: 'in_progress', updatedAt: at, dueAt: '2026-11-26T02:00:00.000Z', dueFrom: at });
    expect(limited.event.data).toEqual({ supervisorId: 'qilian', days: 3, from: '2026-11-20T02:00:00.000Z', to: '2026-11-26T02:00:00.000Z' });
    // a deadline still ahead may be brought nearer, never moved later (that is 延期)
    const ahead = petition({ status: 'in_progress', supervisedBy: COUNTY_SUPERVISES, dueAt: '2026-11-25T02:00:00.000Z' });
    expect(decide(ahead, { ...commands.supervise, days: 1 } as Command, staff('county_supervisor'), ctx).patch.dueAt).toBe('2026-11-24T02:00:00.000Z');
    expect(() => decide(ahead, { ...commands.supervise, days: 3 } as Command, staff('county_supervisor'), ctx)).toThrow('督办限期不能晚于本步现有期限');
    // the owner sees the case but does not supervise itself; a case nobody escalated has no supervisor
    const owner = { ...commands.supervise, by: { centreId: 'babao', centrePath: 'qilian/babao', level: 'township' } } as Command;
    expect(() => decide(supervised, owner, centre, ctx)).toThrow(ForbiddenError);
    expect(() => decide(petition({ status: 'in_progress' }), commands.supervise, staff('county_supervisor'), ctx)).toThrow('该诉求未上报上级');
  });

  it('take_over (接管): explicitly, the supervising level becomes the owner; status, department and the overdue mark stay', () => {
    const supervised = petition({ status: 'dispatched', departmentId: 'babao-justice', supervisedBy: COUNTY_SUPERVISES, overdue: true });
    const d = decide(supervised, commands.take_over, staff('county_supervisor'), ctx);
    expect(d.patch).toStrictEqual({ status: 'dispatched', updatedAt: at, centreId: 'qilian', centrePath: 'qilian', level: 'county', supervisedBy: undefined });
    expect(d.event).toMatchObject({ action: 'take_over', visibility: 'public', note: '涉及两镇，县里接管', data: { fromCentreId: 'babao', toCentreId: 'qilian', fromLevel: 'township', toLevel: 'county' } });
    const owner = { ...commands.take_over, by: { centreId: 'babao', centrePath: 'qilian/babao', level: 'township' } } as Command;
    expect(() => decide(supervised, owner, centre, ctx)).toThrow(ForbiddenError);
    expect(() => decide(petition({ status: 'dispatched' }), commands.take_over, staff('county_supervisor'), ctx)).toThrow('该诉求未上报上级');
  });

  it('reopen: reopened for review within the review limit, no longer resolved', () => {
    const d = decide(petition({ status: 'closed', resolvedAt: '2026-11-01T00:00:00.000Z' }), commands.reopen, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'reopened', updatedAt: at, dueAt: '2026-12-23T02:00:00.000Z', dueFrom: at, resolvedAt: undefined, reopenedAt: at });
    // the first reopening is kept: a second one does not move it (化解 and the figures read it)
    const again = decide(petition({ status: 'closed', reopenedAt: '2026-12-01T00:00:00.000Z' }), commands.reopen, centre, ctx);
    expect(again.patch.reopenedAt).toBe('2026-12-01T00:00:00.000Z');
    expect(d.event).toMatchObject({ from: 'closed', to: 'reopened', note: '复查' });
  });

  it('close: closed, with no deadline left', () => {
    const d = decide(petition({ status: 'rated' }), { action: 'close', note: '结案' }, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'closed', updatedAt: at, dueAt: undefined, dueFrom: undefined });
    expect(d.event).toMatchObject({ to: 'closed', note: '结案' });
  });

  it('extend: once, by 1 to 30 days, telling the citizen why; an accepted case keeps its dispatch deadline', () => {
    const d = decide(petition({ status: 'in_progress' }), commands.extend, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'in_progress', updatedAt: at, resolveDueAt: '2027-02-19T02:00:00.000Z', dueAt: '2027-02-19T02:00:00.000Z', dueFrom: at, extended: true });
    expect(d.event).toMatchObject({ visibility: 'public', note: '需等待草场确权结果', data: { days: 30, from: '2027-01-20T02:00:00.000Z', to: '2027-02-19T02:00:00.000Z' } });
    const accepted = decide(petition({ status: 'accepted' }), { action: 'extend', days: 1, reason: 'x' }, centre, ctx);
    expect(accepted.patch).toStrictEqual({ status: 'accepted', updatedAt: at, resolveDueAt: '2027-01-21T02:00:00.000Z', dueAt: '2026-11-23T02:00:00.000Z', extended: true });
    expect(() => decide(petition({ status: 'in_progress', extended: true }), commands.extend, centre, ctx)).toThrow('该诉求已延期过一次，不能再次延期');
    expect(() => decide(petition({ status: 'in_progress', resolveDueAt: undefined }), commands.extend, centre, ctx)).toThrow('该诉求尚无办理期限，不能延期');
    for (const days of [0, 31, 1.5]) {
      expect(() => decide(petition({ status: 'in_progress' }), { action: 'extend', days, reason: 'x' }, centre, ctx)).toThrow('延期天数须为 1 到 30 天');
    }
  });

  it('follow_up: the call is recorded for staff, once, on a case that has one due; the status stays', () => {
    const d = decide(petition({ status: 'rated' }), commands.follow_up, centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'rated', updatedAt: at, followUp: { at, reached: true, rating: 'satisfied', note: '电话回访，群众表示问题已解决' } });
    expect(d.event).toMatchObject({ visibility: 'internal', data: { reached: true, rating: 'satisfied' } });
    expect(() => decide(petition({ status: 'rated', followUpAt: undefined }), commands.follow_up, centre, ctx)).toThrow('该诉求没有待办的回访');
    expect(() => decide(petition({ status: 'rated', ...d.patch }), commands.follow_up, centre, ctx)).toThrow('该诉求没有待办的回访');
  });

  it('reveal_phone: recorded for staff only, and nothing of the case changes, not even its time', () => {
    const d = decide(petition({ phone: '13812341234', status: 'dispatched' }), { action: 'reveal_phone' }, staff('handler'), ctx);
    expect(d.patch).toStrictEqual({});
    expect(d.event).toStrictEqual({ at, actor: staff('handler'), action: 'reveal_phone', from: 'dispatched', to: 'dispatched', visibility: 'internal' });
    expect(() => decide(petition(), { action: 'reveal_phone' }, centre, ctx)).toThrow('该诉求没有留电话');
  });

  it('link_repeat and unlink_repeat: marks on the staff record, never to itself nor twice; status and time stay', () => {
    const linked = decide(petition(), { action: 'link_repeat', repeatOf: 'P0', note: '同一地块' }, centre, ctx);
    expect(linked.patch).toStrictEqual({ repeatOf: 'P0', repeatConfirmed: true });
    expect(linked.event).toMatchObject({ from: 'submitted', to: 'submitted', note: '同一地块', visibility: 'internal', data: { repeatOf: 'P0' } });
    const suggested = decide(petition({ repeatOf: 'P0', repeatConfirmed: false }), { action: 'link_repeat', repeatOf: 'P0' }, centre, ctx);
    expect(suggested.event.data).toEqual({ repeatOf: 'P0', was: 'P0' });
    expect(() => decide(petition({ repeatOf: 'P0', repeatConfirmed: true }), { action: 'link_repeat', repeatOf: 'P0' }, centre, ctx)).toThrow('该诉求已标记为这件诉求的重复');
    expect(() => decide(petition(), { action: 'link_repeat', repeatOf: 'P1' }, centre, ctx)).toThrow('不能把诉求标记为它自己的重复');
    const unlinked = decide(petition({ repeatOf: 'P0', repeatConfirmed: true }), { action: 'unlink_repeat' }, centre, ctx);
    expect(unlinked.patch).toStrictEqual({ repeatOf: undefined, repeatConfirmed: false });
    expect(unlinked.event).toMatchObject({ visibility: 'internal', data: { was: 'P0' } });
    expect(() => decide(petition(), { action: 'unlink_repeat' }, centre, ctx)).toThrow('该诉求没有标记为重复');
  });

  it('book_meeting (会诊会议): appended to the consultation, status and deadline stay; public only when the citizen is invited', () => {
    const cmd = commands.book_meeting as Extract<Command, { action: 'book_meeting' }>;
    const onCase = petition({ status: 'in_progress', departmentId: 'babao-justice', consultation: CALLED_POLICE });
    const booked = decide(onCase, cmd, centre, ctx);
    expect(booked.patch).toStrictEqual({ consultation: { ...CALLED_POLICE, meetings: [cmd.meeting] }, status: 'in_progress', updatedAt: at });
    expect(booked.event).toMatchObject({
      action: 'book_meeting',
      visibility: 'internal',
      note: '会诊会议：2026年11月24日 09:00，参会：王调解（八宝镇司法所）、马警官（八宝镇派出所）',
      data: { meetingId: 'm1', hostIds: ['h-justice', 'h-police'], withCitizen: false },
    });
    const second = { ...cmd.meeting, id: 'm2', withCitizen: true };
    const invited = decide({ ...onCase, consultation: { ...CALLED_POLICE, meetings: [cmd.meeting] } }, { ...cmd, meeting: second }, centre, ctx);
    expect(invited.patch.consultation?.meetings).toEqual([cmd.meeting, second]);
    expect(invited.event).toMatchObject({ visibility: 'public', note: expect.stringMatching(/，邀请群众参加$/) });
    expect(() => decide(petition({ status: 'in_progress' }), cmd, centre, ctx)).toThrow('请先发起联合会诊，再预约会诊会议');
  });

  it('a step without a deadline is on time', () => {
    expect(decide(petition({ dueAt: undefined }), commands.accept, centre, ctx).event.data).toEqual({ onTime: true });
    expect(decide(petition({ status: 'in_progress', resolveDueAt: undefined, dueAt: undefined }), commands.resolve, staff('handler'), ctx).event.data).toEqual({ onTime: true });
  });

  it('escalate: a case the county centre owns (transferred to it) is at the county already', () => {
    const transferred = petition({ status: 'accepted', level: 'township', centreId: 'qilian', centrePath: 'qilian' });
    expect(() => decide(transferred, commands.escalate, centre, ctx)).toThrow('该诉求已在县级办理，不能再上报');
  });

  it('supervise: a limit falling on the current deadline is not a later one; a step due this instant (urged) takes any limit', () => {
    const ahead = petition({ status: 'in_progress', supervisedBy: COUNTY_SUPERVISES, dueAt: '2026-11-25T02:00:00.000Z' });
    expect(decide(ahead, { ...commands.supervise, days: 2 } as Command, staff('county_supervisor'), ctx).patch.dueAt).toBe('2026-11-25T02:00:00.000Z');
    const dueNow = petition({ status: 'in_progress', supervisedBy: COUNTY_SUPERVISES, dueAt: at });
    expect(decide(dueNow, { ...commands.supervise, days: 3 } as Command, staff('county_supervisor'), ctx).patch.dueAt).toBe('2026-11-26T02:00:00.000Z');
  });

  it('says why a step is refused: the owner supervising itself, a transfer to itself, an anonymous number, a village step on a township case', () => {
    const supervised = petition({ status: 'in_progress', supervisedBy: COUNTY_SUPERVISES });
    const owner = { ...commands.supervise, by: { centreId: 'babao', centrePath: 'qilian/babao', level: 'township' } } as Command;
    expect(() => decide(supervised, owner, centre, ctx)).toThrow('只有督办该诉求的上级中心可以进行「督办」');
    expect(() => decide(petition(), { ...commands.transfer, centreId: 'babao' } as Command, centre, ctx)).toThrow('不能转办给本中心');
    expect(() => decide(petition({ phone: '13812341234', anonymous: true }), { action: 'reveal_phone' }, centre, ctx)).toThrow('匿名反映不显示电话');
    expect(() => decide(petition(), commands.accept, staff('village_staff'), ctx)).toThrow('该诉求不在村级办理，不能进行「');
  });

  it('lets the centre act on a case whatever department holds it, even a centre account that belongs to a department', () => {
    const atJustice = petition({ status: 'in_progress', departmentId: 'babao-justice' });
    expect(decide(atJustice, commands.progress, { ...centre, departmentId: 'babao-police' }, ctx).patch.status).toBe('in_progress');
  });

  it('link_repeat: a case confirmed as a repeat of one may be linked to another instead', () => {
    const d = decide(petition({ repeatOf: 'P0', repeatConfirmed: true }), { action: 'link_repeat', repeatOf: 'P2' }, centre, ctx);
    expect(d.patch).toStrictEqual({ repeatOf: 'P2', repeatConfirmed: true });
    expect(d.event.data).toEqual({ repeatOf: 'P2', was: 'P0' });
  });

  it('inform: records for staff that the filer told the citizen, and when; status and deadlines stay', () => {
    const agent = staff('agent');
    const d = decide(petition({ status: 'dispatched' }), commands.inform, agent, ctx);
    expect(d).toStrictEqual({ patch: { agentSeenAt: at }, event: { at, actor: agent, action: 'inform', from: 'dispatched', to: 'dispatched', note: '已电话告知群众', visibility: 'internal' } });
  });

  it('issue_document: the document composed on the staff record, titled and numbered, signed by who issued it; the case stays as it is', () => {
    const d = decide(petition({ status: 'in_progress' }), commands.issue_document, centre, ctx);
    expect(d.patch).toStrictEqual({});
    expect(d.event).toMatchObject({ action: 'issue_document', from: 'in_progress', to: 'in_progress', visibility: 'internal', note: '调解协议书 八宝镇综治中心调〔2026〕1号' });
    expect(d.event.data?.document).toMatchObject({ kind: 'agreement', number: '八宝镇综治中心调〔2026〕1号', issuedAt: at, issuedBy: 'centre_staff' });
    const unnamed = decide(petition({ status: 'in_progress' }), commands.issue_document, { ...centre, name: undefined }, ctx);
    expect(unnamed.event.data?.document).toMatchObject({ issuedBy: 'u-centre_staff' });
  });

  it('attach: the file on the staff record under its name; the case stays as it is', () => {
    const d = decide(petition({ status: 'in_progress' }), commands.attach, centre, ctx);
    expect(d).toStrictEqual({
      patch: {},
      event: { at, actor: centre, action: 'attach', from: 'in_progress', to: 'in_progress', note: '签字的调解协议书', visibility: 'internal', data: { attachment: { key: 'photos/2026-11/abc/01J0000000000000000000000A.pdf', name: '签字的调解协议书' } } },
    });
  });

  it('refuses a role first, then a status, each with a message a person can read', () => {
    expect(() => decide(petition({ status: 'closed' }), commands.accept, staff('handler'), ctx)).toThrow(/^您的角色不能进行「.+」$/);
    expect(() => decide(petition({ status: 'closed' }), commands.accept, centre, ctx)).toThrow(/^该诉求当前为「.+」，不能进行「.+」$/);
  });
});

describe('the steps offered', () => {
  it('lists a role’s steps in the order the staff page shows them', () => {
    const looks = ['inform', 'reveal_phone', 'link_repeat', 'unlink_repeat'];
    expect(allowedActions('submitted' as Status, 'centre_staff')).toEqual(['accept', 'decline', 'attach', 'transfer', 'escalate', 'supervise', 'take_over', ...looks]);
    // report_in: offered to a co-department's handler only (functions/usecases/views.ts)
    expect(allowedActions('in_progress', 'handler')).toEqual(['progress', 'resolve', 'report_in', 'attach', 'reveal_phone']);
    expect(allowedActions('in_progress', 'centre_staff')).toEqual(['progress', 'resolve', 'consult', 'invite_expert', 'book_meeting', 'claim_lead', 'issue_document', 'attach', 'escalate', 'supervise', 'take_over', 'extend', ...looks]);
    expect(allowedActions('resolved', 'citizen')).toEqual(['rate']);
    // the case file offers 已告知群众 only to the one who filed the case (functions/usecases/views.ts)
    expect(allowedActions('submitted', 'agent')).toEqual(['inform']);
  });
});

/**
 * 小事不出村: on a case its village holds, the village's staff accept (and handle at once: no department), progress,
 * resolve, look at the phone, and hand it up; nothing else. Written out from the README, not read from the code.
 */
describe('a case its village holds', () => {
  const held = (over: Partial<Petition> = {}) => petition({ level: 'village', villageId: 'babao-baiyanggou', categoryId: 'neighbour', departmentId: 'babao-justice', phone: '13812341234', ...over });
  const village = { ...staff('village_staff') };
  const VILLAGE_STEPS: Partial<Record<Command['action'], Partial<Record<Status, Status>>>> = {
    accept: { submitted: 'in_progress' },
    progress: { dispatched: 'in_progress', in_progress: 'in_progress', reopened: 'reopened' },
    resolve: { dispatched: 'resolved', in_progress: 'resolved', reopened: 'resolved' },
    reveal_phone: Object.fromEntries(STATUSES.map((s) => [s, s])),
    hand_up: { submitted: 'submitted', in_progress: 'accepted', reopened: 'accepted' },
  };
  for (const action of Object.keys(commands) as Command['action'][]) {
    for (const status of STATUSES) {
      const target = VILLAGE_STEPS[action]?.[status];
      const expected = target ?? (VILLAGE_STEPS[action] ? 'conflict' : 'forbidden');
      it(`${action} from ${status} by the village: ${expected}`, () => {
        const run = () => decide(held({ status, ...SETUP[action] }), commands[action], village, { now, limits });
        if (expected === 'forbidden') expect(run).toThrow(ForbiddenError);
        else if (expected === 'conflict') expect(run).toThrow(ConflictError);
        else expect(run().patch.status ?? status).toBe(expected);
      });
    }
  }

  it('accept by the village: handled there at once, within the resolve limit, no department holding it', () => {
    const d = decide(held(), commands.accept, village, { now, limits });
    expect(d.patch).toMatchObject({ status: 'in_progress', acceptedAt: now.toISOString(), dueAt: '2026-12-14T02:00:00.000Z', resolveDueAt: '2026-12-14T02:00:00.000Z', departmentId: undefined });
    expect(d.patch).not.toHaveProperty('level');
    expect(d.event).toMatchObject({ action: 'accept', to: 'in_progress', visibility: 'public', data: { village: 'babao-baiyanggou' } });
  });

  it('hand up: to the township, its department, waiting on the centre’s dispatch (or its acceptance); public, with the reason', () => {
    const handled = held({ status: 'in_progress', departmentId: undefined, acceptedAt: '2026-11-22T04:00:00.000Z', resolveDueAt: '2026-12-10T02:00:00.000Z' });
    const d = decide(handled, commands.hand_up, village, { now, limits });
    expect(d.patch).toMatchObject({ status: 'accepted', level: 'township', departmentId: 'babao-justice', dueAt: '2026-11-24T02:00:00.000Z', resolveDueAt: '2026-12-10T02:00:00.000Z', acceptedAt: '2026-11-22T04:00:00.000Z' });
    expect(d.event).toMatchObject({ action: 'hand_up', from: 'in_progress', to: 'accepted', visibility: 'public', note: '涉及草场确权，村里调解不了', data: { fromLevel: 'village', toLevel: 'township' } });
    // not yet accepted: the centre accepts it, on the acceptance clock that was running
    const up = decide(held(), commands.hand_up, village, { now, limits }).patch;
    expect(up).toMatchObject({ status: 'submitted', level: 'township', departmentId: 'babao-justice' });
    expect(up).not.toHaveProperty('dueAt');
  });

  it('taken to the township, or handed up, it is no longer supervised by the township itself; a county supervision stays', () => {
    const centre = staff('centre_staff');
    const byTownship = { level: 'township', centreId: 'babao', centrePath: 'qilian/babao', since: '2026-11-22T12:00:00.000Z' } as const;
    const accepted = decide(held({ supervisedBy: byTownship }), commands.accept, centre, { now, limits }).patch;
    expect(accepted).toMatchObject({ level: 'township' });
    expect(accepted).toHaveProperty('supervisedBy', undefined);
    expect(decide(held({ supervisedBy: COUNTY_SUPERVISES }), commands.accept, centre, { now, limits }).patch).not.toHaveProperty('supervisedBy');
    expect(decide(held({ supervisedBy: byTownship }), commands.hand_up, village, { now, limits }).patch).toHaveProperty('supervisedBy', undefined);
    expect(decide(held({ supervisedBy: COUNTY_SUPERVISES }), commands.hand_up, village, { now, limits }).patch).not.toHaveProperty('supervisedBy');
  });

  it('hand up before accepting: the record says from the village to the township, and which village', () => {
    const d = decide(held(), commands.hand_up, village, { now, limits });
    expect(d.event).toMatchObject({ from: 'submitted', to: 'submitted', data: { fromLevel: 'village', toLevel: 'township', village: 'babao-baiyanggou' } });
  });

  it('the township centre takes it to the township by its own accept or dispatch; the village may not act once it has', () => {
    const centre = staff('centre_staff');
    expect(decide(held(), commands.accept, centre, { now, limits }).patch).toMatchObject({ status: 'accepted', level: 'township' });
    expect(decide(held({ status: 'reopened' }), commands.dispatch, centre, { now, limits }).patch).toMatchObject({ status: 'dispatched', level: 'township' });
    // a progress note of the centre leaves it with the village
    expect(decide(held({ status: 'in_progress' }), commands.progress, centre, { now, limits }).patch).not.toHaveProperty('level');
    expect(() => decide(held({ level: 'township' }), commands.accept, village, { now, limits })).toThrow(ForbiddenError);
    expect(() => decide(held({ villageId: undefined }), commands.accept, village, { now, limits })).toThrow(ForbiddenError);
  });

  it('offers the village its steps only on a case its village holds', () => {
    expect(allowedActions('submitted', 'village_staff', 'village')).toEqual(['accept', 'hand_up', 'reveal_phone']);
    expect(allowedActions('in_progress', 'village_staff', 'village')).toEqual(['progress', 'resolve', 'hand_up', 'reveal_phone']);
    expect(allowedActions('in_progress', 'village_staff', 'township')).toEqual([]);
  });
});

describe('claim (认领 a registered case)', () => {
  const herder = { role: 'citizen' as const, id: 'wx_herder' };
  const now = new Date('2026-11-25T02:00:00.000Z');
  const registered = aPetition({ reporter: { kind: 'agent', userId: 'u-babao' }, agentId: 'u-babao', channel: 'visit' });

  it('makes a case held by its filer the citizen\'s, status unchanged, an internal line on the record', () => {
    for (const status of STATUSES) {
      const decision = claim(registered.in(status).build(), herder, now);
      expect(decision).toEqual({
        patch: { reporter: { kind: 'wechat', openid: 'wx_herder' }, updatedAt: now.toISOString() },
        event: { at: now.toISOString(), actor: herder, action: 'claim', from: status, to: status, visibility: 'internal' },
      });
    }
  });

  it('has nothing to do for the citizen who holds it already, and refuses anyone else', () => {
    const theirs = registered.with({ reporter: { kind: 'wechat', openid: 'wx_herder' } }).build();
    expect(claim(theirs, herder, now)).toBeUndefined();
    expect(() => claim(theirs, { ...herder, id: 'wx_other' }, now)).toThrow(ConflictError);
    expect(() => claim(registered.with({ reporter: { kind: 'partner', partnerId: 'hotline' } }).build(), herder, now)).toThrow(ConflictError);
    expect(() => claim(theirs, { ...herder, id: 'wx_other' }, now)).toThrow('这件诉求已由其他微信用户认领，不能再认领；如有疑问请联系登记的综治中心');
  });
});

describe('the record and the tasks', () => {
  it('starts every petition with its public submission', () => {
    const citizen = { role: 'citizen' as const, id: 'wx_a' };
    expect(submittedEvent(citizen, now, '草场边界纠纷')).toStrictEqual({ at: now.toISOString(), actor: citizen, action: 'submit', from: null, to: 'submitted', note: '草场边界纠纷', visibility: 'public' });
  });

  it('gives the centre a review as soon as a case is reopened, and a follow-up call once resolved, until the call is recorded', () => {
    const base = { updatedAt: '2026-11-24T00:00:00.000Z', followUpAt: '2026-11-30T02:00:00.000Z', followUp: undefined };
    expect(taskOf({ ...base, status: 'reopened' })).toEqual({ task: 'review', at: '2026-11-24T00:00:00.000Z' });
    for (const status of ['resolved', 'rated', 'closed'] as const) expect(taskOf({ ...base, status })).toEqual({ task: 'follow_up', at: '2026-11-30T02:00:00.000Z' });
    expect(taskOf({ ...base, status: 'rated', followUp: { at: '2026-11-30T03:00:00.000Z', reached: true, note: '已回访' } })).toBeUndefined();
    expect(taskOf({ ...base, status: 'rated', followUpAt: undefined })).toBeUndefined();
    for (const status of ['submitted', 'accepted', 'declined', 'dispatched', 'in_progress'] as const) expect(taskOf({ ...base, status })).toBeUndefined();
  });

  it('has a case at a department from its dispatch on, not before nor once declined', () => {
    expect(STATUSES.filter(isDispatched)).toEqual(['dispatched', 'in_progress', 'resolved', 'rated', 'closed', 'reopened']);
  });
});

describe('who acts on a case dispatched to another department (联合会诊, 专班)', () => {
  const ctx = { now, limits };
  const BACKLOG = { backlogClass: 'A', classedAt: '2026-11-22T12:00:00.000Z', dueAt: '2027-02-20T12:00:00.000Z' } as const;
  const police = { role: 'handler' as const, id: 'u-police', name: '派出所', departmentId: 'babao-police' };
  const onCase = (backlog?: Petition['backlog']) => petition({ status: 'dispatched', departmentId: 'babao-justice', backlog });

  it("refuses another department's handler every step but reporting in", () => {
    expect(() => decide(onCase(), commands.progress, police, ctx)).toThrow(ForbiddenError);
    expect(() => decide(onCase(), commands.progress, police, ctx)).toThrow('会诊部门只能报到会诊意见，不能进行「');
  });

  it("lets a handler on the backlog case's team, or its lead as an account, act whatever their department", () => {
    const team = onCase({ ...BACKLOG, team: [{ id: 'u-police', name: '派出所' }] });
    expect(decide(team, commands.progress, police, ctx).patch.status).toBe('in_progress');
    const led = onCase({ ...BACKLOG, leadOfficial: { id: 'u-police', name: '派出所' } });
    expect(decide(led, commands.progress, police, ctx).patch.status).toBe('in_progress');
    const someoneElse = onCase({ ...BACKLOG, team: [{ id: 'u-other', name: '别人' }] });
    expect(() => decide(someoneElse, commands.progress, police, ctx)).toThrow(ForbiddenError);
    // a handler without an id (never made by the API) is on no team
    expect(() => decide(team, commands.progress, { ...police, id: undefined as unknown as string }, ctx)).toThrow(ForbiddenError);
  });

  it("lets a handler without a department, or of the case's own, act", () => {
    expect(decide(onCase(), commands.progress, { ...police, departmentId: 'babao-justice' }, ctx).patch.status).toBe('in_progress');
    expect(decide(onCase(), commands.progress, { role: 'handler', id: 'u-h', name: 'h' }, ctx).patch.status).toBe('in_progress');
  });
});
