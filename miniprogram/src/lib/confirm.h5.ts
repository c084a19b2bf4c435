import Taro from '@tarojs/taro';
// not './confirm': in the H5 build that is this file
import { CONFIRM_COLOURS, type Confirm } from './dialog';

/**
 * H5: Taro draws its dialog from plain boxes that neither the keyboard nor a screen reader can reach. While it is
 * open this makes it a modal dialog with a name, its two choices buttons in the Tab order (Enter or Space takes one,
 * Escape goes back), the focus on the way back first (the safe choice), and the focus returned where it was after.
 */
export async function confirm(c: Confirm): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const answer = Taro.showModal({ ...c, ...CONFIRM_COLOURS });
  // Taro adds the dialog to the page in the same turn; make it accessible before anyone can act on it
  await new Promise((r) => setTimeout(r, 0));
  const root = Array.from(document.querySelectorAll<HTMLElement>('.taro__modal')).pop();
  const choices = () => Array.from(root?.querySelectorAll<HTMLElement>('.taro-model__btn') ?? []).filter((b) => b.style.display !== 'none');
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') root?.querySelector<HTMLElement>('.taro-model__cancel')?.click();
    if (e.key !== 'Tab') return;
    // the focus stays in the dialog while it is open
    const all = choices();
    const at = all.indexOf(document.activeElement as HTMLElement);
    e.preventDefault();
    all[(at + (e.shiftKey ? all.length - 1 : 1)) % all.length]?.focus();
  };
  if (root) {
    const box = root.querySelector<HTMLElement>('.taro-modal__content');
    const title = root.querySelector<HTMLElement>('.taro-modal__title');
    const text = root.querySelector<HTMLElement>('.taro-modal__text');
    if (title) title.id = 'confirm-title';
    if (text) {
      text.id = 'confirm-text';
      // Taro's grey (#808080) is 3.9:1 on white
      text.style.color = '#3a3a3a';
      text.style.fontSize = '17px';
    }
    box?.setAttribute('role', 'alertdialog');
    box?.setAttribute('aria-modal', 'true');
    box?.setAttribute('aria-labelledby', 'confirm-title');
    box?.setAttribute('aria-describedby', 'confirm-text');
    for (const [cls, id] of [['.taro-model__cancel', 'confirm-cancel'], ['.taro-model__confirm', 'confirm-ok']] as const) {
      const b = root.querySelector<HTMLElement>(cls);
      if (!b) continue;
      b.id = id;
      b.setAttribute('role', 'button');
      b.tabIndex = 0;
      b.onkeydown = (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          b.click();
        }
      };
    }
    document.addEventListener('keydown', onKey);
    choices()[0]?.focus();
  }
  try {
    return (await answer).confirm;
  } finally {
    document.removeEventListener('keydown', onKey);
    if (opener?.isConnected) opener.focus();
  }
}
