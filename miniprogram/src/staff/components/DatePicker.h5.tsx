import { useEffect, useState } from 'react';
import { chinaToday } from '../lib/receptions';
import type { DatePickerProps } from './DatePicker';

/** The first year a staff page offers: the platform's records start in it */
const FIRST_YEAR = 2020;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: string, month: string) => new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
const partsOf = (value: string) => {
  const [y = '', m = '', d = ''] = value ? value.split('-') : [];
  return { y, m, d };
};

/**
 * H5: a select each for the year, the month (and the day), labelled in Chinese whatever the browser's language (a
 * native date input draws "July 2024" or "mm/dd/yyyy" in an English browser). Tab reaches each, the arrow keys set
 * it; the view changes once the date is whole.
 */
export function DatePicker(p: DatePickerProps) {
  const [draft, setDraft] = useState(() => partsOf(p.value));
  useEffect(() => setDraft(partsOf(p.value)), [p.value]);
  // the latest year offered: this year in China
  const latest = Number(chinaToday().slice(0, 4));
  const years = Array.from({ length: latest - FIRST_YEAR + 1 }, (_, i) => String(latest - i));
  if (draft.y && !years.includes(draft.y)) years.push(draft.y);
  const set = (part: 'y' | 'm' | 'd', v: string) => {
    const next = { ...draft, [part]: v };
    // 31 March, then February: the month's last day
    const last = next.y && next.m ? daysIn(next.y, next.m) : 31;
    if (Number(next.d) > last) next.d = pad(last);
    setDraft(next);
    if (next.y && next.m && (p.month || next.d)) p.onChange(p.month ? `${next.y}-${next.m}` : `${next.y}-${next.m}-${next.d}`);
  };
  const select = (part: 'y' | 'm' | 'd', name: string, options: Array<[string, string]>) => (
    <select id={`${p.id}-${part === 'y' ? 'year' : part === 'm' ? 'month' : 'day'}`} className='staff-input' aria-label={`${p.label}：${name}`} value={draft[part]} onChange={(e) => set(part, e.target.value)}>
      {draft[part] ? null : <option value=''>{name}</option>}
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
  const days = draft.y && draft.m ? daysIn(draft.y, draft.m) : 31;
  return (
    <span id={p.id} role='group' aria-label={p.label} className='staff-datepick'>
      <span className='staff-datepick-label'>{p.label}</span>
      {select('y', '年', years.map((y) => [y, `${y}年`]))}
      {select('m', '月', Array.from({ length: 12 }, (_, i) => [pad(i + 1), `${i + 1}月`]))}
      {p.month ? null : select('d', '日', Array.from({ length: days }, (_, i) => [pad(i + 1), `${i + 1}日`]))}
    </span>
  );
}
