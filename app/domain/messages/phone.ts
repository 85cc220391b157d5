/**
 * A Vietnamese mobile number as Zalo ZNS wants it (INTEGRATIONS.md §4.1): 84 and the nine digits
 * after the leading 0, e.g. "0912 345 678" / "+84912345678" → "84912345678". Null for anything
 * else (a landline, a foreign number): those get e-mail, or nothing, not a failed send.
 */
export function normaliseVietnamesePhone(phone: string): string | null {
  const digits = phone.replace(/[\s.\-()]/g, "");
  const match = /^(?:\+?84|0)([35789]\d{8})$/.exec(digits);
  return match ? `84${match[1]}` : null;
}

/** The national form eSMS shows in its examples ("0912345678"), from the 84 form. */
export function nationalPhone(phone84: string): string {
  return phone84.startsWith("84") ? `0${phone84.slice(2)}` : phone84;
}
