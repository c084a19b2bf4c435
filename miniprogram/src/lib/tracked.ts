/**
 * The query secret of an anonymous report, held in memory for this visit only: never in a page's URL (where the
 * address bar, the history and a shared link would keep it) and never in storage. A reload asks for it again.
 */
let current: { code: string; secret: string } | undefined;

export const tracked = {
  set(code: string, secret: string): void {
    current = { code, secret };
  },
  secretFor(code: string): string | undefined {
    return current?.code === code ? current.secret : undefined;
  },
};

/** A secret as the app makes them (12 of A–Z and 2–9 without O, I) is forgiven lower case and spaces. */
export function normaliseSecret(typed: string): string {
  const s = typed.replace(/\s+/g, '');
  return /^[A-HJ-NP-Z2-9]{12}$/i.test(s) ? s.toUpperCase() : s;
}
