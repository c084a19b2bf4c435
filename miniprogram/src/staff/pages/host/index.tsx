import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState, type ReactNode } from 'react';
import {
  EXPERTISE,
  EXPERTISE_LABELS,
  HOST_KINDS,
  HOST_KIND_LABELS,
  HostBody,
  WAYS,
  WAY_LABELS,
  type Expertise,
  type HostKind,
  type SlotRules,
  type Way,
} from '../../../../../shared/schemas/booking';
import { ApiError } from '../../../lib/apiError';
import { messageOf } from '../../../lib/request';
import { StaffPage } from '../../components/StaffPage';
import { staffSession } from '../../lib/session';
import { api } from '../../lib/api';
import type { StaffOrg } from '../../lib/petitions';
import { chinaDayOf, chinaHm, dayLabel, receptionsApi, type StaffHost } from '../../lib/receptions';
import { Button } from '../../../components/Button';
import { TextField, TextInput } from '../../../components/Field';

const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const RULES: Array<{ key: keyof SlotRules; label: string; unit: string }> = [
  { key: 'slotMinutes', label: '每次时长', unit: '分钟' },
  { key: 'bufferMinutes', label: '两次之间休息', unit: '分钟' },
  { key: 'minNoticeMinutes', label: '至少提前预约', unit: '分钟' },
  { key: 'horizonDays', label: '可预约未来', unit: '天（含今天）' },
  { key: 'capacity', label: '每个时段人数', unit: '人（多于 1 人为集体接访）' },
];

