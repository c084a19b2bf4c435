/**
 * H5: the browser's default font size (the user's setting, 16 px unless changed), read as the size of
 * `font-size: medium`, which the page's own root size does not touch.
 */
export function userTextScale(): number {
  if (typeof document === 'undefined' || !document.body) return 1;
  const probe = document.createElement('div');
  probe.style.cssText = 'font-size:medium;position:absolute;visibility:hidden';
  document.body.appendChild(probe);
  const px = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return px > 0 ? px / 16 : 1;
}
