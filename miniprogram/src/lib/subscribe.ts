/**
 * WeChat subscribe messages: the citizen agrees to be told of each step, one message per agreement, and WeChat
 * lets the app ask only right after a tap. The templates they accept are reported to the API, which spends one
 * agreement per message it sends. H5 has no such messages.
 */
import Taro from '@tarojs/taro';
import { citizen } from './api';

export type Template = 'progress' | 'result' | 'reminder';

const TEMPLATE_IDS: Record<Template, string> = {
  progress: WECHAT_TEMPLATE_PROGRESS,
  result: WECHAT_TEMPLATE_RESULT,
  reminder: WECHAT_TEMPLATE_REMINDER,
};

/** Call first thing in a tap handler (before any await): WeChat refuses the dialog outside a tap. */
export function askForUpdates(kinds: Template[]): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const ids = kinds.map((k) => TEMPLATE_IDS[k]);
  let asked: ReturnType<typeof Taro.requestSubscribeMessage>;
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] });
  } catch {
    return; // an old base library without the dialog: the case is still followed in the app
  }
  void asked
    .then((res) => {
      // WeChat answers with one key per template id: 'accept', 'reject' or 'ban'
      const answers = new Map<string, unknown>(Object.entries(res));
      const accepted = kinds.filter((k) => answers.get(TEMPLATE_IDS[k]) === 'accept');
      if (accepted.length) return citizen.subscribe({ body: { templates: accepted } });
      return undefined;
    })
    .catch(() => undefined); // declining, or a failed report of it, never stops the report itself
}