interface Win {
  from: string;
  to: string;
}
interface Exception {
  date: string;
  kind: 'leave' | 'extra';
  from: string;
  to: string;
  note: string;
}
interface Form {
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

const emptyForm = (centreId: string): Form => ({
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

function formOf(h: StaffHost): Form {
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
    rules: Object.fromEntries(RULES.map((r) => [r.key, String(h.rules[r.key])])) as Form['rules'],
  };
}

/** What the API takes; a number that is not one stays NaN so the schema names the field. */
function bodyOf(f: Form): unknown {
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

const newHostId = () => `h-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** `availability.weekly.0.windows.1.to` → an element id */
const errId = (path: string) => `err-${path.replace(/\./g, '-')}`;

/**
 * A host and when they receive: who they are (kind, fields, ways, introduction), the weekly hours and dated
 * exceptions in China time, and the slot rules. Saving shows the times citizens can now book.
 */
export default function HostForm() {
  const { params } = useRouter();
  const [hostId] = useState(() => params.hostId ?? newHostId());
  const isNew = !params.hostId;
  const [form, setForm] = useState<Form | undefined>();
  const [centres, setCentres] = useState<Array<{ id: string; name: string }>>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [upcoming, setUpcoming] = useState<Array<{ start: string; end: string }>>([]);
  const [org, setOrg] = useState<StaffOrg | null>(null);

  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f));
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  async function init() {
    const user = staffSession()?.user;
    if (!user) return;
    if (user.role !== 'centre_staff') {
      receptionsApi.centres().then(
        (list) => setCentres([{ id: user.scopeNodeId, name: '县综治中心' }, ...list.map((t) => ({ id: t.id, name: t.centreName }))]),
        () => setCentres([]),
      );
    }
    api.staff.org().then(setOrg, () => setOrg(null));
    if (isNew) return setForm(emptyForm(user.scopeNodeId));
    try {
      setForm(formOf(await receptionsApi.host(hostId)));
    } catch (e) {
      setBanner(messageOf(e));
    }
  }

  useEffect(() => {
    void init();
  }, [hostId]);

  async function save() {
    if (!form || busy) return;
    setBanner('');
    setSaved(false);
    const parsed = HostBody.safeParse(bodyOf(form));
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const i of parsed.error.issues) out[i.path.join('.')] ??= i.message;
      setErrors(out);
      setBanner('有几处需要修改，见标红的说明');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await receptionsApi.saveHost(hostId, parsed.data);
      setSaved(true);
      setUpcoming((await receptionsApi.upcoming(hostId)).slice(0, 24));
    } catch (e) {
      if (e instanceof ApiError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path.replace(/^body\./, ''), i.message])));
      setBanner(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const err = (path: string): ReactNode =>
    errors[path] ? (
      <Text id={errId(path)} className='staff-error staff-field'>
        {errors[path]}
      </Text>
    ) : null;

  const text = (id: string, label: string, value: string, onChange: (v: string) => void, path: string, placeholder = '') => (
    <TextField look='staff' id={id} label={label} value={value} placeholder={placeholder} onInput={onChange} error={errors[path]} errorId={errId(path)} />
  );

  const win = (idBase: string, w: Win, onChange: (w: Win) => void) => (
    <>
      <TextInput id={`${idBase}-from`} label='开始时间' className='staff-input staff-time' value={w.from} placeholder='09:00' onInput={(v) => onChange({ ...w, from: v })} />
      <Text> 至 </Text>
      <TextInput id={`${idBase}-to`} label='结束时间' className='staff-input staff-time' value={w.to} placeholder='12:00' onInput={(v) => onChange({ ...w, to: v })} />
    </>
  );

  // 会诊单位: a department of the host's centre or of the county, as a consultation calls them
  const counties = new Set(org?.nodes.filter((n) => n.kind === 'county').map((n) => n.id));
  const departments = (org?.departments ?? []).filter((d) => d.centreId === form?.centreId || counties.has(d.centreId));

  const days = new Map<string, Array<{ start: string; end: string }>>();
  for (const s of upcoming) days.set(chinaDayOf(s.start), [...(days.get(chinaDayOf(s.start)) ?? []), s]);

  return (
    <StaffPage current='receptions'>
      {() => {
        return (
          <View>
            <View className='staff-title'>{isNew ? '新增接访人' : `接访人：${form?.name ?? ''}`}</View>
            {banner && (
              <View id='host-banner' className='staff-error staff-card'>
                {banner}
              </View>
            )}
            {form && (
              <View>
                <View className='staff-card'>
                  {text('host-name', '姓名', form.name, (v) => set({ name: v }), 'name')}
                  {text('host-title', '职务（可不填）', form.title, (v) => set({ title: v }), 'title', '例如：镇党委书记、执业律师')}
                  {centres.length > 0 && (
                    <View className='staff-field'>
                      <Text className='staff-field-label'>所属中心</Text>
                      <View className='staff-tabs'>
                        {centres.map((c) => (
                          <Button key={c.id} id={`host-centre-${c.id}`} className='staff-tab' pressed={form.centreId === c.id} onClick={() => set({ centreId: c.id })}>
                            {c.name}
                          </Button>
                        ))}
                      </View>
                      {err('centreId')}
                    </View>
                  )}
                  {departments.length > 0 && (
                    <View className='staff-field' id='host-department'>
                      <Text className='staff-field-label'>会诊单位（联合会诊时代表该部门参加会诊会议）</Text>
                      <View className='staff-tabs'>
                        <Button id='host-department-none' className='staff-tab' pressed={form.departmentId === ''} onClick={() => set({ departmentId: '' })}>
                          不参加会诊
                        </Button>
                        {departments.map((d) => (
                          <Button key={d.id} id={`host-department-${d.id}`} className='staff-tab' pressed={form.departmentId === d.id} onClick={() => set({ departmentId: d.id })}>
                            {d.name}
                          </Button>
                        ))}
                      </View>
                      {err('departmentId')}
                    </View>
                  )}
                  <View className='staff-field'>
                    <Text className='staff-field-label'>类型</Text>
                    <View className='staff-tabs'>
                      {HOST_KINDS.map((k) => (
                        <Button key={k} id={`host-kind-${k}`} className='staff-tab' pressed={form.kind === k} onClick={() => set({ kind: k })}>
                          {HOST_KIND_LABELS[k]}
                        </Button>
                      ))}
                    </View>
                    {err('kind')}
                  </View>
                  <View className='staff-field'>
                    <Text className='staff-field-label'>擅长领域（可多选）</Text>
                    <View className='staff-tabs'>
                      {EXPERTISE.map((x) => (
                        <Button key={x} id={`host-expertise-${x}`} className='staff-tab' pressed={form.expertise.includes(x)} onClick={() => set({ expertise: toggle(form.expertise, x) })}>
                          {EXPERTISE_LABELS[x]}
                        </Button>
                      ))}
                    </View>
                    {err('expertise')}
                  </View>
                  <View className='staff-field'>
                    <Text className='staff-field-label'>接访方式（可多选）</Text>
                    <View className='staff-tabs'>
                      {WAYS.map((w) => (
                        <Button key={w} id={`host-way-${w}`} className='staff-tab' pressed={form.ways.includes(w)} onClick={() => set({ ways: toggle(form.ways, w) })}>
                          {WAY_LABELS[w]}
                        </Button>
                      ))}
                    </View>
                    {err('ways')}
                  </View>
                  <TextField look='staff' id='host-intro' label='简介（群众可见，可不填）' multiline maxLength={300} value={form.intro} onInput={(v) => set({ intro: v })} error={errors['intro']} errorId={errId('intro')} />
                  <View className='staff-tabs'>
                    <Button id='host-active' className='staff-tab' pressed={form.active} onClick={() => set({ active: !form.active })}>
                      {form.active ? '✓ 接受预约' : '已停用（群众看不到）'}
                    </Button>
                  </View>
                </View>

                <View className='staff-card' id='weekly'>
                  <View className='staff-strong staff-field'>每周接访时间（北京时间，24 小时制 HH:MM）</View>
                  {form.weekly.map((windows, i) => (
                    <View key={i} className='staff-row staff-week-row' id={`week-${i + 1}`}>
                      <Text className='staff-weekday'>{WEEKDAY_NAMES[i]}</Text>
                      {!windows.length && <Text className='staff-muted'>不接访</Text>}
                      {windows.map((w, j) => (
                        <View key={j} className='staff-row'>
                          {win(`week-${i + 1}-${j}`, w, (nw) => set({ weekly: form.weekly.map((ws, k) => (k === i ? ws.map((x, m) => (m === j ? nw : x)) : ws)) }))}
                          <Button
                            id={`week-${i + 1}-${j}-remove`}
                            className='staff-link'
                            onClick={() => set({ weekly: form.weekly.map((ws, k) => (k === i ? ws.filter((_x, m) => m !== j) : ws)) })}
                          >
                            删除
                          </Button>
                          {err(`availability.weekly.${i}.windows.${j}.from`)}
                          {err(`availability.weekly.${i}.windows.${j}.to`)}
                        </View>
                      ))}
                      <Button
                        id={`week-${i + 1}-add`}
                        className='staff-btn'
                        onClick={() => set({ weekly: form.weekly.map((ws, k) => (k === i ? [...ws, { from: '09:00', to: '12:00' }] : ws)) })}
                      >
                        添加时段
                      </Button>
                    </View>
                  ))}
                  <View className='staff-tabs'>
                    <Button id='host-china-calendar' className='staff-tab' pressed={form.chinaCalendar} onClick={() => set({ chinaCalendar: !form.chinaCalendar })}>
                      {form.chinaCalendar ? '✓ 法定节假日休息，调休上班日照常接访' : '不按法定节假日安排'}
                    </Button>
                  </View>
                </View>

                <View className='staff-card' id='exceptions'>
                  <View className='staff-strong staff-field'>请假与加班值班（按日期，北京时间）</View>
                  <View className='staff-muted staff-field'>请假不填时段为全天不接访；加班值班须填时段，周末、节假日也可安排。</View>
                  {form.exceptions.map((e, i) => {
                    const change = (patch: Partial<Exception>) => set({ exceptions: form.exceptions.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
                    return (
                      <View key={i} className='staff-row staff-exception' id={`exc-${i}`}>
                        <TextInput id={`exc-${i}-date`} label='日期' className='staff-input staff-date' value={e.date} placeholder='2026-12-01' onInput={(v) => change({ date: v })} />
                        {(['leave', 'extra'] as const).map((k) => (
                          <Button key={k} id={`exc-${i}-kind-${k}`} className='staff-tab' pressed={e.kind === k} onClick={() => change({ kind: k })}>
                            {k === 'leave' ? '请假' : '加班值班'}
                          </Button>
                        ))}
                        {win(`exc-${i}`, e, (w) => change(w))}
                        <TextInput id={`exc-${i}-note`} label='说明' className='staff-input staff-note' value={e.note} placeholder='说明（可不填）' onInput={(v) => change({ note: v })} />
                        <Button id={`exc-${i}-remove`} className='staff-link' onClick={() => set({ exceptions: form.exceptions.filter((_x, k) => k !== i) })}>
                          删除
                        </Button>
                        {err(`availability.exceptions.${i}.date`)}
                        {err(`availability.exceptions.${i}.windows.0.from`)}
                        {err(`availability.exceptions.${i}.windows.0.to`)}
                        {err(`availability.exceptions.${i}.note`)}
                      </View>
                    );
                  })}
                  <Button id='exc-add' className='staff-btn' onClick={() => set({ exceptions: [...form.exceptions, { date: '', kind: 'leave', from: '', to: '', note: '' }] })}>
                    添加请假或值班
                  </Button>
                </View>

                <View className='staff-card' id='rules'>
                  <View className='staff-strong staff-field'>预约规则</View>
                  {RULES.map((r) => (
                    <View key={r.key} className='staff-field'>
                      <View className='staff-row'>
                        <Text className='staff-rule-label'>{r.label}</Text>
                        <TextInput
                          id={`rule-${r.key}`}
                          label={r.label}
                          className='staff-input staff-number'
                          kind='number'
                          value={form.rules[r.key]}
                          onInput={(v) => set({ rules: { ...form.rules, [r.key]: v } })}
                        />
                        <Text className='staff-muted'>{r.unit}</Text>
                      </View>
                      {err(`rules.${r.key}`)}
                    </View>
                  ))}
                </View>

                <Button id='save-host' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void save()}>
                  {busy ? '正在保存…' : '保存'}
                </Button>
                {saved && (
                  <View id='host-saved' className='staff-ok staff-field'>
                    已保存。
                  </View>
                )}
                {saved && (
                  <View className='staff-card' id='upcoming'>
                    <View className='staff-strong staff-field'>群众现在可预约的时间（北京时间，前 24 个）</View>
                    {!upcoming.length && <View className='staff-muted'>接下来 7 天没有可预约的时间：请检查每周接访时间和请假安排。</View>}
                    {[...days.entries()].map(([d, list]) => (
                      <View key={d} className='staff-field'>
                        <Text className='staff-strong'>{dayLabel(d)}：</Text>
                        <Text>{list.map((s) => `${chinaHm(s.start)}–${chinaHm(s.end)}`).join('  ')}</Text>
                      </View>
                    ))}
                  </View>
                )}
              </View>
            )}
          </View>
        );
      }}
    </StaffPage>
  );
}
