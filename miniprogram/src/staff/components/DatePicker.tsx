import { Picker, View } from '@tarojs/components';

export interface DatePickerProps {
  /** `#<id>` is the control (H5: the group of its selects, `#<id>-year`, `#<id>-month`, `#<id>-day`) */
  id: string;
  /** the accessible name (开始日期 …) */
  label: string;
  /** a day `YYYY-MM-DD`, or a month `YYYY-MM` when `month` */
  value: string;
  month?: boolean;
  onChange: (value: string) => void;
  /** what the button shows in WeChat (从 2024-07-01 …); H5 shows the date in its selects */
  text: string;
}

/**
 * A date (or a month) of a staff page. WeChat: its native picker under a button-like view. H5 (`DatePicker.h5.tsx`):
 * selects for the year, month and day, which a keyboard sets, as Taro's H5 picker (a touch-only scroller) is not, and
 * which read in Chinese in any browser, as a native date input does not.
 */
export function DatePicker(p: DatePickerProps) {
  return (
    <Picker mode='date' fields={p.month ? 'month' : 'day'} value={p.value} onChange={(e) => p.onChange(p.month ? e.detail.value.slice(0, 7) : e.detail.value)}>
      <View id={p.id} className='staff-btn' ariaLabel={p.label}>
        {p.text}
      </View>
    </Picker>
  );
}
