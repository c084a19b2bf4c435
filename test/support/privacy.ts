/** What must never reach a log: phone numbers, ID card numbers, bearer tokens. */
const PATTERNS: Array<[string, RegExp]> = [
  // not inside a longer run of letters and digits: request ids and hashes hold digit runs too
  ['phone number', /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/g],
  ['ID card number', /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g],
  ['token', /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/g],
];

/** Each finding names its kind and shows the line with the finding masked, so the report leaks nothing itself. */
export function findPersonalData(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    for (const [kind, re] of PATTERNS) {
      if (re.test(line)) found.push(`${kind}: ${line.replace(re, '***').slice(0, 200)}`);
      re.lastIndex = 0;
    }
  }
  return found;
}
