/**
 * The catalogue the citizen pages read their words from: ./zh.ts (main package), ./booking.ts (the booking
 * subpackage), and the names of the codes that the staff pages and the API share (./labels.ts, subpackages only). A
 * page writes no word of its own: `words.report.send`, `fill(words.report.whichTownship, { township })`.
 *
 * Another language: a file of the shape `Catalogue` (same keys, its own words), chosen here instead of `zh`.
 */
import { zh } from './zh';

/** The catalogue's shape with any words: what another language's file must provide. */
export type Catalogue = Loose<typeof zh>;
type Loose<T> = T extends string ? string : { readonly [K in keyof T]: Loose<T[K]> };

export const words: typeof zh = zh;

/** The names of a template's `{placeholders}`. */
export type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer R}` ? K | Placeholders<R> : never;

/** A template of the catalogue with its values put in: `fill('有 {n} 件', { n: 3 })` → `有 3 件`. */
export function fill<S extends string>(template: S, values: Record<Placeholders<S>, string | number>): string {
  const byName = values as Record<string, string | number>;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in byName ? String(byName[name]) : whole));
}
