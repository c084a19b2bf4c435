/**
 * The case file's view rules, pure (no Taro): who did a step in words, what a resolution cites, the supervising
 * centre's name, a co-department's state in a consultation, where the report was made, and an expert's rating.
 */
import type { CaseFile, StaffOrg } from '../../lib/petitions';

export const NOT_FOUND = '该反映不存在或您无权查看';

type Event = CaseFile['timeline'][number];
type Participant = NonNullable<CaseFile['consultation']>['participants'][number];

/** A role in words: a staff role by the app's labels, the citizen and the system by name, anything else as it came. */
export function roleLabel(role: string, staffRoles: Record<string, string>): string {
  if (role in staffRoles) return staffRoles[role]!;
  return role === 'citizen' ? '群众' : role === 'system' ? '系统' : role;
}

/** The consultation opinions a resolution cites, as its record holds them. */
export function citesOf(e: Pick<Event, 'action' | 'data'>): Array<{ departmentId: string; name: string; opinion: string }> {
  const cites = e.action === 'resolve' ? e.data?.cites : undefined;
  return Array.isArray(cites) ? (cites as Array<{ departmentId: string; name: string; opinion: string }>) : [];
}

/** The supervising centre by its name (a county names its own levels); 上级 while the organisation is unread. */
export function supervisorName(org: Pick<StaffOrg, 'nodes'> | null, centreId: string): string {
  const n = org?.nodes.find((x) => x.id === centreId);
  return n ? (n.centreName ?? n.name) : '上级';
}

/** A repeat the system suspects and the caller may confirm. */
export const possibleRepeat = (p: Pick<CaseFile, 'repeatOf' | 'repeatConfirmed' | 'actions'>): boolean =>
  !!p.repeatOf && !p.repeatConfirmed && p.actions.includes('link_repeat');

/** A co-department in a consultation: reported (late or not), past the deadline without a report, or waiting. */
export function participantState(x: Pick<Participant, 'departmentId' | 'reportedAt' | 'remindedAt'>, late: string[], dueAt: string) {
  if (x.reportedAt) return { state: 'reported', badge: x.reportedAt > dueAt ? '逾期报到' : '已报到', tone: '' } as const;
  if (late.includes(x.departmentId)) return { state: 'late', badge: `逾期未报到${x.remindedAt ? '（已催报）' : ''}`, tone: 'overdue' } as const;
  return { state: 'waiting', badge: '待报到', tone: 'near' } as const;
}

export const locationText = (location: CaseFile['location']): string =>
  location ? `纬度 ${location.lat.toFixed(5)}，经度 ${location.lng.toFixed(5)}` : '未提供';

/** An expert's ratings (0 to 2 each) as a share of the best, or none yet. */
export const ratingText = (average: number | undefined): string => (average === undefined ? '暂无评价' : `评价 ${Math.round((average / 2) * 100)}%`);
