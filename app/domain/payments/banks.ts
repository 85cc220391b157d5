/** Short names of Vietnamese banks by their NAPAS BIN, to show beside an account number. */
const BANK_NAMES: Record<string, string> = {
  "970405": "Agribank",
  "970407": "Techcombank",
  "970415": "VietinBank",
  "970416": "ACB",
  "970418": "BIDV",
  "970422": "MB Bank",
  "970423": "TPBank",
  "970432": "VPBank",
  "970436": "Vietcombank",
  "970441": "VIB",
  "970443": "SHB",
  "970448": "OCB",
};

export function bankName(bin: string): string {
  return BANK_NAMES[bin] ?? `BIN ${bin}`;
}
