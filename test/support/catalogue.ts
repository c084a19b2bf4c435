/**
 * What a citizen page may show: a word of the catalogue (miniprogram/src/i18n), a template of it filled with values,
 * or data — a string the API answered (names from the organisation, the case's own words, codes), a time from the
 * one formatter (shared/format.ts), a number. `notInCatalogue` names every text that is none of these.
 */
import { bookingLabels, bookingWords } from '../../miniprogram/src/i18n/booking';
import { words } from '../../miniprogram/src/i18n';
import { labels } from '../../miniprogram/src/i18n/labels';

/** Every string the catalogue holds, at any depth. */
export function catalogueStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk([words, labels, bookingWords, bookingLabels]);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
/** A template as a pattern: each `{name}` stands for any non-empty value. */
const patternOf = (template: string) => new RegExp(`^${escape(template).replace(/\\?\{\w+\\?\}/g, '(.+)')}$`, 's');

/** formatTime's `2026年12月1日 09:00`, a clock `09:30`, a date alone, or a number. */
const FORMATTED = [/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^\d{1,2}:\d{2}$/, /^\d+$/];

/** Every string and number in an API answer, at any depth. */
export function dataOf(answer: unknown, into = new Set<string>()): Set<string> {
  if (typeof answer === 'string' || typeof answer === 'number') into.add(String(answer).trim());
  else if (answer && typeof answer === 'object') for (const x of Object.values(answer)) dataOf(x, into);
  return into;
}

/** The texts that are neither the catalogue's words, a filled template of it, nor data. */
export function notInCatalogue(texts: string[], data: Set<string>): string[] {
  const all = catalogueStrings();
  const exact = new Set(all);
  const templates = all.filter((s) => /\{\w+\}/.test(s)).map(patternOf);
  return texts.filter((t) => !exact.has(t) && !data.has(t) && !FORMATTED.some((re) => re.test(t)) && !templates.some((re) => re.test(t)));
}
