/**
 * Masked destinations as Cognito shows them (docs/cognito.md §6.1): email `local[0]***@domain[0]***` (TLD
 * dropped), phone `+` then one `*` per hidden digit and the last four digits. The two characters an
 * email mask shows are lower-cased: domains are case-insensitive and so is every email lookup in a
 * case-insensitive pool, so `Bob@Example.com` and `bob@example.com` must mask alike — otherwise the
 * stored spelling of a real address would tell it from a simulated one built from the input.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  const local = email.slice(0, Math.max(at, 0));
  const domain = email.slice(at + 1);
  return `${firstChar(local)}***@${firstChar(domain)}***`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  const shown = digits.slice(-4);
  return `+${"*".repeat(Math.max(digits.length - shown.length, 0))}${shown}`;
}

export function maskDestination(attribute: "email" | "phone_number", value: string): string {
  return attribute === "email" ? maskEmail(value) : maskPhone(value);
}

function firstChar(text: string): string {
  return (Array.from(text)[0] ?? "").toLowerCase();
}
