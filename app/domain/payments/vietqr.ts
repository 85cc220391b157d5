/**
 * VietQR (NAPAS / EMVCo merchant-presented QR) payloads for bank transfers, PRODUCT.md §3.
 * Pure text in, text out: the PNG rendering and the platform account live elsewhere.
 */

/** NAPAS's application id inside field 38; identifies the payload as a VietQR transfer. */
export const VIETQR_GUID = "A000000727";
/** Service code for "transfer to an account" (as opposed to a card number). */
export const VIETQR_SERVICE_TO_ACCOUNT = "QRIBFTTA";
/** Longest transfer content banks reliably carry through to the receiving statement. */
export const TRANSFER_PURPOSE_MAX_LENGTH = 25;

const utf8 = new TextEncoder();

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no xorout) as 4 upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of utf8.encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Makes text safe for field 62/08: banking apps reject or mangle anything but plain ASCII
 * letters, digits and spaces, and cut long contents. Case is kept (Đ → D, đ → d).
 */
export function transferPurpose(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    // Line breaks and tabs separate words, so they become spaces rather than vanishing.
    .replace(/\s+/g, " ")
    .replace(/[^A-Za-z0-9 ]+/g, "")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, TRANSFER_PURPOSE_MAX_LENGTH)
    // The cut may land right after a space.
    .trimEnd();
}

/** One EMVCo TLV field: 2-digit id, 2-digit length, value. */
function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`VietQR: field id "${id}" must be two digits`);
  if (value.length === 0) throw new Error(`VietQR: field ${id} must not be empty`);
  if (value.length > 99) throw new Error(`VietQR: field ${id} is ${value.length} characters long; at most 99 fit`);
  return id + String(value.length).padStart(2, "0") + value;
}

export type VietQrInput = {
  bankBin: string;
  accountNumber: string;
  /** Integer VND; null for a static QR (a stall's sign), where the payer types the amount. */
  amount: number | null;
  /** Any text; folded with transferPurpose. */
  purpose: string;
};

/**
 * Builds the exact VietQR payload of PRODUCT.md §3: a dynamic QR with the amount fixed, or, with
 * `amount: null`, a static one (field 01 = "11", no field 54) that the payer's app asks an amount for.
 */
export function encodeVietQr({ bankBin, accountNumber, amount, purpose }: VietQrInput): string {
  if (amount !== null && (!Number.isSafeInteger(amount) || amount <= 0)) {
    throw new Error(`VietQR: amount must be a positive whole number of đồng, got ${amount}`);
  }
  if (!/^\d{6}$/.test(bankBin)) throw new Error(`VietQR: bank BIN must be 6 digits, got "${bankBin}"`);
  if (!/^[A-Za-z0-9]{1,19}$/.test(accountNumber)) {
    throw new Error(`VietQR: account number must be 1–19 letters or digits, got "${accountNumber}"`);
  }
  const beneficiary = tlv("00", bankBin) + tlv("01", accountNumber);
  const merchant = tlv("00", VIETQR_GUID) + tlv("01", beneficiary) + tlv("02", VIETQR_SERVICE_TO_ACCOUNT);
  const content = transferPurpose(purpose);
  const body =
    tlv("00", "01") +
    // "12" = dynamic QR: the amount is part of the code and the payer cannot change it; "11" = static.
    tlv("01", amount === null ? "11" : "12") +
    tlv("38", merchant) +
    tlv("53", "704") +
    (amount === null ? "" : tlv("54", String(amount))) +
    tlv("58", "VN") +
    // EMVCo forbids empty values, so a purpose that folds to nothing leaves field 62 out.
    (content ? tlv("62", tlv("08", content)) : "") +
    "6304";
  return body + crc16CcittFalse(body);
}

/** Splits one level of TLV text into id → value, in order. Throws on malformed or repeated fields. */
export function parseTlv(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw new Error(`VietQR: malformed field header "${head}" at position ${at}`);
    const id = head.slice(0, 2);
    const length = Number(head.slice(2));
    const value = text.slice(at + 4, at + 4 + length);
    if (length === 0 || value.length !== length) {
      throw new Error(`VietQR: field ${id} at position ${at} claims ${length} characters but ${value.length} follow`);
    }
    if (fields.has(id)) throw new Error(`VietQR: field ${id} appears twice`);
    fields.set(id, value);
    at += 4 + length;
  }
  return fields;
}

export type ParsedVietQr = {
  bankBin: string;
  accountNumber: string;
  /** Null for a static QR, where the payer types the amount. */
  amount: number | null;
  /** "" when the payload carries no transfer purpose. */
  purpose: string;
  /** True only when field 63 is last and matches the CRC of everything before its value. */
  crcValid: boolean;
};

/** Reads a VietQR payload back. Throws when the TLV structure is broken or it is not a VietQR transfer. */
export function parseVietQr(payload: string): ParsedVietQr {
  const top = parseTlv(payload);
  const merchantText = top.get("38");
  if (merchantText === undefined) throw new Error("VietQR: field 38 (merchant account) is missing");
  const merchant = parseTlv(merchantText);
  if (merchant.get("00") !== VIETQR_GUID) throw new Error("VietQR: field 38/00 is not the NAPAS id A000000727");
  const beneficiaryText = merchant.get("01");
  if (beneficiaryText === undefined) throw new Error("VietQR: field 38/01 (beneficiary) is missing");
  const beneficiary = parseTlv(beneficiaryText);
  const bankBin = beneficiary.get("00");
  const accountNumber = beneficiary.get("01");
  if (bankBin === undefined || accountNumber === undefined) {
    throw new Error("VietQR: field 38/01 needs both a bank BIN (00) and an account (01)");
  }

  const amountText = top.get("54");
  if (amountText !== undefined && !/^\d+$/.test(amountText)) {
    throw new Error(`VietQR: amount "${amountText}" is not a whole number of đồng`);
  }
  const additional = top.get("62");
  const purpose = additional === undefined ? "" : (parseTlv(additional).get("08") ?? "");

  const crc = top.get("63");
  // The CRC must close the payload; anything after it would be unprotected.
  const crcValid =
    crc !== undefined &&
    payload.endsWith(`6304${crc}`) &&
    crc16CcittFalse(payload.slice(0, -4)) === crc.toUpperCase();

  return {
    bankBin,
    accountNumber,
    amount: amountText === undefined ? null : Number(amountText),
    purpose,
    crcValid,
  };
}
