/**
 * H5: after a refused send, the first field with an error scrolls into the middle of the screen and takes the
 * keyboard focus (its input, or the first choice of a group), so a screen reader reads its label and its error.
 * Taro keeps earlier pages hidden in the DOM: only the visible copy counts.
 */
export function showFirstError(ids: readonly string[]): void {
  const first = ids[0];
  if (!first) return;
  // after React has drawn the errors
  setTimeout(() => {
    const box = (Array.from(document.querySelectorAll(`[id="${first}"]`)) as HTMLElement[]).find((e) => e.offsetParent !== null);
    if (!box) return;
    const target = (box.querySelector('input, textarea, button') as HTMLElement | null) ?? box;
    box.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, 0);
}
