/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and the C1 controls.
 * Nobody types them; sent in a form they were stored as they came (a NUL in a product name, a BEL in
 * a bank account name) and then printed into pages, CSV and XML (where XML 1.0 forbids them).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Fields compared byte for byte against what was stored before: a password is kept as typed. */
const AS_TYPED = new Set(["password"]);

/** Text without the control characters a person never means to send. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}

/** The posted form with control characters removed from every text value (files and passwords untouched). */
export function cleanFormText(form: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of form) {
    if (typeof value === "string" && !AS_TYPED.has(name)) clean.append(name, withoutControlCharacters(value));
    else clean.append(name, value);
  }
  return clean;
}
