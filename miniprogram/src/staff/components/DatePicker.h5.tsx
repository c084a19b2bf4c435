import type { DatePickerProps } from './DatePicker';

/** H5: a native date or month input with its visible label; Tab reaches it and the keyboard types the date. */
export function DatePicker(p: DatePickerProps) {
  return (
    <label id={p.id} className='staff-datepick'>
      <span className='staff-datepick-label'>{p.label}</span>
      <input
        id={`${p.id}-input`}
        className='staff-input'
        type={p.month ? 'month' : 'date'}
        value={p.value}
        // a date being typed is '' until it is whole: only a whole one changes the view
        onChange={(e) => e.target.value && p.onChange(e.target.value)}
      />
    </label>
  );
}
