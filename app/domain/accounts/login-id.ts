/** What a person signs in with: an email address or a Vietnamese mobile number, in one canonical form. */
export type LoginId = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;
// Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09.
const VN_MOBILE = /^0[35789]\d{8}$/;

/**
 * "Lan@Example.com " → email "lan@example.com"; "+84 912 345 678", "0912.345.678" → phone "0912345678".
 * Null when it is neither.
 */
export function parseLoginId(input: string): LoginId | null {
  const text = input.trim();
  if (text.includes("@")) {
    const email = text.toLowerCase();
    return email.length <= 254 && EMAIL.test(email) ? { kind: "email", value: email } : null;
  }
  let digits = text.replace(/[\s.\-()]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  return VN_MOBILE.test(digits) ? { kind: "phone", value: digits } : null;
}
