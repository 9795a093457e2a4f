// Phone numbers shown to people who are not the booking's own lawyer or staff are masked.

/** "138****1234" for a mobile number; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/\s/g, "");
  const digits = compact.replace(/-/g, "");
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 4) return "*".repeat(digits.length);
  // The area code is unambiguous only when written with a dash (020-… or 0750-…); otherwise keep three digits.
  const area = /^(0\d{2,3})-/.exec(compact)?.[1] ?? digits.slice(0, 3);
  return `${area}${"*".repeat(Math.max(digits.length - area.length - 4, 0))}${digits.slice(-4)}`;
}
