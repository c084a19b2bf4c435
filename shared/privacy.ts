/** What staff may see of a citizen's contact details: a phone number is always masked (138****1234). */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
