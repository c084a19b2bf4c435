import Taro from '@tarojs/taro';

/**
 * After a refused send: bring the first field with an error into view (`ids` in the form's order, the fields'
 * `id`s). WeChat scrolls the page to it; H5 (`focus.h5.ts`) also moves the keyboard focus there.
 */
export function showFirstError(ids: readonly string[]): void {
  const first = ids[0];
  if (first) void Taro.pageScrollTo({ selector: `#${first}`, duration: 200 }).catch(() => undefined);
}
