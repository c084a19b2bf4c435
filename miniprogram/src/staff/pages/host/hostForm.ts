/**
 * The host form's rules, pure (no Taro): the form as typed (strings, one exception window a row), from a host and
 * back to the body the API takes, the schema's issues by field path, the weekly hours' edits, and the departments a
 * host may represent in a consultation's meeting.
 */
import type { Expertise, HostKind, SlotRules, Way } from '../../../../../shared/schemas/booking';
import type { StaffOrg } from '../../lib/petitions';
import type { StaffHost } from '../../lib/receptions';

export const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const RULES: Array<{ key: keyof SlotRules; label: string; unit: string }> = [
  { key: 'slotMinutes', label: '每次时长', unit: '分钟' },
  { key: 'bufferMinutes', label: '两次之间休息', unit: '分钟' },
  { key: 'minNoticeMinutes', label: '至少提前预约', unit: '分钟' },
  { key: 'horizonDays', label: '可预约未来', unit: '天（含今天）' },
  { key: 'capacity', label: '每个时段人数', unit: '人（多于 1 人为集体接访）' },
];

export interface Win {
  from: string;
  to: string;
}
export interface Exception {
  date: string;
  kind: 'leave' | 'extra';
  from: string;
  to: string;
  note: string;
}
export interface HostForm {
  name: string;
  title: string;
  centreId: string;
  /** 会诊单位: the department the host receives for in a consultation's meeting; '' none */
  departmentId: string;
  kind?: HostKind;
  expertise: Expertise[];
  ways: Way[];
  intro: string;
  active: boolean;
  /** index 0 is Monday: every weekday is sent, so an error's index is the weekday's */
  weekly: Win[][];
  exceptions: Exception[];
  chinaCalendar: boolean;
  rules: Record<keyof SlotRules, string>;
}

export const emptyForm = (centreId: string): HostForm => ({
  name: '',
  title: '',
  centreId,
  departmentId: '',
  expertise: [],
  ways: ['video'],
  intro: '',
  active: true,
  weekly: Array.from({ length: 7 }, () => []),
  exceptions: [],
  chinaCalendar: true,
  rules: { slotMinutes: '30', bufferMinutes: '10', minNoticeMinutes: '120', horizonDays: '14', capacity: '1' },
});

export function formOf(h: StaffHost): HostForm {
  return {
    name: h.name,
    title: h.title ?? '',
    centreId: h.centreId,
    departmentId: h.departmentId ?? '',
    kind: h.kind,
    expertise: h.expertise,
    ways: h.ways,
    intro: h.intro ?? '',
    active: h.active,
    weekly: Array.from({ length: 7 }, (_, i) => h.availability.weekly.filter((w) => w.weekday === i + 1).flatMap((w) => w.windows)),
    // one window per row: a day with several is several rows
    exceptions: h.availability.exceptions.flatMap((e) =>
      (e.windows.length ? e.windows : [{ from: '', to: '' }]).map((w) => ({ date: e.date, kind: e.kind, from: w.from, to: w.to, note: e.note ?? '' })),
    ),
    chinaCalendar: h.availability.chinaCalendar,
    rules: Object.fromEntries(RULES.map((r) => [r.key, String(h.rules[r.key])])) as HostForm['rules'],
  };
}

/** What the API takes; a number that is not one stays NaN so the schema names the field. */
export function bodyOf(f: HostForm): unknown {
  const num = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    name: f.name.trim(),
    title: opt(f.title),
    centreId: f.centreId,
    departmentId: opt(f.departmentId),
    kind: f.kind,
    expertise: f.expertise,
    ways: f.ways,
    intro: opt(f.intro),
    active: f.active,
    availability: {
      weekly: f.weekly.map((windows, i) => ({ weekday: i + 1, windows })),
      exceptions: f.exceptions.map((e) => ({
        date: e.date.trim(),
        kind: e.kind,
        windows: e.from || e.to ? [{ from: e.from.trim(), to: e.to.trim() }] : [],
        note: opt(e.note),
      })),
      chinaCalendar: f.chinaCalendar,
    },
    rules: Object.fromEntries(RULES.map((r) => [r.key, num(f.rules[r.key])])),
  };
}

/** The first message of each field path (`availability.weekly.0.windows.1.to`), as the form shows them. */
export function issuesByPath(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.map(String).join('.')] ??= i.message;
  return out;
}

export const newHostId = (now = Date.now(), random = Math.random()) => `h-${now.toString(36)}${random.toString(36).slice(2, 6)}`;
/** `availability.weekly.0.windows.1.to` → an element id */
export const errId = (path: string) => `err-${path.replace(/\./g, '-')}`;
export const toggle = <T>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** The weekly hours' edits: day `i` (0 is Monday), window `j`. */
export const weekly = {
  change: (w: Win[][], i: number, j: number, next: Win) => w.map((ws, k) => (k === i ? ws.map((x, m) => (m === j ? next : x)) : ws)),
  remove: (w: Win[][], i: number, j: number) => w.map((ws, k) => (k === i ? ws.filter((_x, m) => m !== j) : ws)),
  add: (w: Win[][], i: number) => w.map((ws, k) => (k === i ? [...ws, { from: '09:00', to: '12:00' }] : ws)),
};

/** 会诊单位: a department of the host's centre or of the county, as a consultation calls them. */
export function meetingDepartments(org: Pick<StaffOrg, 'nodes' | 'departments'> | null, centreId: string | undefined) {
  const counties = new Set(org?.nodes.filter((n) => n.kind === 'county').map((n) => n.id));
  return (org?.departments ?? []).filter((d) => d.centreId === centreId || counties.has(d.centreId));
}
