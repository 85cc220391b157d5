/**
 * SMS text without Vietnamese marks ("Chợ OCOP: đơn" → "Cho OCOP: don"): a brandname SMS sent with
 * IsUnicode=0 costs one part per 160 characters instead of 70, and eSMS templates are registered so.
 */
export function smsText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/…/g, "...")
    .replace(/₫/g, "d")
    .replace(/[^\x20-\x7e\n]/g, " ");
}
